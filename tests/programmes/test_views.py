"""Programmes: operators create, edit and delete them; everyone reads them; forms link activities to them."""

from __future__ import annotations

import csv
import io
from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from sache.calls.models import Call
from sache.core.models import ActivityLog
from sache.directory.exchange import API_FIELDS, EXPORT_COLUMNS
from sache.events.models import Event
from sache.partnerships import services as partnership_services
from sache.partnerships.models import Partnership
from sache.programmes.models import Programme
from tests.factories.accounts import make_operator, make_user
from tests.factories.calls import make_call
from tests.factories.cocreation import make_workshop
from tests.factories.directory import make_member, make_organisation
from tests.factories.events import make_event
from tests.factories.programmes import make_programme

pytestmark = [pytest.mark.integration, pytest.mark.django_db]

VALID = {
    "name": "Interreg CE: Smart Accelerators", "code": "CE0100123", "language": "en", "funder": "Interreg Central Europe",
    "starts_on": "2025-04-01", "ends_on": "2028-03-31", "description": "Heritage meets creative industries.",
}


@pytest.fixture
def operator_client(client):
    client.force_login(make_operator())
    return client


@pytest.fixture
def member_client(client):
    user = make_user()
    make_member(make_organisation(), user)
    client.force_login(user)
    return client


def test_operator_creates_a_programme_and_it_is_logged(operator_client):
    response = operator_client.post(reverse("programmes:programme-create"), VALID)

    programme = Programme.objects.get()
    assert response.status_code == 302 and response.url == programme.get_absolute_url()
    assert (programme.code, programme.funder, programme.language) == ("CE0100123", "Interreg Central Europe", "en")
    assert ActivityLog.objects.filter(action="programmes.programme.saved").exists()


def test_programme_form_refuses_an_end_before_the_start_a_reserved_code_and_a_duplicate(operator_client):
    make_programme(code="ACC-2026")
    url = reverse("programmes:programme-create")

    assert operator_client.post(url, VALID | {"ends_on": "2024-01-01"}).status_code == 400
    assert operator_client.post(url, VALID | {"code": "export"}).status_code == 400
    assert operator_client.post(url, VALID | {"code": "ACC-2026"}).status_code == 400
    assert operator_client.post(url, VALID | {"code": "no spaces"}).status_code == 400
    assert Programme.objects.count() == 1


def test_operator_edits_and_deletes_a_programme_its_activities_stay(operator_client):
    programme = make_programme(code="VOUCHER")
    event = make_event(programme=programme)

    operator_client.post(reverse("programmes:programme-edit", args=[programme.code]), VALID | {"code": "VOUCHER", "funder": "City of Rzeszów"})
    programme.refresh_from_db()
    assert programme.funder == "City of Rzeszów"
    response = operator_client.post(reverse("programmes:programme-delete", args=[programme.code]))

    assert response.status_code == 302
    assert not Programme.objects.exists()
    event.refresh_from_db()
    assert event.programme is None


def test_members_may_read_but_not_change_programmes(member_client):
    programme = make_programme(name="Akcelerator 2026")

    assert "Akcelerator 2026" in member_client.get(reverse("programmes:programme-list")).content.decode()
    assert member_client.get(reverse("programmes:programme-detail", args=[programme.code])).status_code == 200
    assert member_client.post(reverse("programmes:programme-create"), VALID).status_code == 403
    assert member_client.post(reverse("programmes:programme-delete", args=[programme.code])).status_code == 403
    assert member_client.get(reverse("programmes:programme-export")).status_code == 403
    assert Programme.objects.count() == 1


def test_detail_lists_published_activities_only_to_visitors(client):
    programme = make_programme()
    make_event(programme=programme, title="Giełda kooperacyjna")
    make_event(programme=programme, title="Szkic wydarzenia", publication="draft")
    make_call(programme=programme, title="Nabór pilotaży")

    page = client.get(reverse("programmes:programme-detail", args=[programme.code])).content.decode()

    assert "Giełda kooperacyjna" in page and "Nabór pilotaży" in page
    assert "Szkic wydarzenia" not in page


def test_export_columns_are_the_api_fields(operator_client):
    make_programme(code="CE0100123", name="Łańcut heritage lab")

    body = operator_client.get(reverse("programmes:programme-export")).content.decode("utf-8-sig")
    rows = list(csv.reader(io.StringIO(body)))

    assert rows[0] == EXPORT_COLUMNS["programme"] == list(API_FIELDS["programme"])
    assert rows[1][1:3] == ["CE0100123", "Łańcut heritage lab"]


def test_api_lists_programmes_with_the_declared_fields(client):
    make_programme(code="CE0100123")

    body = client.get("/api/v1/programmes").json()
    one = client.get("/api/v1/programmes/CE0100123").json()

    assert [item["code"] for item in body["items"]] == ["CE0100123"]
    assert tuple(one) == API_FIELDS["programme"]
    assert client.get("/api/v1/programmes/NOPE").status_code == 404


# --- The selectors on the forms of activities --------------------------------------------


def test_event_form_puts_the_event_in_a_programme(operator_client):
    programme = make_programme()
    event = make_event()
    form = operator_client.get(reverse("events:event-edit", args=[event.slug])).content.decode()
    assert 'name="programme"' in form

    from sache.events.forms import EventForm

    data = {name: value for name, value in EventForm(instance=event).initial.items() if value is not None}
    data["programme"] = programme.pk
    operator_client.post(reverse("events:event-edit", args=[event.slug]), data)
    event.refresh_from_db()
    assert event.programme == programme


def test_call_form_puts_the_call_in_a_programme(operator_client):
    programme = make_programme()
    now = timezone.localtime()
    operator_client.post(reverse("calls:call-create"), {
        "title": "Pilotaże 2027", "programme": programme.pk, "language": "pl", "budget": "50000",
        "opens_at": (now + timedelta(days=1)).strftime("%Y-%m-%dT%H:%M"), "closes_at": (now + timedelta(days=30)).strftime("%Y-%m-%dT%H:%M"),
        "require_heritage": "on", "require_creative": "on", "lead_region_prefixes": "[]", "min_partners": 1, "max_partners": 5,
        "reviews_per_application": 3, "max_reviewer_load": 12, "feedback_template": "x",
    })

    assert Call.objects.get(title="Pilotaże 2027").programme == programme


def test_workshop_settings_put_its_event_in_a_programme(operator_client):
    programme = make_programme()
    workshop = make_workshop(region="PL823")

    operator_client.post(reverse("cocreation:manage", args=[workshop.slug]), {
        "settings-rounds": 3, "settings-round_minutes": 20, "settings-region": "PL823", "settings-programme": programme.pk,
    })

    assert Event.objects.get(pk=workshop.event_id).programme == programme
    workshop.refresh_from_db()
    assert workshop.programme == programme


def test_new_workshop_takes_the_chosen_programme(operator_client):
    programme = make_programme()

    operator_client.post(reverse("cocreation:workshop-create"), {
        "title": "World Café Sanok", "rounds": 3, "round_minutes": 20, "region": "PL822", "programme": programme.pk,
    })

    assert Event.objects.get(title="World Café Sanok").programme == programme


def test_a_partnership_inherits_the_programme_of_where_it_began():
    programme = make_programme()
    event = make_event(programme=programme)
    lead, partner = make_organisation(), make_organisation()

    from_event = partnership_services.open_partnership(title="AR", lead=lead, partners=[partner], actor=None, origin="meeting", source=event)
    manual = partnership_services.open_partnership(title="Other", lead=lead, partners=[partner], actor=None)

    assert from_event.programme == programme
    assert manual.programme is None


def test_partnership_form_offers_the_programmes(client):
    programme = make_programme()
    user = make_user()
    lead, partner = make_organisation(), make_organisation()
    make_member(lead, user)
    client.force_login(user)

    client.post(reverse("partnerships:create"), {
        "title": "Przewodnik", "summary": "", "language": "pl", "lead": lead.pk, "partners": [partner.pk],
        "origin": "call", "origin_detail": "", "programme": programme.pk,
    })

    assert Partnership.objects.get(title="Przewodnik").programme == programme


def test_export_is_the_openapi_schema_and_holds_the_api_values(operator_client):
    make_programme(code="CE0100123", name="Łańcut heritage lab", description="Opis")
    properties = list(operator_client.get("/api/v1/openapi.json").json()["components"]["schemas"]["ProgrammeOut"]["properties"])

    rows = list(csv.reader(io.StringIO(operator_client.get(reverse("programmes:programme-export")).content.decode("utf-8-sig"))))
    api = operator_client.get("/api/v1/programmes/CE0100123").json()

    assert rows[0] == properties
    assert rows[1] == ["" if api[name] is None else str(api[name]) for name in properties]


def test_api_events_and_partnerships_name_their_programme(client):
    from django.utils import timezone as tz

    programme = make_programme(code="CE-SACHE")
    event = make_event(programme=programme)
    make_event()
    partnership = partnership_services.open_partnership(
        title="AR", lead=make_organisation(), partners=[make_organisation()], actor=None, source=event)
    partnership.members.update(agreed_to_publish=True)
    Partnership.objects.filter(pk=partnership.pk).update(published_at=tz.now())

    events = {item["slug"]: item["programme"] for item in client.get("/api/v1/events").json()["items"]}
    shown = client.get(f"/api/v1/partnerships/{partnership.pk}").json()

    assert events[event.slug] == "CE-SACHE"
    assert sorted(events.values(), key=str) == ["CE-SACHE", None]
    assert shown["programme"] == "CE-SACHE"
