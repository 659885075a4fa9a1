from datetime import date, time

import pytest
from django.core import mail
from django.core.exceptions import ValidationError
from django.utils import timezone

from sache.core.models import ActivityLog
from sache.events.enums import MeetingStatus, RegistrationStatus, ScheduleStatus, Session
from sache.events.models import Meeting
from sache.events.services import events as services
from tests.factories.accounts import make_operator, make_user
from tests.factories.directory import make_member, make_organisation
from tests.factories.events import make_event, make_meeting, make_registration

pytestmark = [pytest.mark.integration, pytest.mark.django_db]


def test_create_event_makes_a_unique_slug_that_avoids_page_addresses():
    operator = make_operator()
    first = services.create_event(actor=operator, title="New")
    second = services.create_event(actor=operator, title="New")

    assert (first.slug, second.slug) == ("new-2", "new-3")
    assert list(ActivityLog.objects.filter(action="events.event.created").values_list("object_id", flat=True)) == [
        str(second.pk), str(first.pk)
    ]


def test_set_slot_grid_skips_breaks_and_spans_days():
    event = make_event()

    slots = services.set_slot_grid(
        event,
        actor=make_operator(),
        days=[date(2026, 5, 15), date(2026, 5, 14)],
        day_start=time(11, 0),
        day_end=time(14, 0),
        slot_minutes=30,
        breaks=[(time(12, 0), time(13, 0))],
    )

    assert [(slot.index, f"{timezone.localtime(slot.starts_at):%d %H:%M}", slot.session) for slot in slots] == [
        (0, "14 11:00", Session.MORNING),
        (1, "14 11:30", Session.MORNING),
        (2, "14 13:00", Session.AFTERNOON),
        (3, "14 13:30", Session.AFTERNOON),
        (4, "15 11:00", Session.MORNING),
        (5, "15 11:30", Session.MORNING),
        (6, "15 13:00", Session.AFTERNOON),
        (7, "15 13:30", Session.AFTERNOON),
    ]


def test_set_slot_grid_is_refused_once_the_schedule_is_published():
    event = make_event(slots=2, schedule_status=ScheduleStatus.PRELIMINARY)

    with pytest.raises(ValidationError):
        services.set_slot_grid(event, actor=None, days=[date(2026, 5, 14)], day_start=time(9), day_end=time(10), slot_minutes=20)

    assert event.slots.count() == 2


def test_set_slot_grid_rejects_a_day_without_room_for_a_slot():
    event = make_event()

    with pytest.raises(ValidationError):
        services.set_slot_grid(event, actor=None, days=[date(2026, 5, 14)], day_start=time(9), day_end=time(9, 10), slot_minutes=20)


def test_set_tables_grows_and_shrinks_and_frees_removed_tables():
    event = make_event(slots=1, tables=3)
    first, second = make_registration(event), make_registration(event)
    meeting = make_meeting(first, second, slot=event.slots.get(), table=event.tables.get(number=3))

    tables = services.set_tables(event, actor=None, count=2, room_name="Hall A")

    assert [(table.number, table.room.name) for table in tables] == [(1, "Hall A"), (2, "Hall A")]
    meeting.refresh_from_db()
    assert meeting.table is None


def test_register_organisation_keeps_only_own_people_and_event_slots():
    event = make_event(slots=2)
    other_event = make_event(slots=1)
    organisation = make_organisation()
    user = make_user()
    own_person = make_member(organisation, user)
    stranger = make_member(make_organisation(), make_user())

    registration = services.register_organisation(
        event,
        organisation=organisation,
        actor=user,
        representatives=[own_person, stranger],
        unavailable_slots=[event.slots.first(), other_event.slots.first()],
        max_meetings=5,
    )

    assert registration.status == RegistrationStatus.PENDING
    assert list(registration.representatives.all()) == [own_person]
    assert list(registration.unavailable_slots.all()) == [event.slots.first()]
    assert registration.meeting_cap == 5


def test_register_organisation_twice_is_refused():
    event = make_event()
    organisation = make_organisation()
    services.register_organisation(event, organisation=organisation, actor=None)

    with pytest.raises(ValidationError):
        services.register_organisation(event, organisation=organisation, actor=None)


def test_register_organisation_when_closed_is_refused():
    event = make_event(registration_open=False)

    with pytest.raises(ValidationError):
        services.register_organisation(event, organisation=make_organisation(), actor=None)


def test_decide_registration_rejecting_cancels_meetings_and_mails_after_commit(django_capture_on_commit_callbacks):
    event = make_event()
    organisation = make_organisation()
    user = make_user(email="anna@museum.example.org")
    make_member(organisation, user)
    registration = make_registration(event, organisation)
    meeting = make_meeting(registration, make_registration(event))

    with django_capture_on_commit_callbacks(execute=True):
        services.decide_registration(registration, actor=make_operator(), approve=False)

    meeting.refresh_from_db()
    assert (registration.status, meeting.status) == (RegistrationStatus.REJECTED, MeetingStatus.CANCELLED)
    assert [message.to for message in mail.outbox] == [["anna@museum.example.org"]]


def test_check_in_is_recorded_once():
    registration = make_registration(make_event())

    services.check_in(registration, actor=None)
    first = registration.checked_in_at
    services.check_in(registration, actor=None)

    assert registration.checked_in_at == first
    assert ActivityLog.objects.filter(action="events.registration.checked_in").count() == 1


def test_meeting_model_refuses_a_meeting_with_oneself():
    from django.db import IntegrityError

    registration = make_registration(make_event())

    with pytest.raises(IntegrityError):
        Meeting.objects.create(event=registration.event, requester=registration, recipient=registration)
