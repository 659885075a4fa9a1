"""What people told us about suggestions, kept to evaluate the matching later."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class Surface(models.TextChoices):
    """Where suggestions are shown."""

    ORGANISATION = "organisation", _("Organisation pages")
    NEED = "need", _("Need pages")
    NEEDS = "needs", _("Needs you could answer")
    EVENT = "event", _("Partners to meet at an event")
    API = "api", _("API recommendations")


class SuggestionFeedback(models.Model):
    """One person's verdict on one suggestion, kept to evaluate the matching later.

    The suggestion is an organisation (``suggested``: a partner for an organisation, a need
    or an event registration) or a need (``suggested_need``: a need an organisation could
    answer); exactly one of the two is set. ``surface`` says where the verdict was given.
    """

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="suggestion_feedback")
    subject = models.CharField(
        _("suggested for"), max_length=40, help_text=_("organisation:<id>, need:<id> or registration:<id>")
    )
    suggested = models.ForeignKey(
        "directory.Organisation", on_delete=models.CASCADE, related_name="+", null=True, blank=True
    )
    suggested_need = models.ForeignKey("directory.Need", on_delete=models.CASCADE, related_name="+", null=True, blank=True)
    surface = models.CharField(_("surface"), max_length=16, choices=Surface.choices)
    useful = models.BooleanField(_("useful"))
    rank = models.PositiveSmallIntegerField(_("position in the list"))
    score = models.FloatField(_("score"))
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("suggestion feedback")
        verbose_name_plural = _("suggestion feedback")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(suggested__isnull=False, suggested_need__isnull=True)
                | models.Q(suggested__isnull=True, suggested_need__isnull=False),
                name="verdict_on_one_organisation_or_need",
            ),
            models.UniqueConstraint(fields=["user", "subject", "suggested"], name="one_verdict_per_suggestion"),
            models.UniqueConstraint(fields=["user", "subject", "suggested_need"], name="one_verdict_per_suggested_need"),
        ]

    def __str__(self) -> str:
        target = f"need {self.suggested_need_id}" if self.suggested_need_id else self.suggested_id
        return f"{self.subject} → {target}: {'useful' if self.useful else 'not useful'}"


class IndexedState(models.Model):
    """A counter bumped whenever an organisation's matching profile changes.

    Every process keeps its index in memory and compares its own generation
    with this one to know when to refresh the changed organisations.
    """

    generation = models.PositiveBigIntegerField(default=0)
    changed_at = models.DateTimeField(default=timezone.now)

    def __str__(self) -> str:
        return f"generation {self.generation}"


class SuggestionImpressions(models.Model):
    """How many suggestions were shown on one surface on one day.

    A counter, not a log: no viewer, no organisation, no suggestion is stored, so there
    is no personal data here for the GDPR export or erasure to cover. One row per day
    and surface; a page showing suggestions adds to it with one UPDATE.
    """

    day = models.DateField(_("day"))
    surface = models.CharField(_("surface"), max_length=16, choices=Surface.choices)
    lists = models.PositiveIntegerField(_("lists shown"), default=0)
    shown = models.PositiveIntegerField(_("suggestions shown"), default=0)

    class Meta:
        verbose_name = _("suggestions shown")
        verbose_name_plural = _("suggestions shown")
        constraints = [models.UniqueConstraint(fields=["day", "surface"], name="one_impression_counter_per_day")]

    def __str__(self) -> str:
        return f"{self.day} {self.surface}: {self.shown}"
