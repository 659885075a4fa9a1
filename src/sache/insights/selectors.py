"""Indicator queries of the dashboards. Each returns a :class:`Table` for one filter.

Numbers are plain counts over the domain tables, restricted by period (when the
record was created), region (the NUTS code of the organisation, any level) and
programme. Tests compare each one with a direct count.

The programme filter keeps the activities of one programme: meetings at its events,
its workshops (their events'), applications to its calls, its partnerships and their
outcomes. Organisations have no programme; with the filter they are the programme's
*participants* (:func:`participant_pairs`), which is what a funder counts as
"organisations cooperating in the project". Recommendations are a service of the
whole hub: the programme and region filters do not apply to them (the table says so).
"""

from __future__ import annotations

import json
import sys
from collections import Counter
from datetime import date
from functools import cache
from pathlib import Path

from django.db.models import Count, Q, QuerySet, Sum
from django.db.models.functions import TruncMonth
from django.utils.translation import get_language, gettext_lazy
from django.utils.translation import gettext as _

from sache.calls.enums import ApplicationStatus
from sache.calls.enums import Outcome as CallOutcome
from sache.calls.models import Application, ApplicationPartner, Decision
from sache.cocreation.models import Contribution, Workshop, WorkshopParticipant
from sache.directory.enums import (
    FacetKind,
    OrganisationKind,
    Publication,
    SectorGroup,
    sector_group_of,
)
from sache.directory.models import Need, Offer, Organisation, OrganisationFacetValue
from sache.directory.regions import regions
from sache.events.enums import Attendance, MeetingStatus, RegistrationStatus
from sache.events.models import Meeting, MeetingFeedback, Registration
from sache.insights.filters import InsightFilter
from sache.insights.tables import Row, Table, table_builders
from sache.matching.models import (
    SuggestionFeedback,
    SuggestionImpressions,
    Surface,
)
from sache.partnerships.enums import STAGE_ORDER, OutcomeKind, Stage
from sache.partnerships.models import Outcome, Partnership, PartnershipMember, StageTransition

DATA_DIR = Path(__file__).resolve().parents[1] / "directory" / "data"


@cache
def _vocabulary(name: str) -> dict[str, dict[str, str]]:
    entries = json.loads((DATA_DIR / f"{name}.json").read_text(encoding="utf-8"))
    return {entry["code"]: entry["labels"] for entry in entries}


def vocabulary_label(name: str, code: str) -> str:
    labels = _vocabulary(name).get(code, {})
    return labels.get(get_language() or "en") or labels.get("en") or code


def participant_sources(programme_id: int | None = None) -> list[QuerySet]:
    """(organisation id, programme id) of every organisation taking part in a programme.

    Taking part means: an approved registration at one of its events, a person of the
    organisation among the participants of one of its workshops, leading an application
    (not a draft) to one of its calls or being a confirmed partner in one, or being a
    partner of one of its partnerships. With ``programme_id``, only that programme.
    """
    def only(queryset: QuerySet, field: str) -> QuerySet:
        queryset = queryset.filter(**{f"{field}__isnull": False})
        return queryset.filter(**{field: programme_id}) if programme_id is not None else queryset

    return [
        only(Registration.objects.filter(status=RegistrationStatus.APPROVED), "event__programme")
        .values_list("organisation_id", "event__programme"),
        only(WorkshopParticipant.objects.all(), "workshop__event__programme")
        .values_list("person__organisation_id", "workshop__event__programme"),
        only(Application.objects.exclude(status=ApplicationStatus.DRAFT), "call__programme").values_list("lead_id", "call__programme"),
        only(ApplicationPartner.objects.filter(confirmed_at__isnull=False).exclude(application__status=ApplicationStatus.DRAFT), "application__call__programme")
        .values_list("organisation_id", "application__call__programme"),
        only(PartnershipMember.objects.all(), "partnership__programme").values_list("organisation_id", "partnership__programme"),
    ]


def participant_ids(programme_id: int) -> set[int]:
    return {organisation_id for source in participant_sources(programme_id) for organisation_id, _programme in source}


def published_organisations(flt: InsightFilter) -> QuerySet[Organisation]:
    queryset = Organisation.objects.filter(publication=Publication.PUBLISHED)
    if flt.programme is not None:
        queryset = queryset.filter(id__in=participant_ids(flt.programme))
    if flt.region:
        queryset = queryset.filter(region__startswith=flt.region)
    if flt.start_datetime:
        queryset = queryset.filter(created_at__gte=flt.start_datetime)
    if flt.end_datetime:
        queryset = queryset.filter(created_at__lte=flt.end_datetime)
    return queryset


def _in_period(queryset: QuerySet, flt: InsightFilter, field: str = "created_at") -> QuerySet:
    if flt.start_datetime:
        queryset = queryset.filter(**{f"{field}__gte": flt.start_datetime})
    if flt.end_datetime:
        queryset = queryset.filter(**{f"{field}__lte": flt.end_datetime})
    return queryset


def filtered_partnerships(flt: InsightFilter) -> QuerySet[Partnership]:
    queryset = _in_period(Partnership.objects.all(), flt)
    if flt.programme is not None:
        queryset = queryset.filter(programme=flt.programme)
    if flt.region:
        queryset = queryset.filter(members__organisation__region__startswith=flt.region).distinct()
    return queryset


def organisations_by_kind(flt: InsightFilter) -> Table:
    counts = dict(published_organisations(flt).order_by().values_list("kind").annotate(n=Count("id")))
    rows = [Row(kind.value, str(kind.label), counts.get(kind.value, 0)) for kind in OrganisationKind]
    return Table("organisations-by-kind", _("Organisations by kind"), _("organisations"), rows)


def organisations_by_sector(flt: InsightFilter) -> Table:
    counts: Counter[str] = Counter()
    for kind, n in published_organisations(flt).order_by().values_list("kind").annotate(n=Count("id")):
        counts[sector_group_of(kind)] += n
    rows = [Row(group.value, str(group.label), counts.get(group.value, 0)) for group in SectorGroup]
    return Table("organisations-by-sector", _("Organisations by sector"), _("organisations"), rows)


def organisations_by_region(flt: InsightFilter) -> Table:
    """Counts per NUTS 2 region (or per NUTS 3 region inside a chosen NUTS 2 region)."""
    level_length = 5 if len(flt.region) >= 4 else 4
    counts: Counter[str] = Counter()
    for region, n in published_organisations(flt).order_by().values_list("region").annotate(n=Count("id")):
        counts[region[:level_length]] += n
    table = regions()
    rows = sorted(
        (Row(code, table[code].name if code in table else code, n) for code, n in counts.items()),
        key=lambda row: (-row.value, row.label),
    )
    return Table("organisations-by-region", _("Organisations by region"), _("organisations"), rows)


def organisations_by_domain(flt: InsightFilter, *, facet: str) -> Table:
    vocabulary = "heritage_domains" if facet == FacetKind.HERITAGE_DOMAIN else "creative_domains"
    counts = dict(
        OrganisationFacetValue.objects.filter(facet=facet, organisation__in=published_organisations(flt))
        .order_by()
        .values_list("value")
        .annotate(n=Count("id"))
    )
    rows = sorted(
        (Row(code, vocabulary_label(vocabulary, code), n) for code, n in counts.items()),
        key=lambda row: (-row.value, row.label),
    )
    title = _("Heritage domains") if facet == FacetKind.HERITAGE_DOMAIN else _("Creative domains")
    return Table(f"organisations-by-{vocabulary.replace('_', '-')}", title, _("organisations"), rows)


COMPLETENESS_BANDS = [(0, 49, "0–49 %"), (50, 74, "50–74 %"), (75, 89, "75–89 %"), (90, 100, "90–100 %")]


def profile_completeness(flt: InsightFilter) -> Table:
    queryset = published_organisations(flt)
    aggregates = queryset.aggregate(
        **{f"band{index}": Count("id", filter=Q(completeness__gte=low, completeness__lte=high))
           for index, (low, high, _label) in enumerate(COMPLETENESS_BANDS)}
    )
    rows = [Row(f"{low}-{high}", label, aggregates[f"band{index}"] or 0) for index, (low, high, label) in enumerate(COMPLETENESS_BANDS)]
    return Table("profile-completeness", _("Profile completeness"), _("organisations"), rows)


def _monthly(queryset: QuerySet, field: str = "created_at") -> dict[date, int]:
    return {
        (month.date() if hasattr(month, "date") else month): n
        for month, n in queryset.order_by().annotate(month=TruncMonth(field)).values_list("month").annotate(n=Count("id"))
    }


def new_organisations_per_month(flt: InsightFilter) -> Table:
    counts = _monthly(published_organisations(flt))
    rows = [Row(month.isoformat()[:7], month.strftime("%Y-%m"), n) for month, n in sorted(counts.items())]
    return Table("new-organisations", _("New organisations per month"), _("organisations"), rows, chart="line")


def opportunities(flt: InsightFilter) -> Table:
    organisations = published_organisations(InsightFilter(region=flt.region, programme=flt.programme))
    needs = _in_period(Need.objects.published().filter(organisation__in=organisations), flt)
    offers = _in_period(Offer.objects.published().filter(organisation__in=organisations), flt)
    rows = [
        Row("needs-open", _("Open needs"), needs.filter(status="open").count()),
        Row("needs-in-progress", _("Needs in progress"), needs.filter(status="in_progress").count()),
        Row("needs-closed", _("Needs closed"), needs.filter(status="closed").count()),
        Row("offers", _("Offers"), offers.count()),
    ]
    return Table("opportunities", _("Needs and offers"), _("records"), rows)


def filtered_meetings(flt: InsightFilter) -> QuerySet[Meeting]:
    queryset = _in_period(Meeting.objects.all(), flt)
    if flt.programme is not None:
        queryset = queryset.filter(event__programme=flt.programme)
    if flt.region:
        queryset = queryset.filter(
            Q(requester__organisation__region__startswith=flt.region) | Q(recipient__organisation__region__startswith=flt.region)
        )
    return queryset


def meetings(flt: InsightFilter) -> Table:
    """From request to held meeting and the wish to go on together."""
    queryset = filtered_meetings(flt)
    counts = queryset.aggregate(
        requested=Count("id"),
        accepted=Count("id", filter=Q(status=MeetingStatus.ACCEPTED)),
        scheduled=Count("id", filter=Q(status=MeetingStatus.ACCEPTED, slot__isnull=False)),
        held=Count("id", filter=Q(attendance=Attendance.HELD)),
        no_show=Count("id", filter=Q(attendance=Attendance.NO_SHOW)),
    )
    continuing = MeetingFeedback.objects.filter(meeting__in=queryset, wants_to_continue=True).values("meeting").distinct().count()
    rows = [
        Row("requested", _("Requested"), counts["requested"]),
        Row("accepted", _("Accepted"), counts["accepted"]),
        Row("scheduled", _("Scheduled"), counts["scheduled"]),
        Row("held", _("Held"), counts["held"]),
        Row("no-show", _("No-show"), counts["no_show"]),
        Row("continue", _("Partners want to continue"), continuing),
    ]
    return Table("meetings", _("Meetings at matchmaking events"), _("meetings"), rows, chart="funnel")


def calls(flt: InsightFilter) -> Table:
    """Open calls for pilot actions: applications submitted, decided and funded."""
    applications = _in_period(Application.objects.exclude(status=ApplicationStatus.DRAFT), flt, "submitted_at")
    if flt.region:
        applications = applications.filter(lead__region__startswith=flt.region)
    if flt.programme is not None:
        applications = applications.filter(call__programme=flt.programme)
    submitted = applications.filter(status=ApplicationStatus.SUBMITTED)
    rows = [
        Row("submitted", _("Applications submitted"), submitted.count()),
        Row("decided", _("Applications decided"), Decision.objects.filter(application__in=submitted).count()),
        Row("funded", _("Pilots funded"), Decision.objects.filter(application__in=submitted, outcome=CallOutcome.FUNDED).count()),
        Row("reserve", _("On the reserve list"), Decision.objects.filter(application__in=submitted, outcome=CallOutcome.RESERVE).count()),
        Row("withdrawn", _("Withdrawn"), applications.filter(status=ApplicationStatus.WITHDRAWN).count()),
    ]
    return Table("calls", _("Open calls for pilot actions"), _("applications"), rows)


def filtered_workshops(flt: InsightFilter) -> QuerySet[Workshop]:
    """Co-creation workshops that started in the period, in the region they were held in."""
    queryset = _in_period(Workshop.objects.all(), flt, "starts_at")
    if flt.programme is not None:
        queryset = queryset.filter(event__programme=flt.programme)
    if flt.region:
        queryset = queryset.filter(region__startswith=flt.region)
    return queryset


def workshops(flt: InsightFilter) -> Table:
    queryset = filtered_workshops(flt)
    rows = [
        Row("workshops", _("Workshops held"), queryset.count()),
        Row("participants", _("Participants"), WorkshopParticipant.objects.filter(workshop__in=queryset).count()),
        Row("contributions", _("Contributions"), Contribution.objects.filter(workshop__in=queryset).count()),
    ]
    return Table("workshops", _("Co-creation workshops"), _("records"), rows)


def partnerships_by_stage(flt: InsightFilter) -> Table:
    counts = dict(filtered_partnerships(flt).order_by().values_list("stage").annotate(n=Count("id", distinct=True)))
    rows = [Row(stage.value, str(stage.label), counts.get(stage.value, 0)) for stage in Stage]
    return Table("partnerships-by-stage", _("Partnerships by stage"), _("partnerships"), rows)


def partnership_funnel(flt: InsightFilter) -> Table:
    """How many partnerships ever reached each stage, from first contact to sustained product."""
    reached = dict(
        StageTransition.objects.filter(partnership__in=filtered_partnerships(flt))
        .order_by()
        .values_list("to_stage")
        .annotate(n=Count("partnership", distinct=True))
    )
    with_product = (
        Outcome.objects.filter(partnership__in=filtered_partnerships(flt), kind__in=[OutcomeKind.PRODUCT, OutcomeKind.SERVICE])
        .values("partnership").distinct().count()
    )
    rows = [Row(stage.value, str(stage.label), reached.get(stage.value, 0)) for stage in STAGE_ORDER]
    rows.append(Row("product", _("Product or service launched"), with_product))
    return Table("partnership-funnel", _("From first contact to product"), _("partnerships"), rows, chart="funnel")


def outcome_totals(flt: InsightFilter) -> Table:
    outcomes = _in_period(
        Outcome.objects.filter(partnership__in=filtered_partnerships(InsightFilter(region=flt.region, programme=flt.programme))), flt, "achieved_on"
    )
    counted = {OutcomeKind.PRODUCT, OutcomeKind.SERVICE}
    sums = dict(outcomes.order_by().values_list("kind").annotate(total=Sum("value")))
    counts = dict(outcomes.order_by().values_list("kind").annotate(n=Count("id")))
    rows = [
        Row(kind.value, str(kind.label), counts.get(kind.value, 0) if kind in counted else float(sums.get(kind.value) or 0))
        for kind in OutcomeKind
    ]
    return Table("outcomes", _("Outcomes of partnerships"), _("value"), rows, note=_("Products and services are counted; the other rows add up the recorded values."))


HUB_WIDE_NOTE = gettext_lazy("The whole hub: the region and programme filters do not apply to recommendations.")
RECOMMENDATIONS_NOTE = gettext_lazy("Each verdict counts once, on the surface where it was last given. %(hub)s")


def _useful_rate(useful: int, shown: int) -> float:
    return round(100 * useful / shown, 1) if shown else 0.0


def recommendation_rows(shown: dict[str, int], useful: dict[str, int], not_useful: dict[str, int]) -> list[Row]:
    """One row per surface: suggestions shown, then marked useful, marked not useful and the useful rate (%)."""
    return [
        Row(surface.value, str(surface.label), shown.get(surface.value, 0),
            (useful.get(surface.value, 0), not_useful.get(surface.value, 0), _useful_rate(useful.get(surface.value, 0), shown.get(surface.value, 0))))
        for surface in Surface
    ]


def recommendation_columns() -> list[str]:
    return [_("marked useful"), _("marked not useful"), _("useful rate (%)")]


def _verdicts(flt: InsightFilter) -> tuple[Counter[str], Counter[str]]:
    """Verdicts marked useful and not useful, by the surface each was given on."""
    useful: Counter[str] = Counter()
    not_useful: Counter[str] = Counter()
    for surface, is_useful, n in (
        _in_period(SuggestionFeedback.objects.all(), flt).order_by().values_list("surface", "useful").annotate(n=Count("id"))
    ):
        (useful if is_useful else not_useful)[surface] += n
    return useful, not_useful


def _impressions(flt: InsightFilter) -> QuerySet[SuggestionImpressions]:
    queryset = SuggestionImpressions.objects.all()
    if flt.start:
        queryset = queryset.filter(day__gte=flt.start)
    if flt.end:
        queryset = queryset.filter(day__lte=flt.end)
    return queryset


def recommendations(flt: InsightFilter) -> Table:
    """Suggestions shown and what people said of them, by where they were shown."""
    shown = dict(_impressions(flt).order_by().values_list("surface").annotate(n=Sum("shown")))
    useful, not_useful = _verdicts(flt)
    return Table(
        "recommendations", _("Recommendations shown and marked useful"), _("suggestions shown"),
        recommendation_rows(shown, useful, not_useful), extra_columns=recommendation_columns(),
        note=RECOMMENDATIONS_NOTE % {"hub": str(HUB_WIDE_NOTE)},
    )


def recommendation_trend_rows(shown: dict[date, int], useful: dict[date, int]) -> list[Row]:
    months = sorted(set(shown) | set(useful))
    return [
        Row(month.isoformat()[:7], month.strftime("%Y-%m"), shown.get(month, 0), (useful.get(month, 0), _useful_rate(useful.get(month, 0), shown.get(month, 0))))
        for month in months
    ]


def recommendations_over_time(flt: InsightFilter) -> Table:
    shown: Counter[date] = Counter()
    for day, n in _impressions(flt).order_by().values_list("day", "shown"):
        shown[day.replace(day=1)] += n
    useful = _monthly(_in_period(SuggestionFeedback.objects.filter(useful=True), flt))
    return Table(
        "recommendations-over-time", _("Recommendations per month"), _("suggestions shown"),
        recommendation_trend_rows(shown, useful), chart="line",
        extra_columns=[_("marked useful"), _("useful rate (%)")], note=str(HUB_WIDE_NOTE),
    )


def headline(flt: InsightFilter) -> list[Row]:
    organisations = published_organisations(flt)
    partnerships = filtered_partnerships(flt)
    return [
        Row("organisations", _("Organisations"), organisations.count()),
        Row("heritage", _("Heritage institutions"), organisations.filter(kind__in=[k.value for k in OrganisationKind if sector_group_of(k) == SectorGroup.HERITAGE]).count()),
        Row("creative", _("Creative and technology firms"), organisations.filter(kind__in=[k.value for k in OrganisationKind if sector_group_of(k) == SectorGroup.CREATIVE]).count()),
        Row("meetings-held", _("Meetings held"), filtered_meetings(flt).filter(attendance=Attendance.HELD).count()),
        Row("partnerships", _("Partnerships"), partnerships.count()),
        Row("pilots", _("Partnerships that reached a pilot"), StageTransition.objects.filter(partnership__in=partnerships, to_stage=Stage.PILOT).values("partnership").distinct().count()),
    ]


TABLE_BUILDERS = table_builders(sys.modules[__name__])


def dashboard_tables(flt: InsightFilter) -> list[Table]:
    return [build(flt) for build in TABLE_BUILDERS.values()]


def table_by_key(flt: InsightFilter, key: str) -> Table | None:
    build = TABLE_BUILDERS.get(key)
    return build(flt) if build else None
