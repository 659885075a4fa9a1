"""Matchmaking events: the slot grid, registrations, meeting requests, schedule runs.

One organisation registers once per event (a ``Registration``) and may send several
representatives; they share one agenda. A ``Meeting`` is a request between two
registrations that becomes a meeting when accepted and gets a slot and a table when
scheduled. ``published_slot``/``published_table`` keep what participants were last
told, so incremental rescheduling can lock it and change notices can name what moved.
"""

from __future__ import annotations

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from sache.events.enums import (
    Attendance,
    EventFormat,
    EventKind,
    EventPublication,
    MeetingStatus,
    Priority,
    RegistrationStatus,
    RunStatus,
    ScheduleObjective,
    ScheduleStatus,
    Session,
    SolverStatus,
)


class Event(models.Model):
    slug = models.SlugField(_("address"), max_length=120, unique=True)
    title = models.CharField(_("title"), max_length=200)
    kind = models.CharField(_("kind"), max_length=20, choices=EventKind.choices, default=EventKind.MATCHMAKING)
    format = models.CharField(_("format"), max_length=10, choices=EventFormat.choices, default=EventFormat.ON_SITE)
    language = models.CharField(_("language"), max_length=8, choices=settings.CONTENT_LANGUAGES, default="pl")
    description = models.TextField(_("description"), blank=True)
    venue = models.CharField(_("venue"), max_length=200, blank=True)
    address = models.CharField(_("address"), max_length=300, blank=True)
    online_url = models.URLField(_("video meeting link"), blank=True)
    programme = models.ForeignKey(
        "programmes.Programme", verbose_name=_("programme"), null=True, blank=True, on_delete=models.SET_NULL, related_name="events"
    )
    publication = models.CharField(
        _("status"), max_length=16, choices=EventPublication.choices, default=EventPublication.DRAFT, db_index=True
    )
    registration_open = models.BooleanField(_("registration open"), default=True)
    requests_open = models.BooleanField(_("meeting requests open"), default=True)
    auto_accept = models.BooleanField(
        _("accept requests automatically"),
        default=False,
        help_text=_("Requests become meetings at once, without an answer from the other side."),
    )
    default_max_meetings = models.PositiveSmallIntegerField(
        _("default maximum meetings per participant"), default=12
    )
    objective = models.CharField(
        _("scheduling objective"), max_length=16, choices=ScheduleObjective.choices, default=ScheduleObjective.ALL_MEETINGS
    )
    fairness = models.PositiveSmallIntegerField(
        _("fairness (d)"),
        default=2,
        validators=[MaxValueValidator(50)],
        help_text=_("The most and the fewest breaks of any two participants differ by at most this number."),
    )
    time_limit = models.PositiveSmallIntegerField(
        _("solver time limit (seconds)"), default=30, validators=[MinValueValidator(1), MaxValueValidator(600)]
    )
    schedule_status = models.CharField(
        _("schedule"), max_length=16, choices=ScheduleStatus.choices, default=ScheduleStatus.NONE
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(_("created"), default=timezone.now)

    class Meta:
        verbose_name = _("event")
        verbose_name_plural = _("events")
        ordering = ["-created_at", "-id"]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("events:event-detail", kwargs={"slug": self.slug})


class Room(models.Model):
    event = models.ForeignKey(Event, on_delete=models.CASCADE, related_name="rooms")
    name = models.CharField(_("name"), max_length=120)

    class Meta:
        verbose_name = _("room")
        verbose_name_plural = _("rooms")
        ordering = ["name", "id"]

    def __str__(self) -> str:
        return self.name


class Table(models.Model):
    """A place where one meeting happens per slot; the count of tables caps meetings per slot."""

    event = models.ForeignKey(Event, on_delete=models.CASCADE, related_name="tables")
    room = models.ForeignKey(Room, null=True, blank=True, on_delete=models.SET_NULL, related_name="tables")
    number = models.PositiveSmallIntegerField(_("number"))
    label = models.CharField(_("label"), max_length=60, blank=True)

    class Meta:
        verbose_name = _("table")
        verbose_name_plural = _("tables")
        ordering = ["number", "id"]
        constraints = [models.UniqueConstraint(fields=["event", "number"], name="one_table_number_per_event")]

    def __str__(self) -> str:
        return self.label or str(_("Table %(number)s") % {"number": self.number})


class Slot(models.Model):
    """One meeting slot of the grid; ``index`` orders slots across all days from 0."""

    event = models.ForeignKey(Event, on_delete=models.CASCADE, related_name="slots")
    index = models.PositiveIntegerField(_("position"))
    starts_at = models.DateTimeField(_("start"))
    ends_at = models.DateTimeField(_("end"))
    session = models.CharField(_("session"), max_length=3, choices=Session.choices[1:])

    class Meta:
        verbose_name = _("slot")
        verbose_name_plural = _("slots")
        ordering = ["index"]
        constraints = [models.UniqueConstraint(fields=["event", "index"], name="one_slot_index_per_event")]

    def __str__(self) -> str:
        start = timezone.localtime(self.starts_at)
        return f"{start:%Y-%m-%d %H:%M}–{timezone.localtime(self.ends_at):%H:%M}"


class Registration(models.Model):
    """An organisation taking part in an event; its representatives share one agenda."""

    event = models.ForeignKey(Event, on_delete=models.CASCADE, related_name="registrations")
    organisation = models.ForeignKey(
        "directory.Organisation", verbose_name=_("organisation"), on_delete=models.CASCADE, related_name="event_registrations"
    )
    representatives = models.ManyToManyField(
        "directory.Person", verbose_name=_("representatives"), related_name="event_registrations", blank=True
    )
    status = models.CharField(
        _("status"), max_length=16, choices=RegistrationStatus.choices, default=RegistrationStatus.PENDING, db_index=True
    )
    motivation = models.TextField(_("what you are looking for"), blank=True)
    max_meetings = models.PositiveSmallIntegerField(_("maximum number of meetings"), null=True, blank=True)
    unavailable_slots = models.ManyToManyField(
        Slot, verbose_name=_("slots when you are not available"), related_name="+", blank=True
    )
    checked_in_at = models.DateTimeField(_("checked in"), null=True, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(_("registered"), default=timezone.now)
    decided_at = models.DateTimeField(_("decided"), null=True, blank=True)

    class Meta:
        verbose_name = _("registration")
        verbose_name_plural = _("registrations")
        ordering = ["organisation__name", "id"]
        constraints = [
            models.UniqueConstraint(fields=["event", "organisation"], name="one_registration_per_organisation")
        ]

    def __str__(self) -> str:
        return f"{self.organisation} @ {self.event}"

    @property
    def meeting_cap(self) -> int:
        return self.max_meetings if self.max_meetings is not None else self.event.default_max_meetings


class Meeting(models.Model):
    """A 1:1 meeting between two registrations, from request to feedback."""

    event = models.ForeignKey(Event, on_delete=models.CASCADE, related_name="meetings")
    requester = models.ForeignKey(Registration, on_delete=models.CASCADE, related_name="requested_meetings")
    recipient = models.ForeignKey(Registration, on_delete=models.CASCADE, related_name="received_meetings")
    message = models.TextField(_("message"), blank=True)
    priority = models.PositiveSmallIntegerField(_("priority"), choices=Priority.choices, default=Priority.WANT)
    session = models.CharField(_("session"), max_length=3, choices=Session.choices, default=Session.ANY)
    status = models.CharField(
        _("status"), max_length=16, choices=MeetingStatus.choices, default=MeetingStatus.REQUESTED, db_index=True
    )
    forced = models.BooleanField(
        _("forced by the organiser"), default=False, help_text=_("Forced meetings are scheduled before any other.")
    )
    fixed_slot = models.ForeignKey(
        Slot, verbose_name=_("fixed slot"), null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    slot = models.ForeignKey(Slot, verbose_name=_("slot"), null=True, blank=True, on_delete=models.SET_NULL, related_name="meetings")
    table = models.ForeignKey(Table, verbose_name=_("table"), null=True, blank=True, on_delete=models.SET_NULL, related_name="meetings")
    published_slot = models.ForeignKey(Slot, null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    published_table = models.ForeignKey(Table, null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    unscheduled_reason = models.CharField(_("why it is not scheduled"), max_length=300, blank=True)
    attendance = models.CharField(
        _("attendance"), max_length=10, choices=Attendance.choices, default=Attendance.UNKNOWN
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(_("requested"), default=timezone.now)
    responded_at = models.DateTimeField(_("answered"), null=True, blank=True)

    class Meta:
        verbose_name = _("meeting")
        verbose_name_plural = _("meetings")
        ordering = ["slot__index", "created_at", "id"]
        constraints = [
            models.CheckConstraint(condition=~models.Q(requester=models.F("recipient")), name="meeting_not_with_oneself")
        ]

    def __str__(self) -> str:
        return f"{self.requester.organisation} ↔ {self.recipient.organisation}"

    def other(self, registration_id: int) -> Registration:
        return self.recipient if self.requester_id == registration_id else self.requester


class MeetingFeedback(models.Model):
    """What one side thought of a meeting; ``wants_to_continue`` feeds the partnerships app."""

    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="feedback")
    registration = models.ForeignKey(Registration, on_delete=models.CASCADE, related_name="+")
    wants_to_continue = models.BooleanField(_("we want to continue"), default=False)
    comment = models.TextField(_("comment"), blank=True)
    author = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("meeting feedback")
        verbose_name_plural = _("meeting feedback")
        constraints = [models.UniqueConstraint(fields=["meeting", "registration"], name="one_feedback_per_side")]

    def __str__(self) -> str:
        return f"{self.registration} on {self.meeting_id}"


class ScheduleRun(models.Model):
    """One run of the scheduler with what it proved."""

    event = models.ForeignKey(Event, on_delete=models.CASCADE, related_name="schedule_runs")
    objective_kind = models.CharField(_("objective"), max_length=16, choices=ScheduleObjective.choices)
    incremental = models.BooleanField(_("keep published meetings"), default=False)
    allow_moves = models.BooleanField(_("published meetings may move"), default=False)
    status = models.CharField(_("status"), max_length=16, choices=RunStatus.choices, default=RunStatus.QUEUED)
    solver_status = models.CharField(_("result"), max_length=16, choices=SolverStatus.choices, blank=True)
    objective = models.FloatField(_("objective value"), null=True, blank=True)
    bound = models.FloatField(_("bound"), null=True, blank=True)
    meetings_total = models.PositiveIntegerField(_("accepted meetings"), default=0)
    scheduled_count = models.PositiveIntegerField(_("scheduled meetings"), default=0)
    breaks_total = models.PositiveIntegerField(_("breaks"), null=True, blank=True)
    moved_count = models.PositiveIntegerField(_("published meetings moved"), default=0)
    unscheduled = models.JSONField(_("unscheduled meetings"), default=list, blank=True)
    explanation = models.TextField(_("explanation"), blank=True)
    seconds = models.FloatField(_("time (s)"), null=True, blank=True)
    requested_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    created_at = models.DateTimeField(_("started"), default=timezone.now)
    finished_at = models.DateTimeField(_("finished"), null=True, blank=True)

    class Meta:
        verbose_name = _("schedule run")
        verbose_name_plural = _("schedule runs")
        ordering = ["-created_at", "-id"]

    def __str__(self) -> str:
        return f"{self.event} run {self.pk}"

    @property
    def gap(self) -> float | None:
        """Relative distance between the objective and the bound (0 means proven optimal)."""
        if self.objective is None or self.bound is None:
            return None
        scale = max(abs(self.objective), abs(self.bound))
        return 0.0 if scale == 0 else abs(self.bound - self.objective) / scale

    @property
    def is_active(self) -> bool:
        return self.status in {RunStatus.QUEUED, RunStatus.RUNNING}


class AgendaFeed(models.Model):
    """A secret, revocable address for subscribing to one registration's agenda; only its hash is kept."""

    registration = models.ForeignKey(Registration, on_delete=models.CASCADE, related_name="feeds")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    token_hash = models.CharField(max_length=64, unique=True)
    created_at = models.DateTimeField(default=timezone.now)
    revoked_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("calendar feed")
        verbose_name_plural = _("calendar feeds")

    def __str__(self) -> str:
        return f"feed {self.pk} of {self.registration_id}"
