"""Database rows ⇄ engine dataclasses for rotations and themes."""

from __future__ import annotations

from django.db.models import Count

from sache.cocreation.models import Contribution, Workshop
from sache.engine import rotations


def table_hosts(workshop: Workshop) -> dict[int, int]:
    """Table id → host participant id: the table's own host, else its area's host at the area's first table."""
    tables = list(workshop.tables.select_related("area").order_by("id"))
    hosts: dict[int, int] = {table.pk: table.host_id for table in tables if table.host_id}
    hosting = set(hosts.values())
    for table in tables:
        if table.pk in hosts or table.area is None or table.area.host_id is None:
            continue
        if table.area.host_id in hosting:
            continue
        hosts[table.pk] = table.area.host_id
        hosting.add(table.area.host_id)
    return hosts


def engine_workshop(workshop: Workshop) -> rotations.Workshop:
    hosts = table_hosts(workshop)
    host_of = {participant_id: table_id for table_id, participant_id in hosts.items()}
    participants = []
    for participant in workshop.participants.prefetch_related("preferred_areas").order_by("id"):
        table_id = host_of.get(participant.pk)
        participants.append(
            rotations.Participant(
                id=str(participant.pk),
                sector=participant.sector,
                preferred_areas=tuple(str(area.pk) for area in participant.preferred_areas.all()),
                host_of=str(table_id) if table_id else None,
            )
        )
    tables = tuple(
        rotations.Table(id=str(table.pk), capacity=table.capacity, area=str(table.area_id) if table.area_id else None)
        for table in workshop.tables.order_by("id")
    )
    return rotations.Workshop(participants=tuple(participants), tables=tables, rounds=workshop.rounds)


def engine_contributions(workshop: Workshop) -> list[dict[str, object]]:
    contributions = (
        Contribution.objects.filter(workshop=workshop)
        .select_related("area")
        .order_by("id")
    )
    return [
        {
            "id": str(contribution.pk),
            "area": str(contribution.area_id),
            "text": contribution.text,
            "language": contribution.language,
            "round": contribution.round_number,
            "kind": contribution.kind,
            "votes": contribution.vote_count,
            "sector": contribution.sector or None,
        }
        for contribution in contributions.annotate(vote_count=Count("votes"))
    ]
