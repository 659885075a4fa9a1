"""The aggregated model of an overloaded event: an upper bound and a selection of meetings.

Forget which slot a meeting takes and keep only whether it takes one: a 0/1
variable ``x_m`` per meeting ``m`` with at least one allowed slot, and

* (cap) ``sum_{m at p} x_m <= cap_p`` with ``cap_p = min(max_meetings[p], |S_p|)``,
  ``S_p`` the slots where ``p`` could meet any of their meetings;
* (person-set) for every participant ``p`` and every slot set ``A`` that is the
  allowed-slot set of one of ``p``'s meetings:
  ``sum_{m at p, allowed(m) subset of A} x_m <= |A|``;
* (tables-set) for every slot set ``A`` that is the allowed-slot set of some meeting:
  ``sum_{m: allowed(m) subset of A} x_m <= sum_{s in A} tables[s]``;
* (tables) ``sum_m x_m <= sum_s tables[s]``.

Validity (why the optimum of this program bounds every schedule): take any
schedule and set ``x_m = 1`` exactly for its scheduled meetings. A scheduled
meeting sits in one of its allowed slots. Participant ``p`` meets at most once
per slot, only in slots of ``S_p`` and at most ``max_meetings[p]`` times, so
(cap) holds. The meetings of ``p`` whose allowed slots lie in ``A`` sit in
pairwise different slots of ``A`` (``p`` attends all of them), so there are at
most ``|A|`` of them: (person-set). The meetings whose allowed slots lie in
``A`` all sit in slots of ``A`` and each slot ``s`` holds at most ``tables[s]``
meetings: (tables-set), and with ``A`` = all slots, (tables). So every schedule
is a feasible 0/1 point with the same weight; the integer optimum, and any
upper bound on it (the LP value, the dual bound of a branch-and-bound run),
is at least the weight of every schedule. Weights are integers, so the bound
is rounded down. ``tests/engine/test_meetings_overloaded.py`` checks it against
brute force on small events.

Without the slot structure the model is a weighted b-matching with side
constraints; its LP relaxation is almost integral on generated events (the
fractional part comes from odd cycles), so a short HiGHS branch-and-bound run
(:func:`scipy.optimize.milp`) returns both a selection (the incumbent) and a
tight bound. The selection is what the scheduler then tries to fit into slots
(:mod:`.weighted`).
"""

from __future__ import annotations

import math
import time
from collections import defaultdict
from dataclasses import dataclass

import numpy as np
from scipy.optimize import Bounds, LinearConstraint, linprog, milp
from scipy.sparse import coo_matrix

from sache.engine.meetings.problem import MeetingId, MeetingProblem, allowed_slots

__all__ = ["AggregatedSolution", "aggregated_rows", "solve_aggregated"]


@dataclass(frozen=True)
class AggregatedSolution:
    """Result of :func:`solve_aggregated`.

    ``bound`` is a proven upper bound on the weight of every schedule;
    ``selected`` the meetings of the best integer point found (empty when the
    solver found none in time); ``value`` its weight.
    """

    bound: int
    selected: frozenset[MeetingId]
    value: int
    seconds: float = 0.0


def aggregated_rows(
    problem: MeetingProblem, allowed: dict[MeetingId, list[int]] | None = None
) -> tuple[list[MeetingId], list[tuple[list[MeetingId], int]]]:
    """Variables and ``<=`` rows of the aggregated model (see the module docstring).

    Parameters
    ----------
    problem
        The event.
    allowed
        Allowed slots per meeting, computed when ``None``.

    Returns
    -------
    tuple
        The meeting ids with at least one allowed slot, and the rows as
        ``(meeting ids, right-hand side)``; rows that cannot bind are left out.

    Examples
    --------
    >>> from sache.engine.meetings.problem import Meeting
    >>> p = MeetingProblem(participants=3, slots=1, tables=1,
    ...     meetings=(Meeting(0, 0, 1), Meeting(1, 1, 2)))
    >>> aggregated_rows(p)
    ([0, 1], [([0, 1], 1), ([0, 1], 1)])
    """
    if allowed is None:
        allowed = {m.id: allowed_slots(problem, m) for m in problem.meetings}
    ids = [m.id for m in problem.meetings if allowed[m.id]]
    # Many meetings share one list object (or equal lists); build each frozenset once.
    frozen: dict[tuple[int, ...], frozenset[int]] = {}
    slot_set = {}
    for i in ids:
        key = tuple(allowed[i])
        if key not in frozen:
            frozen[key] = frozenset(key)
        slot_set[i] = frozen[key]
    by_person: dict[int, list[MeetingId]] = defaultdict(list)
    for meeting in problem.meetings:
        if meeting.id in slot_set:
            by_person[meeting.a].append(meeting.id)
            by_person[meeting.b].append(meeting.id)
    rows: list[tuple[list[MeetingId], int]] = []
    for person, mine in by_person.items():
        reachable = frozenset().union(*(slot_set[i] for i in mine))
        cap = min(problem.max_meetings.get(person, problem.slots), len(reachable))
        if cap < len(mine):
            rows.append((mine, cap))
        for subset in {slot_set[i] for i in mine}:
            if len(subset) >= cap:
                continue  # (cap) is at least as strong
            inside = [i for i in mine if slot_set[i] <= subset]
            if len(subset) < len(inside):
                rows.append((inside, len(subset)))
    by_set: dict[frozenset[int], list[MeetingId]] = defaultdict(list)
    for meeting_id in ids:
        by_set[slot_set[meeting_id]].append(meeting_id)
    everything = frozenset(range(problem.slots))
    mask = {subset: sum(1 << s for s in subset) for subset in by_set}
    inside_count = _confined_counts(problem.slots, by_set, mask)
    for subset in by_set:
        if subset == everything:
            continue  # the (tables) row below
        room = sum(problem.tables_in(s) for s in subset)
        if inside_count is not None and room >= inside_count[mask[subset]]:
            continue  # cannot bind; known without listing the meetings
        outside = ~mask[subset]
        inside = [i for other, group in by_set.items() if not mask[other] & outside for i in group]
        if room < len(inside):
            rows.append((inside, room))
    total = sum(problem.tables_in(s) for s in range(problem.slots))
    if total < len(ids):
        rows.append((list(ids), total))
    return ids, rows


def _confined_counts(slots: int, by_set: dict, mask: dict) -> np.ndarray | None:
    """Meetings whose allowed slots lie inside each slot mask (sum over subsets).

    ``None`` above 20 slots, where the table of ``2**slots`` counts is too big;
    then every (tables-set) row is checked by listing its meetings."""
    if slots > 20:
        return None
    counts = np.zeros(1 << slots, dtype=np.int64)
    for subset, group in by_set.items():
        counts[mask[subset]] += len(group)
    for bit in range(slots):
        # Add every mask without ``bit`` to the same mask with it.
        view = counts.reshape(-1, 2, 1 << bit)
        view[:, 1, :] += view[:, 0, :]
    return counts


def solve_aggregated(
    problem: MeetingProblem,
    *,
    time_limit: float = 10.0,
    integral: bool = True,
    allowed: dict[MeetingId, list[int]] | None = None,
    required: frozenset[MeetingId] | set[MeetingId] = frozenset(),
) -> AggregatedSolution:
    """Solve the aggregated model with HiGHS: a proven upper bound and a selection.

    Parameters
    ----------
    problem
        The event.
    time_limit
        Seconds for HiGHS; at the limit the dual bound of the search is returned.
    integral
        ``False`` solves only the LP relaxation (then ``selected`` holds the
        meetings at 1 in the LP optimum, a feasible point).
    allowed
        Allowed slots per meeting, computed when ``None``.
    required
        Meetings forced to 1 (published meetings that must stay). Then ``bound``
        holds only for schedules containing all of them; with none the program
        may be infeasible, and ``selected`` is empty.

    Returns
    -------
    AggregatedSolution
        ``bound`` is valid for every schedule of ``problem`` (module docstring).

    Examples
    --------
    >>> from sache.engine.meetings.problem import Meeting
    >>> p = MeetingProblem(participants=3, slots=1, tables=1,
    ...     meetings=(Meeting(0, 0, 1, weight=2), Meeting(1, 1, 2), Meeting(2, 0, 2)))
    >>> s = solve_aggregated(p)
    >>> s.bound, sorted(s.selected), s.value
    (2, [0], 2)
    """
    started = time.monotonic()
    ids, rows = aggregated_rows(problem, allowed)
    weight = {m.id: m.weight for m in problem.meetings}
    if not ids:
        return AggregatedSolution(bound=0, selected=frozenset(), value=0)
    # Meetings of weight <= 0 never raise the objective; keep them out of the model.
    column = {meeting_id: k for k, meeting_id in enumerate(ids)}
    cost = -np.array([weight[i] for i in ids], dtype=float)
    row_index, col_index, upper = [], [], []
    for k, (members, rhs) in enumerate(rows):
        row_index.extend([k] * len(members))
        col_index.extend(column[i] for i in members)
        upper.append(rhs)
    bounds = Bounds(
        np.array([1.0 if i in required else 0.0 for i in ids]),
        np.array([1.0 if weight[i] > 0 or i in required else 0.0 for i in ids]),
    )
    constraints = []
    if rows:
        matrix = coo_matrix(
            (np.ones(len(row_index)), (row_index, col_index)), shape=(len(rows), len(ids))
        ).tocsr()
        constraints = [LinearConstraint(matrix, -np.inf, np.array(upper, dtype=float))]
    positive = min(sum(max(w, 0) for w in weight.values()), _degree_bound(problem, ids))
    upper_rows = np.array(upper, dtype=float)
    lp = linprog(
        cost,
        A_ub=matrix if rows else None,
        b_ub=upper_rows if rows else None,
        bounds=np.column_stack([bounds.lb, bounds.ub]),
        method="highs",
        options={"time_limit": max(0.1, time_limit)},
    )
    bound = float(positive)
    x = None
    if lp.status == 0:
        duals = -lp.ineqlin.marginals if rows else np.zeros(0)
        bound = min(bound, _dual_bound(-cost, matrix if rows else None, upper_rows, duals, bounds))
        x = lp.x
    elif lp.status == 2:
        # Infeasible (only with ``required``): no selection, no schedule with all of them.
        return AggregatedSolution(
            bound=0, selected=frozenset(), value=0, seconds=time.monotonic() - started
        )
    fractional = x is None or bool(np.any(np.abs(x - np.round(x)) > 1e-6))
    if integral and fractional:
        result = milp(
            cost,
            constraints=constraints,
            integrality=np.ones(len(ids)),
            bounds=bounds,
            options={
                # The LP's ones are a fallback selection: branch and bound gets half at most.
                "time_limit": max(
                    0.1, min(0.5 * time_limit, time_limit - (time.monotonic() - started))
                ),
                "disp": False,
            },
        )
        dual = getattr(result, "mip_dual_bound", None)
        if dual is not None and np.isfinite(dual):
            bound = min(bound, -dual)
        if result.x is not None:
            x = result.x
        elif x is not None:
            # No incumbent in time: the LP's ones (rounding fractions up could break rows).
            x = np.where(x > 1 - 1e-6, 1.0, 0.0)
    # 1e-6: a certificate a hair below an integer because of rounding must not drop below it.
    bound_int = min(positive, int(np.floor(bound + 1e-6)))
    selected: frozenset[MeetingId] = frozenset()
    if x is not None:
        # A fractional LP point: only its ones (rounding fractions up could break rows).
        cut = 0.5 if integral else 1 - 1e-6
        selected = frozenset(i for i, v in zip(ids, x, strict=True) if v > cut)
    value = sum(weight[i] for i in selected)
    return AggregatedSolution(
        bound=bound_int, selected=selected, value=value, seconds=time.monotonic() - started
    )


def _degree_bound(problem: MeetingProblem, ids: list[MeetingId]) -> int:
    """A bound without any solver, for when HiGHS runs out of time.

    Every scheduled meeting is counted at both participants, and a participant
    keeps at most ``min(max_meetings, slots)`` meetings, so twice the weight of
    a schedule is at most the sum over participants of that many of their
    heaviest meetings; also, at most ``sum_s tables[s]`` meetings take place, so
    the weight is at most that many heaviest weights. Only meetings with an
    allowed slot (``ids``) count."""
    usable = set(ids)
    weights_of: dict[int, list[int]] = defaultdict(list)
    for meeting in problem.meetings:
        if meeting.id in usable and meeting.weight > 0:
            weights_of[meeting.a].append(meeting.weight)
            weights_of[meeting.b].append(meeting.weight)
    twice = 0
    for person, weights in weights_of.items():
        cap = min(problem.max_meetings.get(person, problem.slots), problem.slots)
        twice += sum(sorted(weights, reverse=True)[:cap])
    total_room = sum(problem.tables_in(s) for s in range(problem.slots))
    heaviest = sorted(m.weight for m in problem.meetings if m.id in usable and m.weight > 0)
    return min(twice // 2, sum(heaviest[::-1][:total_room]))


def _dual_bound(weight, matrix, upper, duals, bounds: Bounds) -> float:
    """Weak LP duality, evaluated from scratch so solver tolerances cannot inflate it.

    For ``max w.x`` subject to ``A x <= b`` and ``lb <= x <= ub`` every ``y >= 0``
    gives ``w.x = y.A x + (w - A^T y).x <= y.b + sum_m max((w - A^T y)_m ub_m,
    (w - A^T y)_m lb_m)``. Negative duals from the solver are clipped to 0, so the
    value is a bound whatever the duals are."""
    y = np.clip(duals, 0.0, None)
    reduced = np.asarray(weight, dtype=float)
    total = 0.0
    if matrix is not None:
        reduced = reduced - matrix.T @ y
        total = math.fsum(y * upper)
    return total + math.fsum(np.maximum(reduced * bounds.ub, reduced * bounds.lb))
