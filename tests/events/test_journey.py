"""Request a meeting → accept → schedule all → publish → agenda and calendar (needs the engine)."""

import importlib.util

import icalendar
import pytest
from django.urls import reverse

from sache.events.enums import MeetingStatus, RunStatus, ScheduleStatus
from sache.events.models import Meeting, ScheduleRun
from tests.factories.accounts import make_operator, make_user
from tests.factories.directory import make_member, make_organisation
from tests.factories.events import make_event, make_registration

pytestmark = [
    pytest.mark.integration,
    pytest.mark.django_db,
    pytest.mark.skipif(importlib.util.find_spec("sache.engine.meetings") is None, reason="needs the meeting engine"),
]


def test_request_accept_schedule_publish_and_read_the_agenda(client, django_capture_on_commit_callbacks):
    event = make_event(slots=6, tables=2, time_limit=10, title="Rzeszów B2B")
    users, registrations = [], []
    for name in ("Muzeum", "Studio", "Games", "Archive"):
        user = make_user()
        make_member(make_organisation(name=name), user)
        users.append(user)
        registrations.append(make_registration(event, user.memberships.get().organisation))
    museum_user = users[0]
    for partner_user, partner in zip(users[1:], registrations[1:], strict=True):
        client.force_login(museum_user)
        client.post(reverse("events:meeting-request", args=[event.slug, partner.pk]), {"priority": "2", "session": "any"})
        client.force_login(partner_user)
        meeting = Meeting.objects.get(recipient=partner)
        client.post(reverse("events:meeting-respond", args=[event.slug, meeting.pk]), {"answer": "accept"})

    client.force_login(make_operator())
    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("events:schedule-run", args=[event.slug]))
    client.post(reverse("events:schedule-publish", args=[event.slug]), {"stage": "final"})
    client.force_login(museum_user)
    agenda = client.get(reverse("events:agenda", args=[event.slug]))
    calendar = icalendar.Calendar.from_ical(client.get(reverse("events:agenda-ics", args=[event.slug])).content)

    run = ScheduleRun.objects.get()
    event.refresh_from_db()
    assert (run.status, run.solver_status, run.scheduled_count, run.objective) == (RunStatus.FINISHED, "optimal", 3, 0)
    assert event.schedule_status == ScheduleStatus.FINAL
    assert Meeting.objects.filter(status=MeetingStatus.ACCEPTED, published_slot__isnull=False).count() == 3
    assert sorted(entry.partner.organisation.name for entry in agenda.context["entries"]) == ["Archive", "Games", "Studio"]
    assert sorted(str(item["summary"]) for item in calendar.walk("VEVENT")) == [
        "Rzeszów B2B: Archive", "Rzeszów B2B: Games", "Rzeszów B2B: Studio"
    ]
