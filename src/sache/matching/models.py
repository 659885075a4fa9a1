"""What people told us about suggestions, kept to evaluate the matching later."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class SuggestionFeedback(models.Model):
    """One person's verdict on one suggested organisation for one subject (an organisation or a need)."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="suggestion_feedback")
    subject = models.CharField(_("suggested for"), max_length=40, help_text=_("organisation:<id> or need:<id>"))
    suggested = models.ForeignKey("directory.Organisation", on_delete=models.CASCADE, related_name="+")
    useful = models.BooleanField(_("useful"))
    rank = models.PositiveSmallIntegerField(_("position in the list"))
    score = models.FloatField(_("score"))
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("suggestion feedback")
        verbose_name_plural = _("suggestion feedback")
        constraints = [
            models.UniqueConstraint(fields=["user", "subject", "suggested"], name="one_verdict_per_suggestion")
        ]

    def __str__(self) -> str:
        return f"{self.subject} → {self.suggested_id}: {'useful' if self.useful else 'not useful'}"


class IndexedState(models.Model):
    """A counter bumped whenever an organisation's matching profile changes.

    Every process keeps its index in memory and compares its own generation
    with this one to know when to refresh the changed organisations.
    """

    generation = models.PositiveBigIntegerField(default=0)
    changed_at = models.DateTimeField(default=timezone.now)

    def __str__(self) -> str:
        return f"generation {self.generation}"


class Surface(models.TextChoices):
    """Where suggestions are shown."""

    ORGANISATION = "organisation", _("Organisation pages")
    NEED = "need", _("Need pages")
    NEEDS = "needs", _("Needs you could answer")
    EVENT = "event", _("Partners to meet at an event")
    API = "api", _("API recommendations")


# Verdicts are given on suggestions for an organisation or a need (the ``subject`` prefix).
FEEDBACK_SURFACES = {"organisation": Surface.ORGANISATION, "need": Surface.NEED}


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
