"""Meeting scheduler for matchmaking events (1:1 B2B meetings).

Inputs: participants ``0..P-1``, slots ``0..S-1`` in time order, ``tables[s]``
meetings per slot, meetings ``m = (a, b)`` with optional session, fixed slot and
integer weight, forbidden or available slots per participant, a maximum number
of meetings per participant, precedences between meetings, a fairness spread
``d`` and locked (published) meetings for incremental rescheduling.

Two objectives, chosen by ``MeetingProblem.mode`` (JSON field ``"mode"``):

* ``"min_breaks"`` -- every meeting is scheduled (one meeting per person per
  slot, tables, sessions, fixed and forbidden slots, precedences, fairness
  ``max_p breaks(p) - min_p breaks(p) <= d``) and the total number of breaks
  (gaps between consecutive meetings of a participant) is minimised: the B2B
  meeting scheduling problem of Bofill et al. (JAIR 2022). Solved exactly by a
  SAT encoding with bound search (:mod:`.breaks`); infeasibility is proven and
  explained (:mod:`.explain`).
* ``"max_weight"`` -- overloaded events: the total weight of scheduled meetings
  is maximised (availability, caps, tables), then breaks are minimised, with an
  LP upper bound that gives the optimality gap (:mod:`.weighted`).

Without ``"mode"`` in the JSON, inputs with weights, availability or caps are
overloaded events; the rest must schedule every meeting. Tables are assigned
afterwards (:mod:`.tables`). Both problems are NP-hard.

Command line: ``python -m sache.engine.meetings INPUT.json --out SCHEDULE.json
[--time-limit S]``.

References
----------
M. Bofill, J. Coll, M. Garcia, J. Giráldez-Cru, G. Pesant, J. Suy, M. Villaret,
"Constraint Solving Approaches to the Business-to-Business Meeting Scheduling
Problem", JAIR 74 (2022) 263-301.
"""

from __future__ import annotations

import dataclasses
import time

from sache.engine.meetings.breaks import sat_min_breaks_schedule
from sache.engine.meetings.cpsat import cpsat_min_breaks_schedule
from sache.engine.meetings.explain import explain_infeasibility
from sache.engine.meetings.problem import (
    MAX_WEIGHT,
    MIN_BREAKS,
    LockedMeeting,
    Meeting,
    MeetingProblem,
    MeetingSchedule,
    allowed_slots,
    breaks_per_participant,
    problem_from_dict,
    read_problem,
    schedule_to_dict,
    write_schedule,
)
from sache.engine.meetings.tables import assign_tables
from sache.engine.meetings.weighted import (
    greedy_meeting_schedule,
    local_search_weighted_schedule,
    weight_upper_bound,
)

__all__ = [
    "MAX_WEIGHT",
    "MIN_BREAKS",
    "LockedMeeting",
    "Meeting",
    "MeetingProblem",
    "MeetingSchedule",
    "allowed_slots",
    "assign_tables",
    "breaks_per_participant",
    "cpsat_min_breaks_schedule",
    "explain_infeasibility",
    "greedy_meeting_schedule",
    "local_search_weighted_schedule",
    "portfolio_min_breaks_schedule",
    "problem_from_dict",
    "read_problem",
    "sat_min_breaks_schedule",
    "schedule_meetings",
    "schedule_to_dict",
    "weight_upper_bound",
    "write_schedule",
]


def portfolio_min_breaks_schedule(
    problem: MeetingProblem, *, time_limit: float = 60.0, seed: int = 0
) -> MeetingSchedule:
    """SAT search (bound search plus SAT-based repair moves); CP-SAT only if it found nothing.

    Parameters
    ----------
    problem
        The event (every meeting must be scheduled).
    time_limit
        Seconds in total.
    seed
        CP-SAT random seed.

    Returns
    -------
    MeetingSchedule
        The better of both schedules, with the larger proven lower bound.

    Notes
    -----
    Measured on the JAIR instances (bench/meetings/README.md): with the busy-count
    table constraint and the no-break block constraint the SAT search proves
    bounds and finds optima that CP-SAT on the same model did not (forum-13crafc:
    CP-SAT 42 breaks after 60 s on the SAT encoding), so it gets the whole time.

    Examples
    --------
    >>> p = MeetingProblem(participants=2, slots=2, tables=1, meetings=(Meeting(0, 0, 1),))
    >>> portfolio_min_breaks_schedule(p, time_limit=5).objective
    0
    """
    started = time.monotonic()
    # With published meetings the search prefers their slots (solver phases); the
    # bound worker's schedules know nothing of them, so it only runs on new events.
    first = sat_min_breaks_schedule(
        problem, time_limit=time_limit, seed=seed, bound_worker=not problem.locked
    )
    if first.status != "unknown":
        return first
    # The SAT search found no schedule in time: CP-SAT gets what is left, if anything
    # (it used to get at least 1 s, past the limit).
    remaining = time_limit - (time.monotonic() - started)
    if remaining < 1.0:
        return first
    second = cpsat_min_breaks_schedule(
        problem,
        time_limit=remaining,
        seed=seed,
        lower_bound=first.bound or 0,
        hint={lock.meeting: lock.slot for lock in problem.locked} or None,
    )
    if second.status == "infeasible":
        # Proven by CP-SAT after the SAT search ran out of time: no time left for relaxations.
        explanation = explain_infeasibility(problem, time_limit=0)
        return dataclasses.replace(
            second, explanation=explanation, seconds=time.monotonic() - started
        )
    candidates = [r for r in (first, second) if r.objective is not None]
    if not candidates:
        return first
    best = min(candidates, key=lambda r: r.objective)
    bound = max(r.bound or 0 for r in (first, second))
    status = "optimal" if bound >= best.objective else "feasible"
    return dataclasses.replace(best, bound=bound, status=status, seconds=time.monotonic() - started)


def schedule_meetings(
    problem: MeetingProblem, *, time_limit: float = 60.0, seed: int = 0
) -> MeetingSchedule:
    """Schedule an event with the objective of ``problem.mode`` and assign tables.

    Parameters
    ----------
    problem
        The event. In incremental mode ``problem.locked`` holds the published
        meetings: without ``allow_moves`` they keep their slot and table.
    time_limit
        Seconds for the search; the best schedule found is returned at the limit.
    seed
        Seed of the randomised parts (results are deterministic for a seed).

    Returns
    -------
    MeetingSchedule
        Slots and tables per meeting, objective and bound, status, breaks per
        participant, unscheduled meetings with reasons, explanation if infeasible.

    Notes
    -----
    ``min_breaks`` treats locked meetings as fixed slots unless moves are
    allowed; then their published slots are the preferred values of both
    solvers (moves are avoided where it costs nothing, not minimised).
    ``max_weight`` places them first and never drops them.

    Examples
    --------
    >>> p = MeetingProblem(participants=3, slots=3, tables=1,
    ...     meetings=(Meeting("x", 0, 1), Meeting("y", 2, 0)), fairness_d=2)
    >>> result = schedule_meetings(p, time_limit=5)
    >>> result.status, result.objective, sorted(result.tables.values())
    ('optimal', 0, [0, 0])
    """
    started = time.monotonic()
    locked_slot = {lock.meeting: lock.slot for lock in problem.locked}
    locked_table = {lock.meeting: lock.table for lock in problem.locked if lock.table is not None}
    if not problem.allow_moves and locked_slot:
        problem_to_solve = dataclasses.replace(
            problem,
            meetings=tuple(
                dataclasses.replace(m, fixed_slot=locked_slot[m.id]) if m.id in locked_slot else m
                for m in problem.meetings
            ),
        )
    else:
        problem_to_solve = problem
    if problem.mode == MAX_WEIGHT:
        result = local_search_weighted_schedule(problem_to_solve, time_limit=time_limit, seed=seed)
    else:
        result = portfolio_min_breaks_schedule(problem_to_solve, time_limit=time_limit, seed=seed)
    kept_tables = {
        meeting_id: table
        for meeting_id, table in locked_table.items()
        if result.slots.get(meeting_id) == locked_slot.get(meeting_id)
    }
    tables = assign_tables(problem, result.slots, locked_tables=kept_tables)
    return dataclasses.replace(result, tables=tables, seconds=time.monotonic() - started)
