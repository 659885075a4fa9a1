"""The hub's public event calendar as a subscribable iCalendar feed (RFC 5545)."""

from __future__ import annotations

from django.conf import settings
from django.db.models import Max, Min
from django.http import HttpRequest, HttpResponse
from django.utils import timezone
from django.views.decorators.http import require_GET
from icalendar import Calendar
from icalendar import Event as CalendarEvent

from sache.events.enums import EventPublication
from sache.events.models import Event


def events_calendar() -> bytes:
    """One VEVENT per published event that has a slot grid, spanning its first to its last slot."""
    calendar = Calendar()
    calendar.add("prodid", "-//sache//calendar//EN")
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    calendar.add("x-wr-calname", f"{settings.SACHE_HUB_NAME} — events")
    domain = settings.SITE_URL.split("://", 1)[-1].split("/", 1)[0].split(":", 1)[0] or "sache"
    stamp = timezone.now()
    events = (
        Event.objects.filter(publication=EventPublication.PUBLISHED)
        .annotate(first_start=Min("slots__starts_at"), last_end=Max("slots__ends_at"))
        .filter(first_start__isnull=False)
        .order_by("first_start")
    )
    for event in events:
        item = CalendarEvent()
        item.add("uid", f"event-{event.pk}@{domain}")
        item.add("dtstamp", stamp)
        item.add("dtstart", event.first_start)
        item.add("dtend", event.last_end)
        item.add("summary", event.title)
        if event.venue or event.address:
            item.add("location", ", ".join(part for part in (event.venue, event.address) if part))
        item.add("url", settings.SITE_URL + event.get_absolute_url())
        if event.description:
            item.add("description", event.description)
        calendar.add_component(item)
    return calendar.to_ical()


@require_GET
def events_calendar_feed(request: HttpRequest) -> HttpResponse:
    response = HttpResponse(events_calendar(), content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = 'inline; filename="sache-events.ics"'
    return response
