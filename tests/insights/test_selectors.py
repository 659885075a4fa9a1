"""Every indicator equals a direct count over the domain tables."""

from datetime import date, timedelta

import pytest
from django.utils import timezone

from sache.directory.enums import FacetKind
from sache.directory.models import Organisation, OrganisationFacetValue
from sache.insights import selectors
from sache.insights.filters import InsightFilter
from sache.partnerships import services as partnership_services
from tests.factories.directory import make_need, make_offer, make_organisation
from tests.factories.partnerships import make_partnership, tick_required_items

pytestmark = [pytest.mark.unit, pytest.mark.django_db]


@pytest.fixture
def hub():
    old = timezone.now() - timedelta(days=400)
    organisations = [
        make_organisation(kind="museum", region="PL823", heritage_domains=["archaeology"]),
        make_organisation(kind="museum", region="PL822", heritage_domains=["archaeology", "built_heritage"]),
        make_organisation(kind="library", region="HU311"),
        make_organisation(kind="creative_business", region="PL823", creative_domains=["games"]),
        make_organisation(kind="technology_provider", region="SK042", creative_domains=["ar_vr"]),
        make_organisation(kind="museum", region="PL823", publication="draft"),
    ]
    Organisation.objects.filter(pk=organisations[2].pk).update(created_at=old)
    make_need(organisations[0])
    make_need(organisations[1], status="closed")
    make_offer(organisations[3])
    partnership = make_partnership(lead=organisations[0], partners=[organisations[3]])
    tick_required_items(partnership)
    partnership_services.advance_stage(partnership, actor=None)
    make_partnership(lead=organisations[2], partners=[organisations[4]])
    return organisations


FILTERS = [
    InsightFilter(),
    InsightFilter(region="PL82"),
    InsightFilter(region="PL823"),
    InsightFilter(start=date.today() - timedelta(days=30)),
]


@pytest.mark.parametrize("flt", FILTERS, ids=["all", "PL82", "PL823", "last-30-days"])
def test_organisations_by_kind_equals_a_direct_count(hub, flt):
    table = selectors.organisations_by_kind(flt)

    for row in table.rows:
        direct = Organisation.objects.filter(publication="published", kind=row.code, region__startswith=flt.region)
        if flt.start_datetime:
            direct = direct.filter(created_at__gte=flt.start_datetime)
        assert row.value == direct.count(), row.code
    assert table.total == selectors.published_organisations(flt).count()


def test_organisations_by_kind_ignores_drafts_and_filters_by_region(hub):
    table = selectors.organisations_by_kind(InsightFilter(region="PL82"))

    assert {row.code: row.value for row in table.rows if row.value} == {"museum": 2, "creative_business": 1}


def test_region_table_counts_nuts2_regions_and_nuts3_inside_a_chosen_region(hub):
    everywhere = {row.code: row.value for row in selectors.organisations_by_region(InsightFilter()).rows}
    inside = {row.code: row.value for row in selectors.organisations_by_region(InsightFilter(region="PL82")).rows}

    assert everywhere == {"PL82": 3, "HU31": 1, "SK04": 1}
    assert inside == {"PL823": 2, "PL822": 1}


def test_domain_table_equals_facet_rows_of_published_organisations(hub):
    table = selectors.organisations_by_domain(InsightFilter(), facet=FacetKind.HERITAGE_DOMAIN)

    direct = OrganisationFacetValue.objects.filter(
        facet="heritage_domain", organisation__publication="published", value="archaeology"
    ).count()
    assert {row.code: row.value for row in table.rows} == {"archaeology": direct, "built_heritage": 1}


def test_sector_table_adds_up_to_all_published_organisations(hub):
    table = selectors.organisations_by_sector(InsightFilter())

    assert {row.code: row.value for row in table.rows} == {"heritage": 3, "creative": 2, "support": 0}


def test_partnership_tables_follow_stages_and_the_funnel(hub):
    by_stage = {row.code: row.value for row in selectors.partnerships_by_stage(InsightFilter()).rows}
    funnel = {row.code: row.value for row in selectors.partnership_funnel(InsightFilter()).rows}

    assert by_stage == {"explore": 1, "align": 1, "cocreate": 0, "pilot": 0, "sustain": 0, "ended": 0}
    assert funnel == {"explore": 2, "align": 1, "cocreate": 0, "pilot": 0, "sustain": 0, "product": 0}


def test_region_filter_keeps_partnerships_with_a_partner_in_the_region(hub):
    by_stage = {row.code: row.value for row in selectors.partnerships_by_stage(InsightFilter(region="HU")).rows}

    assert sum(by_stage.values()) == 1


def test_opportunities_count_needs_by_status_and_offers(hub):
    table = selectors.opportunities(InsightFilter())

    assert {row.code: row.value for row in table.rows} == {"needs-open": 1, "needs-in-progress": 0, "needs-closed": 1, "offers": 1}


def test_headline_numbers(hub):
    assert {row.code: row.value for row in selectors.headline(InsightFilter())} == {
        "organisations": 5, "heritage": 3, "creative": 2, "meetings-held": 0, "partnerships": 2, "pilots": 0,
    }


def test_meetings_table_equals_direct_counts_and_follows_the_region_filter():
    from sache.events.models import Meeting, MeetingFeedback
    from tests.factories.events import make_event, make_meeting, make_registration

    event = make_event(slots=4, tables=2)
    slot = event.slots.first()
    museum = make_registration(event, make_organisation(kind="museum", region="PL823"))
    studio = make_registration(event, make_organisation(kind="creative_business", region="PL823"))
    slovak = make_registration(event, make_organisation(kind="technology_provider", region="SK042"))
    held = make_meeting(museum, studio, slot=slot, attendance="held")
    make_meeting(museum, slovak, status="requested")
    make_meeting(studio, slovak, slot=slot, attendance="no_show")
    make_meeting(slovak, museum, status="declined")
    MeetingFeedback.objects.create(meeting=held, registration=museum, wants_to_continue=True)

    everywhere = {row.code: row.value for row in selectors.meetings(InsightFilter()).rows}
    slovakia = {row.code: row.value for row in selectors.meetings(InsightFilter(region="SK")).rows}

    assert everywhere == {
        "requested": Meeting.objects.count(), "accepted": 2, "scheduled": 2, "held": 1, "no-show": 1, "continue": 1,
    }
    assert slovakia == {"requested": 3, "accepted": 1, "scheduled": 1, "held": 0, "no-show": 1, "continue": 0}


def test_calls_table_counts_submitted_decided_and_funded_applications():
    from sache.calls.models import Application, Call, Decision
    from tests.factories.calls import make_call

    call = make_call()
    museum = make_organisation(kind="museum", region="PL823")
    other = make_organisation(kind="museum", region="HU311")
    funded = Application.objects.create(call=call, lead=museum, title="Gra o zamku", status="submitted", submitted_at=call.opens_at)
    Application.objects.create(call=call, lead=other, title="Szkic", status="draft")
    rejected = Application.objects.create(call=call, lead=other, title="Inny", status="submitted", submitted_at=call.opens_at)
    Decision.objects.create(application=funded, outcome="funded", amount=20000)
    Decision.objects.create(application=rejected, outcome="rejected")

    everywhere = {row.code: row.value for row in selectors.calls(InsightFilter()).rows}
    poland = {row.code: row.value for row in selectors.calls(InsightFilter(region="PL")).rows}

    assert everywhere == {"submitted": 2, "decided": 2, "funded": 1, "reserve": 0, "withdrawn": 0}
    assert poland == {"submitted": 1, "decided": 1, "funded": 1, "reserve": 0, "withdrawn": 0}
    assert Call.objects.count() == 1


# --- Programmes ---------------------------------------------------------------------------


@pytest.fixture
def programme_hub():
    """A programme with an event (an approved and a pending registration, two meetings), a call
    (a submitted application with a confirmed and an invited partner, a draft), a workshop and a
    partnership; and the same activity outside the programme."""
    from sache.calls.models import Application, ApplicationPartner
    from tests.factories.calls import make_call
    from tests.factories.cocreation import make_participant, make_workshop
    from tests.factories.events import make_event, make_meeting, make_registration
    from tests.factories.programmes import make_programme

    programme = make_programme(code="ACC-2026")
    orgs = [make_organisation(kind=kind, region=region) for kind, region in (
        ("museum", "PL823"), ("creative_business", "PL823"), ("library", "HU311"), ("gallery", "PL911"),
        ("ngo", "CZ080"), ("archive", "SK042"), ("museum", "PL822"), ("creative_business", "PL822"),
    )]
    inside, outside = make_event(programme=programme), make_event()
    a, b = make_registration(inside, orgs[0]), make_registration(inside, orgs[1])
    make_registration(inside, orgs[2], status="pending")
    make_meeting(a, b, attendance="held")
    make_meeting(b, a, status="requested")
    c, d = make_registration(outside, orgs[6]), make_registration(outside, orgs[7])
    make_meeting(c, d, attendance="held")
    call, other_call = make_call(programme=programme), make_call()
    application = Application.objects.create(call=call, lead=orgs[3], title="A", status="submitted", submitted_at=timezone.now())
    ApplicationPartner.objects.create(application=application, organisation=orgs[4], confirmed_at=timezone.now())
    ApplicationPartner.objects.create(application=application, organisation=orgs[7])
    Application.objects.create(call=call, lead=orgs[6], title="Draft", status="draft")
    Application.objects.create(call=other_call, lead=orgs[7], title="B", status="submitted", submitted_at=timezone.now())
    workshop = make_workshop(region="PL823")
    workshop.event.programme = programme
    workshop.event.save()
    make_participant(workshop, organisation=orgs[5])
    make_participant(make_workshop(region="PL823"), organisation=orgs[6])
    partnership = make_partnership(lead=orgs[0], partners=[orgs[2]])
    partnership.programme = programme
    partnership.save(update_fields=["programme"])
    make_partnership(lead=orgs[6], partners=[orgs[7]])
    return programme, orgs


def test_programme_filter_keeps_the_programme_activities(programme_hub):
    from sache.calls.models import Application
    from sache.cocreation.models import Workshop
    from sache.events.models import Meeting
    from sache.partnerships.models import Partnership

    programme, _orgs = programme_hub
    flt = InsightFilter(programme=programme.pk)

    meetings = {row.code: row.value for row in selectors.meetings(flt).rows}
    assert meetings["requested"] == Meeting.objects.filter(event__programme=programme).count() == 2
    assert meetings["held"] == Meeting.objects.filter(event__programme=programme, attendance="held").count() == 1
    calls = {row.code: row.value for row in selectors.calls(flt).rows}
    assert calls["submitted"] == Application.objects.filter(call__programme=programme, status="submitted").count() == 1
    workshops = {row.code: row.value for row in selectors.workshops(flt).rows}
    assert workshops["workshops"] == Workshop.objects.filter(event__programme=programme).count() == 1
    assert selectors.partnerships_by_stage(flt).total == Partnership.objects.filter(programme=programme).count() == 1
    # Without the filter, everything counts.
    assert {row.code: row.value for row in selectors.meetings(InsightFilter()).rows}["requested"] == 3


def test_with_a_programme_organisations_are_its_participants(programme_hub):
    programme, orgs = programme_hub
    # Approved registrations (0, 1; not the pending 2), the application's lead (3) and confirmed
    # partner (4; not the invited 7), the workshop participant (5), the partnership (0, 2).
    expected = {orgs[i].pk for i in (0, 1, 2, 3, 4, 5)}

    assert selectors.participant_ids(programme.pk) == expected
    assert selectors.organisations_by_kind(InsightFilter(programme=programme.pk)).total == len(expected)
    assert selectors.organisations_by_kind(InsightFilter(programme=programme.pk, region="PL8")).total == len(
        [pk for pk in expected if Organisation.objects.get(pk=pk).region.startswith("PL8")])


# --- Recommendations ------------------------------------------------------------------------


def test_recommendations_equal_the_counters_and_the_verdicts(hub):
    from sache.matching.models import SuggestionFeedback, SuggestionImpressions
    from tests.factories.accounts import make_user

    today = timezone.localdate()
    SuggestionImpressions.objects.create(day=today, surface="organisation", lists=2, shown=12)
    SuggestionImpressions.objects.create(day=today - timedelta(days=1), surface="organisation", lists=1, shown=6)
    SuggestionImpressions.objects.create(day=today - timedelta(days=90), surface="event", lists=1, shown=5)
    user, other = make_user(), make_user()
    subject = f"organisation:{hub[0].pk}"
    SuggestionFeedback.objects.create(user=user, subject=subject, suggested=hub[3], surface="organisation", useful=True, rank=1, score=0.9)
    SuggestionFeedback.objects.create(user=other, subject=subject, suggested=hub[3], surface="organisation", useful=True, rank=1, score=0.9)
    SuggestionFeedback.objects.create(user=user, subject=subject, suggested=hub[1], surface="organisation", useful=False, rank=2, score=0.8)
    SuggestionFeedback.objects.create(user=user, subject=f"need:{hub[0].pk}", suggested=hub[1], surface="need", useful=True, rank=1, score=0.7)
    # The other surfaces count their own verdicts.
    SuggestionFeedback.objects.create(user=user, subject=f"organisation:{hub[1].pk}", suggested_need=make_need(hub[2]), surface="needs", useful=True, rank=1, score=0.6)
    SuggestionFeedback.objects.create(user=user, subject="registration:1", suggested=hub[2], surface="event", useful=False, rank=1, score=0.6)
    SuggestionFeedback.objects.create(user=other, subject=f"organisation:{hub[1].pk}", suggested=hub[2], surface="api", useful=True, rank=3, score=0.5)

    rows = {row.code: row for row in selectors.recommendations(InsightFilter()).rows}
    assert rows["organisation"].value == 18
    assert rows["organisation"].extra == (2, 1, round(100 * 2 / 18, 1))
    assert rows["need"].extra[0] == SuggestionFeedback.objects.filter(subject__startswith="need:", useful=True).count() == 1
    assert rows["event"].value == 5
    assert (rows["needs"].extra[:2], rows["event"].extra[:2], rows["api"].extra[:2]) == ((1, 0), (0, 1), (1, 0))
    recent = {row.code: row.value for row in selectors.recommendations(InsightFilter(start=today - timedelta(days=30))).rows}
    assert recent["event"] == 0 and recent["organisation"] == 18
    # Hub-wide: a region does not change them.
    assert [r.value for r in selectors.recommendations(InsightFilter(region="HU")).rows] == [r.value for r in rows.values()]
    trend = selectors.recommendations_over_time(InsightFilter())
    assert trend.total == 23
