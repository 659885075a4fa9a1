from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from sache.programmes.models import Programme

RESERVED_CODES = {"new", "export"}


class ProgrammeForm(forms.ModelForm):
    class Meta:
        model = Programme
        fields = ["name", "code", "language", "funder", "starts_on", "ends_on", "description"]
        widgets = {
            "starts_on": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
            "ends_on": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
            "description": forms.Textarea(attrs={"rows": 5}),
        }

    def clean_code(self) -> str:
        code = self.cleaned_data["code"]
        # These words are addresses of pages of their own under /programmes/.
        if code.lower() in RESERVED_CODES:
            raise forms.ValidationError(_("This code is reserved; choose another."))
        return code

    def clean(self) -> dict:
        data = super().clean()
        if data.get("starts_on") and data.get("ends_on") and data["ends_on"] < data["starts_on"]:
            self.add_error("ends_on", _("The programme must end after it starts."))
        return data


def programme_field(**kwargs: object) -> forms.ModelChoiceField:
    """The optional programme selector of event, call, workshop and partnership forms."""
    return forms.ModelChoiceField(
        label=_("Programme"), queryset=Programme.objects.order_by("name"), required=False,
        empty_label=_("— no programme —"),
        help_text=kwargs.pop("help_text", _("The programme this activity belongs to, for reports to its funder.")),  # type: ignore[arg-type]
        **kwargs,  # type: ignore[arg-type]
    )
