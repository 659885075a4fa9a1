"""Writes on meeting requests: asking, answering, cancelling, operator overrides, attendance, feedback."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _

from sache.core.services import log_action
from sache.events import signals
from sache.events.enums import Attendance, MeetingStatus, Priority, RegistrationStatus, Session
from sache.events.models import Event, Meeting, MeetingFeedback, Registration, Slot, Table
from sache.events.services import notices

ACTIVE = (MeetingStatus.REQUESTED, MeetingStatus.ACCEPTED)


def pair_meetings(event: Event, first: Registration, second: Registration):
    """Meetings between the two registrations, in either direction."""
    return Meeting.objects.filter(event=event).filter(
        Q(requester=first, recipient=second) | Q(requester=second, recipient=first)
    )


def accepted_count(registration: Registration) -> int:
    return Meeting.objects.filter(
        Q(requester=registration) | Q(recipient=registration), status=MeetingStatus.ACCEPTED
    ).count()


def _check_cap(registration: Registration, *, own: bool) -> None:
    if accepted_count(registration) >= registration.meeting_cap:
        if own:
            raise ValidationError(
                _("You have reached your maximum number of meetings (%(count)s).") % {"count": registration.meeting_cap}
            )
        raise ValidationError(
            _("%(name)s has no room for more meetings.") % {"name": registration.organisation.name}
        )


def request_meeting(
    event: Event,
    *,
    requester: Registration,
    recipient: Registration,
    actor: Any,
    message: str = "",
    priority: int = Priority.WANT,
    session: str = Session.ANY,
) -> Meeting:
    """Ask ``recipient`` for a 1:1 meeting on behalf of ``requester``.

    Both must be approved participants of ``event``; a pair meets at most once, and a
    pair the organiser blocked cannot ask. In an event that accepts requests automatically
    the meeting is accepted at once. Emails the recipient after commit.
    Logs ``events.meeting.requested``.
    """
    if not event.requests_open:
        raise ValidationError(_("Meeting requests for this event are closed."))
    if requester.pk == recipient.pk:
        raise ValidationError(_("You cannot request a meeting with yourself."))
    if {requester.event_id, recipient.event_id} != {event.pk}:
        raise ValidationError(_("Both participants must be registered for this event."))
    if requester.status != RegistrationStatus.APPROVED or recipient.status != RegistrationStatus.APPROVED:
        raise ValidationError(_("Both participants must have an approved registration."))
    with transaction.atomic():
        # Lock both registrations (in id order: no deadlock) so that two requests between the
        # same pair at once (a double click, A and B asking each other) are checked one after
        # the other; otherwise both pass the pair rule below and the pair meets twice.
        list(Registration.objects.select_for_update().filter(pk__in=[requester.pk, recipient.pk]).order_by("pk"))
        existing = pair_meetings(event, requester, recipient)
        if existing.filter(status=MeetingStatus.BLOCKED).exists():
            raise ValidationError(_("The organiser does not allow a meeting between these participants."))
        if existing.filter(status__in=ACTIVE).exists():
            raise ValidationError(_("A meeting with %(name)s is already requested.") % {"name": recipient.organisation.name})
        _check_cap(requester, own=True)
        _check_cap(recipient, own=False)
        meeting = Meeting.objects.create(
            event=event,
            requester=requester,
            recipient=recipient,
            message=message,
            priority=priority,
            session=session,
            status=MeetingStatus.ACCEPTED if event.auto_accept else MeetingStatus.REQUESTED,
            responded_at=timezone.now() if event.auto_accept else None,
            created_by=actor if getattr(actor, "pk", None) else None,
        )
        notices.notify_meeting_requested(meeting)
    log_action(meeting, "events.meeting.requested", actor=actor, data={"event": event.pk, "priority": priority})
    return meeting


def respond_to_meeting(meeting: Meeting, *, actor: Any, accept: bool) -> Meeting:
    """Accept or decline an open request. Emails the requester after commit.

    Refuses an answered request, and accepting beyond either side's maximum number of
    meetings (operators can still add meetings). Logs ``events.meeting.accepted|declined``.
    """
    if meeting.status != MeetingStatus.REQUESTED:
        raise ValidationError(_("This request has already been answered."))
    if accept:
        _check_cap(meeting.recipient, own=True)
        _check_cap(meeting.requester, own=False)
    with transaction.atomic():
        meeting.status = MeetingStatus.ACCEPTED if accept else MeetingStatus.DECLINED
        meeting.responded_at = timezone.now()
        meeting.save(update_fields=["status", "responded_at"])
        notices.notify_meeting_answered(meeting)
    log_action(meeting, f"events.meeting.{meeting.status}", actor=actor)
    return meeting


def cancel_meeting(meeting: Meeting, *, actor: Any) -> Meeting:
    """Cancel a request or an accepted meeting; its slot and table are freed.

    A meeting that was on published agendas triggers change notices after commit.
    Logs ``events.meeting.cancelled``.
    """
    if meeting.status not in ACTIVE:
        raise ValidationError(_("Only open or accepted meetings can be cancelled."))
    was_published = meeting.published_slot_id is not None
    with transaction.atomic():
        meeting.status = MeetingStatus.CANCELLED
        meeting.slot = None
        meeting.table = None
        meeting.save(update_fields=["status", "slot", "table"])
        if was_published:
            notices.notify_agenda_changes(meeting.event, registration_ids=[meeting.requester_id, meeting.recipient_id])
    log_action(meeting, "events.meeting.cancelled", actor=actor)
    return meeting


def cancel_meetings_of(registration: Registration, *, actor: Any) -> int:
    """Cancel every open or accepted meeting of ``registration``; returns how many."""
    meetings = Meeting.objects.filter(Q(requester=registration) | Q(recipient=registration), status__in=ACTIVE)
    count = meetings.update(status=MeetingStatus.CANCELLED, slot=None, table=None)
    if count:
        log_action(registration, "events.registration.meetings_cancelled", actor=actor, data={"count": count})
    return count


def add_meeting(
    event: Event,
    *,
    first: Registration,
    second: Registration,
    actor: Any,
    forced: bool = False,
    fixed_slot: Slot | None = None,
    priority: int = Priority.MUST,
) -> Meeting:
    """Operator: make the two participants meet (an accepted meeting, forced if asked).

    An existing open or accepted meeting of the pair is reused and upgraded; a block is lifted.
    Logs ``events.meeting.added``.
    """
    if first.pk == second.pk:
        raise ValidationError(_("A participant cannot meet themselves."))
    if {first.event_id, second.event_id} != {event.pk}:
        raise ValidationError(_("Both participants must be registered for this event."))
    if fixed_slot is not None and fixed_slot.event_id != event.pk:
        raise ValidationError(_("The slot belongs to another event."))
    with transaction.atomic():
        meeting = pair_meetings(event, first, second).filter(status__in=(*ACTIVE, MeetingStatus.BLOCKED)).first()
        if meeting is None:
            meeting = Meeting(event=event, requester=first, recipient=second, created_by=actor if getattr(actor, "pk", None) else None)
        meeting.status = MeetingStatus.ACCEPTED
        meeting.forced = forced
        meeting.priority = max(priority, meeting.priority or 0)
        meeting.fixed_slot = fixed_slot
        meeting.responded_at = timezone.now()
        meeting.save()
    log_action(meeting, "events.meeting.added", actor=actor, data={"forced": forced, "fixed_slot": getattr(fixed_slot, "index", None)})
    return meeting


def force_meeting(meeting: Meeting, *, actor: Any, fixed_slot: Slot | None = None) -> Meeting:
    """Operator: the meeting takes place whatever its answer was, before any other. Logs ``events.meeting.forced``."""
    if fixed_slot is not None and fixed_slot.event_id != meeting.event_id:
        raise ValidationError(_("The slot belongs to another event."))
    meeting.status = MeetingStatus.ACCEPTED
    meeting.forced = True
    meeting.fixed_slot = fixed_slot
    meeting.save(update_fields=["status", "forced", "fixed_slot"])
    log_action(meeting, "events.meeting.forced", actor=actor)
    return meeting


def block_meeting(event: Event, *, first: Registration, second: Registration, actor: Any) -> Meeting:
    """Operator: these two must not meet. Existing requests of the pair become the block.

    Logs ``events.meeting.blocked``.
    """
    if first.pk == second.pk:
        raise ValidationError(_("A participant cannot meet themselves."))
    with transaction.atomic():
        meetings = list(pair_meetings(event, first, second).filter(status__in=(*ACTIVE, MeetingStatus.BLOCKED)))
        meeting = meetings[0] if meetings else Meeting(event=event, requester=first, recipient=second)
        for other in meetings[1:]:
            other.status = MeetingStatus.CANCELLED
            other.save(update_fields=["status"])
        meeting.status = MeetingStatus.BLOCKED
        meeting.forced = False
        meeting.slot = None
        meeting.table = None
        meeting.save()
    log_action(meeting, "events.meeting.blocked", actor=actor)
    return meeting


def place_meeting(meeting: Meeting, *, actor: Any, slot: Slot | None, table: Table | None = None) -> Meeting:
    """Operator: put an accepted meeting in ``slot`` at ``table`` by hand (``None`` unschedules).

    Refuses a slot where either side already meets, is away, or a table that is taken.
    Logs ``events.meeting.placed``.
    """
    if slot is not None:
        if meeting.status != MeetingStatus.ACCEPTED:
            raise ValidationError(_("Only accepted meetings can be scheduled."))
        if slot.event_id != meeting.event_id or (table is not None and table.event_id != meeting.event_id):
            raise ValidationError(_("The slot belongs to another event."))
        parties = (meeting.requester_id, meeting.recipient_id)
        clash = (
            Meeting.objects.filter(slot=slot, status=MeetingStatus.ACCEPTED)
            .exclude(pk=meeting.pk)
            .filter(Q(requester_id__in=parties) | Q(recipient_id__in=parties))
        )
        if clash.exists():
            raise ValidationError(_("One of the participants already has a meeting in this slot."))
        if Registration.unavailable_slots.through.objects.filter(registration_id__in=parties, slot=slot).exists():
            raise ValidationError(_("One of the participants is not available in this slot."))
        if table is not None and Meeting.objects.filter(slot=slot, table=table).exclude(pk=meeting.pk).exists():
            raise ValidationError(_("This table is taken in this slot."))
    meeting.slot = slot
    meeting.table = table if slot is not None else None
    meeting.unscheduled_reason = ""
    meeting.save(update_fields=["slot", "table", "unscheduled_reason"])
    log_action(meeting, "events.meeting.placed", actor=actor, data={"slot": getattr(slot, "index", None)})
    return meeting


def mark_attendance(meeting: Meeting, *, actor: Any, attendance: str) -> Meeting:
    """Record whether a scheduled meeting took place or someone did not show up.

    Logs ``events.meeting.attendance``.
    """
    if attendance not in Attendance.values:
        raise ValidationError(_("Unknown attendance value."))
    if meeting.status != MeetingStatus.ACCEPTED:
        raise ValidationError(_("Only accepted meetings can be marked."))
    meeting.attendance = attendance
    meeting.save(update_fields=["attendance"])
    log_action(meeting, "events.meeting.attendance", actor=actor, data={"attendance": attendance})
    return meeting


def record_meeting_feedback(
    meeting: Meeting,
    *,
    registration: Registration,
    actor: Any,
    wants_to_continue: bool,
    comment: str = "",
) -> MeetingFeedback:
    """Store one side's view of a meeting (replacing its earlier feedback).

    This is the hook for partnerships: after commit it sends
    :data:`sache.events.signals.meeting_feedback_recorded`, whose receivers may open a
    partnership record when ``wants_to_continue`` is true.
    Logs ``events.meeting.feedback``.
    """
    if registration.pk not in (meeting.requester_id, meeting.recipient_id):
        raise ValidationError(_("Only the two sides of a meeting can give feedback on it."))
    if meeting.status != MeetingStatus.ACCEPTED:
        raise ValidationError(_("Feedback is for meetings that took place."))
    with transaction.atomic():
        feedback, _created = MeetingFeedback.objects.update_or_create(
            meeting=meeting,
            registration=registration,
            defaults={
                "wants_to_continue": wants_to_continue,
                "comment": comment,
                "author": actor if getattr(actor, "pk", None) else None,
            },
        )
        transaction.on_commit(
            lambda: signals.meeting_feedback_recorded.send(sender=MeetingFeedback, feedback=feedback, actor=actor)
        )
    log_action(meeting, "events.meeting.feedback", actor=actor, data={"wants_to_continue": wants_to_continue})
    return feedback


def remind_participants_without_meetings(event: Event, *, actor: Any) -> list[int]:
    """Email approved participants who have neither a request nor a meeting yet.

    Enqueues one reminder per such registration after commit; returns their ids.
    Logs ``events.reminders.sent`` with the count.
    """
    busy = Meeting.objects.filter(event=event, status__in=ACTIVE)
    idle = list(
        Registration.objects.filter(event=event, status=RegistrationStatus.APPROVED)
        .exclude(pk__in=busy.values("requester_id"))
        .exclude(pk__in=busy.values("recipient_id"))
        .order_by("id")
        .values_list("id", flat=True)
    )
    with transaction.atomic():
        notices.notify_without_meetings(event, registration_ids=idle)
    log_action(event, "events.reminders.sent", actor=actor, data={"count": len(idle)})
    return idle
