"""The dashboard tables read from the aggregate facts (see :mod:`sache.insights.models`).

Every function here returns the same :class:`Table` as its namesake in
:mod:`sache.insights.selectors`, which counts live; after a refresh the two agree
(tests check it for many filters). A page reads a few hundred to a few thousand
fact rows whatever the size of the hub.
"""

from __future__ import annotations

import calendar
import sys
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from datetime import date, timedelta

from django.db.models import Q, Sum
from django.utils.translation import gettext as _

from sache.directory.enums import FacetKind, OrganisationKind, SectorGroup, sector_group_of
from sache.directory.regions import regions
from sache.insights.filters import InsightFilter
from sache.insights.models import Grain, InsightFact
from sache.insights.refresh import COMPLETENESS_BANDS
from sache.insights.selectors import COMPLETENESS_BANDS as BAND_LABELS
from sache.insights.selectors import (
    HUB_WIDE_NOTE,
    RECOMMENDATIONS_NOTE,
    recommendation_columns,
    recommendation_rows,
    recommendation_trend_rows,
    vocabulary_label,
)
from sache.insights.tables import Row, Table, table_builders
from sache.partnerships.enums import STAGE_ORDER, OutcomeKind, Stage


def _month_end(day: date) -> date:
    return day.replace(day=calendar.monthrange(day.year, day.month)[1])


def _period_q(start: date | None, end: date | None) -> Q:
    """Rows covering [start, end]: whole months as monthly rows, the days at either end as daily rows."""
    if start is None and end is None:
        return Q(grain=Grain.ALL)
    if start is not None and end is not None and start > end:
        return Q(pk__in=[])
    first_full = start if start is None or start.day == 1 else _month_end(start) + timedelta(days=1)
    # The first day of the last whole month (exclusive bound for daily rows after it).
    if end is None:
        after_full = None
    else:
        after_full = end + timedelta(days=1) if end == _month_end(end) else end.replace(day=1)
    months = Q(grain=Grain.MONTH)
    if first_full is not None:
        months &= Q(day__gte=first_full)
    if after_full is not None:
        months &= Q(day__lt=after_full)
    query = months
    if first_full is not None and after_full is not None and first_full >= after_full:
        # The period lies inside one month (or two partial ones): daily rows only.
        return Q(grain=Grain.DAY, day__gte=start, day__lte=end)
    if start is not None and first_full != start:
        query |= Q(grain=Grain.DAY, day__gte=start, day__lt=first_full)
    if end is not None and after_full is not None and after_full <= end:
        query |= Q(grain=Grain.DAY, day__gte=after_full, day__lte=end)
    return query


def usable(flt: InsightFilter) -> bool:
    """Region prefixes shorter than a country code are not stored; such filters are counted live."""
    return not flt.region or len(flt.region) >= 2


# Metrics a dashboard page reads; ``prefetched`` loads them all in one query.
PAGE_METRICS = ["org.kind", "org.band", "org.place", "org.geo", "org.hd", "org.cd", "opp", "meet", "calls", "p.stage", "p.reached", "out.n", "out.sum", "ws"]
_prefetch: ContextVar[tuple[InsightFilter, dict[str, dict[str, float]]] | None] = ContextVar("insights_prefetch", default=None)


@contextmanager
def prefetched(flt: InsightFilter) -> Iterator[None]:
    """Within the block, every table for ``flt`` is computed from one query instead of one each."""
    found: dict[str, dict[str, float]] = {metric: {} for metric in PAGE_METRICS}
    for metric, key, total in (
        InsightFact.objects.filter(_period_q(flt.start, flt.end), metric__in=PAGE_METRICS, area=flt.region, programme=flt.programme or 0)
        .order_by().values_list("metric", "key").annotate(total=Sum("value"))
    ):
        found[metric][key] = total
    token = _prefetch.set((flt, found))
    try:
        yield
    finally:
        _prefetch.reset(token)


def _sums(metric: str, flt: InsightFilter, *, period: bool = True) -> dict[str, float]:
    """key -> value for ``metric`` in the filter's region (and period unless ``period`` is False)."""
    loaded = _prefetch.get()
    if period and loaded is not None and loaded[0] == flt and metric in loaded[1]:
        return loaded[1][metric]
    q = _period_q(flt.start, flt.end) if period else Q(grain=Grain.ALL)
    rows = (
        InsightFact.objects.filter(q, metric=metric, area=flt.region, programme=flt.programme or 0)
        .order_by().values_list("key").annotate(total=Sum("value"))
    )
    return dict(rows)


def _int(value: float | None) -> int:
    return int(round(value or 0))


def organisations_by_kind(flt: InsightFilter) -> Table:
    counts = _sums("org.kind", flt)
    rows = [Row(kind.value, str(kind.label), _int(counts.get(kind.value))) for kind in OrganisationKind]
    return Table("organisations-by-kind", _("Organisations by kind"), _("organisations"), rows)


def organisations_by_sector(flt: InsightFilter) -> Table:
    counts: Counter[str] = Counter()
    for kind, n in _sums("org.kind", flt).items():
        counts[sector_group_of(kind)] += _int(n)
    rows = [Row(group.value, str(group.label), counts.get(group.value, 0)) for group in SectorGroup]
    return Table("organisations-by-sector", _("Organisations by sector"), _("organisations"), rows)


def organisations_by_region(flt: InsightFilter) -> Table:
    level_length = 5 if len(flt.region) >= 4 else 4
    counts: Counter[str] = Counter()
    for region, n in _sums("org.place", flt).items():
        counts[region[:level_length]] += _int(n)
    table = regions()
    rows = sorted(
        (Row(code, table[code].name if code in table else code, n) for code, n in counts.items() if n),
        key=lambda row: (-row.value, row.label),
    )
    return Table("organisations-by-region", _("Organisations by region"), _("organisations"), rows)


def organisations_by_domain(flt: InsightFilter, *, facet: str) -> Table:
    vocabulary = "heritage_domains" if facet == FacetKind.HERITAGE_DOMAIN else "creative_domains"
    metric = "org.hd" if facet == FacetKind.HERITAGE_DOMAIN else "org.cd"
    counts = {code: _int(n) for code, n in _sums(metric, flt).items() if _int(n)}
    rows = sorted(
        (Row(code, vocabulary_label(vocabulary, code), n) for code, n in counts.items()),
        key=lambda row: (-row.value, row.label),
    )
    title = _("Heritage domains") if facet == FacetKind.HERITAGE_DOMAIN else _("Creative domains")
    return Table(f"organisations-by-{vocabulary.replace('_', '-')}", title, _("organisations"), rows)


def profile_completeness(flt: InsightFilter) -> Table:
    counts = _sums("org.band", flt)
    rows = [
        Row(f"{low}-{high}", label, _int(counts.get(f"{low}-{high}")))
        for (low, high), (_low, _high, label) in zip(COMPLETENESS_BANDS, BAND_LABELS, strict=True)
    ]
    return Table("profile-completeness", _("Profile completeness"), _("organisations"), rows)


def new_organisations_per_month(flt: InsightFilter) -> Table:
    q = _period_q(flt.start, flt.end)
    if flt.start is None and flt.end is None:
        q = Q(grain=Grain.MONTH)
    per_month: Counter[date] = Counter()
    for day, n in (
        InsightFact.objects.filter(q, metric="org.kind", area=flt.region, programme=flt.programme or 0)
        .order_by().values_list("day").annotate(total=Sum("value"))
    ):
        per_month[day.replace(day=1)] += _int(n)
    rows = [Row(month.isoformat()[:7], month.strftime("%Y-%m"), n) for month, n in sorted(per_month.items()) if n]
    return Table("new-organisations", _("New organisations per month"), _("organisations"), rows, chart="line")


def opportunities(flt: InsightFilter) -> Table:
    counts = _sums("opp", flt)
    rows = [
        Row("needs-open", _("Open needs"), _int(counts.get("needs-open"))),
        Row("needs-in-progress", _("Needs in progress"), _int(counts.get("needs-in-progress"))),
        Row("needs-closed", _("Needs closed"), _int(counts.get("needs-closed"))),
        Row("offers", _("Offers"), _int(counts.get("offers"))),
    ]
    return Table("opportunities", _("Needs and offers"), _("records"), rows)


def meetings(flt: InsightFilter) -> Table:
    counts = _sums("meet", flt)
    labels = [
        ("requested", _("Requested")), ("accepted", _("Accepted")), ("scheduled", _("Scheduled")),
        ("held", _("Held")), ("no-show", _("No-show")), ("continue", _("Partners want to continue")),
    ]
    rows = [Row(code, label, _int(counts.get(code))) for code, label in labels]
    return Table("meetings", _("Meetings at matchmaking events"), _("meetings"), rows, chart="funnel")


def calls(flt: InsightFilter) -> Table:
    counts = _sums("calls", flt)
    labels = [
        ("submitted", _("Applications submitted")), ("decided", _("Applications decided")), ("funded", _("Pilots funded")),
        ("reserve", _("On the reserve list")), ("withdrawn", _("Withdrawn")),
    ]
    rows = [Row(code, label, _int(counts.get(code))) for code, label in labels]
    return Table("calls", _("Open calls for pilot actions"), _("applications"), rows)


def workshops(flt: InsightFilter) -> Table:
    counts = _sums("ws", flt)
    labels = [("workshops", _("Workshops held")), ("participants", _("Participants")), ("contributions", _("Contributions"))]
    rows = [Row(code, label, _int(counts.get(code))) for code, label in labels]
    return Table("workshops", _("Co-creation workshops"), _("records"), rows)


def partnerships_by_stage(flt: InsightFilter) -> Table:
    counts = _sums("p.stage", flt)
    rows = [Row(stage.value, str(stage.label), _int(counts.get(stage.value))) for stage in Stage]
    return Table("partnerships-by-stage", _("Partnerships by stage"), _("partnerships"), rows)


def partnership_funnel(flt: InsightFilter) -> Table:
    reached = _sums("p.reached", flt)
    rows = [Row(stage.value, str(stage.label), _int(reached.get(stage.value))) for stage in STAGE_ORDER]
    rows.append(Row("product", _("Product or service launched"), _int(reached.get("product"))))
    return Table("partnership-funnel", _("From first contact to product"), _("partnerships"), rows, chart="funnel")


def outcome_totals(flt: InsightFilter) -> Table:
    counted = {OutcomeKind.PRODUCT, OutcomeKind.SERVICE}
    counts = _sums("out.n", flt)
    sums = _sums("out.sum", flt)
    rows = [
        Row(kind.value, str(kind.label), _int(counts.get(kind.value)) if kind in counted else round(float(sums.get(kind.value) or 0), 2))
        for kind in OutcomeKind
    ]
    return Table("outcomes", _("Outcomes of partnerships"), _("value"), rows, note=_("Products and services are counted; the other rows add up the recorded values."))


def _hub_wide(flt: InsightFilter) -> InsightFilter:
    """Recommendations are counted for the whole hub (see :mod:`sache.insights.selectors`)."""
    return InsightFilter(start=flt.start, end=flt.end)


def recommendations(flt: InsightFilter) -> Table:
    hub = _hub_wide(flt)
    shown = {key: _int(n) for key, n in _sums("rec.shown", hub).items()}
    useful = {key: _int(n) for key, n in _sums("rec.useful", hub).items()}
    not_useful = {key: _int(n) for key, n in _sums("rec.notuseful", hub).items()}
    return Table(
        "recommendations", _("Recommendations shown and marked useful"), _("suggestions shown"),
        recommendation_rows(shown, useful, not_useful), extra_columns=recommendation_columns(),
        note=RECOMMENDATIONS_NOTE % {"hub": str(HUB_WIDE_NOTE)},
    )


def recommendations_over_time(flt: InsightFilter) -> Table:
    q = _period_q(flt.start, flt.end) if flt.start or flt.end else Q(grain=Grain.MONTH)
    per_month: dict[str, Counter[date]] = {"rec.shown": Counter(), "rec.useful": Counter()}
    for metric, day, n in (
        InsightFact.objects.filter(q, metric__in=list(per_month), area="", programme=0)
        .order_by().values_list("metric", "day").annotate(total=Sum("value"))
    ):
        per_month[metric][day.replace(day=1)] += _int(n)
    return Table(
        "recommendations-over-time", _("Recommendations per month"), _("suggestions shown"),
        recommendation_trend_rows(per_month["rec.shown"], per_month["rec.useful"]), chart="line",
        extra_columns=[_("marked useful"), _("useful rate (%)")], note=str(HUB_WIDE_NOTE),
    )


def headline(flt: InsightFilter) -> list[Row]:
    kinds = _sums("org.kind", flt)
    by_group: Counter[str] = Counter()
    for kind, n in kinds.items():
        by_group[sector_group_of(kind)] += _int(n)
    reached = _sums("p.reached", flt)
    return [
        Row("organisations", _("Organisations"), sum(by_group.values())),
        Row("heritage", _("Heritage institutions"), by_group.get(SectorGroup.HERITAGE, 0)),
        Row("creative", _("Creative and technology firms"), by_group.get(SectorGroup.CREATIVE, 0)),
        Row("meetings-held", _("Meetings held"), _int(_sums("meet", flt).get("held"))),
        Row("partnerships", _("Partnerships"), _int(sum(_sums("p.stage", flt).values()))),
        Row("pilots", _("Partnerships that reached a pilot"), _int(reached.get(Stage.PILOT))),
    ]


def places(flt: InsightFilter) -> dict[str, int]:
    """Published organisations with coordinates per full region code, for the map."""
    return {region: _int(n) for region, n in _sums("org.geo", flt).items() if _int(n)}


TABLE_BUILDERS = table_builders(sys.modules[__name__])


def dashboard_tables(flt: InsightFilter) -> list[Table]:
    with prefetched(flt):
        return [build(flt) for build in TABLE_BUILDERS.values()]


def table_by_key(flt: InsightFilter, key: str) -> Table | None:
    build = TABLE_BUILDERS.get(key)
    return build(flt) if build else None


