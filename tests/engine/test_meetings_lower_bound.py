"""Exact bound search of the meeting scheduler (sache.engine.meetings.lower_bound)."""

import itertools
import time

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from sache.engine.meetings import Meeting, MeetingProblem, breaks_per_participant
from sache.engine.meetings import breaks as breaks_module
from sache.engine.meetings.breaks import sat_min_breaks_schedule
from sache.engine.meetings.lower_bound import BoundWorker, exact_bound_steps

pytestmark = pytest.mark.unit


def _brute_min_breaks(problem):
    """Fewest breaks over every assignment (independent of the engine); None if infeasible."""
    ids = [m.id for m in problem.meetings]
    best = None
    for combo in itertools.product(range(problem.slots), repeat=len(ids)):
        slots = dict(zip(ids, combo, strict=True))
        busy = set()
        ok = True
        for meeting in problem.meetings:
            slot = slots[meeting.id]
            if slot in problem.forbidden_slots.get(meeting.a, ()) or slot in (
                problem.forbidden_slots.get(meeting.b, ())
            ):
                ok = False
            if meeting.fixed_slot is not None and slot != meeting.fixed_slot:
                ok = False
            for person in (meeting.a, meeting.b):
                ok = ok and (person, slot) not in busy
                busy.add((person, slot))
        per_slot = [list(slots.values()).count(s) for s in range(problem.slots)]
        ok = ok and all(n <= problem.tables_in(s) for s, n in enumerate(per_slot))
        if not ok:
            continue
        breaks = breaks_per_participant(problem, slots).values()
        if problem.fairness_d is not None and max(breaks) - min(breaks) > problem.fairness_d:
            continue
        best = sum(breaks) if best is None else min(best, sum(breaks))
    return best


def _forced_breaks() -> MeetingProblem:
    # Participant 0 meets 1 in slot 0 and 2 in slot 2 (fixed): one break, no way round it;
    # with 3 in slot 4 as well, two breaks.
    return MeetingProblem(
        participants=4,
        slots=5,
        tables=1,
        meetings=(
            Meeting("a", 0, 1, fixed_slot=0),
            Meeting("b", 0, 2, fixed_slot=2),
            Meeting("c", 0, 3, fixed_slot=4),
        ),
        fairness_d=None,
    )


def test_steps_refute_every_smaller_bound_then_give_an_optimal_schedule():
    answers = []
    exact_bound_steps(_forced_breaks(), 0, answers.append)
    assert [a[:2] for a in answers] == [("unsat", 0), ("unsat", 1), ("sat", 2)]
    assert answers[-1][2] == {"a": 0, "b": 2, "c": 4}


def test_steps_skip_what_the_caller_proved():
    answers = []
    exact_bound_steps(_forced_breaks(), 0, answers.append, proven=lambda: 2)
    assert [a[:2] for a in answers] == [("sat", 2)]


@st.composite
def small_events(draw):
    people = draw(st.integers(2, 4))
    slots = draw(st.integers(2, 4))
    pairs = [(a, b) for a in range(people) for b in range(a + 1, people)]
    chosen = draw(st.lists(st.sampled_from(pairs), min_size=1, max_size=4, unique=True))
    forbidden = {
        p: frozenset(draw(st.sets(st.integers(0, slots - 1), max_size=1))) for p in range(people)
    }
    return MeetingProblem(
        participants=people,
        slots=slots,
        tables=draw(st.integers(1, 2)),
        meetings=tuple(Meeting(i, a, b) for i, (a, b) in enumerate(chosen)),
        forbidden_slots=forbidden,
        fairness_d=draw(st.sampled_from([None, 0, 1, 2])),
    )


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(small_events())
def test_steps_match_brute_force(problem):
    expected = _brute_min_breaks(problem)
    answers = []
    if expected is None:
        # Infeasible: every bound up to the number of break literals is refuted.
        exact_bound_steps(problem, 0, answers.append)
        assert answers and all(a[0] == "unsat" for a in answers)
        return
    exact_bound_steps(problem, 0, answers.append)
    assert [a[0] for a in answers] == ["unsat"] * expected + ["sat"]
    slots = answers[-1][2]
    assert sum(breaks_per_participant(problem, slots).values()) == expected


def test_worker_process_answers_and_stops():
    worker = BoundWorker(_forced_breaks()).start()
    try:
        deadline = time.monotonic() + 60
        while not worker.done and time.monotonic() < deadline:
            worker.poll(timeout=0.5)
        assert worker.done
        assert worker.lower == 2
        assert worker.slots == {"a": 0, "b": 2, "c": 4}
    finally:
        worker.stop()
    assert worker._process is None
    worker.stop()  # idempotent


def test_worker_is_killed_at_stop_even_while_solving():
    # Many meetings, few slots: the child is still busy when stopped.
    meetings = tuple(
        Meeting(i, a, b) for i, (a, b) in enumerate(itertools.combinations(range(9), 2))
    )
    problem = MeetingProblem(participants=9, slots=12, tables=3, meetings=meetings)
    worker = BoundWorker(problem).start()
    process = worker._process
    time.sleep(0.2)
    started = time.monotonic()
    worker.stop()
    assert process.poll() is not None
    assert time.monotonic() - started < 5


def _with_worker_forced(monkeypatch):
    """Make the first SAT call (the no-break call) give no answer, so the worker starts.

    On the benchmark it starts only when 10,000 conflicts give no answer; small events
    never get there. Returns the list of started workers.
    """
    started = []
    calls = []
    real_solve, real_start = breaks_module.solve_until, BoundWorker.start

    def solve_until(*args, **kwargs):
        calls.append(1)
        return None if len(calls) == 1 else real_solve(*args, **kwargs)

    def start(self):
        started.append(self)
        return real_start(self)

    monkeypatch.setattr(breaks_module, "solve_until", solve_until)
    monkeypatch.setattr(BoundWorker, "start", start)
    return started


@settings(max_examples=8, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(small_events())
def test_search_with_the_worker_started_matches_brute_force(problem):
    with pytest.MonkeyPatch.context() as monkeypatch:
        started = _with_worker_forced(monkeypatch)
        result = sat_min_breaks_schedule(problem, time_limit=20)
    # Not started only when counting arguments prove infeasibility before any SAT call.
    assert len(started) <= 1
    assert all(worker._process is None for worker in started)  # stopped at the end
    expected = _brute_min_breaks(problem)
    if expected is None:
        assert result.status == "infeasible"
    else:
        assert (result.status, result.objective, result.bound) == ("optimal", expected, expected)
        assert sum(breaks_per_participant(problem, result.slots).values()) == expected


def test_search_with_the_worker_on_forced_breaks(monkeypatch):
    started = _with_worker_forced(monkeypatch)
    result = sat_min_breaks_schedule(_forced_breaks(), time_limit=20)
    assert len(started) == 1
    assert (result.status, result.objective, result.bound) == ("optimal", 2, 2)
