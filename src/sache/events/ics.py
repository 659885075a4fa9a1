"""Personal agendas as iCalendar (RFC 5545) for download and subscription."""

from __future__ import annotations

from collections.abc import Sequence

from django.conf import settings
from django.utils import timezone
from icalendar import Calendar
from icalendar import Event as CalendarEvent

from sache.events.models import Event, Registration
from sache.events.selectors import AgendaEntry


def agenda_calendar(event: Event, registration: Registration, entries: Sequence[AgendaEntry]) -> bytes:
    """One VEVENT per scheduled meeting; UIDs are stable so calendar apps update, not duplicate."""
    calendar = Calendar()
    calendar.add("prodid", "-//sache//events//EN")
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    calendar.add("x-wr-calname", f"{event.title} · {registration.organisation.name}")
    stamp = timezone.now()
    domain = settings.SITE_URL.split("://", 1)[-1].split("/", 1)[0].split(":", 1)[0] or "sache"
    for entry in entries:
        item = CalendarEvent()
        item.add("uid", f"meeting-{entry.meeting.pk}@{domain}")
        item.add("dtstamp", stamp)
        item.add("dtstart", entry.slot.starts_at)
        item.add("dtend", entry.slot.ends_at)
        item.add("summary", f"{event.title}: {entry.partner.organisation.name}")
        where = ", ".join(part for part in (str(entry.table) if entry.table else "", event.venue, event.address) if part)
        if where:
            item.add("location", where)
        lines = [entry.meeting.message] if entry.meeting.message else []
        if event.online_url:
            lines.append(event.online_url)
            item.add("url", event.online_url)
        if lines:
            item.add("description", "\n\n".join(lines))
        item.add("status", "CONFIRMED")
        calendar.add_component(item)
    return calendar.to_ical()
