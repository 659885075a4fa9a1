"""Writes on events: creating them, their slot grid and tables, registrations."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import date, datetime, time, timedelta
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext as _

from sache.core.services import log_action
from sache.events.enums import RegistrationStatus, ScheduleStatus, Session
from sache.events.models import Event, Meeting, Registration, Room, Slot, Table
from sache.events.services import notices
from sache.events.services.meetings import cancel_meetings_of

# Slots that start before noon belong to the morning session (JAIR 2022: meetings may be
# restricted to the morning or the afternoon).
AFTERNOON_STARTS = time(12, 0)
# Addresses under /events/ that are pages, not events.
RESERVED_SLUGS = frozenset({"new", "feeds"})


def create_event(*, actor: Any, title: str, **fields: Any) -> Event:
    """Create an event (a draft unless ``publication`` says otherwise) with a unique slug.

    Logs ``events.event.created``.
    """
    base = slugify(title)[:100] or "event"
    slug, suffix = base, 2
    while slug in RESERVED_SLUGS or Event.objects.filter(slug=slug).exists():
        slug, suffix = f"{base}-{suffix}", suffix + 1
    event = Event.objects.create(title=title, slug=slug, created_by=actor if getattr(actor, "pk", None) else None, **fields)
    log_action(event, "events.event.created", actor=actor)
    return event


def update_event(event: Event, *, actor: Any, **fields: Any) -> Event:
    """Change the given fields of ``event``. Logs ``events.event.updated`` with the field names."""
    for name, value in fields.items():
        setattr(event, name, value)
    event.save(update_fields=list(fields))
    log_action(event, "events.event.updated", actor=actor, data={"fields": sorted(fields)})
    return event


def _parse_ranges(breaks: Iterable[tuple[time, time]]) -> list[tuple[time, time]]:
    ranges = sorted(breaks)
    for start, end in ranges:
        if end <= start:
            raise ValidationError(_("A break must end after it starts."))
    return ranges


def set_slot_grid(
    event: Event,
    *,
    actor: Any,
    days: Sequence[date],
    day_start: time,
    day_end: time,
    slot_minutes: int,
    breaks: Iterable[tuple[time, time]] = (),
) -> list[Slot]:
    """Replace the slot grid of ``event``: back-to-back slots from ``day_start`` to ``day_end`` on each day.

    A slot that would overlap a break is skipped, and the next slot starts when the break ends.
    Refused (ValidationError) once a schedule is published, because agendas would silently change.
    Clears the slot of every meeting (they point at deleted slots) and the participants'
    unavailability. Logs ``events.grid.set``.
    """
    if event.schedule_status != ScheduleStatus.NONE:
        raise ValidationError(_("The schedule is published; withdraw it before changing the slot grid."))
    if slot_minutes < 5:
        raise ValidationError(_("A slot lasts at least 5 minutes."))
    if not days:
        raise ValidationError(_("Give at least one day."))
    if day_end <= day_start:
        raise ValidationError(_("The day must end after it starts."))
    ranges = _parse_ranges(breaks)
    length = timedelta(minutes=slot_minutes)
    zone = timezone.get_current_timezone()
    slots: list[Slot] = []
    for day in sorted(set(days)):
        cursor = datetime.combine(day, day_start, tzinfo=zone)
        end_of_day = datetime.combine(day, day_end, tzinfo=zone)
        while cursor + length <= end_of_day:
            overlapping = [
                (start, end)
                for start, end in ranges
                if cursor < datetime.combine(day, end, tzinfo=zone) and datetime.combine(day, start, tzinfo=zone) < cursor + length
            ]
            if overlapping:
                cursor = max(datetime.combine(day, end, tzinfo=zone) for _start, end in overlapping)
                continue
            session = Session.MORNING if cursor.time() < AFTERNOON_STARTS else Session.AFTERNOON
            slots.append(Slot(event=event, index=len(slots), starts_at=cursor, ends_at=cursor + length, session=session))
            cursor += length
    if not slots:
        raise ValidationError(_("No slot fits between the start and the end of the day."))
    with transaction.atomic():
        Meeting.objects.filter(event=event).update(slot=None, table=None, fixed_slot=None)
        event.slots.all().delete()
        Slot.objects.bulk_create(slots)
    log_action(event, "events.grid.set", actor=actor, data={"slots": len(slots), "days": len(set(days))})
    return list(event.slots.all())


def set_tables(event: Event, *, actor: Any, count: int, room_name: str = "") -> list[Table]:
    """Make ``event`` have tables numbered 1..``count`` (in ``room_name`` when given).

    Removing tables unassigns the meetings that sat at them. Logs ``events.tables.set``.
    """
    if count < 1:
        raise ValidationError(_("An event needs at least one table."))
    with transaction.atomic():
        room = None
        if room_name:
            room, _created = Room.objects.get_or_create(event=event, name=room_name)
        existing = set(event.tables.values_list("number", flat=True))
        Table.objects.bulk_create(
            Table(event=event, number=number, room=room) for number in range(1, count + 1) if number not in existing
        )
        removed = event.tables.filter(number__gt=count)
        Meeting.objects.filter(table__in=removed).update(table=None)
        removed.delete()
        if room is not None:
            event.tables.update(room=room)
    log_action(event, "events.tables.set", actor=actor, data={"count": count})
    return list(event.tables.all())


def register_organisation(
    event: Event,
    *,
    organisation: Any,
    actor: Any,
    representatives: Iterable[Any] = (),
    motivation: str = "",
    max_meetings: int | None = None,
    unavailable_slots: Iterable[Slot] = (),
) -> Registration:
    """Register ``organisation`` for ``event``; the operator approves it later.

    Raises ValidationError when registration is closed or the organisation is already
    registered (a cancelled or rejected registration is reopened as pending).
    Logs ``events.registration.created``.
    """
    if not event.registration_open:
        raise ValidationError(_("Registration for this event is closed."))
    existing = Registration.objects.filter(event=event, organisation=organisation).first()
    if existing is not None and existing.status in {RegistrationStatus.PENDING, RegistrationStatus.APPROVED}:
        raise ValidationError(_("%(name)s is already registered for this event.") % {"name": organisation.name})
    with transaction.atomic():
        if existing is None:
            registration = Registration.objects.create(
                event=event,
                organisation=organisation,
                motivation=motivation,
                max_meetings=max_meetings,
                created_by=actor if getattr(actor, "pk", None) else None,
            )
        else:
            registration = existing
            registration.status = RegistrationStatus.PENDING
            registration.motivation = motivation
            registration.max_meetings = max_meetings
            registration.decided_at = None
            registration.save(update_fields=["status", "motivation", "max_meetings", "decided_at"])
        registration.representatives.set([person for person in representatives if person.organisation_id == organisation.pk])
        registration.unavailable_slots.set([slot for slot in unavailable_slots if slot.event_id == event.pk])
    log_action(registration, "events.registration.created", actor=actor, data={"event": event.pk})
    return registration


def update_participation(
    registration: Registration,
    *,
    actor: Any,
    representatives: Iterable[Any],
    max_meetings: int | None,
    unavailable_slots: Iterable[Slot],
) -> Registration:
    """Change who comes, how many meetings at most and when the participant is away.

    Only the organisation's own people and the event's own slots are kept.
    Logs ``events.registration.updated``.
    """
    with transaction.atomic():
        registration.max_meetings = max_meetings
        registration.save(update_fields=["max_meetings"])
        registration.representatives.set(
            [person for person in representatives if person.organisation_id == registration.organisation_id]
        )
        registration.unavailable_slots.set([slot for slot in unavailable_slots if slot.event_id == registration.event_id])
    log_action(registration, "events.registration.updated", actor=actor)
    return registration


def decide_registration(registration: Registration, *, actor: Any, approve: bool) -> Registration:
    """Approve or reject a registration.

    Rejecting cancels the registration's open and accepted meetings. Emails the
    representatives after commit. Logs ``events.registration.approved|rejected``.
    """
    status = RegistrationStatus.APPROVED if approve else RegistrationStatus.REJECTED
    if registration.status == status:
        return registration
    with transaction.atomic():
        registration.status = status
        registration.decided_at = timezone.now()
        registration.save(update_fields=["status", "decided_at"])
        if not approve:
            cancel_meetings_of(registration, actor=actor)
        notices.notify_registration_decision(registration)
    log_action(registration, f"events.registration.{status}", actor=actor)
    return registration


def check_in(registration: Registration, *, actor: Any) -> Registration:
    """Record that the participant arrived at the event (idempotent). Logs ``events.registration.checked_in``."""
    if registration.checked_in_at is None:
        registration.checked_in_at = timezone.now()
        registration.save(update_fields=["checked_in_at"])
        log_action(registration, "events.registration.checked_in", actor=actor)
    return registration
