"""Rebuild the aggregate tables (:mod:`sache.insights.models`) from the domain tables.

``refresh_insights()`` recomputes everything in one transaction: readers see the old
figures until the new ones are committed. Daily facts are counted in Python from one
pass over each source table; the monthly and all-time rows are then summed by the
database (``INSERT ... SELECT ... GROUP BY``). On 100,000 organisations this takes
about a minute, which is why it runs in the background: after writes (see
:mod:`sache.insights.receivers`), from ``sache refresh-insights`` and on a schedule.

The definitions here must match :mod:`sache.insights.selectors`, which count the same
things live; tests compare the two for many filters.
"""

from __future__ import annotations

import time
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from datetime import date, datetime
from itertools import combinations
from typing import Any

from django.db import connection, transaction
from django.db.models import Q, Sum
from django.utils import timezone

from sache.calls.enums import ApplicationStatus
from sache.calls.enums import Outcome as CallOutcome
from sache.calls.models import Application, Decision
from sache.cocreation.models import Contribution, Workshop, WorkshopParticipant
from sache.directory.enums import FacetKind, Publication
from sache.directory.models import Need, Offer, Organisation, OrganisationFacetValue
from sache.events.enums import Attendance, MeetingStatus
from sache.events.models import Meeting, MeetingFeedback
from sache.insights.models import (
    Grain,
    InsightFact,
    NetworkEdge,
    NetworkNode,
    PendingRefresh,
    RefreshState,
)
from sache.insights.selectors import participant_sources
from sache.matching.models import SuggestionFeedback, SuggestionImpressions
from sache.partnerships.enums import OutcomeKind
from sache.partnerships.models import Outcome, Partnership, PartnershipMember, StageTransition

ALL_TIME = date(1970, 1, 1)
COMPLETENESS_BANDS = [(0, 49), (50, 74), (75, 89), (90, 100)]
BATCH = 20000

# A fact before it is written: (metric, programme, area, day or None, key) -> value.
Facts = Counter
EVERY = (0,)  # a record of no programme counts only under programme 0


def areas_of(regions: Iterable[str]) -> set[str]:
    """Every region prefix a record is counted under: '' (everywhere), then 2, 3, ... characters."""
    found = {""}
    for region in regions:
        for length in range(2, len(region) + 1):
            found.add(region[:length])
    return found


def _local_day(moment: datetime | None) -> date | None:
    if moment is None:
        return None
    return timezone.localtime(moment).date() if timezone.is_aware(moment) else moment.date()


def _add(facts: Facts, metric: str, areas: Iterable[str], day: date | None, key: str, value: float = 1,
         programmes: Iterable[int] = EVERY) -> None:
    for programme in programmes:
        for area in areas:
            facts[(metric, programme, area, day, key)] += value


def _with(programme_id: int | None) -> tuple[int, ...]:
    return EVERY if programme_id is None else (0, programme_id)


def _participations() -> dict[int, tuple[int, ...]]:
    """organisation id -> every programme it took part in, for organisations that took part in one."""
    found: dict[int, set[int]] = defaultdict(set)
    for source in participant_sources():
        for organisation_id, programme_id in source.iterator(chunk_size=BATCH):
            found[organisation_id].add(programme_id)
    return {organisation_id: tuple(sorted(programmes)) for organisation_id, programmes in found.items()}


def band_of(completeness: int) -> str | None:
    for low, high in COMPLETENESS_BANDS:
        if low <= completeness <= high:
            return f"{low}-{high}"
    return None


# --- sources: each yields its facts, one metric family at a time to bound memory -------


def _organisation_facts(taking_part: dict[int, tuple[int, ...]] | None = None) -> Iterator[Facts]:
    """Organisation facts for everybody (programme 0), or with ``taking_part`` for the
    programmes' participants only (each counted under the programmes it took part in)."""
    centre: Facts = Counter()
    rows = []
    for pk, kind, region, created, completeness, latitude, longitude in Organisation.objects.filter(
            publication=Publication.PUBLISHED
    ).values_list("id", "kind", "region", "created_at", "completeness", "latitude", "longitude").iterator(chunk_size=BATCH):
        if taking_part is not None and pk not in taking_part:
            continue
        has_place = latitude is not None and longitude is not None
        rows.append((pk, kind, region, _local_day(created), completeness, has_place))
        if has_place and taking_part is None:
            # Where the map draws a region: the mean position of all its organisations
            # (all time, everywhere; undated facts only reach the all-time rows).
            centre[("org.lat", 0, "", None, region)] += float(latitude)
            centre[("org.lon", 0, "", None, region)] += float(longitude)
            centre[("org.n", 0, "", None, region)] += 1
    yield centre
    programmes_of = taking_part if taking_part is not None else {}
    area_cache: dict[str, set[str]] = {}

    def areas(region: str) -> set[str]:
        if region not in area_cache:
            area_cache[region] = areas_of([region])
        return area_cache[region]

    for metric in ("org.kind", "org.band", "org.place", "org.geo"):
        facts: Facts = Counter()
        for pk, kind, region, day, completeness, has_place in rows:
            programmes = programmes_of.get(pk, EVERY)
            if metric == "org.kind":
                _add(facts, metric, areas(region), day, kind, programmes=programmes)
            elif metric == "org.band":
                band = band_of(completeness or 0) if completeness is not None else None
                if band:
                    _add(facts, metric, areas(region), day, band, programmes=programmes)
            elif metric == "org.place" or has_place:
                _add(facts, metric, areas(region), day, region, programmes=programmes)
        yield facts
    by_id = {pk: (region, day) for pk, _kind, region, day, _c, _p in rows}
    del rows
    for metric, facet in (("org.hd", FacetKind.HERITAGE_DOMAIN), ("org.cd", FacetKind.CREATIVE_DOMAIN)):
        facts = Counter()
        for organisation_id, value in OrganisationFacetValue.objects.filter(facet=facet).values_list(
            "organisation_id", "value"
        ).iterator(chunk_size=BATCH):
            if organisation_id in by_id:
                region, day = by_id[organisation_id]
                _add(facts, metric, areas(region), day, value, programmes=programmes_of.get(organisation_id, EVERY))
        yield facts


def _opportunity_facts(taking_part: dict[int, tuple[int, ...]] | None = None) -> Iterator[Facts]:
    facts: Facts = Counter()
    programmes_of = taking_part if taking_part is not None else {}
    for model, label in ((Need, "need"), (Offer, "offer")):
        queryset = model.objects.published().filter(organisation__publication=Publication.PUBLISHED)
        fields = ["created_at", "organisation__region", "organisation_id"] + (["status"] if model is Need else [])
        for row in queryset.values_list(*fields).iterator(chunk_size=BATCH):
            key = {"open": "needs-open", "in_progress": "needs-in-progress", "closed": "needs-closed"}.get(row[3]) if label == "need" else "offers"
            if taking_part is not None and row[2] not in taking_part:
                continue
            if key:
                _add(facts, "opp", areas_of([row[1]]), _local_day(row[0]), key, programmes=programmes_of.get(row[2], EVERY))
    yield facts


def _participant_facts() -> Iterator[Facts]:
    """Organisation and opportunity facts of each programme's participants (programmes > 0)."""
    taking_part = _participations()
    yield from _organisation_facts(taking_part)
    yield from _opportunity_facts(taking_part)


def _meeting_facts() -> Iterator[Facts]:
    facts: Facts = Counter()
    continuing = set(MeetingFeedback.objects.filter(wants_to_continue=True).values_list("meeting_id", flat=True))
    for pk, created, status, slot_id, attendance, region_a, region_b, programme_id in Meeting.objects.values_list(
        "id", "created_at", "status", "slot_id", "attendance", "requester__organisation__region", "recipient__organisation__region",
        "event__programme",
    ).iterator(chunk_size=BATCH):
        keys = ["requested"]
        if status == MeetingStatus.ACCEPTED:
            keys.append("accepted")
            if slot_id is not None:
                keys.append("scheduled")
        if attendance == Attendance.HELD:
            keys.append("held")
        elif attendance == Attendance.NO_SHOW:
            keys.append("no-show")
        if pk in continuing:
            keys.append("continue")
        areas = areas_of([region_a, region_b])
        day = _local_day(created)
        for key in keys:
            _add(facts, "meet", areas, day, key, programmes=_with(programme_id))
    yield facts


def _application_facts() -> Iterator[Facts]:
    facts: Facts = Counter()
    decisions = dict(Decision.objects.values_list("application_id", "outcome"))
    for pk, submitted_at, status, region, programme_id in Application.objects.exclude(status=ApplicationStatus.DRAFT).values_list(
        "id", "submitted_at", "status", "lead__region", "call__programme"
    ).iterator(chunk_size=BATCH):
        keys = []
        if status == ApplicationStatus.SUBMITTED:
            keys.append("submitted")
            if pk in decisions:
                keys.append("decided")
                if decisions[pk] == CallOutcome.FUNDED:
                    keys.append("funded")
                elif decisions[pk] == CallOutcome.RESERVE:
                    keys.append("reserve")
        elif status == ApplicationStatus.WITHDRAWN:
            keys.append("withdrawn")
        for key in keys:
            _add(facts, "calls", areas_of([region]), _local_day(submitted_at), key, programmes=_with(programme_id))
    yield facts


def _workshop_facts() -> Iterator[Facts]:
    participants = Counter(WorkshopParticipant.objects.values_list("workshop_id", flat=True).iterator(chunk_size=BATCH))
    contributions = Counter(Contribution.objects.values_list("workshop_id", flat=True).iterator(chunk_size=BATCH))
    facts: Facts = Counter()
    for pk, starts_at, region, programme_id in Workshop.objects.values_list("id", "starts_at", "region", "event__programme"):
        areas = areas_of([region]) if region else {""}
        day = _local_day(starts_at)
        programmes = _with(programme_id)
        _add(facts, "ws", areas, day, "workshops", programmes=programmes)
        _add(facts, "ws", areas, day, "participants", participants.get(pk, 0), programmes=programmes)
        _add(facts, "ws", areas, day, "contributions", contributions.get(pk, 0), programmes=programmes)
    yield facts


def _partnership_facts() -> Iterator[Facts]:
    regions: dict[int, list[str]] = defaultdict(list)
    for partnership_id, region in PartnershipMember.objects.values_list("partnership_id", "organisation__region").iterator(chunk_size=BATCH):
        regions[partnership_id].append(region)
    reached: dict[int, set[str]] = defaultdict(set)
    for partnership_id, stage in StageTransition.objects.values_list("partnership_id", "to_stage").iterator(chunk_size=BATCH):
        reached[partnership_id].add(stage)
    with_product = set(
        Outcome.objects.filter(kind__in=[OutcomeKind.PRODUCT, OutcomeKind.SERVICE]).values_list("partnership_id", flat=True)
    )
    facts: Facts = Counter()
    areas_by_partnership: dict[int, set[str]] = {}
    programmes_by_partnership: dict[int, tuple[int, ...]] = {}
    for pk, created, stage, programme_id in Partnership.objects.values_list("id", "created_at", "stage", "programme").iterator(chunk_size=BATCH):
        areas = areas_by_partnership[pk] = areas_of(regions.get(pk, []))
        programmes = programmes_by_partnership[pk] = _with(programme_id)
        day = _local_day(created)
        _add(facts, "p.stage", areas, day, stage, programmes=programmes)
        for to_stage in reached.get(pk, ()):
            _add(facts, "p.reached", areas, day, to_stage, programmes=programmes)
        if pk in with_product:
            _add(facts, "p.reached", areas, day, "product", programmes=programmes)
    yield facts
    # Outcomes: dated by when they were achieved; the region is the partnership's.
    facts = Counter()
    for partnership_id, kind, value, achieved_on in Outcome.objects.values_list("partnership_id", "kind", "value", "achieved_on").iterator(chunk_size=BATCH):
        areas = areas_by_partnership.get(partnership_id, {""})
        programmes = programmes_by_partnership.get(partnership_id, EVERY)
        _add(facts, "out.n", areas, achieved_on, kind, programmes=programmes)
        _add(facts, "out.sum", areas, achieved_on, kind, float(value or 0), programmes=programmes)
    yield facts


def _recommendation_facts() -> Iterator[Facts]:
    """Suggestions shown (the day counters) and verdicts on them, for the whole hub (area '', programme 0)."""
    facts: Facts = Counter()
    for day, surface, shown in SuggestionImpressions.objects.values_list("day", "surface", "shown").iterator(chunk_size=BATCH):
        _add(facts, "rec.shown", ("",), day, surface, shown)
    for created, surface, useful in SuggestionFeedback.objects.values_list("created_at", "surface", "useful").iterator(chunk_size=BATCH):
        _add(facts, "rec.useful" if useful else "rec.notuseful", ("",), _local_day(created), surface)
    yield facts


@dataclass(frozen=True)
class Source:
    """One family of facts: how to count them, and which rows of the table are its own.

    ``programmes`` says which programme values its rows have: ``zero`` (only 0), ``named``
    (only programmes > 0) or ``all``. A partial refresh deletes and rewrites exactly the
    rows of the sources it is given.
    """

    name: str
    build: Callable[[], Iterator[Facts]]
    metrics: tuple[str, ...]
    programmes: str = "all"

    def rows(self) -> Q:
        q = Q(metric__in=self.metrics)
        if self.programmes == "zero":
            q &= Q(programme=0)
        elif self.programmes == "named":
            q &= Q(programme__gt=0)
        return q

    def where(self) -> tuple[str, list[Any]]:
        """:meth:`rows` as SQL, for the roll-up."""
        marks = ", ".join(["%s"] * len(self.metrics))
        sql = f"metric IN ({marks})" + {"zero": " AND programme = 0", "named": " AND programme > 0", "all": ""}[self.programmes]
        return sql, list(self.metrics)


ORGANISATION_METRICS = ("org.kind", "org.band", "org.place", "org.geo", "org.hd", "org.cd")
SOURCES: list[Source] = [
    Source("organisations", _organisation_facts, (*ORGANISATION_METRICS, "org.lat", "org.lon", "org.n"), "zero"),
    Source("opportunities", _opportunity_facts, ("opp",), "zero"),
    Source("participants", _participant_facts, (*ORGANISATION_METRICS, "opp"), "named"),
    Source("meetings", _meeting_facts, ("meet",)),
    Source("applications", _application_facts, ("calls",)),
    Source("workshops", _workshop_facts, ("ws",)),
    Source("partnerships", _partnership_facts, ("p.stage", "p.reached", "out.n", "out.sum")),
    Source("recommendations", _recommendation_facts, ("rec.shown", "rec.useful", "rec.notuseful")),
]
SOURCE_NAMES = frozenset(source.name for source in SOURCES)
NETWORK = "network"  # the collaboration network's copy, refreshed with the facts
EVERYTHING = SOURCE_NAMES | {NETWORK}


# --- writing --------------------------------------------------------------------------


def _write_daily(facts: Facts) -> int:
    """Insert the daily rows of ``facts``; records without a date go straight to the all-time rows."""
    table = InsightFact._meta.db_table
    sql = f"INSERT INTO {table} (metric, programme, area, grain, day, key, value) VALUES (%s, %s, %s, %s, %s, %s, %s)"
    rows = []
    for (metric, programme, area, day, key), value in facts.items():
        if day is None:
            rows.append((metric, programme, area, "u", ALL_TIME, key, value))
        else:
            rows.append((metric, programme, area, Grain.DAY, day, key, value))
    with connection.cursor() as cursor:
        for start in range(0, len(rows), BATCH):
            cursor.executemany(sql, rows[start : start + BATCH])
    return len(rows)


def _roll_up(source: Source | None = None) -> None:
    """Monthly and all-time rows, summed by the database from the daily ones (of ``source`` only, if given)."""
    table = InsightFact._meta.db_table
    if connection.vendor == "sqlite":
        month = "date(day, 'start of month')"
    else:
        month = "CAST(date_trunc('month', day) AS date)"
    only, params = source.where() if source is not None else ("1 = 1", [])
    with connection.cursor() as cursor:
        cursor.execute(
            f"INSERT INTO {table} (metric, programme, area, grain, day, key, value) "
            f"SELECT metric, programme, area, 'm', {month}, key, SUM(value) FROM {table} WHERE grain = 'd' AND {only} "
            f"GROUP BY metric, programme, area, {month}, key",
            params,
        )
        cursor.execute(
            f"INSERT INTO {table} (metric, programme, area, grain, day, key, value) "
            f"SELECT metric, programme, area, 'a', %s, key, SUM(value) FROM {table} WHERE grain IN ('m', 'u') AND {only} "
            "GROUP BY metric, programme, area, key",
            [ALL_TIME, *params],
        )
        # Undated records only ever count in the all-time rows.
        cursor.execute(f"DELETE FROM {table} WHERE grain = 'u' AND {only}", params)


def _network() -> tuple[list[NetworkNode], list[NetworkEdge]]:
    """Who collaborated with whom: partners of one partnership, and meetings held or scheduled."""
    published = {
        pk: (name, slug, kind, region)
        for pk, name, slug, kind, region in Organisation.objects.filter(publication=Publication.PUBLISHED).values_list(
            "id", "name", "slug", "kind", "region"
        ).iterator(chunk_size=BATCH)
    }
    edges: Counter[tuple[int, int, str, date, int]] = Counter()
    members: dict[int, list[int]] = defaultdict(list)
    for partnership_id, organisation_id in PartnershipMember.objects.values_list("partnership_id", "organisation_id").iterator(chunk_size=BATCH):
        if organisation_id in published:
            members[partnership_id].append(organisation_id)
    started = {pk: (created, programme_id) for pk, created, programme_id in Partnership.objects.values_list("id", "created_at", "programme")}
    for partnership_id, organisation_ids in members.items():
        created, programme_id = started[partnership_id]
        day = _local_day(created)
        for a, b in combinations(sorted(set(organisation_ids)), 2):
            edges[(a, b, "partnership", day, programme_id or 0)] += 1
    meetings = Meeting.objects.filter(Q(attendance=Attendance.HELD) | Q(status=MeetingStatus.ACCEPTED, slot__isnull=False))
    for a, b, created, programme_id in meetings.values_list(
        "requester__organisation_id", "recipient__organisation_id", "created_at", "event__programme"
    ).iterator(chunk_size=BATCH):
        if a in published and b in published and a != b:
            edges[(min(a, b), max(a, b), "meeting", _local_day(created), programme_id or 0)] += 1
    # Degree counts links (pair, kind, day) as before programmes were kept apart.
    degree: Counter[int] = Counter()
    for a, b, _kind, _day in {(a, b, kind, day) for a, b, kind, day, _programme in edges}:
        degree[a] += 1
        degree[b] += 1
    nodes = [
        NetworkNode(organisation_id=pk, name=published[pk][0], slug=published[pk][1], kind=published[pk][2], region=published[pk][3], degree=n)
        for pk, n in degree.items()
    ]
    rows = [
        NetworkEdge(source=a, target=b, kind=kind, day=day, weight=weight, source_region=published[a][3],
                    target_region=published[b][3], strength=degree[a] + degree[b], programme=programme)
        for (a, b, kind, day, programme), weight in edges.items()
    ]
    return nodes, rows


def refresh_insights(*, progress: Callable[[str], None] | None = None, only: Iterable[str] | None = None) -> RefreshState:
    """Recompute the aggregates and the network copy; returns the updated state row.

    ``only`` names the parts to recompute (:data:`SOURCE_NAMES` and ``network``), as the
    writes since the last refresh asked (see :mod:`sache.insights.receivers`); without it,
    or before any full refresh, everything is rebuilt.
    """
    started_at = timezone.now()
    began = time.perf_counter()
    state = RefreshState.objects.order_by("pk").first() or RefreshState.objects.create()
    # Writes that land while we count mark the state dirty again (see receivers), and
    # ask again for the parts they change: what was asked until now is taken here.
    RefreshState.objects.filter(pk=state.pk).update(dirty_since=None)
    asked = set(PendingRefresh.objects.values_list("part", flat=True))
    PendingRefresh.objects.filter(part__in=asked).delete()
    parts = set(EVERYTHING if only is None or state.refreshed_at is None else (set(only) | asked) & EVERYTHING)
    try:
        with transaction.atomic():
            # One refresh at a time (the task and the command may overlap): the second waits
            # here, then rebuilds from scratch, instead of deleting only what it could see.
            RefreshState.objects.select_for_update().get(pk=state.pk)
            _rebuild(started_at, began, state, progress, parts)
    except BaseException:
        # The old figures stay; make sure the next request or scheduled run tries again.
        PendingRefresh.objects.bulk_create([PendingRefresh(part=part) for part in asked | parts], ignore_conflicts=True)
        RefreshState.objects.filter(pk=state.pk, dirty_since__isnull=True).update(dirty_since=started_at)
        raise
    if connection.vendor == "sqlite" and parts == EVERYTHING:
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE insights_insightfact")
    state.refresh_from_db()
    return state


def _rebuild(started_at: datetime, began: float, state: RefreshState, progress: Callable[[str], None] | None, parts: set[str]) -> int:
    total = 0
    everything = parts == EVERYTHING
    if everything:
        InsightFact.objects.all().delete()
    for source in SOURCES:
        if source.name not in parts:
            continue
        if not everything:
            InsightFact.objects.filter(source.rows()).delete()
        for facts in source.build():
            total += _write_daily(facts)
            del facts
        if not everything:
            _roll_up(source)
        if progress:
            progress(source.name)
    if everything:
        _roll_up()
    if progress:
        progress("monthly and all-time rows")
    if NETWORK in parts:
        NetworkEdge.objects.all().delete()
        NetworkNode.objects.all().delete()
        nodes, edges = _network()
        NetworkNode.objects.bulk_create(nodes, batch_size=2000)
        NetworkEdge.objects.bulk_create(edges, batch_size=2000)
        from sache.insights.network import store_overview_layout

        store_overview_layout()
    if progress:
        progress("network")
    facts = InsightFact.objects.count()
    RefreshState.objects.filter(pk=state.pk).update(refreshed_at=started_at, seconds=time.perf_counter() - began, facts=facts)
    return total


REFRESH_STEPS = len(SOURCES) + 2


def suggestions_shown_since_refresh() -> bool:
    """Whether the suggestion counters hold more than the facts (two small sums)."""
    counted = SuggestionImpressions.objects.aggregate(total=Sum("shown"))["total"] or 0
    stored = InsightFact.objects.filter(metric="rec.shown", programme=0, area="", grain=Grain.ALL).aggregate(total=Sum("value"))["total"] or 0
    return int(counted) != int(round(stored))


def current_state() -> RefreshState | None:
    return RefreshState.objects.order_by("pk").first()
