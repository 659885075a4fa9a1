from __future__ import annotations

from django import forms
from django.contrib.auth import password_validation
from django.contrib.auth.forms import AuthenticationForm
from django.utils.translation import gettext_lazy as _

from sache.accounts.enums import Role
from sache.directory.models import Organisation


class EmailAuthenticationForm(AuthenticationForm):
    username = forms.EmailField(
        label=_("Email address"), widget=forms.EmailInput(attrs={"autocomplete": "email", "autofocus": True})
    )


class InvitationForm(forms.Form):
    email = forms.EmailField(label=_("Email address"))
    role = forms.ChoiceField(label=_("Role"), choices=Role.choices)
    organisation = forms.ModelChoiceField(
        label=_("Organisation"),
        queryset=Organisation.objects.order_by("name"),
        required=False,
        help_text=_("Required for organisation members."),
    )

    def clean(self) -> dict:
        cleaned = super().clean()
        if cleaned.get("role") == Role.MEMBER and not cleaned.get("organisation"):
            self.add_error("organisation", _("Choose the organisation the new member will belong to."))
        return cleaned


class AcceptInvitationForm(forms.Form):
    full_name = forms.CharField(label=_("Full name"), max_length=200)
    password1 = forms.CharField(
        label=_("Password"), strip=False, widget=forms.PasswordInput(attrs={"autocomplete": "new-password"})
    )
    password2 = forms.CharField(
        label=_("Password again"), strip=False, widget=forms.PasswordInput(attrs={"autocomplete": "new-password"})
    )
    privacy_notice = forms.BooleanField(label=_("I have read the privacy notice."))

    def __init__(self, *args, email: str, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.email = email

    def clean(self) -> dict:
        cleaned = super().clean()
        first, second = cleaned.get("password1"), cleaned.get("password2")
        if first and second and first != second:
            self.add_error("password2", _("The two passwords differ."))
        elif first:
            from sache.accounts.models import User

            try:
                password_validation.validate_password(first, User(email=self.email, full_name=cleaned.get("full_name", "")))
            except forms.ValidationError as error:
                self.add_error("password1", error)
        return cleaned


class EraseAccountForm(forms.Form):
    password = forms.CharField(
        label=_("Your password, to confirm"), strip=False, widget=forms.PasswordInput(attrs={"autocomplete": "current-password"})
    )
    confirm = forms.BooleanField(label=_("I understand that this cannot be undone."))

    def __init__(self, *args, user, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.user = user

    def clean_password(self) -> str:
        password = self.cleaned_data["password"]
        if not self.user.check_password(password):
            raise forms.ValidationError(_("The password is not correct."))
        return password
