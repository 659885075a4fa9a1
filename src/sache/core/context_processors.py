"""The navigation each role sees, built once per request for the base template."""

from __future__ import annotations

from dataclasses import dataclass

from django.http import HttpRequest
from django.urls import NoReverseMatch, reverse
from django.utils.translation import gettext_lazy as _

from sache.insights.rules import can_view_insights


@dataclass(frozen=True)
class NavItem:
    label: str
    url: str
    active: bool


_PUBLIC = [
    (_("Organisations"), "directory:organisation-list"),
    (_("Needs"), "directory:need-list"),
    (_("Offers"), "directory:offer-list"),
    (_("Heritage assets"), "directory:asset-list"),
    (_("Digital products"), "directory:product-list"),
    (_("Showcase"), "partnerships:showcase"),
    (_("Events"), "events:event-list"),
    (_("Workshops"), "cocreation:workshop-list"),
    (_("Open calls"), "calls:call-list"),
    (_("Programmes"), "programmes:programme-list"),
]
_MEMBER = [
    (_("Partnerships"), "partnerships:list"),
]
_INSIGHTS = [
    (_("Insights"), "insights:dashboard"),
]
_OPERATOR = [
    (_("Invitations"), "accounts:invitation-list"),
]


def _items(request: HttpRequest, entries: list[tuple[str, str]]) -> list[NavItem]:
    items = []
    for label, name in entries:
        try:
            url = reverse(name)
        except NoReverseMatch:
            continue
        items.append(NavItem(label=str(label), url=url, active=request.path.startswith(url) and url != "/"))
    return items


def navigation(request: HttpRequest) -> dict[str, object]:
    user = getattr(request, "user", None)
    authenticated = user is not None and user.is_authenticated
    return {
        "nav_public": _items(request, _PUBLIC),
        "nav_member": _items(request, _MEMBER) if authenticated else [],
        "nav_operator": (_items(request, _INSIGHTS) if authenticated and can_view_insights(user) else [])
        + (_items(request, _OPERATOR) if authenticated and getattr(user, "is_operator", False) else []),
    }
