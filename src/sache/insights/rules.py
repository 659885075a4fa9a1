from __future__ import annotations

from typing import Any

from sache.directory.enums import OrganisationKind


def can_view_insights(user: Any) -> bool:
    """Operators and members of public bodies (regions, cities, ministries) read the dashboards."""
    if not getattr(user, "is_authenticated", False):
        return False
    if getattr(user, "is_operator", False):
        return True
    return user.memberships.filter(organisation__kind=OrganisationKind.PUBLIC_BODY).exists()
