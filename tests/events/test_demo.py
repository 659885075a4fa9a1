import importlib.util
import io

import icalendar
import pytest
from django.urls import reverse

from sache.accounts.models import User
from sache.directory.enums import OrganisationKind
from sache.events import demo
from sache.events.enums import MeetingStatus, ScheduleStatus
from sache.events.models import Event, Meeting
from tests.factories.accounts import make_user
from tests.factories.directory import make_member, make_organisation

pytestmark = [pytest.mark.integration, pytest.mark.django_db]


@pytest.fixture
def hub():
    museum = make_organisation(name="Muzeum Okręgowe", kind=OrganisationKind.MUSEUM, external_id="org-0001")
    studio = make_organisation(name="Studio Pixel", kind=OrganisationKind.CREATIVE_BUSINESS, region="PL911", external_id="org-0002")
    make_member(museum, make_user(email="museum@demo.sache.example.org"))
    make_member(studio, make_user(email="studio@demo.sache.example.org"))
    for number in range(3, 15):
        kind = OrganisationKind.GALLERY if number % 2 else OrganisationKind.CREATIVE_BUSINESS
        make_organisation(kind=kind, external_id=f"org-{number:04d}")
    return museum, studio


def test_load_demo_is_idempotent_and_lets_the_demo_logins_meet(hub):
    museum, studio = hub

    demo.load_demo(seed=7, stdout=io.StringIO(), progress=False)
    first = sorted(Meeting.objects.values_list("requester__organisation__name", "recipient__organisation__name", "status"))
    out = io.StringIO()
    demo.load_demo(seed=7, stdout=out, progress=False)
    second = sorted(Meeting.objects.values_list("requester__organisation__name", "recipient__organisation__name", "status"))

    event = Event.objects.get()
    assert first == second
    assert event.registrations.count() == 14
    assert list(
        Meeting.objects.filter(requester__organisation=studio, recipient__organisation=museum).values_list("status", flat=True)
    ) == [MeetingStatus.ACCEPTED]
    assert "0 new requests" in out.getvalue()


def test_load_demo_is_deterministic_for_a_seed(hub):
    demo.load_demo(seed=3, stdout=io.StringIO(), progress=False)
    first = sorted(Meeting.objects.values_list("requester__organisation__external_id", "recipient__organisation__external_id", "status", "priority"))
    Event.objects.all().delete()
    demo.load_demo(seed=3, stdout=io.StringIO(), progress=False)
    second = sorted(Meeting.objects.values_list("requester__organisation__external_id", "recipient__organisation__external_id", "status", "priority"))

    assert first == second


def test_load_demo_adds_the_demo_logins_when_accounts_come_later():
    studio_org = make_organisation(name="Studio Pixel", kind=OrganisationKind.CREATIVE_BUSINESS, external_id="org-0002")
    museum_org = make_organisation(name="Muzeum Okręgowe", kind=OrganisationKind.MUSEUM, external_id="org-0001")
    for number in range(3, 9):
        make_organisation(kind=OrganisationKind.GALLERY if number % 2 else OrganisationKind.CREATIVE_BUSINESS, external_id=f"org-{number:04d}")
    demo.load_demo(seed=5, stdout=io.StringIO(), progress=False)
    make_member(museum_org, make_user(email="museum@demo.sache.example.org"))
    make_member(studio_org, make_user(email="studio@demo.sache.example.org"))

    demo.load_demo(seed=5, stdout=io.StringIO(), progress=False)
    after = Meeting.objects.count()
    demo.load_demo(seed=5, stdout=io.StringIO(), progress=False)

    assert Meeting.objects.count() == after
    pair = Meeting.objects.filter(requester__organisation__in=[studio_org, museum_org], recipient__organisation__in=[studio_org, museum_org])
    assert pair.count() == 1


@pytest.mark.skipif(importlib.util.find_spec("sache.engine.meetings") is None, reason="needs the meeting engine")
def test_demo_participant_sees_the_computed_agenda_and_downloads_it(hub, client):
    demo.load_demo(seed=7, stdout=io.StringIO(), progress=False)
    event = Event.objects.get()
    client.force_login(User.objects.get(email="museum@demo.sache.example.org"))

    agenda = client.get(reverse("events:agenda", args=[event.slug]))
    calendar = icalendar.Calendar.from_ical(client.get(reverse("events:agenda-ics", args=[event.slug])).content)

    entries = agenda.context["entries"]
    assert event.schedule_status == ScheduleStatus.PRELIMINARY
    assert "Studio Pixel" in [entry.partner.organisation.name for entry in entries]
    assert sorted(item.decoded("dtstart") for item in calendar.walk("VEVENT")) == [entry.slot.starts_at for entry in entries]
