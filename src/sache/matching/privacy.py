"""A person's verdicts on suggestions are their personal data; impression counters hold none."""

from __future__ import annotations

from typing import Any

from sache.core import privacy
from sache.matching.models import SuggestionFeedback


def _export(user: Any) -> dict[str, Any]:
    verdicts = (
        SuggestionFeedback.objects.filter(user=user)
        .select_related("suggested", "suggested_need")
        .order_by("created_at", "id")
    )
    return {
        "suggestion_feedback": [
            {
                "suggested_for": f.subject,
                "surface": f.surface,
                "suggested": f.suggested.name if f.suggested_id else f.suggested_need.title,
                "suggested_kind": "organisation" if f.suggested_id else "need",
                "useful": f.useful,
                "rank": f.rank,
                "created_at": f.created_at.isoformat(),
            }
            for f in verdicts
        ],
    }


def _erase(user: Any) -> None:
    # The verdicts go, on every surface; the "marked useful" indicator then counts them no more.
    SuggestionFeedback.objects.filter(user=user).delete()


privacy.register("matching", export=_export, erase=_erase)
