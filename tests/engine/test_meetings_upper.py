"""Tests of the upper-bound side of the break search: repair moves (lns) and the CaDiCaL target."""

import time

import pytest
from hypothesis import HealthCheck, given, settings

from sache.engine.meetings import Meeting, MeetingProblem, breaks_per_participant
from sache.engine.meetings.breaks import BreaksEncoding
from sache.engine.meetings.lns import BreakRepair
from sache.engine.meetings.target import TargetSolver
from tests.engine.test_meetings import _brute_min_breaks, _valid, small_events

pytestmark = pytest.mark.unit


def _all_breaks(encoding):
    return [lit for lits in encoding.break_lits.values() for lit in lits]


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(small_events(max_meetings=5, max_slots=5))
def test_target_finds_the_optimum_and_proves_nothing_below(problem):
    expected = _brute_min_breaks(problem)
    encoding = BreaksEncoding(problem)
    if expected is None or encoding.empty_meetings:
        return
    target = TargetSolver(encoding.clauses, _all_breaks(encoding), encoding.pool.top)
    try:
        deadline = time.monotonic() + 30
        assert target.solve(expected, 10**6, deadline) is True
        slots = encoding.read_slots(target.model())
        assert _valid(problem, slots, require_all=True)
        assert sum(breaks_per_participant(problem, slots).values()) <= expected
        if expected > 0:
            assert target.solve(expected - 1, 10**6, deadline) is False
    finally:
        target.close()


def test_target_gives_up_at_the_deadline():
    problem = MeetingProblem(
        participants=3, slots=3, tables=1, meetings=(Meeting(0, 0, 1), Meeting(1, 0, 2))
    )
    encoding = BreaksEncoding(problem)
    target = TargetSolver(encoding.clauses, _all_breaks(encoding), encoding.pool.top)
    try:
        assert target.solve(0, 10**6, time.monotonic() - 1) is None
    finally:
        target.close()


def _worst_first(problem):
    """The encoding, a solver with the break totalizer (as the search sets them up), a schedule."""
    from pysat.card import ITotalizer
    from pysat.solvers import Solver

    encoding = BreaksEncoding(problem)
    lits = _all_breaks(encoding)
    solver = Solver(name="g4", bootstrap_with=encoding.clauses)
    totalizer = ITotalizer(lits=lits, ubound=len(lits), top_id=encoding.pool.top)
    solver.append_formula(totalizer.cnf.clauses)
    assert solver.solve()
    slots = encoding.read_slots(solver.get_model())

    def at_most(k):
        return [-totalizer.rhs[k]] if k < len(totalizer.rhs) else []

    return encoding, solver, at_most, slots


def _chain_problem():
    # Two people meet the four others; 8 slots, 2 tables; a schedule without breaks exists.
    meetings = [Meeting(i, 0, i + 2) for i in range(4)] + [
        Meeting(4 + i, 1, i + 2) for i in range(4)
    ]
    return MeetingProblem(participants=6, slots=8, tables=2, meetings=tuple(meetings))


# Participants 0 and 1 meet every other slot: 3 breaks each.
_SPREAD = {0: 0, 1: 2, 2: 4, 3: 6, 4: 1, 5: 3, 6: 5, 7: 7}


def test_repair_moves_reach_the_optimum_and_keep_schedules_valid():
    problem = _chain_problem()
    encoding, solver, at_most, _ = _worst_first(problem)
    best = dict(_SPREAD)
    assert _valid(problem, best, require_all=True)
    upper = sum(breaks_per_participant(problem, best).values())
    assert upper == 6
    repair = BreakRepair(problem, encoding, solver, at_most, seed=1)
    repair.set_incumbent(best)
    best, upper = repair.improve(best, upper, 0, time.monotonic() + 30)
    assert _valid(problem, best, require_all=True)
    assert upper == sum(breaks_per_participant(problem, best).values()) == 0
    solver.delete()


def test_repair_moves_are_deterministic_for_a_seed():
    runs = []
    for _ in range(2):
        problem = _chain_problem()
        encoding, solver, at_most, _ = _worst_first(problem)
        best = dict(_SPREAD)
        upper = sum(breaks_per_participant(problem, best).values())
        repair = BreakRepair(problem, encoding, solver, at_most, seed=7)
        repair.set_incumbent(best)
        runs.append((repair.improve(best, upper, 0, time.monotonic() + 30), repair.moves))
        solver.delete()
    assert runs[0] == runs[1]


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(small_events(max_meetings=5, max_slots=5))
def test_repair_moves_never_make_the_schedule_worse(problem):
    encoding = BreaksEncoding(problem)
    if encoding.empty_meetings or _brute_min_breaks(problem) is None:
        return
    encoding, solver, at_most, best = _worst_first(problem)
    start = sum(breaks_per_participant(problem, best).values())
    repair = BreakRepair(problem, encoding, solver, at_most, seed=0)
    best, upper = repair.improve(best, start, 0, time.monotonic() + 2)
    assert _valid(problem, best, require_all=True)
    assert upper == sum(breaks_per_participant(problem, best).values()) <= start
    solver.delete()
