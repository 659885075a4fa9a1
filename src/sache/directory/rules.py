"""Object permissions of the directory, as yes/no predicates over (user, object).

Members are the users linked to a ``Person`` of the organisation; operators may do
everything. Views fetch objects through ``selectors.get_*_for`` (404 when the user
may not see them) and then ask these predicates (403 when they may not change them).
"""

from __future__ import annotations

from typing import Any

from sache.core.permissions import is_operator
from sache.directory.models import Organisation

__all__ = [
    "can_create_organisation",
    "can_delete_organisation",
    "can_edit_organisation",
    "can_moderate",
    "is_operator",
    "is_org_admin",
    "is_org_member",
]


def is_org_member(user: Any, organisation: Organisation) -> bool:
    if not getattr(user, "is_authenticated", False):
        return False
    return organisation.people.filter(user=user).exists()


def is_org_admin(user: Any, organisation: Organisation) -> bool:
    if not getattr(user, "is_authenticated", False):
        return False
    return organisation.people.filter(user=user, is_admin=True).exists()


def can_create_organisation(user: Any) -> bool:
    return bool(getattr(user, "is_authenticated", False))


def can_edit_organisation(user: Any, organisation: Organisation) -> bool:
    """Edit the profile and create, edit or delete its people, needs, offers, assets and products."""
    return is_operator(user) or is_org_member(user, organisation)


def can_delete_organisation(user: Any, organisation: Organisation) -> bool:
    return is_operator(user) or is_org_admin(user, organisation)


def can_moderate(user: Any) -> bool:
    """Publish and unpublish any record, merge duplicates, import and export in bulk."""
    return is_operator(user)
