"""The process's in-memory matching indexes, built from the database and kept in step.

Each web or worker process holds two engine indexes: organisations (for
suggested partners) and open needs (for "needs you could answer"). Vectors of
texts come from a cache file shared by all processes on a machine
(``SACHE_MATCHING_VECTOR_CACHE``), filled by ``sache reindex`` and by the
background task that runs when a profile changes, so a web process rarely
encodes anything itself. A process notices changes by comparing its generation
with ``IndexedState.generation`` at most every few seconds, and then refreshes
the organisations changed since its last look.
"""

from __future__ import annotations

import threading
import time
from collections import OrderedDict
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

from django.conf import settings
from django.db.models import F, Q
from django.utils import timezone

from sache.directory.enums import NeedStatus, Publication
from sache.directory.models import Need, Offer, Organisation
from sache.engine.embeddings import CachedEncoder, shared_encoder
from sache.engine.matching import MatchingIndex
from sache.engine.matching.text import split_sentences
from sache.matching import adapters
from sache.matching.models import IndexedState
from sache.partnerships.models import PartnershipMember

CHECK_INTERVAL_SECONDS = 5.0


def vector_cache_path() -> Path:
    return Path(getattr(settings, "SACHE_MATCHING_VECTOR_CACHE", Path(settings.VAR_DIR) / "matching-vectors.npz"))


@dataclass
class ProcessIndexes:
    organisations: MatchingIndex
    needs: MatchingIndex
    encoder: CachedEncoder
    generation: int
    synced_at: datetime
    checked: float = field(default_factory=time.monotonic)


_lock = threading.RLock()
_state: ProcessIndexes | None = None


def current_generation() -> int:
    state = IndexedState.objects.order_by("pk").first()
    return state.generation if state else 0


def bump_generation() -> None:
    """Tell every process that some profile changed."""
    updated = IndexedState.objects.filter(pk=1).update(generation=F("generation") + 1, changed_at=timezone.now())
    if not updated:
        IndexedState.objects.get_or_create(pk=1, defaults={"generation": 1})


def shared_encoder_for_settings() -> CachedEncoder:
    """The configured encoder of this process, loaded once, with the machine's vector cache."""
    return _encoder()


def _encoder() -> CachedEncoder:
    """The process's encoder: the model is loaded once, the cache file re-read when a worker saved it."""
    encoder = shared_encoder(settings.SACHE_MATCHING_ENCODER, vector_cache_path())
    encoder.cache.refresh()
    return encoder


def _organisations_queryset():
    return Organisation.objects.prefetch_related("descriptions").order_by("pk")


def _open_needs_queryset():
    return (
        Need.objects.published()
        .filter(status=NeedStatus.OPEN, organisation__publication=Publication.PUBLISHED)
        .select_related("organisation")
        .order_by("pk")
    )


def build_indexes(*, encoder: CachedEncoder | None = None, progress=None) -> ProcessIndexes:
    """Build both indexes from the database (encoding only texts missing from the cache)."""
    encoder = encoder or _encoder()
    generation = current_generation()
    started = timezone.now()
    organisations = MatchingIndex(encoder)
    batch: list[Organisation] = []
    for organisation in _organisations_queryset().iterator(chunk_size=2000):
        batch.append(organisation)
        if len(batch) == 2000:
            organisations.add_many(adapters.organisation_records(batch))
            if progress:
                progress(len(batch))
            batch = []
    if batch:
        organisations.add_many(adapters.organisation_records(batch))
        if progress:
            progress(len(batch))
    _add_collaborations(organisations)
    needs = MatchingIndex(encoder)
    needs.add_many(adapters.need_records(_open_needs_queryset()))
    return ProcessIndexes(organisations, needs, encoder, generation, started)


def _add_collaborations(index: MatchingIndex) -> None:
    members: dict[int, list[str]] = {}
    for partnership_id, organisation_id in PartnershipMember.objects.values_list("partnership_id", "organisation_id"):
        members.setdefault(partnership_id, []).append(str(organisation_id))
    for organisation_ids in members.values():
        if len(organisation_ids) > 1:
            index.add_collaboration(organisation_ids)


def _refresh(state: ProcessIndexes) -> None:
    """Re-read organisations and needs changed since the last sync."""
    now = timezone.now()
    since = state.synced_at
    state.encoder.cache.refresh()
    touched = set(Need.objects.filter(updated_at__gte=since).values_list("organisation_id", flat=True))
    touched |= set(Offer.objects.filter(updated_at__gte=since).values_list("organisation_id", flat=True))
    changed = list(_organisations_queryset().filter(Q(updated_at__gte=since) | Q(pk__in=touched)))
    if changed:
        state.organisations.add_many(adapters.organisation_records(changed))
    live = {str(pk) for pk in Organisation.objects.values_list("pk", flat=True)}
    for org_id in [org_id for org_id in state.organisations.row_ids() if org_id and org_id not in live]:
        state.organisations.remove(org_id)
    fresh_needs = MatchingIndex(state.encoder)
    fresh_needs.add_many(adapters.need_records(_open_needs_queryset()))
    state.needs = fresh_needs
    state.synced_at = now


def indexes() -> ProcessIndexes:
    """This process's indexes, built on first use and refreshed when the generation moved."""
    global _state
    with _lock:
        if _state is None:
            _state = build_indexes()
            return _state
        if time.monotonic() - _state.checked >= CHECK_INTERVAL_SECONDS:
            _state.checked = time.monotonic()
            generation = current_generation()
            if generation != _state.generation:
                _refresh(_state)
                _state.generation = generation
        return _state


def peek() -> ProcessIndexes | None:
    """This process's indexes if it has built them, without building."""
    return _state


def warm_vector_cache(records: list) -> int:
    """Encode the records' texts into the shared vector cache file; returns how many were new.

    A worker does this when a profile changes, so that web processes find the
    vectors ready. The character n-gram encoder is instant and needs no cache.
    """
    encoder = _encoder()
    if encoder.name.startswith("char-ngram"):
        return 0
    before = encoder.encoded_texts
    # The index encodes profiles sentence by sentence; so does the warm-up.
    texts = [sentence for record in records for text in record.texts for sentence in split_sentences(text.text)]
    encoder.encode(texts)
    new = encoder.encoded_texts - before
    if new:
        encoder.cache.save()
    return new


# An event's participants all rank among the same set (everyone approved, themselves
# included), so the small index over that set is built once per process and reused by
# every participant until a profile changes (the generation moves) or the set does.
# Ids and generations repeat across test databases, so each member's last update is in
# the key as well.
_small_indexes: OrderedDict[tuple[int, frozenset[tuple[int, Any]]], MatchingIndex] = OrderedDict()
SMALL_INDEXES_KEPT = 8


def small_index(members: list[Organisation]) -> MatchingIndex:
    """An index over ``members`` only (an event's participants), kept for the next caller."""
    shared = indexes()
    key = (shared.generation, frozenset((member.pk, member.updated_at) for member in members))
    with _lock:
        small = _small_indexes.get(key)
        if small is not None:
            _small_indexes.move_to_end(key)
            return small
    small = MatchingIndex(shared.encoder)
    small.add_many(adapters.organisation_records(members))
    with _lock:
        _small_indexes[key] = small
        while len(_small_indexes) > SMALL_INDEXES_KEPT:
            _small_indexes.popitem(last=False)
    return small


def reset() -> None:
    """Forget this process's indexes (tests, and after a full reindex)."""
    global _state
    with _lock:
        _state = None
        _small_indexes.clear()
