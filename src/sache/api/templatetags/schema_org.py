"""``{% schema_org record %}``: schema.org JSON-LD for public organisation, event and asset pages.

Search engines and cultural aggregators read it to understand who the
organisation is, when and where an event happens, and under which licence a
heritage asset may be reused.
"""

from __future__ import annotations

import json
from typing import Any

from django import template
from django.conf import settings
from django.db.models import Max, Min
from django.utils.safestring import SafeString, mark_safe

from sache.directory.models import HeritageAsset, Organisation

register = template.Library()

# schema.org has specific types for several kinds of heritage institution.
ORGANISATION_TYPES = {
    "museum": "Museum",
    "gallery": "ArtGallery",
    "library": "Library",
    "archive": "ArchiveOrganization",
    "theatre": "PerformingArtsTheater",
    "festival": "Organization",
    "heritage_site": "LandmarksOrHistoricalBuildings",
    "cultural_centre": "CivicStructure",
    "university": "CollegeOrUniversity",
    "public_body": "GovernmentOrganization",
    "ngo": "NGO",
}


def _absolute(path: str) -> str:
    return settings.SITE_URL + path


def organisation_data(organisation: Organisation) -> dict[str, Any]:
    data: dict[str, Any] = {
        "@context": "https://schema.org",
        "@type": ORGANISATION_TYPES.get(organisation.kind, "Organization"),
        "name": organisation.name,
        "url": _absolute(organisation.get_absolute_url()),
        "address": {"@type": "PostalAddress", "addressLocality": organisation.city, "addressRegion": organisation.region},
    }
    descriptions = list(organisation.descriptions.all())
    if descriptions:
        data["description"] = descriptions[0].text
    if organisation.website:
        data["sameAs"] = [organisation.website]
    if organisation.latitude is not None and organisation.longitude is not None:
        data["geo"] = {"@type": "GeoCoordinates", "latitude": organisation.latitude, "longitude": organisation.longitude}
    if organisation.languages:
        data["knowsLanguage"] = list(organisation.languages)
    if organisation.founded:
        data["foundingDate"] = str(organisation.founded)
    return data


def asset_data(asset: HeritageAsset) -> dict[str, Any]:
    data: dict[str, Any] = {
        "@context": "https://schema.org",
        "@type": "CreativeWork",
        "name": asset.title,
        "description": asset.description,
        "inLanguage": asset.language,
        "license": asset.rights_uri,
        "url": _absolute(asset.get_absolute_url()),
        "provider": {"@type": "Organization", "name": asset.organisation.name, "url": _absolute(asset.organisation.get_absolute_url())},
    }
    if asset.period:
        data["temporalCoverage"] = asset.period
    if asset.place:
        data["spatialCoverage"] = {"@type": "Place", "name": asset.place}
    return data


def event_data(event: Any) -> dict[str, Any]:
    span = event.slots.aggregate(start=Min("starts_at"), end=Max("ends_at"))
    attendance = {
        "on_site": "https://schema.org/OfflineEventAttendanceMode",
        "online": "https://schema.org/OnlineEventAttendanceMode",
        "hybrid": "https://schema.org/MixedEventAttendanceMode",
    }
    data: dict[str, Any] = {
        "@context": "https://schema.org",
        "@type": "BusinessEvent" if event.kind in {"matchmaking", "pitching"} else "EducationEvent",
        "name": event.title,
        "description": event.description,
        "inLanguage": event.language,
        "url": _absolute(event.get_absolute_url()),
        "eventAttendanceMode": attendance.get(event.format, attendance["on_site"]),
        "eventStatus": "https://schema.org/EventScheduled",
        "organizer": {"@type": "Organization", "name": settings.SACHE_HUB_NAME, "url": settings.SITE_URL},
    }
    if span["start"]:
        data["startDate"] = span["start"].isoformat()
        data["endDate"] = span["end"].isoformat()
    if event.venue or event.address:
        data["location"] = {"@type": "Place", "name": event.venue or event.address, "address": event.address or event.venue}
    elif event.online_url:
        data["location"] = {"@type": "VirtualLocation", "url": event.online_url}
    return data


@register.simple_tag
def schema_org(record: Any) -> SafeString:
    if isinstance(record, Organisation):
        data = organisation_data(record)
    elif isinstance(record, HeritageAsset):
        data = asset_data(record)
    elif record.__class__.__name__ == "Event" and record._meta.app_label == "events":
        data = event_data(record)
    else:
        return mark_safe("")
    # "</" must not appear inside a script element; escaping "<" keeps the JSON intact.
    text = json.dumps(data, ensure_ascii=False).replace("<", "\\u003c")
    return mark_safe(f'<script type="application/ld+json">{text}</script>')
