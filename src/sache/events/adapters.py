"""DB rows ⇄ the meeting scheduler's plain data (``sache.engine.meetings``).

``build_input`` reads an event into :class:`SchedulingInput` (positions, not ids, as the
engine wants them); ``to_instance_json`` writes it in the engine's JSON problem form;
``solve`` runs the engine and ``from_schedule_json`` maps its answer back to ids;
``store_outcome`` writes slots, tables and reasons onto the meetings.

Mapping: participant *i* = the *i*-th approved registration (by id); slot *s* = the slot
with ``index`` *s*; table *t* = the *t*-th table by number. Only accepted meetings are
scheduled. A meeting whose participants are already published keeps its slot and table
as a locked meeting unless the operator allows moves.
"""

from __future__ import annotations

import importlib.util
import re
from dataclasses import dataclass, field
from typing import Any

from django.db import transaction

from sache.events.enums import (
    FORCED_WEIGHT,
    PRIORITY_WEIGHTS,
    MeetingStatus,
    RegistrationStatus,
    ScheduleObjective,
    Session,
)
from sache.events.models import Event, Meeting, Registration, Slot, Table


class SchedulerUnavailable(RuntimeError):
    """The scheduling engine is not installed in this build."""


@dataclass(frozen=True)
class MeetingInput:
    id: int
    a: int
    b: int
    session: str  # "any" | "am" | "pm"
    fixed_slot: int | None
    weight: int
    priority: int


@dataclass(frozen=True)
class SchedulingInput:
    objective: str
    participants: tuple[int, ...]  # registration ids; position = engine participant
    slot_ids: tuple[int, ...]  # slot ids; position = engine slot
    morning: tuple[int, ...]
    afternoon: tuple[int, ...]
    table_ids: tuple[int, ...]
    meetings: tuple[MeetingInput, ...]
    forbidden: dict[int, tuple[int, ...]] = field(default_factory=dict)
    max_meetings: dict[int, int] = field(default_factory=dict)
    locked: dict[int, tuple[int, int | None]] = field(default_factory=dict)  # meeting id -> (slot, table)
    fairness: int = 2
    allow_moves: bool = False
    names: tuple[str, ...] = ()  # organisation name of each participant, for reasons in words

    @property
    def tables(self) -> int:
        return len(self.table_ids)


@dataclass(frozen=True)
class SchedulingOutcome:
    """What came back, in event terms: meeting id -> slot id / table id."""

    status: str
    objective: float | None
    bound: float | None
    slots: dict[int, int]
    tables: dict[int, int | None]
    unscheduled: dict[int, str]
    breaks: dict[int, int]
    explanation: str = ""


def build_input(event: Event, *, allow_moves: bool = False) -> SchedulingInput:
    approved = list(
        Registration.objects.filter(event=event, status=RegistrationStatus.APPROVED).order_by("id").values_list("id", "organisation__name")
    )
    participants = [registration_id for registration_id, _name in approved]
    position = {registration_id: index for index, registration_id in enumerate(participants)}
    slots = list(Slot.objects.filter(event=event).order_by("index").values_list("id", "session"))
    slot_position = {slot_id: index for index, (slot_id, _session) in enumerate(slots)}
    table_ids = tuple(Table.objects.filter(event=event).order_by("number").values_list("id", flat=True))
    table_position = {table_id: index for index, table_id in enumerate(table_ids)}
    meetings = []
    locked: dict[int, tuple[int, int | None]] = {}
    rows = Meeting.objects.filter(event=event, status=MeetingStatus.ACCEPTED).order_by("id")
    for meeting in rows:
        if meeting.requester_id not in position or meeting.recipient_id not in position:
            continue
        weight = FORCED_WEIGHT if meeting.forced else PRIORITY_WEIGHTS.get(meeting.priority, 1)
        meetings.append(
            MeetingInput(
                id=meeting.pk,
                a=position[meeting.requester_id],
                b=position[meeting.recipient_id],
                session=meeting.session,
                fixed_slot=slot_position.get(meeting.fixed_slot_id) if meeting.fixed_slot_id else None,
                weight=weight,
                priority=meeting.priority,
            )
        )
        if not allow_moves and meeting.published_slot_id in slot_position:
            locked[meeting.pk] = (slot_position[meeting.published_slot_id], table_position.get(meeting.published_table_id))
    forbidden: dict[int, list[int]] = {}
    through = Registration.unavailable_slots.through.objects.filter(registration_id__in=participants)
    for registration_id, slot_id in through.values_list("registration_id", "slot_id"):
        if slot_id in slot_position:
            forbidden.setdefault(position[registration_id], []).append(slot_position[slot_id])
    max_meetings: dict[int, int] = {}
    if event.objective == ScheduleObjective.OVERLOADED:
        # In "all meetings" mode every accepted meeting must be placed, so caps would only
        # turn a schedulable event infeasible; they bind when the event is overloaded.
        caps = Registration.objects.filter(pk__in=participants).values_list("id", "max_meetings")
        max_meetings = {position[pk]: (cap if cap is not None else event.default_max_meetings) for pk, cap in caps}
    return SchedulingInput(
        objective=event.objective,
        participants=tuple(participants),
        slot_ids=tuple(slot_id for slot_id, _session in slots),
        morning=tuple(index for index, (_id, session) in enumerate(slots) if session == Session.MORNING),
        afternoon=tuple(index for index, (_id, session) in enumerate(slots) if session == Session.AFTERNOON),
        table_ids=table_ids,
        meetings=tuple(meetings),
        forbidden={key: tuple(sorted(values)) for key, values in forbidden.items()},
        max_meetings=max_meetings,
        locked=locked,
        fairness=event.fairness,
        allow_moves=allow_moves,
        names=tuple(name for _id, name in approved),
    )


def to_instance_json(data: SchedulingInput) -> dict[str, Any]:
    """``data`` in the scheduler's JSON instance format (``shared/data/b2b/instances``), extended.

    The published format has ``participants, slots, tables, sessions{am,pm}, meetings[{id,a,b,
    session,fixed_slot?}], forbidden_slots, precedences, fairness_d``; the engine's extensions
    (``sache.engine.meetings.problem_from_dict``) add ``mode`` (``min_breaks``/``max_weight``),
    a ``weight`` per meeting, ``max_meetings`` per participant, ``locked``
    (``[{meeting, slot, table}]``) and ``allow_moves``. Meeting ids are strings.
    """
    meetings = []
    for meeting in data.meetings:
        entry: dict[str, Any] = {
            "id": str(meeting.id),
            "a": meeting.a,
            "b": meeting.b,
            "session": meeting.session,
            "weight": meeting.weight,
            "priority": meeting.priority,
        }
        if meeting.fixed_slot is not None:
            entry["fixed_slot"] = meeting.fixed_slot
        meetings.append(entry)
    return {
        "participants": len(data.participants),
        "slots": len(data.slot_ids),
        "tables": data.tables,
        "sessions": {"am": list(data.morning), "pm": list(data.afternoon)},
        "meetings": meetings,
        "forbidden_slots": {str(participant): list(slots) for participant, slots in data.forbidden.items()},
        "precedences": [],
        "fairness_d": data.fairness,
        "mode": "max_weight" if data.objective == ScheduleObjective.OVERLOADED else "min_breaks",
        "max_meetings": {str(participant): cap for participant, cap in data.max_meetings.items()},
        "locked": [
            {"meeting": str(meeting_id), "slot": slot, "table": table} for meeting_id, (slot, table) in sorted(data.locked.items())
        ],
        "allow_moves": data.allow_moves,
    }


def breaks_per_participant(data: SchedulingInput, slots: dict[int, int]) -> dict[int, int]:
    """Gaps between consecutive meetings of each participant (JAIR 2022 Def. 2.3), by position."""
    taken: dict[int, list[int]] = {}
    for meeting in data.meetings:
        if meeting.id in slots:
            for participant in (meeting.a, meeting.b):
                taken.setdefault(participant, []).append(slots[meeting.id])
    result = {}
    for participant, used in taken.items():
        ordered = sorted(used)
        result[participant] = sum(1 for before, after in zip(ordered, ordered[1:], strict=False) if after - before > 1)
    return result


_PARTICIPANT = re.compile(r"\bparticipant (\d+)\b")


def in_words(data: SchedulingInput, text: str) -> str:
    """The engine's reason with participant positions replaced by organisation names."""

    def name(match: re.Match[str]) -> str:
        position = int(match.group(1))
        return data.names[position] if 0 <= position < len(data.names) else match.group(0)

    return _PARTICIPANT.sub(name, text)


def from_schedule_json(data: SchedulingInput, answer: dict[str, Any]) -> SchedulingOutcome:
    """Translate the scheduler's JSON answer (positions) back to slot, table and meeting ids."""
    by_id = {str(meeting.id): meeting.id for meeting in data.meetings}
    slots: dict[int, int] = {}
    tables: dict[int, int | None] = {}
    for key, slot in (answer.get("slots") or {}).items():
        if key in by_id and slot is not None:
            slots[by_id[key]] = int(slot)
    for key, table in (answer.get("tables") or {}).items():
        if key in by_id and table is not None and 0 <= int(table) < len(data.table_ids):
            tables[by_id[key]] = data.table_ids[int(table)]
    reasons = answer.get("unscheduled") or {}
    if isinstance(reasons, list):
        reasons = {str(item.get("id", item.get("meeting"))): item.get("reason", "") for item in reasons if isinstance(item, dict)}
    unscheduled = {
        meeting.id: in_words(data, str(reasons.get(str(meeting.id)) or "not placed by the scheduler"))
        for meeting in data.meetings
        if meeting.id not in slots
    }
    breaks = breaks_per_participant(data, slots)
    return SchedulingOutcome(
        status=str(answer.get("status", "unknown")),
        objective=answer.get("objective"),
        bound=answer.get("bound"),
        slots={meeting_id: data.slot_ids[slot] for meeting_id, slot in slots.items()},
        tables={meeting_id: tables.get(meeting_id) for meeting_id in slots},
        unscheduled=unscheduled,
        breaks={data.participants[position]: count for position, count in breaks.items()},
        explanation=in_words(data, str(answer.get("explanation") or answer.get("reason") or "")),
    )


def solve(data: SchedulingInput, *, time_limit: float, seed: int = 0) -> SchedulingOutcome:
    """Run the meeting scheduler on ``data`` and translate its answer back to ids.

    Goes through the engine's JSON forms (``problem_from_dict``/``schedule_to_dict``), the
    same contract as its command line, so the adapter depends on no engine internals.
    Raises :class:`SchedulerUnavailable` when the engine is not installed.
    """
    if importlib.util.find_spec("sache.engine.meetings") is None:
        raise SchedulerUnavailable("The meeting scheduler (sache.engine.meetings) is not installed.")
    if not data.meetings:
        return SchedulingOutcome(status="optimal", objective=0, bound=0, slots={}, tables={}, unscheduled={}, breaks={})
    from sache.engine import meetings as engine  # slow import: solver libraries load on first use

    problem = engine.problem_from_dict(to_instance_json(data))
    schedule = engine.schedule_meetings(problem, time_limit=time_limit, seed=seed)
    return from_schedule_json(data, engine.schedule_to_dict(schedule))


def store_outcome(event: Event, data: SchedulingInput, outcome: SchedulingOutcome) -> dict[str, int]:
    """Write slots, tables and reasons onto the event's accepted meetings; returns counts.

    Meetings the solver did not place lose their slot and carry the solver's reason.
    """
    counts = {"scheduled": 0, "moved": 0}
    input_ids = {meeting.id for meeting in data.meetings}
    with transaction.atomic():
        meetings = list(Meeting.objects.filter(event=event, status=MeetingStatus.ACCEPTED))
        for meeting in meetings:
            if meeting.pk in outcome.slots:
                meeting.slot_id = outcome.slots[meeting.pk]
                meeting.table_id = outcome.tables.get(meeting.pk)
                meeting.unscheduled_reason = ""
                counts["scheduled"] += 1
                if meeting.published_slot_id is not None and meeting.published_slot_id != meeting.slot_id:
                    counts["moved"] += 1
            else:
                meeting.slot_id = None
                meeting.table_id = None
                meeting.unscheduled_reason = (
                    outcome.unscheduled.get(meeting.pk, "") if meeting.pk in input_ids else "participant not approved"
                )[:300]
        Meeting.objects.bulk_update(meetings, ["slot", "table", "unscheduled_reason"])
    return counts
