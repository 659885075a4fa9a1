"""Co-creation workshops (World Café): areas, tables, participants, rotations, contributions, conclusions.

A workshop is an ``events.Event`` of kind workshop plus a ``Workshop`` row. Participants
are directory people; hosts stay at their table in every round. A ``RotationPlan`` keeps
one run of the rotation engine and its ``Seat`` rows (round × table × participant).
Contributions are written per area and round, dot-voted once per person, grouped into
themes by a ``ThemeRun`` and turned by the operator into the published ``Conclusions``.
"""

from __future__ import annotations

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from sache.cocreation.enums import (
    ContributionKind,
    QuestionKind,
    RunStatus,
    Sector,
    SurveyPhase,
    TableKind,
)


class Workshop(models.Model):
    event = models.OneToOneField("events.Event", on_delete=models.CASCADE, related_name="workshop")
    rounds = models.PositiveSmallIntegerField(
        _("rounds"), default=3, validators=[MinValueValidator(1), MaxValueValidator(12)]
    )
    round_minutes = models.PositiveSmallIntegerField(
        _("minutes per round"), default=20, validators=[MinValueValidator(5), MaxValueValidator(240)]
    )
    starts_at = models.DateTimeField(_("first round starts"), null=True, blank=True)
    region = models.CharField(_("region (NUTS code)"), max_length=10, blank=True)
    current_round = models.PositiveSmallIntegerField(_("current round"), default=0)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("workshop")
        verbose_name_plural = _("workshops")
        ordering = ["-created_at", "-id"]

    def __str__(self) -> str:
        return self.event.title

    def get_absolute_url(self) -> str:
        return reverse("cocreation:workshop-detail", kwargs={"slug": self.event.slug})

    @property
    def slug(self) -> str:
        return self.event.slug

    @property
    def programme(self):  # type: ignore[no-untyped-def]
        """A workshop belongs to its event's programme (kept on the event only)."""
        return self.event.programme

    def round_numbers(self) -> list[int]:
        return list(range(1, self.rounds + 1))


class WorkshopParticipant(models.Model):
    workshop = models.ForeignKey(Workshop, on_delete=models.CASCADE, related_name="participants")
    person = models.ForeignKey("directory.Person", verbose_name=_("person"), on_delete=models.CASCADE, related_name="+")
    sector = models.CharField(_("sector"), max_length=12, choices=Sector.choices)
    preferred_areas = models.ManyToManyField(
        "ThematicArea", verbose_name=_("preferred thematic areas"), related_name="+", blank=True
    )

    class Meta:
        verbose_name = _("participant")
        verbose_name_plural = _("participants")
        ordering = ["person__last_name", "person__first_name", "id"]
        constraints = [models.UniqueConstraint(fields=["workshop", "person"], name="one_participation_per_person")]

    def __str__(self) -> str:
        return self.person.full_name


class ThematicArea(models.Model):
    workshop = models.ForeignKey(Workshop, on_delete=models.CASCADE, related_name="areas")
    title = models.CharField(_("title"), max_length=150)
    question = models.TextField(_("guiding question"), blank=True)
    host = models.ForeignKey(
        WorkshopParticipant, verbose_name=_("host"), null=True, blank=True, on_delete=models.SET_NULL, related_name="hosted_areas"
    )
    position = models.PositiveSmallIntegerField(default=0)

    class Meta:
        verbose_name = _("thematic area")
        verbose_name_plural = _("thematic areas")
        ordering = ["position", "id"]

    def __str__(self) -> str:
        return self.title


class WorkshopTable(models.Model):
    workshop = models.ForeignKey(Workshop, on_delete=models.CASCADE, related_name="tables")
    name = models.CharField(_("name"), max_length=60)
    kind = models.CharField(_("kind"), max_length=10, choices=TableKind.choices, default=TableKind.ON_SITE)
    capacity = models.PositiveSmallIntegerField(
        _("seats (host included)"), default=6, validators=[MinValueValidator(2), MaxValueValidator(30)]
    )
    area = models.ForeignKey(
        ThematicArea, verbose_name=_("thematic area"), null=True, blank=True, on_delete=models.SET_NULL, related_name="tables"
    )
    host = models.ForeignKey(
        WorkshopParticipant,
        verbose_name=_("host"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="hosted_tables",
        help_text=_("Leave empty to seat the area's host at the area's first table."),
    )
    room_url = models.URLField(_("breakout room link"), blank=True)

    class Meta:
        verbose_name = _("table")
        verbose_name_plural = _("tables")
        ordering = ["id"]

    def __str__(self) -> str:
        return self.name


class RotationPlan(models.Model):
    """One run of the rotation engine; the latest finished run is the workshop's plan."""

    workshop = models.ForeignKey(Workshop, on_delete=models.CASCADE, related_name="plans")
    status = models.CharField(_("status"), max_length=10, choices=RunStatus.choices, default=RunStatus.QUEUED)
    seed = models.PositiveIntegerField(default=0)
    repeated_pairs = models.PositiveIntegerField(_("repeated pairs"), null=True, blank=True)
    min_people_met = models.PositiveIntegerField(_("fewest people met"), null=True, blank=True)
    mean_people_met = models.FloatField(_("people met on average"), null=True, blank=True)
    sector_mix = models.FloatField(_("sector mix"), null=True, blank=True)
    tables_below_sector_target = models.PositiveIntegerField(null=True, blank=True)
    area_repeats = models.PositiveIntegerField(null=True, blank=True)
    preferences_met = models.PositiveIntegerField(null=True, blank=True)
    preferences_wanted = models.PositiveIntegerField(null=True, blank=True)
    result = models.JSONField(default=dict, blank=True)
    explanation = models.TextField(blank=True)
    seconds = models.FloatField(null=True, blank=True)
    requested_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    created_at = models.DateTimeField(default=timezone.now)
    finished_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("rotation plan")
        verbose_name_plural = _("rotation plans")
        ordering = ["-created_at", "-id"]

    def __str__(self) -> str:
        return f"{self.workshop} plan {self.pk}"

    @property
    def is_active(self) -> bool:
        return self.status in {RunStatus.QUEUED, RunStatus.RUNNING}


class Seat(models.Model):
    plan = models.ForeignKey(RotationPlan, on_delete=models.CASCADE, related_name="seats")
    round_number = models.PositiveSmallIntegerField()
    table = models.ForeignKey(WorkshopTable, on_delete=models.CASCADE, related_name="seats")
    participant = models.ForeignKey(WorkshopParticipant, on_delete=models.CASCADE, related_name="seats")
    is_host = models.BooleanField(default=False)

    class Meta:
        ordering = ["round_number", "table_id", "-is_host", "id"]
        constraints = [
            models.UniqueConstraint(fields=["plan", "round_number", "participant"], name="one_seat_per_round")
        ]

    def __str__(self) -> str:
        return f"round {self.round_number}, table {self.table_id}: {self.participant_id}"


class Contribution(models.Model):
    workshop = models.ForeignKey(Workshop, on_delete=models.CASCADE, related_name="contributions")
    area = models.ForeignKey(ThematicArea, verbose_name=_("thematic area"), on_delete=models.CASCADE, related_name="contributions")
    round_number = models.PositiveSmallIntegerField(_("round"))
    kind = models.CharField(_("kind"), max_length=16, choices=ContributionKind.choices, default=ContributionKind.IDEA)
    language = models.CharField(_("language"), max_length=8, choices=settings.CONTENT_LANGUAGES)
    text = models.TextField(_("contribution"), max_length=1000)
    author = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    sector = models.CharField(_("sector"), max_length=12, choices=Sector.choices, blank=True)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("contribution")
        verbose_name_plural = _("contributions")
        ordering = ["area__position", "round_number", "created_at", "id"]

    def __str__(self) -> str:
        return self.text[:60]


class Vote(models.Model):
    """A participant's dot on a contribution (one per participant and contribution)."""

    contribution = models.ForeignKey(Contribution, on_delete=models.CASCADE, related_name="votes")
    participant = models.ForeignKey(WorkshopParticipant, on_delete=models.CASCADE, related_name="votes")
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["contribution", "participant"], name="one_vote_per_person")]

    def __str__(self) -> str:
        return f"vote for {self.contribution_id}"


class ThemeRun(models.Model):
    """One synthesis of the workshop's contributions into themes (engine output kept as JSON)."""

    workshop = models.ForeignKey(Workshop, on_delete=models.CASCADE, related_name="theme_runs")
    status = models.CharField(_("status"), max_length=10, choices=RunStatus.choices, default=RunStatus.QUEUED)
    encoder = models.CharField(max_length=120, blank=True)
    result = models.JSONField(default=dict, blank=True)
    draft = models.TextField(blank=True)
    explanation = models.TextField(blank=True)
    seconds = models.FloatField(null=True, blank=True)
    requested_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    created_at = models.DateTimeField(default=timezone.now)
    finished_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-id"]

    def __str__(self) -> str:
        return f"{self.workshop} themes {self.pk}"

    @property
    def is_active(self) -> bool:
        return self.status in {RunStatus.QUEUED, RunStatus.RUNNING}


class Conclusions(models.Model):
    workshop = models.OneToOneField(Workshop, on_delete=models.CASCADE, related_name="conclusions")
    title = models.CharField(_("title"), max_length=200)
    body = models.TextField(_("text (Markdown)"), blank=True)
    language = models.CharField(_("language"), max_length=8, choices=settings.CONTENT_LANGUAGES, default="pl")
    is_published = models.BooleanField(_("published"), default=False)
    published_at = models.DateTimeField(_("published"), null=True, blank=True)
    updated_at = models.DateTimeField(default=timezone.now)
    updated_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+")

    class Meta:
        verbose_name = _("conclusions")
        verbose_name_plural = _("conclusions")

    def __str__(self) -> str:
        return self.title


class Survey(models.Model):
    """A questionnaire for the participants before or after the workshop."""

    workshop = models.ForeignKey(Workshop, on_delete=models.CASCADE, related_name="surveys")
    phase = models.CharField(_("when"), max_length=8, choices=SurveyPhase.choices, default=SurveyPhase.BEFORE)
    title = models.CharField(_("title"), max_length=200)
    is_open = models.BooleanField(_("open for answers"), default=True)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("survey")
        verbose_name_plural = _("surveys")
        ordering = ["phase", "created_at", "id"]

    def __str__(self) -> str:
        return self.title


class SurveyQuestion(models.Model):
    survey = models.ForeignKey(Survey, on_delete=models.CASCADE, related_name="questions")
    text = models.CharField(_("question"), max_length=300)
    kind = models.CharField(_("kind"), max_length=10, choices=QuestionKind.choices, default=QuestionKind.SINGLE)
    choices = models.JSONField(_("options"), default=list, blank=True)
    position = models.PositiveSmallIntegerField(default=0)

    class Meta:
        verbose_name = _("question")
        verbose_name_plural = _("questions")
        ordering = ["position", "id"]

    def __str__(self) -> str:
        return self.text


class SurveyResponse(models.Model):
    """One person's answers: ``answers`` maps a question id to a string, a list of strings or 1..5."""

    survey = models.ForeignKey(Survey, on_delete=models.CASCADE, related_name="responses")
    respondent = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    answers = models.JSONField(default=dict)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["survey", "respondent"], condition=models.Q(respondent__isnull=False), name="one_response_per_person"
            )
        ]

    def __str__(self) -> str:
        return f"response {self.pk} to {self.survey_id}"
