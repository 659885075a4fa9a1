import pytest
from django.core import mail

from sache.events.enums import MeetingStatus
from sache.events.services import notices
from tests.factories.accounts import make_user
from tests.factories.directory import make_member
from tests.factories.events import make_event, make_meeting, make_registration

pytestmark = [pytest.mark.integration, pytest.mark.django_db]


def test_notices_go_to_representatives_in_their_own_language():
    event = make_event(title="Rzeszów B2B")
    requester, recipient = make_registration(event), make_registration(event)
    polish = make_member(recipient.organisation, make_user(email="pl@example.org", preferred_language="pl"))
    english = make_member(recipient.organisation, make_user(email="en@example.org", preferred_language="en"))
    make_member(recipient.organisation, make_user(email="not-coming@example.org"))
    recipient.representatives.set([polish, english])
    meeting = make_meeting(requester, recipient, status=MeetingStatus.REQUESTED)

    sent = notices.send_notice("meeting_requested", meeting_id=meeting.pk)

    name = requester.organisation.name
    assert sent == 2
    assert sorted((message.to, message.subject) for message in mail.outbox) == [
        (["en@example.org"], f"{name} asks to meet you at Rzeszów B2B"),
        (["pl@example.org"], f"{name} prosi o spotkanie podczas wydarzenia Rzeszów B2B"),
    ]


def test_notice_about_a_vanished_meeting_sends_nothing():
    assert (notices.send_notice("meeting_answered", meeting_id=987654), mail.outbox) == (0, [])
