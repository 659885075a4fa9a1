"""Explain in words why every meeting cannot be scheduled.

Cheap counting arguments first (a meeting without any possible slot, a
participant with more meetings than possible slots, a session with more
meetings than tables), then relaxations solved by SAT: if dropping the fairness
constraint, the precedences or the fixed slots makes the event feasible, that
group of constraints is named as the cause.
"""

from __future__ import annotations

import dataclasses
import time
from collections import defaultdict

from sache.engine.meetings.problem import MeetingProblem, allowed_slots

__all__ = ["counting_reasons", "explain_infeasibility"]


def explain_infeasibility(problem: MeetingProblem, *, time_limit: float = 10.0) -> str:
    """One or more sentences naming the participants, slots or constraints at fault.

    Parameters
    ----------
    problem
        An event where not every meeting can be scheduled.
    time_limit
        Seconds for the SAT relaxations (0 skips them).

    Returns
    -------
    str
        The explanation; a generic sentence when no single cause is found.

    Examples
    --------
    >>> from sache.engine.meetings.problem import Meeting
    >>> p = MeetingProblem(participants=3, slots=1, tables=2,
    ...     meetings=(Meeting(0, 0, 1), Meeting(1, 0, 2)))
    >>> explain_infeasibility(p, time_limit=0)
    'participant 0 has 2 meetings but can meet only in 1 slot(s): [0].'
    """
    reasons = counting_reasons(problem)
    if reasons or time_limit <= 0:
        return " ".join(reasons) or "no schedule exists (no simple cause found)."
    deadline = time.monotonic() + time_limit
    relaxations = [
        (
            f"the fairness limit d={problem.fairness_d} cannot be met "
            "(some participant is forced to too many breaks compared with another).",
            dataclasses.replace(problem, fairness_d=None),
        ),
        (
            "the precedences cannot all be met together with the other constraints.",
            dataclasses.replace(problem, precedences=()),
        ),
        (
            "the fixed slots conflict with each other or with the other constraints.",
            dataclasses.replace(
                problem,
                meetings=tuple(dataclasses.replace(m, fixed_slot=None) for m in problem.meetings),
            ),
        ),
    ]
    for sentence, relaxed in relaxations:
        if relaxed == problem:
            continue
        if _is_feasible(relaxed, deadline) is True:
            return sentence
    return "no schedule exists: the constraints conflict as a whole (no single group is at fault)."


def _is_feasible(problem: MeetingProblem, deadline: float) -> bool | None:
    from pysat.solvers import Solver

    from sache.engine.meetings.breaks import BreaksEncoding, solve_until

    encoding = BreaksEncoding(problem)
    if encoding.empty_meetings:
        return False
    with Solver(name="g4", bootstrap_with=encoding.clauses) as solver:
        return solve_until(solver, [], deadline, budget=None)


def counting_reasons(problem: MeetingProblem) -> list[str]:
    """Infeasibility shown by counting alone (empty when counting shows nothing).

    A meeting without a possible slot, a participant with more meetings than
    slots where they can meet, a session with more meetings than table-slots.
    O(M S).

    Examples
    --------
    >>> from sache.engine.meetings.problem import Meeting
    >>> counting_reasons(MeetingProblem(participants=2, slots=1, tables=1,
    ...     meetings=(Meeting(0, 0, 1),)))
    []
    """
    reasons = []
    by_person: dict[int, list] = defaultdict(list)
    for meeting in problem.meetings:
        slots = allowed_slots(problem, meeting)
        if not slots:
            reasons.append(
                f"meeting {meeting.id} ({meeting.a}-{meeting.b}) has no possible slot "
                "(its session, fixed slot and the two participants' forbidden slots exclude all)."
            )
        by_person[meeting.a].append(slots)
        by_person[meeting.b].append(slots)
    for person, slot_lists in sorted(by_person.items()):
        union = sorted(set().union(*map(set, slot_lists)))
        if len(union) < len(slot_lists):
            reasons.append(
                f"participant {person} has {len(slot_lists)} meetings but can meet only in "
                f"{len(union)} slot(s): {union}."
            )
    for name, session_slots in problem.sessions.items():
        needed = sum(1 for m in problem.meetings if m.session == name)
        room = sum(problem.tables_in(slot) for slot in session_slots)
        if needed > room:
            reasons.append(f"session {name!r} has {needed} meetings but only {room} table-slots.")
    return reasons
