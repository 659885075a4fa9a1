from __future__ import annotations

import itertools

from sache.cocreation.enums import Sector
from sache.cocreation.models import (
    Contribution,
    ThematicArea,
    Workshop,
    WorkshopParticipant,
    WorkshopTable,
)
from sache.directory.enums import OrganisationKind
from sache.directory.models import Person
from sache.events.enums import EventKind, EventPublication
from sache.events.models import Event
from tests.factories.directory import make_organisation

_counter = itertools.count(1)

SECTOR_KINDS = {
    Sector.HERITAGE: OrganisationKind.MUSEUM,
    Sector.CREATIVE: OrganisationKind.CREATIVE_BUSINESS,
    Sector.TECHNOLOGY: OrganisationKind.TECHNOLOGY_PROVIDER,
    Sector.PUBLIC: OrganisationKind.PUBLIC_BODY,
}


def make_workshop(*, publication: str = EventPublication.PUBLISHED, **fields) -> Workshop:
    number = next(_counter)
    event = Event.objects.create(
        slug=f"workshop-{number}", title=f"World Café {number}", kind=EventKind.WORKSHOP, publication=publication
    )
    return Workshop.objects.create(event=event, **fields)


def make_area(workshop: Workshop, *, title: str | None = None, **fields) -> ThematicArea:
    return ThematicArea.objects.create(workshop=workshop, title=title or f"Area {next(_counter)}", **fields)


def make_table(workshop: Workshop, *, area: ThematicArea | None = None, capacity: int = 6, **fields) -> WorkshopTable:
    return WorkshopTable.objects.create(workshop=workshop, name=fields.pop("name", f"Table {next(_counter)}"), area=area, capacity=capacity, **fields)


def make_participant(workshop: Workshop, *, sector: str = Sector.HERITAGE, user=None, organisation=None) -> WorkshopParticipant:
    organisation = organisation or make_organisation(kind=SECTOR_KINDS[sector])
    number = next(_counter)
    person = Person.objects.create(organisation=organisation, user=user, first_name="Person", last_name=f"No {number}")
    return WorkshopParticipant.objects.create(workshop=workshop, person=person, sector=sector)


def make_contribution(workshop: Workshop, area: ThematicArea, *, text: str = "Open the archive to game studios", **fields) -> Contribution:
    fields.setdefault("round_number", 1)
    fields.setdefault("language", "en")
    return Contribution.objects.create(workshop=workshop, area=area, text=text, **fields)


def make_world_cafe(*, areas: int = 3, tables_per_area: int = 1, capacity: int = 5, people: int = 12, rounds: int = 3) -> Workshop:
    """A small café: ``areas`` areas with hosts, ``people`` participants over four sectors."""
    workshop = make_workshop(rounds=rounds)
    sectors = list(SECTOR_KINDS)
    participants = [make_participant(workshop, sector=sectors[index % len(sectors)]) for index in range(people)]
    for index in range(areas):
        area = make_area(workshop, title=f"Area {index + 1}", question=f"Question {index + 1}?", host=participants[index])
        for _ in range(tables_per_area):
            make_table(workshop, area=area, capacity=capacity)
    return workshop
