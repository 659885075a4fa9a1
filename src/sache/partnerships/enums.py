"""Stages of the partnership navigator and the checklist that guides each one."""

from __future__ import annotations

from dataclasses import dataclass

from django.db import models
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy


class Origin(models.TextChoices):
    RECOMMENDATION = "recommendation", _("Matching recommendation")
    MEETING = "meeting", _("Meeting at an event")
    WORKSHOP = "workshop", _("Co-creation workshop")
    CALL = "call", _("Open call")
    MANUAL = "manual", _("Started by the partners")


class Stage(models.TextChoices):
    EXPLORE = "explore", pgettext_lazy("partnership stage", "Explore")
    ALIGN = "align", pgettext_lazy("partnership stage", "Align")
    COCREATE = "cocreate", pgettext_lazy("partnership stage", "Co-create")
    PILOT = "pilot", pgettext_lazy("partnership stage", "Pilot")
    SUSTAIN = "sustain", pgettext_lazy("partnership stage", "Sustain")
    ENDED = "ended", pgettext_lazy("partnership stage", "Ended")


# The path a partnership walks; "ended" can be reached from any stage.
STAGE_ORDER = [Stage.EXPLORE, Stage.ALIGN, Stage.COCREATE, Stage.PILOT, Stage.SUSTAIN]


def next_stage(stage: str) -> str | None:
    if stage not in STAGE_ORDER:
        return None
    position = STAGE_ORDER.index(stage)
    return STAGE_ORDER[position + 1] if position + 1 < len(STAGE_ORDER) else None


class EndReason(models.TextChoices):
    COMPLETED = "completed", _("Completed as planned")
    NO_FUNDING = "no_funding", _("No funding found")
    PRIORITIES = "priorities", _("Priorities changed")
    FIT = "fit", _("Partners did not fit")
    OTHER = "other", _("Other reason")


class OutcomeKind(models.TextChoices):
    PRODUCT = "product", _("Product launched")
    SERVICE = "service", _("Service launched")
    AUDIENCE = "audience", _("Audience reached")
    JOBS = "jobs", _("Jobs created")
    REVENUE = "revenue", _("Revenue (EUR)")
    FUNDING = "funding", _("Follow-up funding (EUR)")


@dataclass(frozen=True)
class ChecklistEntry:
    code: str
    stage: str
    label: Promise
    guidance: Promise
    required: bool


CHECKLIST: list[ChecklistEntry] = [
    ChecklistEntry("shared_goal", Stage.EXPLORE, _("Shared goal written down"),
                   _("One or two sentences both partners sign up to: what will exist at the end that does not exist now?"), True),
    ChecklistEntry("contacts", Stage.EXPLORE, _("Contact persons named"),
                   _("Who decides and who does the work on each side."), True),
    ChecklistEntry("first_meeting", Stage.EXPLORE, _("First working meeting held"),
                   _("Visit the collection or the studio; look at real material together."), False),
    ChecklistEntry("roles", Stage.ALIGN, _("Roles and responsibilities agreed"),
                   _("Who leads, who delivers what, who talks to the public."), True),
    ChecklistEntry("asset_rights", Stage.ALIGN, _("Rights to heritage assets clarified"),
                   _("Which assets are used, under which rights statement, and what reuse the institution allows."), True),
    ChecklistEntry("ip", Stage.ALIGN, _("Intellectual property of the results agreed"),
                   _("Who owns what is created together, and under which licence it may be used."), True),
    ChecklistEntry("financing", Stage.COCREATE, _("Financing secured"),
                   _("Own funds, a call for pilot actions, sponsors: the budget for the prototype is covered."), True),
    ChecklistEntry("prototype", Stage.COCREATE, _("Prototype built"),
                   _("Something visitors or users can try, even if rough."), True),
    ChecklistEntry("evaluation_plan", Stage.PILOT, _("Evaluation plan agreed"),
                   _("What will be measured in the pilot (audience, feedback, use) and how."), True),
    ChecklistEntry("pilot_run", Stage.PILOT, _("Pilot run with real users"),
                   _("The product or service was used by the public at least once."), True),
    ChecklistEntry("business_model", Stage.SUSTAIN, _("Business or maintenance model in place"),
                   _("Who pays for running and updating it after the pilot."), False),
    ChecklistEntry("outcomes_recorded", Stage.SUSTAIN, _("Outcomes recorded"),
                   _("Products, audiences, jobs, revenue and follow-up funding entered in the outcomes."), False),
]
CHECKLIST_BY_CODE = {entry.code: entry for entry in CHECKLIST}


def checklist_for(stage: str) -> list[ChecklistEntry]:
    return [entry for entry in CHECKLIST if entry.stage == stage]
