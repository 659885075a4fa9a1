"""Reads of partnerships, filtered by what the viewer may see."""

from __future__ import annotations

from typing import Any

from django.db.models import Count, QuerySet
from django.http import Http404

from sache.partnerships.enums import CHECKLIST, Stage
from sache.partnerships.models import Partnership
from sache.partnerships.rules import partner_organisation_ids


def partnerships_visible_to(user: Any) -> QuerySet[Partnership]:
    """Operators see every partnership; members see those of their organisations."""
    queryset = Partnership.objects.prefetch_related("members__organisation")
    if getattr(user, "is_operator", False):
        return queryset
    own = partner_organisation_ids(user)
    return queryset.filter(members__organisation_id__in=own).distinct()


def get_partnership_for(user: Any, pk: int) -> Partnership:
    partnership = partnerships_visible_to(user).filter(pk=pk).first()
    if partnership is None:
        raise Http404
    return partnership


def published_partnerships() -> QuerySet[Partnership]:
    """The public showcase: partnerships every partner agreed to publish."""
    return (
        Partnership.objects.filter(published_at__isnull=False)
        .prefetch_related("members__organisation", "outcomes")
        .order_by("-published_at", "-id")
    )


def get_published_partnership(pk: int) -> Partnership:
    partnership = published_partnerships().filter(pk=pk).first()
    if partnership is None:
        raise Http404
    return partnership


def checklist_view(partnership: Partnership) -> list[dict[str, Any]]:
    """The checklist grouped by stage, with each item's state, for the detail page."""
    items = {item.code: item for item in partnership.checklist.all()}
    groups = []
    for stage in [s for s in Stage if s != Stage.ENDED]:
        entries = [
            {"entry": entry, "item": items.get(entry.code)}
            for entry in CHECKLIST
            if entry.stage == stage
        ]
        groups.append({"stage": stage, "entries": entries, "current": partnership.stage == stage})
    return groups


def partnerships_by_stage(queryset: QuerySet[Partnership] | None = None) -> dict[str, int]:
    queryset = Partnership.objects.all() if queryset is None else queryset
    counts = dict(queryset.order_by().values_list("stage").annotate(n=Count("id")))
    return {stage.value: counts.get(stage.value, 0) for stage in Stage}
