"""After a refresh, the aggregate tables give the same numbers as the live counts (which tests
in test_selectors compare with direct counts), for every table and many filters."""

from contextlib import contextmanager
from dataclasses import replace
from datetime import date, datetime, timedelta
from decimal import Decimal

import pytest
from django.core.management import call_command
from django.db import transaction
from django.utils import timezone

from sache.calls.models import Application, ApplicationPartner, Call, Decision
from sache.directory.models import Organisation
from sache.events.models import Event, Meeting, MeetingFeedback
from sache.insights import aggregates, network, selectors
from sache.insights.filters import InsightFilter
from sache.insights.models import InsightFact, NetworkEdge, RefreshState
from sache.insights.refresh import SOURCE_NAMES, refresh_insights
from sache.matching.models import SuggestionFeedback, SuggestionImpressions
from sache.partnerships import services as partnership_services
from sache.partnerships.models import Outcome, Partnership, StageTransition
from sache.programmes.models import Programme
from tests.factories.accounts import make_user
from tests.factories.calls import make_call
from tests.factories.cocreation import make_participant
from tests.factories.directory import make_need, make_offer, make_organisation
from tests.factories.events import make_event, make_meeting, make_registration
from tests.factories.partnerships import make_partnership, tick_required_items
from tests.factories.programmes import make_programme

pytestmark = [pytest.mark.unit, pytest.mark.django_db]

TZ_NOON = {"hour": 12}


def _at(day: date, hour: int = 12) -> datetime:
    return timezone.make_aware(datetime(day.year, day.month, day.day, hour))


@pytest.fixture
def hub():
    """Organisations, needs, meetings, applications and partnerships spread over 2025 and 2026.

    Dates sit on month edges (first and last days, late evening) on purpose: a period
    is read as whole months plus daily rows at either end.
    """
    days = [date(2025, 1, 1), date(2025, 1, 31), date(2025, 2, 1), date(2025, 3, 15), date(2025, 6, 30), date(2025, 12, 31), date(2026, 2, 28)]
    specs = [
        ("museum", "PL823", ["archaeology"], [], 95), ("museum", "PL822", ["archaeology", "built_heritage"], [], 60),
        ("library", "HU311", [], [], 30), ("creative_business", "PL823", [], ["games"], 80),
        ("technology_provider", "SK042", [], ["ar_vr"], 100), ("ngo", "CZ080", [], [], 50), ("gallery", "PL911", [], [], 76),
    ]
    organisations = []
    for index, (kind, region, heritage, creative, completeness) in enumerate(specs):
        organisation = make_organisation(kind=kind, region=region, heritage_domains=heritage, creative_domains=creative)
        Organisation.objects.filter(pk=organisation.pk).update(created_at=_at(days[index], 23 if index % 2 else 0), completeness=completeness)
        organisations.append(organisation)
    make_organisation(kind="museum", region="PL823", publication="draft")
    make_need(organisations[0])
    make_need(organisations[1], status="closed")
    make_need(organisations[4], status="in_progress")
    make_offer(organisations[3])
    make_offer(organisations[4])

    event = make_event(slots=4, tables=2)
    slot = event.slots.first()
    museum, studio, slovak, czech = (make_registration(event, organisations[i]) for i in (0, 3, 4, 5))
    held = make_meeting(museum, studio, slot=slot, attendance="held")
    make_meeting(museum, slovak, status="requested")
    make_meeting(studio, slovak, slot=slot, attendance="no_show")
    make_meeting(slovak, czech, status="declined")
    make_meeting(czech, museum, slot=slot)
    MeetingFeedback.objects.create(meeting=held, registration=museum, wants_to_continue=True)
    for meeting, day in zip(Meeting.objects.order_by("pk"), days[1:], strict=False):
        Meeting.objects.filter(pk=meeting.pk).update(created_at=_at(day, 22))

    call = make_call()
    funded = Application.objects.create(call=call, lead=organisations[0], title="A", status="submitted", submitted_at=_at(days[2]))
    Application.objects.create(call=call, lead=organisations[2], title="B", status="draft")
    reserve = Application.objects.create(call=call, lead=organisations[2], title="C", status="submitted", submitted_at=_at(days[4]))
    Application.objects.create(call=call, lead=organisations[5], title="D", status="withdrawn", submitted_at=None)
    Decision.objects.create(application=funded, outcome="funded", amount=20000)
    Decision.objects.create(application=reserve, outcome="reserve", amount=10000)

    first = make_partnership(lead=organisations[0], partners=[organisations[3], organisations[2]])
    tick_required_items(first)
    partnership_services.advance_stage(first, actor=None)
    second = make_partnership(lead=organisations[1], partners=[organisations[4]])
    for _stage in range(3):
        tick_required_items(second)
        second = partnership_services.advance_stage(second, actor=None)
    partnership_services.record_outcome(second, kind="product", description="App", actor=None, achieved_on=days[3])
    partnership_services.record_outcome(second, kind="audience", description="Visitors", value=Decimal("1234.50"), actor=None, achieved_on=days[5])
    third = make_partnership(lead=organisations[5], partners=[organisations[6]])
    partnership_services.end_partnership(third, reason="fit", actor=None)
    for partnership, day in zip(Partnership.objects.order_by("pk"), [days[0], days[3], days[6]], strict=True):
        Partnership.objects.filter(pk=partnership.pk).update(created_at=_at(day, 23))
    from tests.factories.cocreation import (
        make_area,
        make_contribution,
        make_participant,
        make_workshop,
    )

    for region, day, people, notes in (("PL823", days[3], 3, 2), ("HU311", days[5], 2, 1), ("", days[6], 1, 0)):
        workshop = make_workshop(region=region, starts_at=_at(day, 23))
        area = make_area(workshop)
        for _person in range(people):
            make_participant(workshop, organisation=organisations[0])
        for _note in range(notes):
            make_contribution(workshop, area)
    make_workshop(region="PL822", starts_at=None)

    # Two programmes: the event (its meetings and registrations) and the first workshop in
    # P1, the call in P2, one partnership in each; an application partner confirmed in P2.
    p1, p2 = make_programme(code="P1"), make_programme(code="P2")
    Event.objects.filter(pk=event.pk).update(programme=p1)
    Event.objects.filter(workshop__region="PL823").update(programme=p1)
    Call.objects.filter(pk=call.pk).update(programme=p2)
    Partnership.objects.filter(pk=second.pk).update(programme=p1)
    Partnership.objects.filter(pk=third.pk).update(programme=p2)
    ApplicationPartner.objects.create(application=reserve, organisation=organisations[6], confirmed_at=_at(days[4]))
    ApplicationPartner.objects.create(application=funded, organisation=organisations[1])  # not confirmed: not taking part
    make_registration(event, organisations[6], status="rejected")  # rejected: not taking part

    # Suggestions shown (day counters) and verdicts on them, across month edges.
    for day, surface, shown in ((days[0], "organisation", 12), (days[1], "organisation", 6), (days[1], "need", 5),
                                (days[2], "event", 8), (days[3], "api", 4), (days[5], "needs", 3), (days[6], "organisation", 6)):
        SuggestionImpressions.objects.create(day=day, surface=surface, lists=1, shown=shown)
    user = make_user()
    for index, (subject, surface, useful, day) in enumerate((
        (f"organisation:{organisations[0].pk}", "organisation", True, days[0]),
        (f"organisation:{organisations[0].pk}", "organisation", False, days[1]),
        (f"need:{organisations[1].pk}", "need", True, days[1]),
        (f"organisation:{organisations[3].pk}", "organisation", True, days[6]),
        (f"registration:{organisations[3].pk}", "event", False, days[2]),
        (f"organisation:{organisations[5].pk}", "api", True, days[3]),
    )):
        feedback = SuggestionFeedback.objects.create(
            user=user, subject=subject, suggested=organisations[index + 1], surface=surface, useful=useful, rank=1, score=0.5
        )
        SuggestionFeedback.objects.filter(pk=feedback.pk).update(created_at=_at(day, 23))
    feedback = SuggestionFeedback.objects.create(
        user=user, subject=f"organisation:{organisations[2].pk}", suggested_need=organisations[0].needs.first(), surface="needs",
        useful=True, rank=2, score=0.4,
    )
    SuggestionFeedback.objects.filter(pk=feedback.pk).update(created_at=_at(days[5], 23))
    refresh_insights()
    return organisations


FILTERS = [
    InsightFilter(),
    InsightFilter(region="PL"),
    InsightFilter(region="PL8"),
    InsightFilter(region="PL82"),
    InsightFilter(region="PL823"),
    InsightFilter(region="HU"),
    InsightFilter(region="SK04"),
    InsightFilter(region="AT"),
    InsightFilter(start=date(2025, 1, 31)),
    InsightFilter(start=date(2025, 2, 1), end=date(2025, 12, 31)),
    InsightFilter(start=date(2025, 1, 15), end=date(2025, 3, 15)),
    InsightFilter(start=date(2025, 1, 1), end=date(2025, 1, 31)),
    InsightFilter(start=date(2025, 3, 10), end=date(2025, 3, 20)),
    InsightFilter(end=date(2025, 6, 30)),
    InsightFilter(end=date(2025, 6, 29), region="PL"),
    InsightFilter(start=date(2025, 1, 31), end=date(2026, 2, 28), region="PL82"),
    InsightFilter(start=date(2026, 1, 1), end=date(2025, 1, 1)),
    # Programmes by code (ids are only known once the hub exists; see _resolved).
    InsightFilter(programme="P1"),
    InsightFilter(programme="P2"),
    InsightFilter(programme="P1", region="PL82"),
    InsightFilter(programme="P2", start=date(2025, 2, 1), end=date(2025, 12, 31)),
    InsightFilter(programme="P1", start=date(2025, 1, 15), end=date(2025, 3, 15), region="PL"),
]
FILTER_IDS = [f"{f.region or 'all'}:{f.start}:{f.end}:{f.programme or ''}" for f in FILTERS]


def _resolved(flt):
    if flt.programme is None:
        return flt
    return replace(flt, programme=Programme.objects.get(code=flt.programme).pk)


def _rows(table):
    return [(row.code, row.label, row.value, row.extra) for row in table.rows]


@pytest.mark.parametrize("flt", FILTERS, ids=FILTER_IDS)
def test_every_table_read_from_the_aggregates_equals_the_live_count(hub, flt):
    flt = _resolved(flt)
    for key, build in selectors.TABLE_BUILDERS.items():
        assert _rows(aggregates.TABLE_BUILDERS[key](flt)) == _rows(build(flt)), key
    assert [(r.code, r.value) for r in aggregates.headline(flt)] == [(r.code, r.value) for r in selectors.headline(flt)]


@pytest.mark.parametrize("flt", FILTERS[:9] + FILTERS[-5:], ids=FILTER_IDS[:9] + FILTER_IDS[-5:])
def test_map_counts_from_the_aggregates_equal_the_live_ones(hub, flt):
    flt = _resolved(flt)
    live = {(place.region, place.organisations) for place in network.organisations_by_place(flt)}
    stored = {(place.region, place.organisations) for place in network.places_from_aggregates(flt)}

    assert stored == live


def test_the_hub_has_something_in_every_table(hub):
    """Guards the comparison above against comparing empty tables."""
    empty = [key for key, build in aggregates.TABLE_BUILDERS.items() if build(InsightFilter()).is_empty]

    assert empty == []
    assert aggregates.headline(InsightFilter())[0].value == 7


def test_figures_change_only_after_a_refresh(hub):
    before = aggregates.organisations_by_kind(InsightFilter()).total
    make_organisation(kind="museum", region="PL823")

    assert aggregates.organisations_by_kind(InsightFilter()).total == before
    refresh_insights()
    assert aggregates.organisations_by_kind(InsightFilter()).total == before + 1
    assert RefreshState.objects.get().refreshed_at is not None


def test_no_query_reads_daily_rows_of_whole_months(hub):
    """A year-long period reads monthly rows, not the days inside them."""
    q = aggregates._period_q(date(2025, 1, 15), date(2025, 12, 31))

    rows = InsightFact.objects.filter(q, metric="org.kind", area="")
    assert set(rows.values_list("grain", flat=True)) <= {"m", "d"}
    assert not rows.filter(grain="d", day__gte=date(2025, 2, 1)).exists()


@pytest.mark.django_db(transaction=True)
def test_a_write_queues_one_refresh_per_transaction_and_the_task_runs_it(monkeypatch):
    """Tests run tasks inline (the immediate backend): the refresh happens at commit."""
    from sache.insights import refresh

    runs = []
    real = refresh.refresh_insights
    monkeypatch.setattr(refresh, "refresh_insights", lambda **kwargs: runs.append(1) or real(**kwargs))
    museum = make_organisation(kind="museum", region="PL823")
    studio = make_organisation(kind="creative_business", region="PL822")
    runs.clear()
    RefreshState.objects.update(dirty_since=None)

    with transaction.atomic():
        partnership = make_partnership(title="Nowe", lead=museum, partners=[studio])
        tick_required_items(partnership)
        partnership_services.advance_stage(partnership, actor=None)

    assert runs == [1]
    assert {row.code: row.value for row in aggregates.partnerships_by_stage(InsightFilter()).rows}["align"] == 1
    assert aggregates.organisations_by_kind(InsightFilter(region="PL82")).total == 2
    assert RefreshState.objects.get().dirty_since is None


def test_refresh_command_prints_what_it_did(hub, capsys):
    call_command("refresh_insights", no_progress=True)
    call_command("refresh_insights", no_progress=True, if_stale=True)

    out = capsys.readouterr().out
    assert "Insights refreshed:" in out
    assert "up to date" in out


def test_network_copy_links_partners_and_met_organisations(hub):
    pairs = set(NetworkEdge.objects.values_list("source", "target", "kind"))
    museum, studio = hub[0].pk, hub[3].pk

    assert (min(museum, studio), max(museum, studio), "partnership") in pairs
    # The requested (not accepted) meeting is not a collaboration.
    assert not any({a, b} == {hub[0].pk, hub[4].pk} for a, b, _kind in pairs)


def test_network_subgraph_focuses_on_one_organisation_and_search_finds_it(hub):
    graph = network.network_subgraph(InsightFilter(), focus=hub[3].pk)
    found = network.find_in_network(hub[3].name[:6])

    assert hub[3].pk in {node.id for node in graph.nodes}
    assert all(hub[3].pk in (edge.source, edge.target) or {edge.source, edge.target} <= {n.id for n in graph.nodes} for edge in graph.edges)
    # Partners (museum, library) and the Slovak firm it met at a scheduled table; not the Czech NGO.
    assert {node.id for node in graph.nodes} == {hub[3].pk, hub[0].pk, hub[2].pk, hub[4].pk}
    assert hub[3].pk in [pk for pk, _name, _degree in found]


def test_network_subgraph_is_cut_to_the_best_connected_organisations(hub, monkeypatch):
    monkeypatch.setattr(network, "SUBGRAPH_NODES", 2)
    graph = network.network_subgraph(InsightFilter())

    assert len(graph.nodes) == 2
    assert graph.truncated


def test_stage_transitions_and_outcomes_are_in_the_hub(hub):
    assert StageTransition.objects.filter(to_stage="pilot").exists()
    assert Outcome.objects.count() == 2
    assert timezone.localdate() > date(2025, 1, 1) + timedelta(days=1)


def test_the_programme_filters_are_not_empty(hub):
    """Guards the programme comparisons above: each programme has figures of its own."""
    p1, p2 = (_resolved(InsightFilter(programme=code)) for code in ("P1", "P2"))

    assert aggregates.meetings(p1).rows[0].value == 5
    assert aggregates.meetings(p2).is_empty
    assert aggregates.calls(p2).total > 0 and aggregates.calls(p1).is_empty
    assert aggregates.workshops(p1).rows[0].value == 1
    assert aggregates.partnerships_by_stage(p1).total == 1 and aggregates.partnerships_by_stage(p2).total == 1
    # P1's participants: four approved registrations (the rejected one is not), the workshop's
    # organisation and the second partnership's two partners.
    assert aggregates.headline(p1)[0].value == len({hub[i].pk for i in (0, 3, 4, 5, 1)})
    # P2: the call's leads (A's museum, the library, the NGO), its confirmed partner, the third partnership.
    assert aggregates.headline(p2)[0].value == len({hub[i].pk for i in (0, 2, 5, 6)})


@pytest.mark.parametrize("code", ["P1", "P2"])
def test_network_of_a_programme_equals_the_live_one(hub, code):
    flt = _resolved(InsightFilter(programme=code))

    def pairs(graph):
        return {(min(e.source, e.target), max(e.source, e.target)) for e in graph.edges}

    assert pairs(network.network_subgraph(flt)) == pairs(network.collaboration_network(flt))
    assert pairs(network.network_subgraph(flt))


def _spy_on_sources(monkeypatch):
    from sache.insights import refresh

    built = []

    def spy(source):
        def build():
            built.append(source.name)
            return source.build()
        return replace(source, build=build)

    monkeypatch.setattr(refresh, "SOURCES", [spy(source) for source in refresh.SOURCES])
    return built


def _forget_asked_refreshes():
    """The test's transaction never commits: drop what earlier writes asked for at its commit."""
    from django.db import connection

    connection.run_on_commit[:] = [entry for entry in connection.run_on_commit if entry[1].__module__ != "sache.insights.receivers"]
    connection._insights_asked_parts = set()


@contextmanager
def _committed(capture):
    """Run the block's commit callbacks at its end, as a real commit would, and forget them after."""
    with capture(execute=True):
        yield
    _forget_asked_refreshes()


def test_a_write_recomputes_only_the_parts_it_changes_and_the_figures_stay_right(hub, monkeypatch, django_capture_on_commit_callbacks):
    """The task refreshes what the writes asked for; every table still equals the live count."""
    from sache.cocreation.models import Workshop
    from sache.matching.models import SuggestionFeedback

    _forget_asked_refreshes()
    built = _spy_on_sources(monkeypatch)
    event = Event.objects.get(programme__code="P1", kind="matchmaking")
    with _committed(django_capture_on_commit_callbacks):
        newcomer = make_organisation(kind="gallery", region="PL823")
    assert len(built) == len(SOURCE_NAMES)  # an organisation changes everything
    built.clear()

    with _committed(django_capture_on_commit_callbacks):
        make_meeting(make_registration(event, newcomer), event.registrations.first(), attendance="held")
    # The meeting, and the newcomer's registration: it now takes part in P1.
    assert sorted(built) == ["meetings", "participants"]
    first = event.registrations.first().organisation_id
    assert NetworkEdge.objects.filter(source=min(newcomer.pk, first), target=max(newcomer.pk, first), programme=event.programme_id).exists()

    built.clear()
    with _committed(django_capture_on_commit_callbacks):
        make_need(hub[6], status="open")
        SuggestionFeedback.objects.create(user=make_user(), subject=f"need:{hub[6].pk}", suggested=hub[0], surface="need", useful=True, rank=1, score=0.4)
        make_participant(Workshop.objects.get(region="HU311"), organisation=hub[2])
    assert sorted(built) == ["opportunities", "participants", "recommendations", "workshops"]

    for flt in FILTERS:
        flt = _resolved(flt)
        for key, build in selectors.TABLE_BUILDERS.items():
            assert _rows(aggregates.TABLE_BUILDERS[key](flt)) == _rows(build(flt)), (key, flt)
        assert [(r.code, r.value) for r in aggregates.headline(flt)] == [(r.code, r.value) for r in selectors.headline(flt)]
    assert RefreshState.objects.get().dirty_since is None


def test_a_failed_partial_refresh_keeps_what_was_asked_for(hub, monkeypatch):
    from sache.insights import refresh
    from sache.insights.models import PendingRefresh

    PendingRefresh.objects.create(part="meetings")
    monkeypatch.setattr(refresh, "_network", lambda: (_ for _ in ()).throw(RuntimeError("disk full")))

    with pytest.raises(RuntimeError):
        refresh.refresh_insights(only={"network"})

    assert set(PendingRefresh.objects.values_list("part", flat=True)) == {"meetings", "network"}
    assert RefreshState.objects.get().dirty_since is not None


def test_the_scheduled_refresh_picks_up_suggestions_shown_since(hub, capsys):
    from sache.matching.models import SuggestionImpressions

    call_command("refresh_insights", no_progress=True, if_stale=True)
    call_command("refresh_insights", no_progress=True, if_stale=True)
    assert "up to date" in capsys.readouterr().out
    SuggestionImpressions.objects.create(day=date(2026, 2, 1), surface="api", lists=1, shown=7)

    call_command("refresh_insights", no_progress=True, if_stale=True)

    assert "Insights refreshed:" in capsys.readouterr().out
    assert {r.code: r.value for r in aggregates.recommendations(InsightFilter()).rows}["api"] == 11


def test_parts_named_in_the_migration_are_the_refresh_parts():
    import importlib

    from sache.insights.refresh import EVERYTHING

    migration = importlib.import_module("sache.insights.migrations.0003_pending_refresh")

    assert set(migration.PARTS) == EVERYTHING
