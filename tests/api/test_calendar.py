import pytest
from django.urls import reverse
from icalendar import Calendar

from tests.factories.events import make_event

pytestmark = [pytest.mark.integration, pytest.mark.django_db]


def test_public_calendar_lists_published_events_with_their_span(client):
    published = make_event(title="Rzeszów: Heritage meets Creative", slots=4, venue="G2A Arena")
    make_event(title="Szkic", slots=2, publication="draft")
    make_event(title="Bez siatki", slots=0)

    response = client.get(reverse("api:events-calendar"))

    calendar = Calendar.from_ical(response.content)
    events = list(calendar.walk("VEVENT"))
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    assert [str(event["summary"]) for event in events] == ["Rzeszów: Heritage meets Creative"]
    slots = list(published.slots.order_by("index"))
    assert events[0].decoded("dtstart") == slots[0].starts_at
    assert events[0].decoded("dtend") == slots[-1].ends_at
    assert str(events[0]["location"]) == "G2A Arena"
