"""Writes of the matching app."""

from __future__ import annotations

from typing import Any

from django.db import transaction

from sache.core.services import log_action
from sache.directory.models import Organisation
from sache.matching import adapters, index
from sache.matching.models import SuggestionFeedback


def record_suggestion_feedback(
    suggested: Organisation, *, subject: str, useful: bool, rank: int, score: float, actor: Any
) -> SuggestionFeedback:
    """Store (or change) ``actor``'s verdict on a suggestion, for later evaluation of the matching.

    Logs ``matching.feedback``.
    """
    feedback, _created = SuggestionFeedback.objects.update_or_create(
        user=actor, subject=subject, suggested=suggested, defaults={"useful": useful, "rank": rank, "score": score}
    )
    log_action(suggested, "matching.feedback", actor=actor, data={"subject": subject, "useful": useful, "rank": rank})
    return feedback


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
