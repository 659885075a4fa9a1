from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from sache.calls.models import ApplicationQuestion, Call, Criterion
from sache.programmes.forms import programme_field


class CallForm(forms.ModelForm):
    class Meta:
        model = Call
        fields = [
            "title", "programme", "description", "language", "budget", "opens_at", "closes_at", "require_heritage",
            "require_creative", "lead_region_prefixes", "min_partners", "max_partners",
            "reviews_per_application", "max_reviewer_load", "feedback_template",
        ]
        widgets = {
            "opens_at": forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M"),
            "closes_at": forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M"),
        }

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["programme"] = programme_field(initial=self.instance.programme_id if self.instance.pk else None)

    def clean(self):
        data = super().clean()
        if data.get("opens_at") and data.get("closes_at") and data["closes_at"] <= data["opens_at"]:
            self.add_error("closes_at", _("The call must close after it opens."))
        return data


class QuestionForm(forms.ModelForm):
    class Meta:
        model = ApplicationQuestion
        fields = ["label", "help_text", "kind", "required", "max_length", "min_value", "max_value", "choices",
                  "max_file_size_kb", "file_types"]


class CriterionForm(forms.ModelForm):
    class Meta:
        model = Criterion
        fields = ["name", "guidance", "weight", "scale_max"]


class NewApplicationForm(forms.Form):
    title = forms.CharField(label=_("Project title"), max_length=200)
    lead = forms.ModelChoiceField(label=_("Lead applicant"), queryset=None)

    def __init__(self, *args, lead_choices, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["lead"].queryset = lead_choices


class InviteForm(forms.Form):
    organisation = forms.ModelChoiceField(label=_("Partner organisation"), queryset=None)

    def __init__(self, *args, choices, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["organisation"].queryset = choices


class AssignmentRunForm(forms.Form):
    fair = forms.BooleanField(label=_("Fairness mode (raise the worst-served application first)"), required=False)
    same_region = forms.BooleanField(label=_("Treat reviewers from the lead applicant's region as conflicted"), required=False)


class ManualAssignmentForm(forms.Form):
    application = forms.ModelChoiceField(label=_("Application"), queryset=None)
    reviewer = forms.ModelChoiceField(label=_("Reviewer"), queryset=None)

    def __init__(self, *args, applications, reviewers, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["application"].queryset = applications
        self.fields["reviewer"].queryset = reviewers


class ConflictForm(forms.Form):
    reason = forms.CharField(label=_("Reason"), max_length=300, required=False)


class PitchSessionForm(forms.Form):
    title = forms.CharField(label=_("Session title"), max_length=200)
    jurors = forms.ModelMultipleChoiceField(label=_("Jury"), queryset=None, widget=forms.CheckboxSelectMultiple)
    applications = forms.ModelMultipleChoiceField(label=_("Pitching applications"), queryset=None, widget=forms.CheckboxSelectMultiple)

    def __init__(self, *args, jurors, applications, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["jurors"].queryset = jurors
        self.fields["applications"].queryset = applications
