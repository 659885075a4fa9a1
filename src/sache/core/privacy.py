"""Personal data across apps: each app registers how to export and erase what it holds.

An app calls :func:`register` at import time (from its ``AppConfig.ready``) with
two functions of a user: one returning a JSON-serialisable dict of that user's
personal data, one removing or anonymising it. ``accounts.services`` runs them
all for the data-export download and for account erasure, so a new app with
personal data cannot be forgotten by the GDPR paths as long as it registers.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

Exporter = Callable[[Any], dict[str, Any]]
Eraser = Callable[[Any], None]


@dataclass(frozen=True)
class PersonalDataHolder:
    name: str
    export: Exporter
    erase: Eraser


_HOLDERS: dict[str, PersonalDataHolder] = {}


def register(name: str, *, export: Exporter, erase: Eraser) -> None:
    _HOLDERS[name] = PersonalDataHolder(name, export, erase)


def holders() -> list[PersonalDataHolder]:
    return [_HOLDERS[name] for name in sorted(_HOLDERS)]
