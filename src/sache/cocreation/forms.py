"""Forms of co-creation workshops: they validate shape; services decide."""

from __future__ import annotations

from django import forms
from django.conf import settings
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from sache.cocreation.enums import ContributionKind, QuestionKind, Sector, SurveyPhase, TableKind
from sache.cocreation.models import Survey, ThematicArea, Workshop, WorkshopParticipant
from sache.directory.models import Person
from sache.events.enums import EventKind
from sache.events.models import Event
from sache.programmes.forms import programme_field


class WorkshopCreateForm(forms.Form):
    event = forms.ModelChoiceField(
        label=_("Event"),
        queryset=Event.objects.none(),
        required=False,
        help_text=_("An existing event becomes the workshop; leave empty to create a new draft event."),
    )
    title = forms.CharField(label=_("Title of a new event"), max_length=200, required=False)
    programme = programme_field(help_text=_("The programme the workshop (and its event) belongs to; empty keeps the chosen event's."))
    rounds = forms.IntegerField(label=_("Rounds"), min_value=1, max_value=12, initial=3)
    round_minutes = forms.IntegerField(label=_("Minutes per round"), min_value=5, max_value=240, initial=20)
    starts_at = forms.DateTimeField(
        label=_("First round starts"), required=False, widget=forms.DateTimeInput(attrs={"type": "datetime-local"})
    )
    region = forms.CharField(label=_("Region (NUTS code)"), max_length=10, required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["event"].queryset = Event.objects.filter(workshop__isnull=True, kind=EventKind.WORKSHOP).order_by("title")

    def clean(self):
        cleaned = super().clean()
        if not cleaned.get("event") and not cleaned.get("title", "").strip():
            self.add_error("title", _("Choose an event or give the new event a title."))
        return cleaned


class WorkshopSettingsForm(forms.ModelForm):
    class Meta:
        model = Workshop
        fields = ["rounds", "round_minutes", "starts_at", "region"]
        widgets = {"starts_at": forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M")}

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        # A workshop's programme is its event's: one place to keep it, whichever form changes it.
        self.fields["programme"] = programme_field(initial=self.instance.event.programme_id if self.instance.pk else None)


class AreaForm(forms.Form):
    title = forms.CharField(label=_("Title"), max_length=150)
    question = forms.CharField(label=_("Guiding question"), required=False, widget=forms.Textarea(attrs={"rows": 2}))
    host = forms.ModelChoiceField(label=_("Host"), queryset=WorkshopParticipant.objects.none(), required=False)

    def __init__(self, *args, workshop: Workshop, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["host"].queryset = workshop.participants.select_related("person")


class TableForm(forms.Form):
    name = forms.CharField(label=_("Name"), max_length=60)
    kind = forms.ChoiceField(label=_("Kind"), choices=TableKind.choices)
    capacity = forms.IntegerField(label=_("Seats (host included)"), min_value=2, max_value=30, initial=6)
    area = forms.ModelChoiceField(label=_("Thematic area"), queryset=ThematicArea.objects.none(), required=False)
    room_url = forms.URLField(label=_("Breakout room link"), required=False, assume_scheme="https")

    def __init__(self, *args, workshop: Workshop, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["area"].queryset = workshop.areas.all()


class ParticipantForm(forms.Form):
    person = forms.ModelChoiceField(label=_("Person"), queryset=Person.objects.none())
    sector = forms.ChoiceField(
        label=_("Sector"),
        choices=[("", _("From the organisation's kind"))] + list(Sector.choices),
        required=False,
    )
    preferred_areas = forms.ModelMultipleChoiceField(
        label=_("Preferred thematic areas"), queryset=ThematicArea.objects.none(), required=False,
        widget=forms.CheckboxSelectMultiple,
    )

    def __init__(self, *args, workshop: Workshop, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["person"].queryset = (
            Person.objects.exclude(pk__in=workshop.participants.values("person_id"))
            .select_related("organisation")
            .order_by("organisation__name", "last_name", "first_name")
        )
        self.fields["person"].label_from_instance = lambda person: f"{person.full_name} · {person.organisation.name}"
        self.fields["preferred_areas"].queryset = workshop.areas.all()


class PreferencesForm(forms.Form):
    preferred_areas = forms.ModelMultipleChoiceField(
        label=_("Thematic areas you would most like to discuss"), queryset=ThematicArea.objects.none(), required=False,
        widget=forms.CheckboxSelectMultiple,
    )

    def __init__(self, *args, workshop: Workshop, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["preferred_areas"].queryset = workshop.areas.all()


class ContributionForm(forms.Form):
    area = forms.ModelChoiceField(label=_("Thematic area"), queryset=ThematicArea.objects.none(), empty_label=None)
    round_number = forms.TypedChoiceField(label=_("Round"), coerce=int)
    kind = forms.ChoiceField(label=_("Kind"), choices=ContributionKind.choices, widget=forms.RadioSelect)
    language = forms.ChoiceField(label=_("Language of your text"), choices=settings.CONTENT_LANGUAGES)
    text = forms.CharField(label=_("Your contribution"), max_length=1000, widget=forms.Textarea(attrs={"rows": 4}))

    def __init__(self, *args, workshop: Workshop, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["area"].queryset = workshop.areas.all()
        self.fields["round_number"].choices = [(number, str(number)) for number in workshop.round_numbers()]
        language = (get_language() or "pl").split("-")[0]
        self.fields["language"].initial = language
        self.fields["kind"].initial = ContributionKind.IDEA
        if workshop.current_round:
            self.fields["round_number"].initial = workshop.current_round


class ConclusionsForm(forms.Form):
    title = forms.CharField(label=_("Title"), max_length=200)
    language = forms.ChoiceField(label=_("Language"), choices=settings.CONTENT_LANGUAGES)
    body = forms.CharField(
        label=_("Text (Markdown)"),
        widget=forms.Textarea(attrs={"rows": 24}),
        required=False,
        help_text=_("Headings start with #, list items with -. Raw HTML is shown as text."),
    )


class SurveyCreateForm(forms.Form):
    title = forms.CharField(label=_("Title"), max_length=200)
    phase = forms.ChoiceField(label=_("When"), choices=SurveyPhase.choices)


class QuestionForm(forms.Form):
    text = forms.CharField(label=_("Question"), max_length=300)
    kind = forms.ChoiceField(label=_("Kind"), choices=QuestionKind.choices)
    choices = forms.CharField(
        label=_("Options"), required=False, widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("One option per line; only for single and multiple choice."),
    )

    def clean_choices(self) -> list[str]:
        return [line.strip() for line in self.cleaned_data["choices"].splitlines() if line.strip()]


class SurveyAnswerForm(forms.Form):
    """One field per question, all optional; names are ``q<id>``."""

    def __init__(self, *args, survey: Survey, **kwargs):
        super().__init__(*args, **kwargs)
        self.questions = list(survey.questions.all())
        for question in self.questions:
            name = f"q{question.pk}"
            options = [(choice, choice) for choice in question.choices]
            if question.kind == QuestionKind.SINGLE:
                field = forms.ChoiceField(choices=options, widget=forms.RadioSelect)
            elif question.kind == QuestionKind.MULTIPLE:
                field = forms.MultipleChoiceField(choices=options, widget=forms.CheckboxSelectMultiple)
            elif question.kind == QuestionKind.SCALE:
                field = forms.TypedChoiceField(
                    choices=[(n, str(n)) for n in range(1, 6)], coerce=int, widget=forms.RadioSelect,
                    help_text=_("1: not at all, 5: very much"),
                )
            else:
                field = forms.CharField(max_length=2000, widget=forms.Textarea(attrs={"rows": 3}))
            field.label = question.text
            field.required = False
            self.fields[name] = field

    def answers(self) -> dict[int, object]:
        return {question.pk: self.cleaned_data.get(f"q{question.pk}") for question in self.questions}
