"""Reads of events, always filtered by what the viewer may see."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, replace
from typing import Any

from django.core.cache import cache
from django.db.models import Count, Q, QuerySet
from django.http import Http404
from django.utils import translation

from sache.core.permissions import is_operator
from sache.directory.models import Organisation
from sache.events import rules
from sache.events.enums import EventPublication, MeetingStatus, RegistrationStatus, RunStatus
from sache.events.models import AgendaFeed, Event, Meeting, Registration, ScheduleRun, Slot, Table


def events_visible_to(user: Any) -> QuerySet[Event]:
    """Published events; operators also see drafts."""
    queryset = Event.objects.all()
    if is_operator(user):
        return queryset
    return queryset.filter(publication=EventPublication.PUBLISHED)


def get_event_for(user: Any, slug: str) -> Event:
    event = events_visible_to(user).filter(slug=slug).first()
    if event is None:
        raise Http404
    return event


def registrations_of(user: Any, event: Event) -> QuerySet[Registration]:
    """The registrations of the organisations ``user`` works at, approved first."""
    own = rules.member_organisation_ids(user)
    return (
        Registration.objects.filter(event=event, organisation_id__in=own)
        .select_related("organisation", "event")
        .order_by("status", "id")  # "approved" sorts before "cancelled", "pending", "rejected"
    )


def current_registration(user: Any, event: Event, *, registration_id: int | None = None) -> Registration | None:
    """The registration the user acts for: the one asked for if it is theirs, else their first."""
    registrations = registrations_of(user, event)
    if registration_id is not None:
        return registrations.filter(pk=registration_id).first()
    return registrations.first()


def member_organisations(user: Any) -> list[Organisation]:
    """The directory organisations ``user`` works at, by name."""
    return list(Organisation.objects.filter(pk__in=rules.member_organisation_ids(user)).order_by("name"))


def registrations_for_desk(event: Event) -> QuerySet[Registration]:
    """Every registration of ``event`` for the organiser, grouped by status."""
    return Registration.objects.filter(event=event).select_related("organisation").order_by("status", "organisation__name")


def meetings_for_desk(event: Event) -> QuerySet[Meeting]:
    """Every meeting and request of ``event`` for the organiser."""
    return event.meetings.select_related(
        "requester__organisation", "recipient__organisation", "slot", "table", "fixed_slot"
    ).order_by("status", "slot__index", "id")


def participant_registration(user: Any, event: Event) -> Registration:
    """The viewer's approved registration, or 404 (participants-only pages)."""
    registration = registrations_of(user, event).filter(status=RegistrationStatus.APPROVED).first()
    if registration is None:
        raise Http404
    return registration


def participants_visible_to(user: Any, event: Event) -> QuerySet[Registration]:
    """Approved participants, shown to approved participants and operators only."""
    queryset = Registration.objects.filter(event=event, status=RegistrationStatus.APPROVED).select_related("organisation")
    if is_operator(user) or registrations_of(user, event).filter(status=RegistrationStatus.APPROVED).exists():
        return queryset.order_by("organisation__name", "id")
    return queryset.none()


def meetings_of(registration: Registration) -> QuerySet[Meeting]:
    return (
        Meeting.objects.filter(Q(requester=registration) | Q(recipient=registration))
        .select_related("requester__organisation", "recipient__organisation", "slot", "table", "published_slot", "published_table")
        .order_by("-created_at", "-id")
    )


def get_meeting_for(user: Any, event: Event, pk: int) -> Meeting:
    """A meeting of ``event`` seen by one of its two sides or an operator; else 404."""
    meeting = (
        Meeting.objects.filter(event=event, pk=pk)
        .select_related("event", "requester__organisation", "recipient__organisation", "slot", "table")
        .first()
    )
    if meeting is None or not (is_operator(user) or rules.is_meeting_party(user, meeting)):
        raise Http404
    return meeting


@dataclass(frozen=True)
class Suggestion:
    registration: Registration
    score: float
    reasons: tuple[str, ...]
    rank: int = 0
    verdict: bool | None = None


# Ranking an event's participants builds a small index over all of them, which costs a
# few hundred milliseconds for a large event: far too much for a page that every
# participant reloads all day. The ranking only changes when a profile changes (the
# matching generation moves) or the set of approved participants does, so both are in
# the key; the pairs already taken are removed after reading, since they change with
# every request a participant sends.
SUGGESTION_CACHE_SECONDS = 15 * 60


def suggested_partners(registration: Registration, *, limit: int = 6, viewer: Any = None) -> list[Suggestion]:
    """Participants ``registration`` may want to meet and has not asked yet, best first.

    Ranked by the matching engine (the same one that suggests partners in the
    directory), among this event's approved participants only, with its reasons.
    Excludes pairs that already have a request, a meeting or a block. With a
    ``viewer``, each suggestion carries the verdict the viewer gave on it, if any.
    """
    event = registration.event
    taken = set()
    for requester_id, recipient_id in Meeting.objects.filter(event=event).exclude(
        status__in=[MeetingStatus.DECLINED, MeetingStatus.CANCELLED]
    ).filter(Q(requester=registration) | Q(recipient=registration)).values_list("requester_id", "recipient_id"):
        taken.update({requester_id, recipient_id})
    others = {
        other.pk: other
        for other in Registration.objects.filter(event=event, status=RegistrationStatus.APPROVED)
        .exclude(pk=registration.pk)
        .select_related("organisation")
    }
    suggestions = []
    for registration_id, score, reasons in _ranked_participants(registration, others):
        other = others.get(registration_id)
        if other is None or registration_id in taken:
            continue
        suggestions.append(Suggestion(registration=other, score=score, reasons=tuple(reasons[:4]), rank=len(suggestions) + 1))
        if len(suggestions) == limit:
            break
    if viewer is not None and suggestions:
        from sache.matching.selectors import verdicts_of  # noqa: PLC0415 (events depend on matching lazily)

        verdicts = verdicts_of(viewer, registration_subject(registration))
        suggestions = [replace(s, verdict=verdicts.get(s.registration.organisation_id)) for s in suggestions]
    return suggestions


def registration_subject(registration: Registration) -> str:
    """What verdicts on the meetings suggested to ``registration`` are about (see the matching app)."""
    return f"registration:{registration.pk}"


def own_approved_registration(user: Any, pk: int) -> Registration | None:
    """``user``'s organisation's approved registration ``pk`` at a visible event, else None."""
    return (
        Registration.objects.filter(
            pk=pk,
            status=RegistrationStatus.APPROVED,
            organisation_id__in=rules.member_organisation_ids(user),
            event__in=events_visible_to(user),
        )
        .select_related("event", "organisation")
        .first()
    )


def approved_participant(registration: Registration, organisation_id: int) -> Organisation | None:
    """The organisation ``organisation_id`` if it is another approved participant of ``registration``'s event."""
    return (
        Organisation.objects.filter(
            pk=organisation_id,
            event_registrations__event_id=registration.event_id,
            event_registrations__status=RegistrationStatus.APPROVED,
        )
        .exclude(pk=registration.organisation_id)
        .first()
    )


def _ranked_participants(
    registration: Registration, others: dict[int, Registration]
) -> list[tuple[int, float, list[str]]]:
    """Every approved participant ranked for ``registration`` as (registration id, score, reasons), cached."""
    from sache.matching.index import current_generation
    from sache.matching.selectors import rank_among

    participants = ",".join(f"{pk}:{other.organisation_id}" for pk, other in sorted(others.items()))
    fingerprint = hashlib.sha256(participants.encode()).hexdigest()[:16]
    # The reasons are worded in the interface language, so each language has its own entry.
    key = (
        f"events:suggested:{registration.pk}:{registration.organisation_id}:{current_generation()}:"
        f"{translation.get_language()}:{fingerprint}"
    )
    ranked = cache.get(key)
    if ranked is None:
        by_organisation = {other.organisation_id: pk for pk, other in others.items()}
        ranked = [
            (by_organisation[organisation.pk], score, list(reasons))
            for organisation, score, reasons in rank_among(
                registration.organisation, [other.organisation for other in others.values()], top=len(others)
            )
        ]
        cache.set(key, ranked, SUGGESTION_CACHE_SECONDS)
    return ranked


@dataclass(frozen=True)
class AgendaEntry:
    meeting: Meeting
    slot: Slot
    table: Table | None
    partner: Registration


def agenda_for(registration: Registration, *, published: bool) -> list[AgendaEntry]:
    """The registration's scheduled meetings in time order (as published, or as last computed)."""
    slot_field, table_field = ("published_slot", "published_table") if published else ("slot", "table")
    meetings = (
        Meeting.objects.filter(Q(requester=registration) | Q(recipient=registration), status=MeetingStatus.ACCEPTED)
        .filter(**{f"{slot_field}__isnull": False})
        .select_related(slot_field, table_field, "requester__organisation", "recipient__organisation")
        .order_by(f"{slot_field}__index")
    )
    return [
        AgendaEntry(
            meeting=meeting,
            slot=getattr(meeting, slot_field),
            table=getattr(meeting, table_field),
            partner=meeting.other(registration.pk),
        )
        for meeting in meetings
    ]


def registration_for_feed(token: str) -> Registration | None:
    """The registration behind a live calendar-feed token, or None."""
    from sache.events.services.schedule import hash_feed_token  # leaf: a pure function

    feed = (
        AgendaFeed.objects.filter(token_hash=hash_feed_token(token), revoked_at=None)
        .select_related("registration__event", "registration__organisation", "user")
        .first()
    )
    if feed is None or not feed.user.is_active or not rules.is_registration_member(feed.user, feed.registration):
        return None
    return feed.registration


@dataclass(frozen=True)
class GridRow:
    slot: Slot
    cells: list[Meeting | None]


def schedule_grid(event: Event) -> tuple[list[Table], list[GridRow], list[Meeting]]:
    """Slots × tables with the meeting in each cell, and the accepted meetings without a cell."""
    tables = list(event.tables.all())
    column = {table.pk: index for index, table in enumerate(tables)}
    slots = list(event.slots.all())
    cells: dict[int, list[Meeting | None]] = {slot.pk: [None] * len(tables) for slot in slots}
    unplaced = []
    meetings = Meeting.objects.filter(event=event, status=MeetingStatus.ACCEPTED).select_related(
        "requester__organisation", "recipient__organisation"
    )
    for meeting in meetings.order_by("id"):
        if meeting.slot_id in cells and meeting.table_id in column:
            cells[meeting.slot_id][column[meeting.table_id]] = meeting
        else:
            unplaced.append(meeting)
    return tables, [GridRow(slot=slot, cells=cells[slot.pk]) for slot in slots], unplaced


def latest_run(event: Event) -> ScheduleRun | None:
    return ScheduleRun.objects.filter(event=event).first()


def active_run(event: Event) -> ScheduleRun | None:
    return ScheduleRun.objects.filter(event=event, status__in=[RunStatus.QUEUED, RunStatus.RUNNING]).first()


@dataclass(frozen=True)
class EventFigures:
    registrations: int
    approved: int
    pending: int
    requested: int
    accepted: int
    scheduled: int


def event_figures(event: Event) -> EventFigures:
    registration_counts = dict(
        Registration.objects.filter(event=event).values_list("status").annotate(count=Count("id")).values_list("status", "count")
    )
    meeting_counts = dict(
        Meeting.objects.filter(event=event).values_list("status").annotate(count=Count("id")).values_list("status", "count")
    )
    return EventFigures(
        registrations=sum(registration_counts.values()),
        approved=registration_counts.get(RegistrationStatus.APPROVED, 0),
        pending=registration_counts.get(RegistrationStatus.PENDING, 0),
        requested=meeting_counts.get(MeetingStatus.REQUESTED, 0),
        accepted=meeting_counts.get(MeetingStatus.ACCEPTED, 0),
        scheduled=Meeting.objects.filter(event=event, status=MeetingStatus.ACCEPTED, slot__isnull=False).count(),
    )
