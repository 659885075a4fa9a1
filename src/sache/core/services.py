"""Writes shared by all apps."""

from __future__ import annotations

from typing import Any

from django.contrib.contenttypes.models import ContentType
from django.db import models

from sache.core.models import ActivityLog


def log_action(
    subject: models.Model | None,
    action: str,
    *,
    actor: Any = None,
    data: dict[str, Any] | None = None,
) -> ActivityLog:
    """Record ``action`` on ``subject`` by ``actor`` in the audit log.

    Anonymous actors are stored as no actor. Writes one ActivityLog row.
    """
    if actor is not None and not getattr(actor, "is_authenticated", False):
        actor = None
    return ActivityLog.objects.create(
        actor=actor,
        action=action,
        content_type=ContentType.objects.get_for_model(subject) if subject is not None else None,
        object_id=str(subject.pk) if subject is not None else "",
        data=data or {},
    )
