"""Plain data of the meeting scheduling problem, its JSON form and shared evaluation.

The problem and the result are frozen dataclasses holding only ints, strings,
tuples and dicts, so the events app can build them from database rows and the
command line can build them from the JSON of ``shared/data/b2b/instances``.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

__all__ = [
    "MIN_BREAKS",
    "MAX_WEIGHT",
    "Meeting",
    "LockedMeeting",
    "MeetingProblem",
    "MeetingSchedule",
    "allowed_slots",
    "breaks_per_participant",
    "problem_from_dict",
    "read_problem",
    "schedule_to_dict",
    "write_schedule",
]

MIN_BREAKS = "min_breaks"
MAX_WEIGHT = "max_weight"

MeetingId = int | str


@dataclass(frozen=True, slots=True)
class Meeting:
    """One accepted 1:1 meeting request between participants ``a`` and ``b``.

    ``session`` names an entry of :attr:`MeetingProblem.sessions` (``"any"``
    means no restriction); ``weight`` is the priority weight maximised in the
    overloaded mode (ignored when all meetings must be scheduled).
    """

    id: MeetingId
    a: int
    b: int
    session: str = "any"
    fixed_slot: int | None = None
    weight: int = 1


@dataclass(frozen=True, slots=True)
class LockedMeeting:
    """A published meeting that incremental mode must keep at ``slot`` (and ``table``)."""

    meeting: MeetingId
    slot: int
    table: int | None = None


@dataclass(frozen=True)
class MeetingProblem:
    """An event to schedule: participants ``0..participants-1`` and slots ``0..slots-1``.

    Parameters
    ----------
    participants, slots
        Counts; participants and slots are 0-based integers in time order.
    tables
        Meetings that fit into one slot: one int for every slot, or one int per slot
        (rooms closed in some slots, fewer tables after lunch).
    meetings
        The accepted requests.
    sessions
        Session name to its slots, e.g. ``{"am": (0, 1, 2), "pm": (3, 4)}``.
    forbidden_slots
        Participant to slots where they cannot meet.
    available_slots
        Participant to the only slots where they can meet (absent: all slots).
    max_meetings
        Participant to the most meetings they accept.
    precedences
        ``(before, after)`` meeting ids: ``before`` takes place in an earlier slot.
    fairness_d
        Most and fewest breaks of any two participants differ by at most this
        (``None``: no fairness constraint). Used in the ``min_breaks`` mode.
    locked
        Published meetings for incremental mode.
    allow_moves
        Whether locked meetings may move (then moving one costs, after the objective).
    mode
        ``"min_breaks"``: every meeting is scheduled, total breaks minimised.
        ``"max_weight"``: overloaded event, the total weight of scheduled meetings is
        maximised, then breaks are minimised.
    """

    participants: int
    slots: int
    tables: int | tuple[int, ...]
    meetings: tuple[Meeting, ...]
    sessions: Mapping[str, tuple[int, ...]] = field(default_factory=dict)
    forbidden_slots: Mapping[int, frozenset[int]] = field(default_factory=dict)
    available_slots: Mapping[int, frozenset[int]] = field(default_factory=dict)
    max_meetings: Mapping[int, int] = field(default_factory=dict)
    precedences: tuple[tuple[MeetingId, MeetingId], ...] = ()
    fairness_d: int | None = None
    locked: tuple[LockedMeeting, ...] = ()
    allow_moves: bool = False
    mode: str = MIN_BREAKS

    def tables_in(self, slot: int) -> int:
        """Meetings that fit into ``slot``."""
        if isinstance(self.tables, int):
            return self.tables
        return self.tables[slot]


@dataclass(frozen=True)
class MeetingSchedule:
    """A solver's answer.

    ``objective`` is the total number of breaks (``min_breaks``) or the scheduled
    weight (``max_weight``); ``bound`` is a proven lower (resp. upper) bound on it,
    so ``objective == bound`` proves optimality. ``unscheduled`` maps a meeting id to
    the reason it has no slot; ``explanation`` says in words why an instance is
    infeasible when the solver can tell.
    """

    status: str
    mode: str
    slots: dict[MeetingId, int]
    tables: dict[MeetingId, int]
    objective: int | None
    bound: int | None
    breaks: dict[int, int]
    unscheduled: dict[MeetingId, str] = field(default_factory=dict)
    explanation: str = ""
    seconds: float = 0.0

    @property
    def total_breaks(self) -> int:
        """Breaks summed over all participants."""
        return sum(self.breaks.values())


def allowed_slots(problem: MeetingProblem, meeting: Meeting) -> list[int]:
    """Slots where ``meeting`` may take place, ignoring the other meetings.

    >>> p = MeetingProblem(participants=2, slots=4, tables=1,
    ...     meetings=(Meeting(0, 0, 1, session="am"),), sessions={"am": (0, 1)},
    ...     forbidden_slots={1: frozenset({0})})
    >>> allowed_slots(p, p.meetings[0])
    [1]
    """
    if meeting.fixed_slot is not None:
        candidates: Iterable[int] = (meeting.fixed_slot,)
    elif meeting.session != "any":
        candidates = problem.sessions[meeting.session]
    else:
        candidates = range(problem.slots)
    result = set(candidates)
    for person in (meeting.a, meeting.b):
        result -= problem.forbidden_slots.get(person, frozenset())
        if person in problem.available_slots:
            result &= problem.available_slots[person]
    return sorted(
        slot for slot in result if 0 <= slot < problem.slots and problem.tables_in(slot) > 0
    )


def breaks_per_participant(
    problem: MeetingProblem, slots: Mapping[MeetingId, int]
) -> dict[int, int]:
    """Breaks of every participant: gaps between two consecutive meetings in time order.

    >>> p = MeetingProblem(participants=3, slots=4, tables=2,
    ...     meetings=(Meeting(0, 0, 1), Meeting(1, 0, 2)))
    >>> breaks_per_participant(p, {0: 0, 1: 3})
    {0: 1, 1: 0, 2: 0}
    """
    busy: dict[int, list[int]] = {person: [] for person in range(problem.participants)}
    for meeting in problem.meetings:
        if meeting.id in slots:
            busy[meeting.a].append(slots[meeting.id])
            busy[meeting.b].append(slots[meeting.id])
    result = {}
    for person, taken in busy.items():
        taken.sort()
        result[person] = sum(
            1 for first, second in zip(taken, taken[1:], strict=False) if second > first + 1
        )
    return result


def _int_keyed(mapping: Mapping[str, Any] | None) -> dict[int, Any]:
    return {int(key): value for key, value in (mapping or {}).items()}


def problem_from_dict(data: Mapping[str, Any]) -> MeetingProblem:
    """Build a problem from the JSON form of ``shared/data/b2b/instances``, extended.

    Extensions for overloaded events and incremental mode: ``mode``
    (``"min_breaks"`` or ``"max_weight"``), meeting ``weight`` (or ``priority``),
    ``tables`` as a list per slot, ``available_slots`` and ``max_meetings`` per
    participant, ``locked`` (``[{"meeting", "slot", "table"}]``) and ``allow_moves``.
    Without ``mode``, an input with weights, availability or meeting caps is an
    overloaded event (``max_weight``); any other input must schedule every meeting.
    Answer fields such as ``known_best`` are never read.
    """
    meetings = []
    for raw in data["meetings"]:
        weight = raw.get("weight", raw.get("priority", 1))
        if int(weight) != weight:
            raise ValueError(f"meeting {raw['id']}: weight {weight!r} must be an integer")
        meetings.append(
            Meeting(
                id=raw["id"],
                a=int(raw["a"]),
                b=int(raw["b"]),
                session=raw.get("session", "any"),
                fixed_slot=raw.get("fixed_slot"),
                weight=int(weight),
            )
        )
    tables = data["tables"]
    overloaded_fields = (
        "available_slots" in data
        or "max_meetings" in data
        or any("weight" in raw or "priority" in raw for raw in data["meetings"])
    )
    mode = data.get("mode") or (MAX_WEIGHT if overloaded_fields else MIN_BREAKS)
    if mode not in (MIN_BREAKS, MAX_WEIGHT):
        raise ValueError(f"mode must be {MIN_BREAKS!r} or {MAX_WEIGHT!r}, not {mode!r}")
    return MeetingProblem(
        participants=int(data["participants"]),
        slots=int(data["slots"]),
        tables=int(tables) if isinstance(tables, int) else tuple(int(t) for t in tables),
        meetings=tuple(meetings),
        sessions={name: tuple(slots) for name, slots in (data.get("sessions") or {}).items()},
        forbidden_slots={
            k: frozenset(v) for k, v in _int_keyed(data.get("forbidden_slots")).items()
        },
        available_slots={
            k: frozenset(v) for k, v in _int_keyed(data.get("available_slots")).items()
        },
        max_meetings={k: int(v) for k, v in _int_keyed(data.get("max_meetings")).items()},
        precedences=tuple((before, after) for before, after in data.get("precedences", ())),
        fairness_d=data.get("fairness_d"),
        locked=tuple(
            LockedMeeting(meeting=raw["meeting"], slot=int(raw["slot"]), table=raw.get("table"))
            for raw in data.get("locked", ())
        ),
        allow_moves=bool(data.get("allow_moves", False)),
        mode=mode,
    )


def read_problem(path: str | Path) -> MeetingProblem:
    """Read a problem from a JSON file (see :func:`problem_from_dict`)."""
    with open(path, encoding="utf-8") as handle:
        return problem_from_dict(json.load(handle))


def schedule_to_dict(schedule: MeetingSchedule) -> dict[str, Any]:
    """The JSON form written by the command line."""
    return {
        "slots": {str(key): slot for key, slot in schedule.slots.items()},
        "tables": {str(key): table for key, table in schedule.tables.items()},
        "objective": schedule.objective,
        "bound": schedule.bound,
        "status": schedule.status,
        "mode": schedule.mode,
        "total_breaks": schedule.total_breaks,
        "breaks": {str(person): count for person, count in schedule.breaks.items()},
        "unscheduled": {str(key): reason for key, reason in schedule.unscheduled.items()},
        "explanation": schedule.explanation,
        "seconds": round(schedule.seconds, 3),
    }


def write_schedule(schedule: MeetingSchedule, path: str | Path) -> None:
    """Write :func:`schedule_to_dict` as JSON."""
    with open(path, "w", encoding="utf-8") as handle:
        json.dump(schedule_to_dict(schedule), handle, indent=1)
        handle.write("\n")
