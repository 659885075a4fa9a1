"""Who may see and change calls, applications and reviews."""

from __future__ import annotations

from typing import Any

from sache.calls.models import Application, ReviewAssignment
from sache.core.permissions import is_operator


def member_organisation_ids(user: Any) -> set[int]:
    if not getattr(user, "is_authenticated", False):
        return set()
    return set(user.memberships.values_list("organisation_id", flat=True))


def is_lead_member(user: Any, application: Application) -> bool:
    return application.lead_id in member_organisation_ids(user)


def is_partner_member(user: Any, application: Application) -> bool:
    own = member_organisation_ids(user)
    return bool(own) and application.partners.filter(organisation_id__in=own).exists()


def can_edit_application(user: Any, application: Application) -> bool:
    """Only the lead applicant's members edit, invite, submit and withdraw."""
    return is_lead_member(user, application)


def can_read_other_reviews(user: Any, assignment: ReviewAssignment) -> bool:
    """A reviewer sees the other reviews of an application only after submitting their own."""
    if is_operator(user):
        return True
    review = getattr(assignment, "review", None)
    return assignment.reviewer_id == getattr(user, "pk", None) and review is not None and review.submitted_at is not None
