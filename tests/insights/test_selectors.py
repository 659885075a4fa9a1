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
