"""Open calls for pilot actions: the call and its form and rubric, applications, reviews, decisions."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from sache.calls.enums import ApplicationStatus, AssignmentSource, Outcome, QuestionKind


class Call(models.Model):
    title = models.CharField(_("title"), max_length=200)
    description = models.TextField(_("description"), blank=True)
    language = models.CharField(_("language"), max_length=8, choices=settings.CONTENT_LANGUAGES, default="pl")
    budget = models.DecimalField(_("budget (EUR)"), max_digits=12, decimal_places=2)
    programme = models.ForeignKey(
        "programmes.Programme", verbose_name=_("programme"), null=True, blank=True, on_delete=models.SET_NULL, related_name="calls"
    )
    opens_at = models.DateTimeField(_("opens at"))
    closes_at = models.DateTimeField(_("closes at"))
    require_heritage = models.BooleanField(_("at least one heritage institution"), default=True)
    require_creative = models.BooleanField(_("at least one creative or technology firm"), default=True)
    lead_region_prefixes = models.JSONField(
        _("lead applicant's regions (NUTS prefixes)"), default=list, blank=True,
        help_text=_("Empty: any region."),
    )
    min_partners = models.PositiveSmallIntegerField(_("minimum number of partners"), default=1)
    max_partners = models.PositiveSmallIntegerField(_("maximum number of partners"), default=5)
    reviews_per_application = models.PositiveSmallIntegerField(_("reviewers per application"), default=3)
    max_reviewer_load = models.PositiveSmallIntegerField(_("maximum applications per reviewer"), default=12)
    feedback_template = models.TextField(
        _("feedback letter template"), blank=True,
        default=(
            "Dear {organisation},\n\nthank you for applying to \"{call}\" with \"{application}\".\n"
            "Decision: {decision}. Your application ranked {rank} of {total} with a score of {score}.\n"
        ),
        help_text=_("Placeholders: {organisation}, {call}, {application}, {decision}, {rank}, {total}, {score}, {amount}."),
    )
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-closes_at"]
        verbose_name = _("call")
        verbose_name_plural = _("calls")

    def __str__(self) -> str:
        return self.title

    def is_open(self, now=None) -> bool:
        now = now or timezone.now()
        return self.opens_at <= now < self.closes_at


class ApplicationQuestion(models.Model):
    call = models.ForeignKey(Call, on_delete=models.CASCADE, related_name="questions")
    position = models.PositiveSmallIntegerField(default=0)
    label = models.CharField(_("question"), max_length=300)
    help_text = models.CharField(_("help text"), max_length=500, blank=True)
    kind = models.CharField(_("kind"), max_length=8, choices=QuestionKind.choices, default=QuestionKind.TEXT)
    required = models.BooleanField(_("required"), default=True)
    max_length = models.PositiveIntegerField(_("maximum characters"), null=True, blank=True)
    min_value = models.DecimalField(_("minimum"), max_digits=14, decimal_places=2, null=True, blank=True)
    max_value = models.DecimalField(_("maximum"), max_digits=14, decimal_places=2, null=True, blank=True)
    choices = models.JSONField(_("choices"), default=list, blank=True)
    max_file_size_kb = models.PositiveIntegerField(_("maximum file size (KB)"), null=True, blank=True)
    file_types = models.JSONField(_("allowed file extensions"), default=list, blank=True)

    class Meta:
        ordering = ["position", "pk"]

    def __str__(self) -> str:
        return self.label


class Criterion(models.Model):
    call = models.ForeignKey(Call, on_delete=models.CASCADE, related_name="criteria")
    position = models.PositiveSmallIntegerField(default=0)
    name = models.CharField(_("criterion"), max_length=200)
    guidance = models.TextField(_("guidance"), blank=True)
    weight = models.DecimalField(_("weight"), max_digits=5, decimal_places=2, default=1)
    scale_max = models.PositiveSmallIntegerField(_("highest score"), default=5)

    class Meta:
        ordering = ["position", "pk"]

    def __str__(self) -> str:
        return self.name


class Application(models.Model):
    call = models.ForeignKey(Call, on_delete=models.CASCADE, related_name="applications")
    lead = models.ForeignKey("directory.Organisation", on_delete=models.CASCADE, related_name="call_applications")
    title = models.CharField(_("project title"), max_length=200)
    requested_amount = models.DecimalField(_("requested amount (EUR)"), max_digits=12, decimal_places=2, default=0)
    status = models.CharField(max_length=12, choices=ApplicationStatus.choices, default=ApplicationStatus.DRAFT)
    answers = models.JSONField(default=dict, blank=True)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    created_at = models.DateTimeField(default=timezone.now)
    updated_at = models.DateTimeField(default=timezone.now)
    submitted_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["call", "title"]

    def __str__(self) -> str:
        return self.title


class ApplicationFile(models.Model):
    application = models.ForeignKey(Application, on_delete=models.CASCADE, related_name="files")
    question = models.ForeignKey(ApplicationQuestion, on_delete=models.CASCADE, related_name="+")
    file = models.FileField(upload_to="calls/")
    name = models.CharField(max_length=200)
    size = models.PositiveIntegerField(default=0)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["application", "question"], name="calls_one_file_per_question")]

    def __str__(self) -> str:
        return self.name



class ApplicationPartner(models.Model):
    application = models.ForeignKey(Application, on_delete=models.CASCADE, related_name="partners")
    organisation = models.ForeignKey("directory.Organisation", on_delete=models.CASCADE, related_name="call_partnerships")
    invited_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    invited_at = models.DateTimeField(default=timezone.now)
    confirmed_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["application", "organisation"], name="calls_partner_once")]

    def __str__(self) -> str:
        return f"{self.organisation_id} in {self.application_id}"



class ReviewAssignment(models.Model):
    application = models.ForeignKey(Application, on_delete=models.CASCADE, related_name="assignments")
    reviewer = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="review_assignments")
    source = models.CharField(max_length=8, choices=AssignmentSource.choices, default=AssignmentSource.AUTO)
    affinity = models.FloatField(default=0)
    conflict_declared = models.BooleanField(default=False)
    conflict_reason = models.CharField(max_length=300, blank=True)
    reminded_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["application", "reviewer"], name="calls_assign_once")]

    def __str__(self) -> str:
        return f"{self.reviewer_id} reviews {self.application_id}"



class DeclaredConflict(models.Model):
    """A reviewer's standing conflict with an application (kept after the assignment is removed)."""

    application = models.ForeignKey(Application, on_delete=models.CASCADE, related_name="declared_conflicts")
    reviewer = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    reason = models.CharField(max_length=300, blank=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["application", "reviewer"], name="calls_conflict_once")]

    def __str__(self) -> str:
        return f"{self.reviewer_id} conflicts with {self.application_id}"



class Review(models.Model):
    assignment = models.OneToOneField(ReviewAssignment, on_delete=models.CASCADE, related_name="review")
    scores = models.JSONField(default=dict, blank=True)  # {criterion id (str): int}
    comments = models.TextField(_("comments for the applicant"), blank=True)
    updated_at = models.DateTimeField(default=timezone.now)
    submitted_at = models.DateTimeField(null=True, blank=True)

    def __str__(self) -> str:
        return f"review {self.pk}"



class Decision(models.Model):
    application = models.OneToOneField(Application, on_delete=models.CASCADE, related_name="decision")
    outcome = models.CharField(max_length=10, choices=Outcome.choices)
    amount = models.DecimalField(max_digits=12, decimal_places=2, default=0)
    rank = models.PositiveIntegerField(null=True, blank=True)
    score = models.FloatField(null=True, blank=True)
    letter = models.TextField(blank=True)
    decided_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    decided_at = models.DateTimeField(default=timezone.now)

    def __str__(self) -> str:
        return f"{self.application_id}: {self.outcome}"


class PitchSession(models.Model):
    """Live pitches scored by a jury on the call's rubric; results appear once the session is closed."""

    call = models.ForeignKey(Call, on_delete=models.CASCADE, related_name="pitch_sessions")
    title = models.CharField(_("title"), max_length=200)
    jurors = models.ManyToManyField(settings.AUTH_USER_MODEL, related_name="pitch_sessions", verbose_name=_("jury"))
    created_at = models.DateTimeField(default=timezone.now)
    closed_at = models.DateTimeField(null=True, blank=True)

    def __str__(self) -> str:
        return self.title


class Pitch(models.Model):
    session = models.ForeignKey(PitchSession, on_delete=models.CASCADE, related_name="pitches")
    application = models.ForeignKey(Application, on_delete=models.CASCADE, related_name="pitches")
    position = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["position", "pk"]
        constraints = [models.UniqueConstraint(fields=["session", "application"], name="calls_pitch_once")]

    def __str__(self) -> str:
        return self.application.title


class PitchScore(models.Model):
    pitch = models.ForeignKey(Pitch, on_delete=models.CASCADE, related_name="scores")
    juror = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    scores = models.JSONField(default=dict, blank=True)
    updated_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["pitch", "juror"], name="calls_pitch_score_once")]

    def __str__(self) -> str:
        return f"{self.juror_id} scores {self.pitch_id}"
