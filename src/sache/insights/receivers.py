"""Keep the aggregate tables fresh: every write to a counted table asks for a refresh.

The refresh runs in the background task queue once the writing transaction has
committed. Asking is cheap: inside a transaction the request is registered once
(whatever number of rows it writes); after commit one UPDATE marks the figures
stale, and only the first request of a stale period enqueues the task; the task
rebuilds everything and clears the mark, so a burst of edits costs one refresh.
Bulk inserts (``seed-demo``) send no signals; the demo loader refreshes at its end.
"""

from __future__ import annotations

from typing import Any

from django.db import connection, transaction
from django.db.models.signals import post_delete, post_save
from django.utils import timezone

from sache.calls.models import Application, ApplicationPartner, Call, Decision
from sache.cocreation.models import Contribution, Workshop, WorkshopParticipant
from sache.directory.models import Need, Offer, Organisation, OrganisationFacetValue
from sache.events.models import Event, Meeting, MeetingFeedback, Registration
from sache.insights.models import RefreshState
from sache.matching.models import SuggestionFeedback
from sache.partnerships.models import Outcome, Partnership, PartnershipMember, StageTransition
from sache.programmes.models import Programme

# Suggestion impressions are left out on purpose: every page showing suggestions writes
# one, and the scheduled refresh picks them up.
COUNTED_MODELS = [
    Organisation, OrganisationFacetValue, Need, Offer, Event, Registration, Meeting, MeetingFeedback, Call, Application,
    ApplicationPartner, Decision, Partnership, PartnershipMember, StageTransition, Outcome, Workshop, WorkshopParticipant,
    Contribution, SuggestionFeedback, Programme,
]


def _mark_stale_and_enqueue() -> None:
    from sache.insights.tasks import task_refresh_insights

    now = timezone.now()
    state = RefreshState.objects.order_by("pk").first()
    if state is None:
        RefreshState.objects.create(dirty_since=now)
        first = True
    else:
        first = RefreshState.objects.filter(pk=state.pk, dirty_since__isnull=True).update(dirty_since=now) == 1
    if first:
        task_refresh_insights.enqueue()


def request_refresh() -> None:
    """Ask for a refresh after the current transaction commits (at once outside one)."""
    if connection.in_atomic_block and any(func is _mark_stale_and_enqueue for _sids, func, _robust in connection.run_on_commit):
        return
    transaction.on_commit(_mark_stale_and_enqueue)


def _on_write(sender: type, **kwargs: Any) -> None:
    if kwargs.get("raw"):  # fixtures
        return
    request_refresh()


def connect() -> None:
    for model in COUNTED_MODELS:
        post_save.connect(_on_write, sender=model, dispatch_uid=f"insights-refresh-save-{model._meta.label}")
        post_delete.connect(_on_write, sender=model, dispatch_uid=f"insights-refresh-delete-{model._meta.label}")
