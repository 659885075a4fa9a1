"""Minimum-breaks scheduling with CP-SAT: the improving half of the portfolio.

Same problem as :mod:`sache.engine.meetings.breaks`. Model: booleans
``x[m,s]``; ``busy[p,s] = sum x`` (at most one meeting per person and slot);
``busy`` sums to the number of meetings of ``p`` (implied); ``seen[p,s] =
max(seen[p,s-1], busy[p,s])``; ``brk[p,s] <-> busy[p,s] & ~busy[p,s-1] &
seen[p,s-2]``; per-slot table limits; precedences on ``sum s x[m,s]``;
fairness through ``lo <= breaks(p) <= hi``, ``hi - lo <= d``. Objective: the
sum of ``brk``. CP-SAT's large neighbourhood search improves a hinted schedule
well where the SAT search stalls on finding low-break schedules, while the SAT
search proves lower bounds fast; the proven bound is passed in as a constraint.
"""

from __future__ import annotations

import time
from collections import defaultdict
from collections.abc import Mapping

from sache.engine.meetings.problem import (
    MIN_BREAKS,
    MeetingProblem,
    MeetingSchedule,
    allowed_slots,
    breaks_per_participant,
)

__all__ = ["cpsat_min_breaks_schedule"]


def cpsat_min_breaks_schedule(
    problem: MeetingProblem,
    *,
    time_limit: float = 60.0,
    seed: int = 0,
    hint: Mapping[object, int] | None = None,
    lower_bound: int = 0,
    workers: int = 2,
) -> MeetingSchedule:
    """Schedule all meetings with the fewest breaks using OR-Tools CP-SAT.

    Parameters
    ----------
    problem
        The event (every meeting must be scheduled).
    time_limit
        Seconds for CP-SAT.
    seed
        CP-SAT random seed.
    hint
        A schedule to start from (meeting id to slot).
    lower_bound
        A proven lower bound on the total breaks (e.g. from the SAT search).
    workers
        CP-SAT search workers.

    Returns
    -------
    MeetingSchedule
        Without tables; ``status`` ``optimal``, ``feasible``, ``infeasible`` or ``unknown``.

    References
    ----------
    .. [1] M. Bofill et al., "Constraint Solving Approaches to the Business-to-Business
       Meeting Scheduling Problem", JAIR 74 (2022) 263-301.
    .. [2] L. Perron, F. Didier, "CP-SAT", OR-Tools (2024).

    Examples
    --------
    >>> from sache.engine.meetings.problem import Meeting
    >>> p = MeetingProblem(participants=3, slots=3, tables=1,
    ...     meetings=(Meeting(0, 0, 1), Meeting(1, 0, 2)), fairness_d=2)
    >>> r = cpsat_min_breaks_schedule(p, time_limit=5)
    >>> r.status, r.objective
    ('optimal', 0)
    """
    from ortools.sat.python import cp_model

    started = time.monotonic()
    model = cp_model.CpModel()
    slot_var = {}
    by_person: dict[int, list] = defaultdict(list)
    for meeting in problem.meetings:
        slots = allowed_slots(problem, meeting)
        for slot in slots:
            slot_var[meeting.id, slot] = model.new_bool_var("")
        model.add_exactly_one(slot_var[meeting.id, slot] for slot in slots)
        by_person[meeting.a].append(meeting.id)
        by_person[meeting.b].append(meeting.id)
    for slot in range(problem.slots):
        lits = [slot_var[m.id, slot] for m in problem.meetings if (m.id, slot) in slot_var]
        if len(lits) > problem.tables_in(slot):
            model.add(sum(lits) <= problem.tables_in(slot))
    break_counts = []
    all_breaks = []
    for person in range(problem.participants):
        busy = []
        for slot in range(problem.slots):
            lits = [slot_var[m, slot] for m in by_person[person] if (m, slot) in slot_var]
            if not lits:
                busy.append(None)
                continue
            var = model.new_bool_var("")
            model.add(sum(lits) == var)
            busy.append(var)
        present = [v for v in busy if v is not None]
        if present:
            model.add(sum(present) == len(by_person[person]))
        seen = []
        previous = None
        for slot in range(problem.slots):
            if busy[slot] is not None:
                if previous is None:
                    previous = busy[slot]
                else:
                    var = model.new_bool_var("")
                    model.add_max_equality(var, [previous, busy[slot]])
                    previous = var
            seen.append(previous)
        mine = []
        for slot in range(1, problem.slots):
            current = busy[slot]
            if current is None:
                continue
            before = (
                seen[slot - 1]
                if busy[slot - 1] is None
                else (seen[slot - 2] if slot >= 2 else None)
            )
            if before is None:
                continue
            var = model.new_bool_var("")
            conditions = [current, before] + (
                [busy[slot - 1].Not()] if busy[slot - 1] is not None else []
            )
            model.add_bool_and(conditions).only_enforce_if(var)
            model.add_bool_or([c.Not() for c in conditions] + [var])
            mine.append(var)
        all_breaks += mine
        break_counts.append(sum(mine) if mine else 0)
    if problem.fairness_d is not None:
        high = model.new_int_var(0, problem.slots, "")
        low = model.new_int_var(0, problem.slots, "")
        for count in break_counts:
            model.add(count <= high)
            model.add(count >= low)
        model.add(high - low <= problem.fairness_d)
    for before, after in problem.precedences:
        start = {
            key: sum(s * slot_var[key, s] for s in range(problem.slots) if (key, s) in slot_var)
            for key in (before, after)
        }
        model.add(start[before] + 1 <= start[after])
    objective = sum(all_breaks)
    if lower_bound:
        model.add(objective >= lower_bound)
    model.minimize(objective)
    for (meeting_id, slot), var in slot_var.items():
        if hint and meeting_id in hint:
            model.add_hint(var, hint[meeting_id] == slot)
    solver = cp_model.CpSolver()
    solver.parameters.max_time_in_seconds = max(0.1, time_limit)
    solver.parameters.num_workers = workers
    solver.parameters.random_seed = seed
    status = solver.solve(model)
    seconds = time.monotonic() - started
    if status not in (cp_model.OPTIMAL, cp_model.FEASIBLE):
        name = "infeasible" if status == cp_model.INFEASIBLE else "unknown"
        return MeetingSchedule(name, MIN_BREAKS, {}, {}, None, None, {}, seconds=seconds)
    slots = {meeting_id: slot for (meeting_id, slot), var in slot_var.items() if solver.value(var)}
    breaks = breaks_per_participant(problem, slots)
    total = sum(breaks.values())
    bound = max(lower_bound, int(solver.best_objective_bound + 0.999))
    return MeetingSchedule(
        status="optimal" if bound >= total else "feasible",
        mode=MIN_BREAKS,
        slots=slots,
        tables={},
        objective=total,
        bound=min(bound, total),
        breaks=breaks,
        seconds=seconds,
    )
