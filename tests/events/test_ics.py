import icalendar
import pytest

from sache.events.ics import agenda_calendar
from sache.events.selectors import agenda_for
from tests.factories.directory import make_organisation
from tests.factories.events import make_event, make_meeting, make_registration

pytestmark = [pytest.mark.integration, pytest.mark.django_db]


def test_agenda_calendar_has_one_event_per_meeting_with_stable_uids_and_the_video_link(settings):
    settings.SITE_URL = "https://hub.example.org:8443"
    event = make_event(slots=2, tables=1, title="Online B2B", online_url="https://meet.example.org/b2b")
    mine = make_registration(event, make_organisation(name="Muzeum"))
    partner = make_registration(event, make_organisation(name="Studio"))
    slot = event.slots.last()
    meeting = make_meeting(partner, mine, published_slot=slot)

    first = icalendar.Calendar.from_ical(agenda_calendar(event, mine, agenda_for(mine, published=True)))
    second = icalendar.Calendar.from_ical(agenda_calendar(event, mine, agenda_for(mine, published=True)))

    items = list(first.walk("VEVENT"))
    assert [(str(item["uid"]), str(item["summary"]), item.decoded("dtstart"), str(item["url"])) for item in items] == [
        (f"meeting-{meeting.pk}@hub.example.org", "Online B2B: Studio", slot.starts_at, "https://meet.example.org/b2b")
    ]
    assert [str(item["uid"]) for item in second.walk("VEVENT")] == [str(items[0]["uid"])]
    assert str(first["version"]) == "2.0"
