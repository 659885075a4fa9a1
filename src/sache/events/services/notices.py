"""Email notices of events. Each ``notify_*`` enqueues the mail task after commit, so a
rolled-back change never sends mail; ``send_*`` renders and sends (called by the task)."""

from __future__ import annotations

from collections.abc import Iterable

from django.conf import settings
from django.core.mail import send_mass_mail
from django.db import transaction
from django.template.loader import render_to_string
from django.utils import translation

from sache.events.models import Event, Meeting, Registration


def _enqueue(kind: str, **ids: object) -> None:
    from sache.events.tasks import task_send_notice  # leaf: tasks import the services

    transaction.on_commit(lambda: task_send_notice.enqueue(kind=kind, **ids))


def notify_meeting_requested(meeting: Meeting) -> None:
    _enqueue("meeting_requested", meeting_id=meeting.pk)


def notify_meeting_answered(meeting: Meeting) -> None:
    _enqueue("meeting_answered", meeting_id=meeting.pk)


def notify_registration_decision(registration: Registration) -> None:
    _enqueue("registration_decided", registration_id=registration.pk)


def notify_agenda_changes(event: Event, *, registration_ids: Iterable[int]) -> None:
    ids = sorted(set(registration_ids))
    if ids:
        _enqueue("agenda_changed", event_id=event.pk, registration_ids=ids)


def notify_without_meetings(event: Event, *, registration_ids: Iterable[int]) -> None:
    ids = sorted(set(registration_ids))
    if ids:
        _enqueue("no_meetings", event_id=event.pk, registration_ids=ids)


def registration_recipients(registration: Registration) -> dict[str, list[str]]:
    """Where a registration's mail goes, by language: its representatives, else every member
    with a login. People with a login read mail in their preferred language."""
    default = settings.LANGUAGE_CODE
    recipients: dict[str, set[str]] = {}
    for person in registration.representatives.select_related("user"):
        email = person.email or (person.user.email if person.user else "")
        if email:
            language = person.user.preferred_language if person.user else default
            recipients.setdefault(language, set()).add(email)
    if not recipients:
        for person in registration.organisation.people.select_related("user").filter(user__isnull=False):
            recipients.setdefault(person.user.preferred_language, set()).add(person.user.email)
    return {language: sorted(emails) for language, emails in sorted(recipients.items())}


def registration_emails(registration: Registration) -> list[str]:
    return sorted(email for emails in registration_recipients(registration).values() for email in emails)


Message = tuple[str, str, str, list[str]]


def _messages(template: str, context: dict[str, object], registration: Registration) -> list[Message]:
    """One message per language of the registration's recipients."""
    result = []
    for language, emails in registration_recipients(registration).items():
        with translation.override(language):
            text = render_to_string(template, {**context, "site_url": settings.SITE_URL})
        subject, _sep, body = text.strip().partition("\n")
        result.append((subject.strip(), body.strip() + "\n", settings.DEFAULT_FROM_EMAIL, emails))
    return result


def send_notice(
    kind: str,
    *,
    meeting_id: int | None = None,
    registration_id: int | None = None,
    event_id: int | None = None,
    registration_ids: Iterable[int] = (),
) -> int:
    """Render and send one kind of notice; returns the number of emails sent (0 if the subject vanished)."""
    messages: list[Message] = []
    if kind in {"meeting_requested", "meeting_answered"}:
        meeting = Meeting.objects.select_related("event", "requester__organisation", "recipient__organisation").filter(pk=meeting_id).first()
        if meeting is None:
            return 0
        to = meeting.recipient if kind == "meeting_requested" else meeting.requester
        messages += _messages(f"events/email/{kind}.txt", {"meeting": meeting, "event": meeting.event}, to)
    elif kind == "registration_decided":
        registration = Registration.objects.select_related("event", "organisation").filter(pk=registration_id).first()
        if registration is None:
            return 0
        messages += _messages("events/email/registration_decided.txt", {"registration": registration, "event": registration.event}, registration)
    elif kind == "no_meetings":
        event = Event.objects.filter(pk=event_id).first()
        if event is None:
            return 0
        for registration in Registration.objects.filter(event=event, pk__in=list(registration_ids)).select_related("organisation"):
            messages += _messages("events/email/no_meetings.txt", {"registration": registration, "event": event}, registration)
    elif kind == "agenda_changed":
        from sache.events.selectors import agenda_for  # leaf: selectors import models only

        event = Event.objects.filter(pk=event_id).first()
        if event is None:
            return 0
        for registration in Registration.objects.filter(event=event, pk__in=list(registration_ids)).select_related("organisation"):
            context = {"registration": registration, "event": event, "agenda": agenda_for(registration, published=True)}
            messages += _messages("events/email/agenda_changed.txt", context, registration)
    else:
        raise ValueError(f"unknown notice {kind!r}")
    return send_mass_mail(messages, fail_silently=False) if messages else 0
