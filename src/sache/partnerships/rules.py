"""Who may see and change a partnership."""

from __future__ import annotations

from typing import Any

from sache.partnerships.models import Partnership


def partner_organisation_ids(user: Any) -> set[int]:
    if not getattr(user, "is_authenticated", False):
        return set()
    return set(user.memberships.values_list("organisation_id", flat=True))


def is_partner(user: Any, partnership: Partnership) -> bool:
    """A member of any partner organisation works on the partnership."""
    own = partner_organisation_ids(user)
    return bool(own) and partnership.members.filter(organisation_id__in=own).exists()


def can_edit_partnership(user: Any, partnership: Partnership) -> bool:
    return bool(getattr(user, "is_operator", False)) or is_partner(user, partnership)
