"""Object permissions of events as yes/no predicates; views and selectors ask these."""

from __future__ import annotations

from typing import Any

from sache.core.permissions import is_operator
from sache.events.enums import EventPublication, MeetingStatus, RegistrationStatus
from sache.events.models import Event, Meeting, Registration


def member_organisation_ids(user: Any) -> set[int]:
    if not getattr(user, "is_authenticated", False):
        return set()
    return set(user.memberships.values_list("organisation_id", flat=True))


def is_event_operator(user: Any) -> bool:
    return is_operator(user)


def is_event_public(event: Event) -> bool:
    return event.publication == EventPublication.PUBLISHED


def can_view_event(user: Any, event: Event) -> bool:
    return is_event_public(event) or is_operator(user)


def is_registration_member(user: Any, registration: Registration) -> bool:
    """The user works at the registered organisation, so shares its agenda."""
    return registration.organisation_id in member_organisation_ids(user)


def is_approved_participant(registration: Registration | None) -> bool:
    return registration is not None and registration.status == RegistrationStatus.APPROVED


def can_register(user: Any, event: Event) -> bool:
    return bool(
        getattr(user, "is_authenticated", False)
        and is_event_public(event)
        and event.registration_open
        and member_organisation_ids(user)
    )


def can_respond_to_meeting(user: Any, meeting: Meeting) -> bool:
    """Only the invited side answers, and only while the request is open."""
    return meeting.status == MeetingStatus.REQUESTED and is_registration_member(user, meeting.recipient)


def can_cancel_meeting(user: Any, meeting: Meeting) -> bool:
    if meeting.status not in {MeetingStatus.REQUESTED, MeetingStatus.ACCEPTED}:
        return False
    if is_operator(user):
        return True
    return is_registration_member(user, meeting.requester) or (
        meeting.status == MeetingStatus.ACCEPTED and is_registration_member(user, meeting.recipient)
    )


def is_meeting_party(user: Any, meeting: Meeting) -> bool:
    return is_registration_member(user, meeting.requester) or is_registration_member(user, meeting.recipient)
