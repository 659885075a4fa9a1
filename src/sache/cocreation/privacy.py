"""Personal data held by co-creation workshops: contributions and votes of a user."""

from __future__ import annotations

from typing import Any

from sache.cocreation.models import Contribution, Vote
from sache.core import privacy


def _export(user: Any) -> dict[str, Any]:
    return {
        "contributions": [
            {
                "workshop": contribution.workshop.event.title,
                "area": contribution.area.title,
                "round": contribution.round_number,
                "kind": contribution.kind,
                "language": contribution.language,
                "text": contribution.text,
                "created_at": contribution.created_at.isoformat(),
            }
            for contribution in Contribution.objects.filter(author=user).select_related("workshop__event", "area").order_by("id")
        ],
        "votes": [
            {"workshop": vote.contribution.workshop.event.title, "contribution": vote.contribution.text}
            for vote in Vote.objects.filter(participant__person__user=user).select_related("contribution__workshop__event").order_by("id")
        ],
    }


def _erase(user: Any) -> None:
    # The contributions and dots are the workshop's record and stay; they no longer say who
    # wrote them (dots belong to the participant, whose person record accounts anonymises).
    Contribution.objects.filter(author=user).update(author=None)


privacy.register("cocreation", export=_export, erase=_erase)
