"""Object permissions of co-creation workshops as yes/no predicates."""

from __future__ import annotations

from typing import Any

from sache.cocreation.models import Conclusions, Workshop, WorkshopParticipant
from sache.core.permissions import is_operator
from sache.events.enums import EventPublication


def is_workshop_public(workshop: Workshop) -> bool:
    return workshop.event.publication == EventPublication.PUBLISHED


def can_view_workshop(user: Any, workshop: Workshop) -> bool:
    return is_workshop_public(workshop) or is_operator(user)


def participant_of(user: Any, workshop: Workshop) -> WorkshopParticipant | None:
    """The user's participation (through their directory person), if any."""
    if not getattr(user, "is_authenticated", False):
        return None
    return (
        WorkshopParticipant.objects.filter(workshop=workshop, person__user=user)
        .select_related("person__organisation")
        .first()
    )


def is_workshop_participant(user: Any, workshop: Workshop) -> bool:
    return participant_of(user, workshop) is not None


def can_contribute(user: Any, workshop: Workshop) -> bool:
    """Participants (hosts included) and operators write and vote; a draft event only for operators."""
    if is_operator(user):
        return True
    return is_workshop_public(workshop) and is_workshop_participant(user, workshop)


def can_view_route(user: Any, participant: WorkshopParticipant) -> bool:
    return is_operator(user) or bool(getattr(user, "is_authenticated", False) and participant.person.user_id == user.pk)


def can_view_conclusions(user: Any, conclusions: Conclusions) -> bool:
    if is_operator(user):
        return True
    return conclusions.is_published and is_workshop_public(conclusions.workshop)
