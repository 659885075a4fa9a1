from __future__ import annotations

from datetime import date
from itertools import count

from sache.programmes.models import Programme

_counter = count(1)


def make_programme(*, code: str | None = None, **fields) -> Programme:
    number = next(_counter)
    fields.setdefault("name", f"Programme {number}")
    fields.setdefault("funder", "Interreg Central Europe")
    fields.setdefault("starts_on", date(2025, 1, 1))
    fields.setdefault("ends_on", date(2027, 12, 31))
    return Programme.objects.create(code=code or f"PRG-{number}", **fields)
