"""Forms of events: they check the shape of input; services decide."""

from __future__ import annotations

from datetime import date, time

from django import forms
from django.utils.translation import gettext_lazy as _

from sache.directory.models import Organisation, Person
from sache.events.enums import Attendance, Priority, Session
from sache.events.models import Event, Registration, Slot, Table
from sache.programmes.forms import programme_field


class EventForm(forms.ModelForm):
    online_url = forms.URLField(label=_("Video meeting link"), required=False, assume_scheme="https")

    class Meta:
        model = Event
        fields = [
            "title", "kind", "format", "programme", "language", "description", "venue", "address", "online_url",
            "publication", "registration_open", "requests_open", "auto_accept", "default_max_meetings", "objective",
            "fairness", "time_limit",
        ]
        widgets = {"description": forms.Textarea(attrs={"rows": 5})}

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["programme"] = programme_field(initial=self.instance.programme_id if self.instance.pk else None)


def _parse_time(text: str) -> time:
    try:
        hours, minutes = text.strip().split(":")
        return time(int(hours), int(minutes))
    except ValueError as error:
        raise forms.ValidationError(_("Write times as HH:MM, e.g. 12:30.")) from error


class SlotGridForm(forms.Form):
    days = forms.CharField(
        label=_("Days"),
        help_text=_("One date per line or separated by commas, as YYYY-MM-DD."),
        widget=forms.Textarea(attrs={"rows": 2}),
    )
    day_start = forms.TimeField(label=_("First meeting starts"), initial=time(9, 0), widget=forms.TimeInput(attrs={"type": "time"}))
    day_end = forms.TimeField(label=_("Last meeting ends"), initial=time(17, 0), widget=forms.TimeInput(attrs={"type": "time"}))
    slot_minutes = forms.IntegerField(label=_("Slot length (minutes)"), min_value=5, max_value=240, initial=20)
    breaks = forms.CharField(
        label=_("Breaks"),
        required=False,
        initial="12:00-13:00",
        help_text=_("One break per line as HH:MM-HH:MM, e.g. 12:00-13:00 for lunch."),
        widget=forms.Textarea(attrs={"rows": 2}),
    )

    def clean_days(self) -> list[date]:
        days = []
        for part in self.cleaned_data["days"].replace(",", "\n").split():
            try:
                days.append(date.fromisoformat(part.strip()))
            except ValueError as error:
                raise forms.ValidationError(_("“%(value)s” is not a date like 2026-05-14.") % {"value": part}) from error
        if not days:
            raise forms.ValidationError(_("Give at least one day."))
        return days

    def clean_breaks(self) -> list[tuple[time, time]]:
        ranges = []
        for line in self.cleaned_data["breaks"].replace(",", "\n").splitlines():
            if not line.strip():
                continue
            start, separator, end = line.partition("-")
            if not separator:
                raise forms.ValidationError(_("Write breaks as HH:MM-HH:MM, e.g. 12:00-13:00."))
            ranges.append((_parse_time(start), _parse_time(end)))
        return ranges


class TablesForm(forms.Form):
    count = forms.IntegerField(label=_("Number of tables"), min_value=1, max_value=2000)
    room_name = forms.CharField(label=_("Room"), max_length=120, required=False)


class RepresentativesField(forms.ModelMultipleChoiceField):
    widget = forms.CheckboxSelectMultiple

    def label_from_instance(self, obj: Person) -> str:
        return f"{obj.full_name} ({obj.organisation.name})"


class SlotsField(forms.ModelMultipleChoiceField):
    widget = forms.CheckboxSelectMultiple

    def label_from_instance(self, obj: Slot) -> str:
        return str(obj)


class ParticipationForm(forms.Form):
    representatives = RepresentativesField(label=_("Who comes"), queryset=Person.objects.none(), required=False)
    max_meetings = forms.IntegerField(
        label=_("Maximum number of meetings"), min_value=1, max_value=100, required=False,
        help_text=_("Leave empty for the event's default."),
    )
    unavailable_slots = SlotsField(label=_("Slots when you are not available"), queryset=Slot.objects.none(), required=False)

    def __init__(self, *args, event: Event, organisations: list[Organisation], **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["representatives"].queryset = Person.objects.filter(organisation__in=organisations).select_related("organisation")
        self.fields["unavailable_slots"].queryset = event.slots.all()


class RegistrationForm(ParticipationForm):
    organisation = forms.ModelChoiceField(label=_("Organisation"), queryset=Organisation.objects.none())
    motivation = forms.CharField(
        label=_("What you are looking for"), required=False, widget=forms.Textarea(attrs={"rows": 3}), max_length=2000
    )
    field_order = ["organisation", "motivation", "representatives", "max_meetings", "unavailable_slots"]

    def __init__(self, *args, event: Event, organisations: list[Organisation], **kwargs) -> None:
        super().__init__(*args, event=event, organisations=organisations, **kwargs)
        self.fields["organisation"].queryset = Organisation.objects.filter(pk__in=[org.pk for org in organisations])
        if len(organisations) == 1:
            self.fields["organisation"].initial = organisations[0].pk


class MeetingRequestForm(forms.Form):
    message = forms.CharField(
        label=_("Message"), required=False, max_length=2000, widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("Say what you would like to talk about."),
    )
    priority = forms.TypedChoiceField(label=_("Priority"), choices=Priority.choices, coerce=int, initial=Priority.WANT)
    session = forms.ChoiceField(label=_("When"), choices=Session.choices, initial=Session.ANY)


class ParticipantField(forms.ModelChoiceField):
    def label_from_instance(self, obj: Registration) -> str:
        return obj.organisation.name


class OperatorMeetingForm(forms.Form):
    ACTIONS = [("add", _("Add an accepted meeting")), ("force", _("Force a meeting")), ("block", _("Block this pair"))]

    first = ParticipantField(label=_("First participant"), queryset=Registration.objects.none())
    second = ParticipantField(label=_("Second participant"), queryset=Registration.objects.none())
    action = forms.ChoiceField(label=_("Action"), choices=ACTIONS)
    fixed_slot = forms.ModelChoiceField(label=_("Fixed slot"), queryset=Slot.objects.none(), required=False)

    def __init__(self, *args, event: Event, participants, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["first"].queryset = participants
        self.fields["second"].queryset = participants
        self.fields["fixed_slot"].queryset = event.slots.all()

    def clean(self):
        data = super().clean()
        if data.get("first") and data.get("first") == data.get("second"):
            raise forms.ValidationError(_("Choose two different participants."))
        return data


class PlaceMeetingForm(forms.Form):
    slot = forms.ModelChoiceField(label=_("Slot"), queryset=Slot.objects.none(), required=False)
    table = forms.ModelChoiceField(label=_("Table"), queryset=Table.objects.none(), required=False)

    def __init__(self, *args, event: Event, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["slot"].queryset = event.slots.all()
        self.fields["table"].queryset = event.tables.all()


class AttendanceForm(forms.Form):
    attendance = forms.ChoiceField(label=_("Attendance"), choices=Attendance.choices)


class FeedbackForm(forms.Form):
    wants_to_continue = forms.BooleanField(label=_("We want to continue working together"), required=False)
    comment = forms.CharField(label=_("Comment"), required=False, max_length=2000, widget=forms.Textarea(attrs={"rows": 3}))
