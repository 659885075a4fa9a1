"""Give every scheduled meeting a table, keeping people at the same table between slots.

Slots are handled in time order. Locked tables are kept; then a meeting whose
participant sat at table ``t`` in the previous slot takes ``t`` if it is still
free, so someone with consecutive meetings stays seated; the rest take the
lowest free tables. O(M log T).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping

from sache.engine.meetings.problem import MeetingProblem

__all__ = ["assign_tables"]


def assign_tables(
    problem: MeetingProblem,
    slots: Mapping[object, int],
    *,
    locked_tables: Mapping[object, int] | None = None,
) -> dict[object, int]:
    """Tables ``0..tables[s]-1`` for the meetings of every slot ``s``.

    Parameters
    ----------
    problem
        The event (for participants and table counts).
    slots
        Meeting id to slot, at most ``tables[s]`` meetings per slot.
    locked_tables
        Meeting id to a table it must keep (published agendas).

    Returns
    -------
    dict
        Meeting id to table.

    Examples
    --------
    >>> from sache.engine.meetings.problem import Meeting
    >>> p = MeetingProblem(participants=3, slots=2, tables=2,
    ...     meetings=(Meeting(0, 0, 1), Meeting(1, 2, 1)))
    >>> assign_tables(p, {0: 0, 1: 1}, locked_tables={0: 1})
    {0: 1, 1: 1}
    """
    locked_tables = locked_tables or {}
    people = {m.id: (m.a, m.b) for m in problem.meetings}
    by_slot: dict[int, list] = defaultdict(list)
    for meeting_id, slot in slots.items():
        by_slot[slot].append(meeting_id)
    tables: dict[object, int] = {}
    seat_before: dict[int, int] = {}
    for slot in sorted(by_slot):
        taken: set[int] = set()
        seat_now: dict[int, int] = {}
        waiting = []
        for meeting_id in by_slot[slot]:
            table = locked_tables.get(meeting_id)
            if table is not None and table not in taken:
                taken.add(table)
                tables[meeting_id] = table
            else:
                waiting.append(meeting_id)
        rest = []
        room = problem.tables_in(slot)
        for meeting_id in waiting:
            # The previous slot may have had more tables than this one.
            wished = [
                seat_before[p]
                for p in people[meeting_id]
                if p in seat_before and seat_before[p] < room
            ]
            table = next((t for t in wished if t not in taken), None)
            if table is None:
                rest.append(meeting_id)
            else:
                taken.add(table)
                tables[meeting_id] = table
        free = (t for t in range(room + len(by_slot[slot])) if t not in taken)
        for meeting_id in rest:
            tables[meeting_id] = next(free)
        for meeting_id in by_slot[slot]:
            for person in people[meeting_id]:
                seat_now[person] = tables[meeting_id]
        seat_before = seat_now
    return tables
