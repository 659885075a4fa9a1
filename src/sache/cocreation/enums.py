"""Choices of the co-creation app."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from sache.directory.enums import HERITAGE_KINDS, OrganisationKind


class Sector(models.TextChoices):
    HERITAGE = "heritage", _("Cultural heritage")
    CREATIVE = "creative", _("Creative sector")
    TECHNOLOGY = "technology", _("Technology")
    PUBLIC = "public", _("Public sector, research and civil society")


class TableKind(models.TextChoices):
    ON_SITE = "on_site", _("Table in the room")
    ONLINE = "online", _("Online breakout room")


class ContributionKind(models.TextChoices):
    IDEA = "idea", pgettext_lazy("contribution kind", "Idea")
    NEED = "need", pgettext_lazy("contribution kind", "Need")
    OBSTACLE = "obstacle", pgettext_lazy("contribution kind", "Obstacle")
    RECOMMENDATION = "recommendation", pgettext_lazy("contribution kind", "Recommendation")


class RunStatus(models.TextChoices):
    QUEUED = "queued", pgettext_lazy("run status", "Queued")
    RUNNING = "running", pgettext_lazy("run status", "Running")
    FINISHED = "finished", pgettext_lazy("run status", "Finished")
    FAILED = "failed", pgettext_lazy("run status", "Failed")


def sector_of_kind(kind: str) -> str:
    """The workshop sector of a directory organisation kind (finer than ``sector_group_of``)."""
    if kind in HERITAGE_KINDS:
        return Sector.HERITAGE
    if kind == OrganisationKind.TECHNOLOGY_PROVIDER:
        return Sector.TECHNOLOGY
    if kind in {OrganisationKind.CREATIVE_BUSINESS, OrganisationKind.FREELANCER}:
        return Sector.CREATIVE
    return Sector.PUBLIC


class SurveyPhase(models.TextChoices):
    BEFORE = "before", _("Before the workshop: needs and expectations")
    AFTER = "after", _("After the workshop: results and satisfaction")


class QuestionKind(models.TextChoices):
    SINGLE = "single", _("Single choice")
    MULTIPLE = "multiple", _("Multiple choice")
    SCALE = "scale", _("Scale from 1 to 5")
    TEXT = "text", _("Free text")
