"""Writes of programmes. Each logs what it did."""

from __future__ import annotations

from typing import Any

from django.db import transaction

from sache.core.services import log_action
from sache.programmes.models import Programme


def save_programme(programme: Programme, *, actor: Any, changed: list[str]) -> Programme:
    """Create or update ``programme``. Logs ``programmes.programme.saved`` with the changed fields."""
    programme.save()
    log_action(programme, "programmes.programme.saved", actor=actor, data={"fields": sorted(changed)})
    return programme


def delete_programme(programme: Programme, *, actor: Any) -> None:
    """Delete ``programme``; its events, calls and partnerships stay, without a programme.

    Logs ``programmes.programme.deleted`` with the code, so that the audit trail keeps it.
    """
    with transaction.atomic():
        log_action(None, "programmes.programme.deleted", actor=actor, data={"code": programme.code, "name": programme.name})
        programme.delete()
