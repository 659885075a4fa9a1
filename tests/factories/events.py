from __future__ import annotations

import itertools
from datetime import UTC, datetime, timedelta

from sache.events.enums import EventPublication, MeetingStatus, RegistrationStatus, Session
from sache.events.models import Event, Meeting, Registration, Slot, Table
from tests.factories.directory import make_organisation

_counter = itertools.count(1)
# 09:00 in Warsaw (CEST) on the demo event's day.
START = datetime(2026, 5, 14, 7, 0, tzinfo=UTC)


def make_event(*, publication: str = EventPublication.PUBLISHED, slots: int = 0, tables: int = 0, **fields) -> Event:
    number = next(_counter)
    fields.setdefault("title", f"Matchmaking {number}")
    event = Event.objects.create(slug=f"matchmaking-{number}", publication=publication, **fields)
    Slot.objects.bulk_create(
        Slot(
            event=event,
            index=index,
            starts_at=START + timedelta(minutes=20 * index),
            ends_at=START + timedelta(minutes=20 * (index + 1)),
            session=Session.MORNING,
        )
        for index in range(slots)
    )
    Table.objects.bulk_create(Table(event=event, number=number) for number in range(1, tables + 1))
    return event


def make_registration(event: Event, organisation=None, *, status: str = RegistrationStatus.APPROVED, **fields) -> Registration:
    organisation = organisation or make_organisation()
    return Registration.objects.create(event=event, organisation=organisation, status=status, **fields)


def make_meeting(requester: Registration, recipient: Registration, *, status: str = MeetingStatus.ACCEPTED, **fields) -> Meeting:
    return Meeting.objects.create(event=requester.event, requester=requester, recipient=recipient, status=status, **fields)
