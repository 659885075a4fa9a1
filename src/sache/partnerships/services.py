"""Writes of the partnership navigator. Each records its change in the audit log."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from decimal import Decimal
from typing import Any

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from sache.core.services import log_action
from sache.directory.models import Organisation
from sache.partnerships.enums import (
    CHECKLIST,
    CHECKLIST_BY_CODE,
    Origin,
    Stage,
    checklist_for,
    next_stage,
)
from sache.partnerships.models import (
    ChecklistItem,
    Document,
    Milestone,
    Outcome,
    Partnership,
    PartnershipMember,
    StageTransition,
)


class PartnershipError(Exception):
    """A change the navigator's rules do not allow; the message says what to do instead."""

    def __init__(self, message: str, *, missing: Sequence[str] = ()) -> None:
        super().__init__(message)
        self.missing = list(missing)


@transaction.atomic
def open_partnership(
    *,
    title: str,
    lead: Organisation,
    partners: Sequence[Organisation],
    actor: Any,
    summary: str = "",
    language: str = "pl",
    origin: str = Origin.MANUAL,
    origin_detail: str = "",
    programme: Any = None,
    source: Any = None,
) -> Partnership:
    """Start a partnership of ``lead`` with ``partners`` in the explore stage.

    ``source`` is where it began (an event, a workshop or a call); without an explicit
    ``programme`` the partnership belongs to the source's programme, if any.

    Writes the partnership, one member row per organisation, the whole checklist
    (unticked) and the first stage transition; logs ``partnerships.opened``.
    """
    others = [organisation for organisation in dict.fromkeys(partners) if organisation.pk != lead.pk]
    if not others:
        raise PartnershipError(_("A partnership needs at least one partner besides your organisation."))
    partnership = Partnership.objects.create(
        title=title, summary=summary, language=language, origin=origin, origin_detail=origin_detail,
        programme=programme if programme is not None else getattr(source, "programme", None),
        created_by=actor if getattr(actor, "is_authenticated", False) else None,
    )
    PartnershipMember.objects.bulk_create(
        [PartnershipMember(partnership=partnership, organisation=lead, is_lead=True)]
        + [PartnershipMember(partnership=partnership, organisation=organisation) for organisation in others]
    )
    ChecklistItem.objects.bulk_create(ChecklistItem(partnership=partnership, code=entry.code) for entry in CHECKLIST)
    StageTransition.objects.create(partnership=partnership, from_stage="", to_stage=Stage.EXPLORE, by=partnership.created_by)
    log_action(partnership, "partnerships.opened", actor=actor, data={"origin": origin, "partners": [o.pk for o in others]})
    return partnership


def set_checklist_item(partnership: Partnership, code: str, *, done: bool, actor: Any, note: str = "") -> ChecklistItem:
    """Tick or untick one checklist item. Logs ``partnerships.checklist.changed``."""
    if code not in CHECKLIST_BY_CODE:
        raise PartnershipError(_("Unknown checklist item."))
    item, _created = ChecklistItem.objects.get_or_create(partnership=partnership, code=code)
    item.done = done
    item.note = note or item.note
    item.done_at = timezone.now() if done else None
    item.done_by = actor if done and getattr(actor, "is_authenticated", False) else None
    item.save(update_fields=["done", "note", "done_at", "done_by"])
    log_action(partnership, "partnerships.checklist.changed", actor=actor, data={"code": code, "done": done})
    return item


def missing_required_items(partnership: Partnership) -> list[str]:
    """Codes of the current stage's required checklist items that are not ticked yet."""
    done = set(partnership.checklist.filter(done=True).values_list("code", flat=True))
    return [entry.code for entry in checklist_for(partnership.stage) if entry.required and entry.code not in done]


@transaction.atomic
def advance_stage(partnership: Partnership, *, actor: Any) -> Partnership:
    """Move the partnership to its next stage once the current stage's required items are ticked.

    Raises PartnershipError naming the missing items otherwise. Writes a stage
    transition and logs ``partnerships.stage.changed``.
    """
    partnership = Partnership.objects.select_for_update().get(pk=partnership.pk)
    target = next_stage(partnership.stage)
    if target is None:
        raise PartnershipError(_("This partnership is already at its last stage."))
    missing = missing_required_items(partnership)
    if missing:
        labels = ", ".join(str(CHECKLIST_BY_CODE[code].label) for code in missing)
        raise PartnershipError(_("Before moving on, complete: %(items)s.") % {"items": labels}, missing=missing)
    return _change_stage(partnership, target, actor=actor)


@transaction.atomic
def end_partnership(partnership: Partnership, *, reason: str, actor: Any) -> Partnership:
    """End the partnership at any stage, with a reason. Logs ``partnerships.stage.changed``."""
    partnership = Partnership.objects.select_for_update().get(pk=partnership.pk)
    if partnership.stage == Stage.ENDED:
        raise PartnershipError(_("This partnership has already ended."))
    partnership.end_reason = reason
    partnership.save(update_fields=["end_reason"])
    return _change_stage(partnership, Stage.ENDED, actor=actor)


def _change_stage(partnership: Partnership, target: str, *, actor: Any) -> Partnership:
    previous = partnership.stage
    partnership.stage = target
    partnership.stage_changed_at = timezone.now()
    partnership.save(update_fields=["stage", "stage_changed_at"])
    by = actor if getattr(actor, "is_authenticated", False) else None
    StageTransition.objects.create(partnership=partnership, from_stage=previous, to_stage=target, by=by)
    log_action(partnership, "partnerships.stage.changed", actor=actor, data={"from": previous, "to": target})
    return partnership


def add_milestone(partnership: Partnership, *, title: str, due_date: date, actor: Any) -> Milestone:
    milestone = Milestone.objects.create(partnership=partnership, title=title, due_date=due_date)
    log_action(partnership, "partnerships.milestone.added", actor=actor, data={"title": title})
    return milestone


def complete_milestone(milestone: Milestone, *, actor: Any, on: date | None = None) -> Milestone:
    milestone.done_at = on or timezone.localdate()
    milestone.save(update_fields=["done_at"])
    log_action(milestone.partnership, "partnerships.milestone.reached", actor=actor, data={"title": milestone.title})
    return milestone


def record_outcome(
    partnership: Partnership, *, kind: str, description: str, actor: Any, value: Decimal | None = None, achieved_on: date | None = None
) -> Outcome:
    """Record a result (product, audience, jobs, revenue, funding). Logs ``partnerships.outcome.recorded``."""
    outcome = Outcome.objects.create(
        partnership=partnership, kind=kind, description=description, value=value,
        achieved_on=achieved_on or timezone.localdate(),
    )
    log_action(partnership, "partnerships.outcome.recorded", actor=actor, data={"kind": kind, "value": str(value or "")})
    return outcome


def add_document(partnership: Partnership, *, title: str, actor: Any, url: str = "", file: Any = None) -> Document:
    if not url and not file:
        raise PartnershipError(_("Give a link or upload a file."))
    document = Document.objects.create(
        partnership=partnership, title=title, url=url, file=file or "",
        added_by=actor if getattr(actor, "is_authenticated", False) else None,
    )
    log_action(partnership, "partnerships.document.added", actor=actor, data={"title": title})
    return document


@transaction.atomic
def set_publication_consent(partnership: Partnership, organisation: Organisation, *, agreed: bool, actor: Any) -> Partnership:
    """Record one partner's consent to the public showcase.

    The partnership appears in the showcase once every partner agrees, and leaves
    it as soon as any partner withdraws. Logs ``partnerships.consent.changed``.
    """
    member = PartnershipMember.objects.select_for_update().get(partnership=partnership, organisation=organisation)
    member.agreed_to_publish = agreed
    member.save(update_fields=["agreed_to_publish"])
    everyone_agrees = not partnership.members.filter(agreed_to_publish=False).exists()
    if everyone_agrees and partnership.published_at is None:
        partnership.published_at = timezone.now()
    elif not everyone_agrees:
        partnership.published_at = None
    partnership.save(update_fields=["published_at"])
    log_action(partnership, "partnerships.consent.changed", actor=actor, data={"organisation": organisation.pk, "agreed": agreed})
    return partnership
