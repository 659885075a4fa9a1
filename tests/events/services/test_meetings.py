import pytest
from django.core import mail
from django.core.exceptions import ValidationError

from sache.events import signals
from sache.events.enums import Attendance, MeetingStatus, Priority, RegistrationStatus
from sache.events.models import MeetingFeedback
from sache.events.services import meetings as services
from tests.factories.accounts import make_user
from tests.factories.directory import make_member, make_organisation
from tests.factories.events import make_event, make_meeting, make_registration

pytestmark = [pytest.mark.integration, pytest.mark.django_db]


@pytest.fixture
def pair():
    event = make_event(slots=3, tables=2)
    return make_registration(event), make_registration(event)


def test_request_meeting_mails_the_recipient_after_commit(pair, django_capture_on_commit_callbacks):
    requester, recipient = pair
    user = make_user(email="studio@example.org")
    make_member(recipient.organisation, user)

    with django_capture_on_commit_callbacks(execute=True):
        meeting = services.request_meeting(
            requester.event, requester=requester, recipient=recipient, actor=None, message="AR?", priority=Priority.MUST
        )

    assert (meeting.status, meeting.priority, meeting.message) == (MeetingStatus.REQUESTED, Priority.MUST, "AR?")
    assert [(message.to, requester.organisation.name in message.subject) for message in mail.outbox] == [
        (["studio@example.org"], True)
    ]


def test_request_meeting_twice_for_the_same_pair_is_refused_in_either_direction(pair):
    requester, recipient = pair
    services.request_meeting(requester.event, requester=requester, recipient=recipient, actor=None)

    with pytest.raises(ValidationError):
        services.request_meeting(requester.event, requester=recipient, recipient=requester, actor=None)


def test_request_meeting_with_a_blocked_pair_is_refused(pair):
    requester, recipient = pair
    services.block_meeting(requester.event, first=requester, second=recipient, actor=None)

    with pytest.raises(ValidationError):
        services.request_meeting(requester.event, requester=requester, recipient=recipient, actor=None)


def test_request_meeting_needs_approved_registrations(pair):
    requester, recipient = pair
    recipient.status = RegistrationStatus.PENDING
    recipient.save()

    with pytest.raises(ValidationError):
        services.request_meeting(requester.event, requester=requester, recipient=recipient, actor=None)


def test_request_meeting_when_requests_are_closed_is_refused(pair):
    requester, recipient = pair
    requester.event.requests_open = False

    with pytest.raises(ValidationError):
        services.request_meeting(requester.event, requester=requester, recipient=recipient, actor=None)


def test_respond_to_meeting_accepts_once(pair):
    meeting = make_meeting(*pair, status=MeetingStatus.REQUESTED)

    services.respond_to_meeting(meeting, actor=None, accept=True)

    assert meeting.status == MeetingStatus.ACCEPTED
    with pytest.raises(ValidationError):
        services.respond_to_meeting(meeting, actor=None, accept=False)


def test_cancel_published_meeting_frees_its_slot_and_tells_both_sides(pair, django_capture_on_commit_callbacks):
    requester, recipient = pair
    for registration, email in ((requester, "a@example.org"), (recipient, "b@example.org")):
        make_member(registration.organisation, make_user(email=email))
    slot = requester.event.slots.first()
    meeting = make_meeting(requester, recipient, slot=slot, published_slot=slot)

    with django_capture_on_commit_callbacks(execute=True):
        services.cancel_meeting(meeting, actor=None)

    meeting.refresh_from_db()
    assert (meeting.status, meeting.slot) == (MeetingStatus.CANCELLED, None)
    assert sorted(message.to[0] for message in mail.outbox) == ["a@example.org", "b@example.org"]


def test_add_meeting_upgrades_an_open_request_and_lifts_nothing_else(pair):
    requester, recipient = pair
    request = make_meeting(requester, recipient, status=MeetingStatus.REQUESTED, priority=Priority.NICE)
    slot = requester.event.slots.last()

    meeting = services.add_meeting(requester.event, first=recipient, second=requester, actor=None, forced=True, fixed_slot=slot)

    assert (meeting.pk, meeting.status, meeting.forced, meeting.fixed_slot, meeting.priority) == (
        request.pk, MeetingStatus.ACCEPTED, True, slot, Priority.MUST
    )


def test_add_meeting_refuses_a_slot_of_another_event(pair):
    other = make_event(slots=1)

    with pytest.raises(ValidationError):
        services.add_meeting(pair[0].event, first=pair[0], second=pair[1], actor=None, fixed_slot=other.slots.get())


def test_block_meeting_turns_the_request_into_a_block(pair):
    request = make_meeting(*pair, status=MeetingStatus.REQUESTED)

    blocked = services.block_meeting(pair[0].event, first=pair[1], second=pair[0], actor=None)

    assert (blocked.pk, blocked.status) == (request.pk, MeetingStatus.BLOCKED)


def test_place_meeting_refuses_double_booking_unavailability_and_taken_tables(pair):
    requester, recipient = pair
    event = requester.event
    third = make_registration(event)
    slot0, slot1, slot2 = event.slots.all()
    table1, table2 = event.tables.all()
    make_meeting(requester, third, slot=slot0, table=table1)
    meeting = make_meeting(requester, recipient)
    recipient.unavailable_slots.add(slot1)
    other = make_meeting(recipient, third)
    services.place_meeting(other, actor=None, slot=slot2, table=table2)

    with pytest.raises(ValidationError):
        services.place_meeting(meeting, actor=None, slot=slot0, table=table2)
    with pytest.raises(ValidationError):
        services.place_meeting(meeting, actor=None, slot=slot1, table=table2)
    with pytest.raises(ValidationError):
        services.place_meeting(meeting, actor=None, slot=slot2, table=table2)


def test_place_meeting_puts_it_in_the_slot(pair):
    meeting = make_meeting(*pair)
    slot, table = pair[0].event.slots.first(), pair[0].event.tables.first()

    services.place_meeting(meeting, actor=None, slot=slot, table=table)

    meeting.refresh_from_db()
    assert (meeting.slot, meeting.table) == (slot, table)


def test_mark_attendance_records_a_no_show(pair):
    meeting = make_meeting(*pair)

    services.mark_attendance(meeting, actor=None, attendance=Attendance.NO_SHOW)

    meeting.refresh_from_db()
    assert meeting.attendance == Attendance.NO_SHOW


def test_record_meeting_feedback_replaces_earlier_feedback_and_signals_after_commit(pair, django_capture_on_commit_callbacks):
    meeting = make_meeting(*pair)
    received = []

    def receiver(sender, feedback, actor, **kwargs):
        received.append((feedback.registration_id, feedback.wants_to_continue))

    signals.meeting_feedback_recorded.connect(receiver)
    try:
        with django_capture_on_commit_callbacks(execute=True):
            services.record_meeting_feedback(meeting, registration=pair[0], actor=None, wants_to_continue=False)
            services.record_meeting_feedback(meeting, registration=pair[0], actor=None, wants_to_continue=True, comment="Pilot!")
    finally:
        signals.meeting_feedback_recorded.disconnect(receiver)

    assert list(MeetingFeedback.objects.values_list("registration_id", "wants_to_continue", "comment")) == [
        (pair[0].pk, True, "Pilot!")
    ]
    assert received == [(pair[0].pk, False), (pair[0].pk, True)]


def test_record_meeting_feedback_from_a_third_party_is_refused(pair):
    meeting = make_meeting(*pair)
    outsider = make_registration(pair[0].event, make_organisation())

    with pytest.raises(ValidationError):
        services.record_meeting_feedback(meeting, registration=outsider, actor=None, wants_to_continue=True)


def test_meeting_caps_stop_requests_and_acceptances_beyond_the_maximum(pair):
    requester, recipient = pair
    event = requester.event
    recipient.max_meetings = 1
    recipient.save()
    make_meeting(recipient, make_registration(event))
    open_request = make_meeting(make_registration(event), recipient, status=MeetingStatus.REQUESTED)

    with pytest.raises(ValidationError) as asking:
        services.request_meeting(event, requester=requester, recipient=recipient, actor=None)
    with pytest.raises(ValidationError) as accepting:
        services.respond_to_meeting(open_request, actor=None, accept=True)

    assert asking.value.messages == [f"{recipient.organisation.name} has no room for more meetings."]
    assert accepting.value.messages == ["You have reached your maximum number of meetings (1)."]
    assert services.add_meeting(event, first=requester, second=recipient, actor=None).status == MeetingStatus.ACCEPTED


def test_request_meeting_in_an_auto_accept_event_is_a_meeting_at_once(pair, django_capture_on_commit_callbacks):
    requester, recipient = pair
    requester.event.auto_accept = True
    make_member(recipient.organisation, make_user(email="b@example.org", preferred_language="en"))

    with django_capture_on_commit_callbacks(execute=True):
        meeting = services.request_meeting(requester.event, requester=requester, recipient=recipient, actor=None)

    assert meeting.status == MeetingStatus.ACCEPTED
    assert "booked a 1:1 meeting with you" in mail.outbox[0].body


def test_remind_participants_without_meetings_mails_only_idle_approved_participants(pair, django_capture_on_commit_callbacks):
    requester, recipient = pair
    event = requester.event
    make_meeting(requester, recipient, status=MeetingStatus.REQUESTED)
    idle = make_registration(event)
    make_registration(event, status=RegistrationStatus.PENDING)
    declined_only = make_registration(event)
    make_meeting(declined_only, requester, status=MeetingStatus.DECLINED)
    for registration in (idle, declined_only):
        make_member(registration.organisation, make_user(email=f"{registration.pk}@example.org", preferred_language="en"))

    with django_capture_on_commit_callbacks(execute=True):
        reminded = services.remind_participants_without_meetings(event, actor=None)

    assert reminded == [idle.pk, declined_only.pk]
    assert sorted(message.to[0] for message in mail.outbox) == [f"{idle.pk}@example.org", f"{declined_only.pk}@example.org"]
    assert mail.outbox[0].subject == f"No meetings yet at {event.title}"
