"""The demo hub's two programmes, and which of its activities belong to each.

An Interreg project runs the matchmaking events and the World Cafés; the region's
accelerator runs the calls for pilots. Only records without a programme are linked,
so running ``seed-demo`` again changes nothing.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from django.db import transaction

from sache.calls.models import Call
from sache.events.enums import EventKind
from sache.events.models import Event
from sache.partnerships.enums import Origin
from sache.partnerships.models import Partnership
from sache.programmes.models import Programme

PROGRAMMES = [
    {
        "code": "CE-SACHE", "language": "en", "funder": "Interreg Central Europe (European Regional Development Fund)",
        "name": "SACHE: Smart Accelerators of Creative Heritage Entrepreneurship",
        "starts_on": date(2024, 1, 1), "ends_on": date(2026, 12, 31),
        "description": "Transnational project: matchmaking events and co-creation workshops that bring heritage "
                       "institutions and creative firms together across Central Europe.",
    },
    {
        "code": "PK-AKCELERATOR", "language": "pl", "funder": "Samorząd Województwa Podkarpackiego",
        "name": "Podkarpacki Akcelerator Dziedzictwa i Kreatywności",
        "starts_on": date(2024, 3, 1), "ends_on": date(2027, 2, 28),
        "description": "Regionalny program nagród za pilotaże: nabory na wspólne projekty instytucji dziedzictwa "
                       "i firm kreatywnych.",
    },
]


def programmes() -> tuple[Programme, Programme]:
    found = []
    for fields in PROGRAMMES:
        programme, _created = Programme.objects.get_or_create(code=fields["code"], defaults=fields)
        found.append(programme)
    return found[0], found[1]


@transaction.atomic
def link_activity() -> dict[str, int]:
    """Put the demo's activities without a programme in one: events and workshops in the Interreg
    project (every third matchmaking event in the accelerator), calls in the accelerator, and
    partnerships by where they began. Returns how many records were linked, by kind."""
    project, accelerator = programmes()
    linked = {"events": 0, "calls": 0, "partnerships": 0}
    events = list(Event.objects.filter(programme__isnull=True).order_by("pk").values_list("pk", "kind"))
    for index, (pk, kind) in enumerate(events):
        programme = accelerator if kind != EventKind.WORKSHOP and index % 3 == 2 else project
        linked["events"] += Event.objects.filter(pk=pk).update(programme=programme)
    linked["calls"] = Call.objects.filter(programme__isnull=True).update(programme=accelerator)
    linked["partnerships"] = (
        Partnership.objects.filter(programme__isnull=True, origin__in=[Origin.MEETING, Origin.WORKSHOP]).update(programme=project)
        + Partnership.objects.filter(programme__isnull=True, origin=Origin.CALL).update(programme=accelerator)
    )
    return linked


def load_demo(*, seed: int, stdout: Any, progress: bool) -> None:
    linked = link_activity()
    stdout.write(
        f"Demo programmes: {Programme.objects.count()}; linked {linked['events']} events, {linked['calls']} calls, "
        f"{linked['partnerships']} partnerships."
    )
