"""Reviews and assignments are personal data of the reviewer."""

from __future__ import annotations

from typing import Any

from sache.calls.models import DeclaredConflict, Review, ReviewAssignment
from sache.core import privacy


def _export(user: Any) -> dict[str, Any]:
    return {
        "reviews": [
            {
                "call": r.assignment.application.call.title,
                "application": r.assignment.application.title,
                "scores": r.scores,
                "comments": r.comments,
                "submitted_at": r.submitted_at.isoformat() if r.submitted_at else None,
            }
            for r in Review.objects.filter(assignment__reviewer=user).select_related("assignment__application__call")
        ],
        "declared_conflicts": [
            {"application": c.application.title, "reason": c.reason}
            for c in DeclaredConflict.objects.filter(reviewer=user).select_related("application")
        ],
    }


def _erase(user: Any) -> None:
    # Submitted scores stay (rankings must still add up) but lose their comments.
    Review.objects.filter(assignment__reviewer=user).update(comments="")
    DeclaredConflict.objects.filter(reviewer=user).update(reason="")
    ReviewAssignment.objects.filter(reviewer=user).update(conflict_reason="")


privacy.register("calls", export=_export, erase=_erase)
