"""Writes of the matching app."""

from __future__ import annotations

from functools import partial
from typing import Any

from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils import timezone

from sache.core.services import log_action
from sache.directory.models import Need, Organisation
from sache.matching import adapters, index
from sache.matching.models import SuggestionFeedback, SuggestionImpressions, Surface
from sache.matching.selectors import VerdictTarget

# Where a verdict on a suggested organisation was given, by the subject's prefix (the API says so itself).
SUBJECT_SURFACES = {"organisation": Surface.ORGANISATION, "need": Surface.NEED, "registration": Surface.EVENT}


def record_suggestion_feedback(
    suggested: Organisation | Need, *, subject: str, useful: bool, rank: int, score: float, actor: Any,
    surface: str | None = None,
) -> SuggestionFeedback:
    """Store (or change) ``actor``'s verdict on a suggestion, for later evaluation of the matching.

    ``suggested`` is an organisation or a need; ``surface`` defaults to the one the
    subject's prefix names (a need suggested for an organisation: "needs you could
    answer"). Callers check the subject first (:func:`selectors.verdict_target`).
    One verdict per person, subject and suggestion: a second one replaces the first,
    and the surface where it was last given. Logs ``matching.feedback``.
    """
    is_need = isinstance(suggested, Need)
    if surface is None:
        surface = Surface.NEEDS if is_need else SUBJECT_SURFACES.get(subject.split(":", 1)[0], Surface.ORGANISATION)
    lookup = {"suggested_need": suggested} if is_need else {"suggested": suggested}
    feedback, _created = SuggestionFeedback.objects.update_or_create(
        user=actor, subject=subject, **lookup, defaults={"useful": useful, "rank": rank, "score": score, "surface": surface}
    )
    log_action(suggested, "matching.feedback", actor=actor, data={"subject": subject, "useful": useful, "rank": rank, "surface": str(surface)})
    return feedback


def record_verdict(target: VerdictTarget, *, useful: bool, rank: int, score: float, actor: Any, surface: str | None = None) -> SuggestionFeedback:
    """Store ``actor``'s verdict on a suggestion checked by :func:`selectors.verdict_target`."""
    return record_suggestion_feedback(
        target.need or target.organisation, subject=target.subject, useful=useful, rank=rank, score=score,
        actor=actor, surface=surface or target.surface,
    )


def refresh_matching_profile(organisation_id: int) -> None:
    """Encode the organisation's texts into the shared vector cache and tell every process to refresh.

    Runs in a worker: the web processes then find the vectors ready and only re-rank.
    """
    organisation = Organisation.objects.prefetch_related("descriptions").filter(pk=organisation_id).first()
    if organisation is not None:
        records = adapters.organisation_records([organisation])
        index.warm_vector_cache(records)
        state = index.peek()
        if state is not None:
            state.organisations.add_many(records)
    transaction.on_commit(index.bump_generation)


def record_impressions(surface: str, count: int) -> None:
    """Add ``count`` suggestions shown on ``surface`` today to the day's counter.

    Runs after the request's transaction commits, in its own short statement, so that
    the counter row (shared by every viewer of the day) is never locked for a whole
    request. One UPDATE; an INSERT only for the first list of the day on that surface.
    """
    if count <= 0:
        return
    transaction.on_commit(partial(_bump_impressions, surface, count))


def _bump_impressions(surface: str, count: int) -> None:
    day = timezone.localdate()
    changes = {"lists": F("lists") + 1, "shown": F("shown") + count}
    if SuggestionImpressions.objects.filter(day=day, surface=surface).update(**changes):
        return
    try:
        with transaction.atomic():
            SuggestionImpressions.objects.create(day=day, surface=surface, lists=1, shown=count)
    except IntegrityError:
        # Another process created the day's row between our UPDATE and INSERT.
        SuggestionImpressions.objects.filter(day=day, surface=surface).update(**changes)
