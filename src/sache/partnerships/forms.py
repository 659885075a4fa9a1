from __future__ import annotations

from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _

from sache.core.uploads import content_problem
from sache.directory.enums import Publication
from sache.directory.models import Organisation
from sache.partnerships.enums import EndReason, Origin, OutcomeKind
from sache.programmes.forms import programme_field


class PartnershipForm(forms.Form):
    title = forms.CharField(label=_("Title"), max_length=200)
    summary = forms.CharField(label=_("What you want to achieve together"), widget=forms.Textarea(attrs={"rows": 4}), required=False)
    language = forms.ChoiceField(label=_("Language of the summary"), choices=settings.CONTENT_LANGUAGES)
    lead = forms.ModelChoiceField(label=_("Your organisation (lead partner)"), queryset=Organisation.objects.none())
    partners = forms.ModelMultipleChoiceField(
        label=_("Partner organisations"),
        queryset=Organisation.objects.filter(publication=Publication.PUBLISHED),
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Search for organisations by name and tick the partners."),
    )
    origin = forms.ChoiceField(label=_("How it started"), choices=Origin.choices, initial=Origin.MANUAL)
    origin_detail = forms.CharField(label=_("Details of the start"), max_length=200, required=False)
    programme = programme_field(help_text=_("If it began at an event, workshop or call of a programme, that programme."))

    def __init__(self, *args, lead_choices, partner_choices=None, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["lead"].queryset = lead_choices
        if partner_choices is not None:
            # Only the organisations the user found are rendered; any published one validates.
            self.fields["partners"].widget.choices = [(o.pk, o.name) for o in partner_choices]


class EndForm(forms.Form):
    reason = forms.ChoiceField(label=_("Reason"), choices=EndReason.choices)


class MilestoneForm(forms.Form):
    title = forms.CharField(label=_("Milestone"), max_length=200)
    due_date = forms.DateField(label=_("Due date"), widget=forms.DateInput(attrs={"type": "date"}))


class OutcomeForm(forms.Form):
    kind = forms.ChoiceField(label=_("Kind"), choices=OutcomeKind.choices)
    description = forms.CharField(label=_("Description"), max_length=300)
    value = forms.DecimalField(label=_("Value"), required=False, min_value=0, max_digits=14, decimal_places=2)
    achieved_on = forms.DateField(label=_("Date"), widget=forms.DateInput(attrs={"type": "date"}))


class DocumentForm(forms.Form):
    title = forms.CharField(label=_("Title"), max_length=200)
    url = forms.URLField(label=_("Link"), required=False, assume_scheme="https")
    file = forms.FileField(label=_("File"), required=False, help_text=_("PDF, office documents or images, up to 10 MB."))

    ALLOWED_EXTENSIONS = {".pdf", ".docx", ".xlsx", ".pptx", ".odt", ".ods", ".png", ".jpg", ".jpeg"}
    MAX_SIZE = 10 * 1024 * 1024

    def clean_file(self):
        upload = self.cleaned_data.get("file")
        if upload:
            name = upload.name.lower()
            if not any(name.endswith(extension) for extension in self.ALLOWED_EXTENSIONS):
                raise forms.ValidationError(_("This kind of file is not accepted."))
            if upload.size > self.MAX_SIZE:
                raise forms.ValidationError(_("The file is larger than 10 MB."))
            problem = content_problem(upload)  # the bytes must be what the extension says
            if problem:
                raise forms.ValidationError(problem)
        return upload

    def clean(self):
        cleaned = super().clean()
        if not cleaned.get("url") and not cleaned.get("file") and not self.errors:
            raise forms.ValidationError(_("Give a link or upload a file."))
        return cleaned
