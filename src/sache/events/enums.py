"""Code lists of matchmaking events."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy


class EventKind(models.TextChoices):
    MATCHMAKING = "matchmaking", _("Matchmaking")
    WORKSHOP = "workshop", _("Co-creation workshop")
    PITCHING = "pitching", _("Pitching")
    TRAINING = "training", _("Training")


class EventFormat(models.TextChoices):
    ON_SITE = "on_site", _("On site")
    ONLINE = "online", _("Online")
    HYBRID = "hybrid", _("Hybrid")


class EventPublication(models.TextChoices):
    DRAFT = "draft", pgettext_lazy("event", "Draft")
    PUBLISHED = "published", pgettext_lazy("event", "Published")


class RegistrationStatus(models.TextChoices):
    PENDING = "pending", pgettext_lazy("registration", "Waiting for approval")
    APPROVED = "approved", pgettext_lazy("registration", "Approved")
    REJECTED = "rejected", pgettext_lazy("registration", "Rejected")
    CANCELLED = "cancelled", pgettext_lazy("registration", "Cancelled")


class Session(models.TextChoices):
    ANY = "any", _("Any time")
    MORNING = "am", _("Morning")
    AFTERNOON = "pm", _("Afternoon")


class MeetingStatus(models.TextChoices):
    REQUESTED = "requested", pgettext_lazy("meeting", "Requested")
    ACCEPTED = "accepted", pgettext_lazy("meeting", "Accepted")
    DECLINED = "declined", pgettext_lazy("meeting", "Declined")
    CANCELLED = "cancelled", pgettext_lazy("meeting", "Cancelled")
    BLOCKED = "blocked", pgettext_lazy("meeting", "Blocked by the organiser")


class Priority(models.IntegerChoices):
    NICE = 1, _("Nice to meet")
    WANT = 2, _("Want to meet")
    MUST = 3, _("Must meet")


class Attendance(models.TextChoices):
    UNKNOWN = "unknown", pgettext_lazy("attendance", "Not recorded")
    HELD = "held", pgettext_lazy("attendance", "Held")
    NO_SHOW = "no_show", pgettext_lazy("attendance", "No-show")


class ScheduleObjective(models.TextChoices):
    ALL_MEETINGS = "all", _("Schedule every accepted meeting with as few breaks as possible")
    OVERLOADED = "overloaded", _("Overloaded event: schedule the most important meetings, then fewest breaks")


class ScheduleStatus(models.TextChoices):
    NONE = "none", _("Not published")
    PRELIMINARY = "preliminary", _("Preliminary")
    FINAL = "final", _("Final")


class RunStatus(models.TextChoices):
    QUEUED = "queued", pgettext_lazy("schedule run", "Queued")
    RUNNING = "running", pgettext_lazy("schedule run", "Running")
    FINISHED = "finished", pgettext_lazy("schedule run", "Finished")
    FAILED = "failed", pgettext_lazy("schedule run", "Failed")


class SolverStatus(models.TextChoices):
    OPTIMAL = "optimal", _("Optimal")
    FEASIBLE = "feasible", _("Feasible (within the stated gap)")
    INFEASIBLE = "infeasible", _("Infeasible")
    UNKNOWN = "unknown", _("Unknown")


# The engine weighs meetings by these numbers in overloaded events; an operator's
# forced meeting outweighs any combination a participant can request alone.
PRIORITY_WEIGHTS = {Priority.NICE: 1, Priority.WANT: 2, Priority.MUST: 4}
FORCED_WEIGHT = 100
