import pytest

from sache.events import rules
from sache.events.enums import EventPublication, MeetingStatus
from tests.factories.accounts import make_operator, make_user
from tests.factories.directory import make_member
from tests.factories.events import make_event, make_meeting, make_registration

pytestmark = [pytest.mark.integration, pytest.mark.django_db]


@pytest.fixture
def meeting():
    event = make_event()
    return make_meeting(make_registration(event), make_registration(event), status=MeetingStatus.REQUESTED)


def _member_of(registration):
    user = make_user()
    make_member(registration.organisation, user)
    return user


def test_can_respond_to_meeting_only_for_the_recipient_of_an_open_request(meeting):
    recipient, requester = _member_of(meeting.recipient), _member_of(meeting.requester)

    assert (rules.can_respond_to_meeting(recipient, meeting), rules.can_respond_to_meeting(requester, meeting)) == (True, False)
    meeting.status = MeetingStatus.ACCEPTED
    assert rules.can_respond_to_meeting(recipient, meeting) is False


def test_can_cancel_meeting_requester_withdraws_recipient_cancels_only_accepted(meeting):
    recipient, requester, operator = _member_of(meeting.recipient), _member_of(meeting.requester), make_operator()

    assert [rules.can_cancel_meeting(user, meeting) for user in (requester, recipient, operator, make_user())] == [
        True, False, True, False
    ]
    meeting.status = MeetingStatus.ACCEPTED
    assert rules.can_cancel_meeting(recipient, meeting) is True


def test_can_register_needs_a_membership_a_published_event_and_open_registration():
    event = make_event()
    member = _member_of(make_registration(make_event()))

    assert [rules.can_register(user, event) for user in (member, make_user())] == [True, False]
    event.registration_open = False
    assert rules.can_register(member, event) is False
    event.registration_open, event.publication = True, EventPublication.DRAFT
    assert rules.can_register(member, event) is False
