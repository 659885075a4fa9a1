"""Keep the aggregate tables fresh: every write to a counted table asks for a refresh of what it changes.

The refresh runs in the background task queue once the writing transaction has
committed. Asking is cheap: inside a transaction the parts the writes change are
collected and registered once (whatever number of rows it writes); after commit they
are stored (one INSERT, duplicates ignored), one UPDATE marks the figures stale, and
only the first request of a stale period enqueues the task; the task recomputes only
the parts asked for and clears the mark, so a burst of edits costs one refresh of the
tables it touched. Bulk inserts (``seed-demo``) send no signals; the demo loader
refreshes at its end.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from django.db import connection, transaction
from django.db.models.signals import post_delete, post_save
from django.utils import timezone

from sache.calls.models import Application, ApplicationPartner, Call, Decision
from sache.cocreation.models import Contribution, Workshop, WorkshopParticipant
from sache.directory.models import Need, Offer, Organisation, OrganisationFacetValue
from sache.events.models import Event, Meeting, MeetingFeedback, Registration
from sache.insights.models import PendingRefresh, RefreshState
from sache.insights.refresh import EVERYTHING, NETWORK
from sache.matching.models import SuggestionFeedback
from sache.partnerships.models import Outcome, Partnership, PartnershipMember, StageTransition
from sache.programmes.models import Programme

# Which parts of the aggregates (sources of facts in sache.insights.refresh, and the
# network) a write to each model can change. "participants" are the organisations taking
# part in programmes, which registrations, applications, workshops and partnerships make.
# An organisation's region, publication or name shows everywhere; so does a programme.
# Suggestion impressions are left out on purpose: every page showing suggestions writes
# one, and the scheduled refresh picks them up.
PARTS_OF: dict[type, frozenset[str]] = {
    Organisation: EVERYTHING,
    Programme: EVERYTHING,
    OrganisationFacetValue: frozenset({"organisations", "participants"}),
    Need: frozenset({"opportunities", "participants"}),
    Offer: frozenset({"opportunities", "participants"}),
    Event: frozenset({"meetings", "workshops", "participants", NETWORK}),
    Registration: frozenset({"participants"}),
    Meeting: frozenset({"meetings", NETWORK}),
    MeetingFeedback: frozenset({"meetings"}),
    Call: frozenset({"applications", "participants"}),
    Application: frozenset({"applications", "participants"}),
    ApplicationPartner: frozenset({"participants"}),
    Decision: frozenset({"applications"}),
    Partnership: frozenset({"partnerships", "participants", NETWORK}),
    PartnershipMember: frozenset({"partnerships", "participants", NETWORK}),
    StageTransition: frozenset({"partnerships"}),
    Outcome: frozenset({"partnerships"}),
    Workshop: frozenset({"workshops"}),
    WorkshopParticipant: frozenset({"workshops", "participants"}),
    Contribution: frozenset({"workshops"}),
    SuggestionFeedback: frozenset({"recommendations"}),
}
COUNTED_MODELS = list(PARTS_OF)
_ASKED = "_insights_asked_parts"  # attribute of the connection: parts asked in the current transaction


def _mark_stale_and_enqueue() -> None:
    from sache.insights.tasks import task_refresh_insights

    parts = getattr(connection, _ASKED, None) or set(EVERYTHING)
    setattr(connection, _ASKED, set())
    PendingRefresh.objects.bulk_create([PendingRefresh(part=part) for part in sorted(parts)], ignore_conflicts=True)
    now = timezone.now()
    state = RefreshState.objects.order_by("pk").first()
    if state is None:
        RefreshState.objects.create(dirty_since=now)
        first = True
    else:
        first = RefreshState.objects.filter(pk=state.pk, dirty_since__isnull=True).update(dirty_since=now) == 1
    if first:
        task_refresh_insights.enqueue()


def request_refresh(parts: Iterable[str] = EVERYTHING) -> None:
    """Ask for a refresh of ``parts`` after the current transaction commits (at once outside one).

    Parts asked in a transaction that rolls back are kept for the next one: at worst a
    later refresh recomputes a little more than it must.
    """
    asked = getattr(connection, _ASKED, None)
    if asked is None:
        asked = set()
        setattr(connection, _ASKED, asked)
    asked.update(parts)
    if connection.in_atomic_block and any(func is _mark_stale_and_enqueue for _sids, func, _robust in connection.run_on_commit):
        return
    transaction.on_commit(_mark_stale_and_enqueue)


def _on_write(sender: type, **kwargs: Any) -> None:
    if kwargs.get("raw"):  # fixtures
        return
    request_refresh(PARTS_OF[sender])


def connect() -> None:
    for model in COUNTED_MODELS:
        post_save.connect(_on_write, sender=model, dispatch_uid=f"insights-refresh-save-{model._meta.label}")
        post_delete.connect(_on_write, sender=model, dispatch_uid=f"insights-refresh-delete-{model._meta.label}")
