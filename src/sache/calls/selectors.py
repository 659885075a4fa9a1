"""Reads for calls, filtered by what the viewer may see."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from django.contrib.contenttypes.models import ContentType
from django.db.models import Q, QuerySet
from django.http import Http404
from django.utils import timezone

from sache.calls.models import Application, Call, PitchSession, Review, ReviewAssignment
from sache.calls.rules import member_organisation_ids
from sache.core.models import ActivityLog
from sache.core.permissions import is_operator


def calls_visible_to(user: Any) -> QuerySet[Call]:
    """Operators see every call; everyone else sees calls that have opened."""
    queryset = Call.objects.all()
    if not is_operator(user):
        queryset = queryset.filter(opens_at__lte=timezone.now())
    return queryset


def get_call_for(user: Any, pk: int) -> Call:
    try:
        return calls_visible_to(user).get(pk=pk)
    except Call.DoesNotExist as error:
        raise Http404 from error


def applications_visible_to(user: Any) -> QuerySet[Application]:
    """Operators see all; members see their organisations' applications (as lead or invited partner)."""
    queryset = Application.objects.select_related("call", "lead")
    if is_operator(user):
        return queryset
    own = member_organisation_ids(user)
    return queryset.filter(Q(lead_id__in=own) | Q(partners__organisation_id__in=own)).distinct()


def get_application_for(user: Any, pk: int) -> Application:
    try:
        return applications_visible_to(user).get(pk=pk)
    except Application.DoesNotExist as error:
        raise Http404 from error


def assignments_visible_to(user: Any) -> QuerySet[ReviewAssignment]:
    """A reviewer's own assignments (never anyone else's), open ones first."""
    if not getattr(user, "is_authenticated", False):
        return ReviewAssignment.objects.none()
    return (
        ReviewAssignment.objects.filter(reviewer=user, conflict_declared=False)
        .select_related("application__call", "application__lead", "review")
        .order_by("application__call__closes_at", "application__title")
    )


def get_assignment_for(user: Any, pk: int) -> ReviewAssignment:
    try:
        return assignments_visible_to(user).get(pk=pk)
    except ReviewAssignment.DoesNotExist as error:
        raise Http404 from error


def other_reviews(assignment: ReviewAssignment) -> QuerySet[Review]:
    """Submitted reviews of the same application by others (show only if ``can_read_other_reviews``)."""
    return (
        Review.objects.filter(assignment__application_id=assignment.application_id, submitted_at__isnull=False)
        .exclude(assignment=assignment)
        .select_related("assignment__reviewer")
    )


def review_progress(call: Call) -> list[dict[str, Any]]:
    """Per reviewer: assigned, submitted, conflicts declared."""
    rows: dict[int, dict[str, Any]] = {}
    for assignment in ReviewAssignment.objects.filter(application__call=call).select_related("reviewer", "review"):
        row = rows.setdefault(assignment.reviewer_id, {
            "reviewer": assignment.reviewer, "assigned": 0, "submitted": 0, "conflicts": 0,
        })
        if assignment.conflict_declared:
            row["conflicts"] += 1
            continue
        row["assigned"] += 1
        review = getattr(assignment, "review", None)
        if review is not None and review.submitted_at is not None:
            row["submitted"] += 1
    return sorted(rows.values(), key=lambda row: row["reviewer"].email)


def get_pitch_session_for(user: Any, pk: int) -> PitchSession:
    """Operators and the session's jurors only."""
    queryset = PitchSession.objects.select_related("call")
    if not is_operator(user):
        if not getattr(user, "is_authenticated", False):
            raise Http404
        queryset = queryset.filter(jurors=user)
    try:
        return queryset.get(pk=pk)
    except PitchSession.DoesNotExist as error:
        raise Http404 from error


def pitch_sessions_visible_to(user: Any) -> QuerySet[PitchSession]:
    if is_operator(user):
        return PitchSession.objects.select_related("call").order_by("-created_at")
    if not getattr(user, "is_authenticated", False):
        return PitchSession.objects.none()
    return PitchSession.objects.filter(jurors=user).select_related("call").order_by("-created_at")


# A request older than this with no result is taken as lost (its worker died before the
# requeue on restart); the operator may then start another one.
ASSIGNMENT_STALE_AFTER = timedelta(minutes=30)


def assignment_run_state(call: Call) -> dict[str, Any]:
    """The reviewer assignment's status on the call's page, from the latest audit entry.

    ``state`` is ``none``, ``queued``, ``running``, ``finished`` or ``failed``; ``entry`` is
    the ActivityLog row (its ``data`` holds the figures or the reason).
    """
    from sache.calls import services  # noqa: PLC0415 (services import these selectors lazily, and the reverse)

    states = {
        services.ASSIGNMENT_REQUESTED: "queued", services.ASSIGNMENT_STARTED: "running",
        services.ASSIGNMENT_FINISHED: "finished", services.ASSIGNMENT_FAILED: "failed",
    }
    entry = (
        ActivityLog.objects.filter(
            content_type=ContentType.objects.get_for_model(Call), object_id=str(call.pk), action__in=list(states),
        )
        .order_by("-created_at", "-pk")
        .first()
    )
    if entry is None:
        return {"state": "none", "entry": None}
    state = states[entry.action]
    if state in {"queued", "running"} and entry.created_at < timezone.now() - ASSIGNMENT_STALE_AFTER:
        state = "stale"
    return {"state": state, "entry": entry}
