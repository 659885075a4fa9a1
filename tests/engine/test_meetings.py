"""Tests of the meeting scheduler: brute force on small events, invariants, incremental mode."""

import dataclasses
import itertools
import json

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from sache.engine.meetings import (
    MAX_WEIGHT,
    LockedMeeting,
    Meeting,
    MeetingProblem,
    allowed_slots,
    assign_tables,
    breaks_per_participant,
    explain_infeasibility,
    greedy_meeting_schedule,
    local_search_weighted_schedule,
    problem_from_dict,
    sat_min_breaks_schedule,
    schedule_meetings,
    weight_upper_bound,
)
from sache.engine.meetings.__main__ import main
from sache.engine.meetings.breaks import reduced_domains

pytestmark = pytest.mark.unit


def _valid(problem, slots, *, require_all):
    """Every hard constraint of both modes, written independently of the engine."""
    if require_all and set(slots) != {m.id for m in problem.meetings}:
        return False
    seen = set()
    per_slot = {}
    count = {}
    for meeting in problem.meetings:
        if meeting.id not in slots:
            continue
        slot = slots[meeting.id]
        if slot not in allowed_slots(problem, meeting):
            return False
        for person in (meeting.a, meeting.b):
            if (person, slot) in seen:
                return False
            seen.add((person, slot))
            count[person] = count.get(person, 0) + 1
        per_slot[slot] = per_slot.get(slot, 0) + 1
    if any(n > problem.tables_in(s) for s, n in per_slot.items()):
        return False
    if any(n > problem.max_meetings.get(p, problem.slots) for p, n in count.items()):
        return False
    for before, after in problem.precedences:
        if before in slots and after in slots and not slots[before] < slots[after]:
            return False
    if require_all and problem.fairness_d is not None:
        breaks = breaks_per_participant(problem, slots).values()
        if max(breaks) - min(breaks) > problem.fairness_d:
            return False
    return True


def _brute_min_breaks(problem):
    ids = [m.id for m in problem.meetings]
    best = None
    for combo in itertools.product(range(problem.slots), repeat=len(ids)):
        slots = dict(zip(ids, combo, strict=True))
        if _valid(problem, slots, require_all=True):
            total = sum(breaks_per_participant(problem, slots).values())
            best = total if best is None else min(best, total)
    return best


def _brute_max_weight(problem):
    ids = [m.id for m in problem.meetings]
    weight = {m.id: m.weight for m in problem.meetings}
    best = 0
    for combo in itertools.product(range(-1, problem.slots), repeat=len(ids)):
        slots = {i: s for i, s in zip(ids, combo, strict=True) if s >= 0}
        if _valid(problem, slots, require_all=False):
            best = max(best, sum(weight[i] for i in slots))
    return best


@st.composite
def small_events(draw, max_meetings=5, max_slots=4):
    people = draw(st.integers(2, 5))
    slots = draw(st.integers(1, max_slots))
    pairs = [(a, b) for a in range(people) for b in range(a + 1, people)]
    chosen = draw(st.lists(st.sampled_from(pairs), min_size=1, max_size=max_meetings, unique=True))
    meetings = tuple(
        Meeting(i, a, b, weight=draw(st.integers(1, 3))) for i, (a, b) in enumerate(chosen)
    )
    forbidden = {
        p: frozenset(draw(st.sets(st.integers(0, slots - 1), max_size=1))) for p in range(people)
    }
    return MeetingProblem(
        participants=people,
        slots=slots,
        tables=draw(st.integers(1, 3)),
        meetings=meetings,
        forbidden_slots=forbidden,
        fairness_d=draw(st.sampled_from([None, 0, 1, 2])),
    )


def test_min_breaks_chain_has_no_break():
    problem = MeetingProblem(
        participants=4,
        slots=4,
        tables=1,
        meetings=(Meeting(0, 0, 1), Meeting(1, 1, 2), Meeting(2, 2, 3)),
        fairness_d=2,
    )
    result = sat_min_breaks_schedule(problem, time_limit=10)
    assert (result.status, result.objective, result.bound) == ("optimal", 0, 0)
    assert _valid(problem, result.slots, require_all=True)


def test_min_breaks_forced_break_from_forbidden_slot():
    # Participant 0 meets twice in three slots but cannot meet in the middle one.
    problem = MeetingProblem(
        participants=3,
        slots=3,
        tables=2,
        meetings=(Meeting(0, 0, 1), Meeting(1, 0, 2)),
        forbidden_slots={0: frozenset({1}), 1: frozenset({1}), 2: frozenset({1})},
        fairness_d=2,
    )
    result = sat_min_breaks_schedule(problem, time_limit=10)
    assert (result.status, result.objective, result.breaks) == ("optimal", 1, {0: 1, 1: 0, 2: 0})


def test_min_breaks_precedence_and_session_respected():
    problem = MeetingProblem(
        participants=3,
        slots=4,
        tables=1,
        meetings=(Meeting(0, 0, 1, session="pm"), Meeting(1, 0, 2)),
        sessions={"am": (0, 1), "pm": (2, 3)},
        precedences=((0, 1),),
        fairness_d=2,
    )
    result = sat_min_breaks_schedule(problem, time_limit=10)
    assert (result.status, result.objective, result.slots) == ("optimal", 0, {0: 2, 1: 3})


def test_min_breaks_infeasible_is_explained():
    problem = MeetingProblem(
        participants=3, slots=1, tables=2, meetings=(Meeting(0, 0, 1), Meeting(1, 0, 2))
    )
    result = schedule_meetings(problem, time_limit=10)
    assert (result.status, result.slots, result.explanation) == (
        "infeasible",
        {},
        "participant 0 has 2 meetings but can meet only in 1 slot(s): [0].",
    )


def test_explanation_names_fairness_when_it_is_the_cause():
    # 0 must meet 1 and 2 around a forbidden slot (one break); 3-4 meet once (0 breaks).
    problem = MeetingProblem(
        participants=5,
        slots=3,
        tables=2,
        meetings=(Meeting(0, 0, 1), Meeting(1, 0, 2), Meeting(2, 3, 4)),
        forbidden_slots={0: frozenset({1})},
        fairness_d=0,
    )
    assert sat_min_breaks_schedule(problem, time_limit=10).status == "infeasible"
    assert explain_infeasibility(problem, time_limit=10).startswith("the fairness limit d=0")


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(small_events())
def test_min_breaks_matches_brute_force(problem):
    expected = _brute_min_breaks(problem)
    result = sat_min_breaks_schedule(problem, time_limit=10)
    if expected is None:
        assert result.status == "infeasible"
    else:
        assert (result.status, result.objective) == ("optimal", expected)
        assert _valid(problem, result.slots, require_all=True)


@st.composite
def constrained_events(draw):
    """Small events with precedences and fixed slots as well (both filter domains)."""
    base = draw(small_events(max_meetings=5, max_slots=4))
    ids = [m.id for m in base.meetings]
    precedences = draw(
        st.lists(
            st.tuples(st.sampled_from(ids), st.sampled_from(ids)).filter(lambda t: t[0] != t[1]),
            max_size=2,
            unique=True,
        )
    )
    fixed = draw(st.dictionaries(st.sampled_from(ids), st.integers(0, base.slots - 1), max_size=2))
    meetings = tuple(dataclasses.replace(m, fixed_slot=fixed.get(m.id)) for m in base.meetings)
    return dataclasses.replace(base, meetings=meetings, precedences=tuple(precedences))


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(constrained_events())
def test_min_breaks_with_precedences_and_fixed_slots_matches_brute_force(problem):
    expected = _brute_min_breaks(problem)
    result = sat_min_breaks_schedule(problem, time_limit=10)
    if expected is None:
        assert result.status == "infeasible"
    else:
        assert (result.status, result.objective) == ("optimal", expected)
        assert _valid(problem, result.slots, require_all=True)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(constrained_events())
def test_reduced_domains_keep_every_schedule(problem):
    domains = reduced_domains(problem)
    ids = [m.id for m in problem.meetings]
    for combo in itertools.product(range(problem.slots), repeat=len(ids)):
        slots = dict(zip(ids, combo, strict=True))
        if _valid(problem, slots, require_all=True):
            assert all(slots[i] in domains[i] for i in ids), (slots, domains)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(small_events(max_meetings=5, max_slots=3))
def test_max_weight_between_greedy_and_bound_and_brute_force(problem):
    problem = dataclasses.replace(problem, mode=MAX_WEIGHT)
    best = _brute_max_weight(problem)
    ours = schedule_meetings(problem, time_limit=2)
    greedy = greedy_meeting_schedule(problem)
    assert _valid(problem, ours.slots, require_all=False)
    assert _valid(problem, greedy.slots, require_all=False)
    assert ours.objective <= best <= ours.bound
    assert greedy.objective <= best


def test_max_weight_hand_instance_optimal_and_reasons():
    # One slot, one table: the heavier of three conflicting meetings wins.
    problem = MeetingProblem(
        participants=4,
        slots=1,
        tables=1,
        mode=MAX_WEIGHT,
        meetings=(Meeting(0, 0, 1), Meeting(1, 2, 3, weight=5), Meeting(2, 0, 3, weight=2)),
        max_meetings={0: 1},
    )
    result = local_search_weighted_schedule(problem, time_limit=1)
    assert (result.objective, result.bound, result.status, result.slots) == (
        5,
        5,
        "optimal",
        {1: 0},
    )
    assert set(result.unscheduled) == {0, 2}


def test_weight_upper_bound_counts_caps_and_tables():
    problem = MeetingProblem(
        participants=4,
        slots=2,
        tables=1,
        meetings=tuple(
            Meeting(i, a, b) for i, (a, b) in enumerate([(0, 1), (2, 3), (0, 2), (1, 3)])
        ),
    )
    assert weight_upper_bound(problem) == 2


def test_max_weight_beats_first_come_first_served():
    # FCFS books 0-1 in slot 0 first, which blocks both heavier meetings.
    problem = MeetingProblem(
        participants=3,
        slots=1,
        tables=2,
        mode=MAX_WEIGHT,
        meetings=(Meeting(0, 0, 1), Meeting(1, 0, 2, weight=3)),
    )
    assert greedy_meeting_schedule(problem).objective == 1
    assert schedule_meetings(problem, time_limit=1).objective == 3


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(small_events(max_meetings=6, max_slots=4), st.booleans(), st.data())
def test_schedules_never_double_book_or_exceed_tables(problem, overloaded, data):
    if overloaded:
        problem = dataclasses.replace(problem, mode=MAX_WEIGHT)
    result = schedule_meetings(problem, time_limit=5)
    if result.status == "infeasible":
        assert (result.slots, result.tables) == ({}, {})
        return
    assert _valid(problem, result.slots, require_all=not overloaded)
    per_slot_tables = {}
    for meeting_id, slot in result.slots.items():
        per_slot_tables.setdefault(slot, []).append(result.tables[meeting_id])
    for slot, tables in per_slot_tables.items():
        assert len(tables) == len(set(tables))
        assert all(0 <= t < problem.tables_in(slot) for t in tables)


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(small_events(max_meetings=6, max_slots=4), st.booleans(), st.data())
def test_incremental_mode_never_moves_locked_meetings(problem, overloaded, data):
    problem = dataclasses.replace(
        problem, fairness_d=None, mode=MAX_WEIGHT if overloaded else "min_breaks"
    )
    first = schedule_meetings(problem, time_limit=5)
    if not first.slots:
        return
    chosen = data.draw(st.sets(st.sampled_from(sorted(first.slots)), min_size=1))
    locked = tuple(LockedMeeting(i, first.slots[i], first.tables[i]) for i in sorted(chosen))
    # A cancellation (first meeting dropped unless locked) and a late request.
    kept = tuple(m for m in problem.meetings if m.id in chosen or m.id != problem.meetings[0].id)
    late = Meeting(99, 0, problem.participants - 1)
    changed = dataclasses.replace(problem, meetings=(*kept, late), locked=locked)
    second = schedule_meetings(changed, time_limit=5)
    if second.status == "infeasible":
        return
    for lock in locked:
        assert (second.slots[lock.meeting], second.tables[lock.meeting]) == (lock.slot, lock.table)


def test_assign_tables_keeps_a_participant_seated():
    problem = MeetingProblem(
        participants=4,
        slots=2,
        tables=2,
        meetings=(Meeting(0, 0, 1), Meeting(1, 2, 3), Meeting(2, 3, 0), Meeting(3, 1, 2)),
    )
    tables = assign_tables(problem, {0: 0, 1: 0, 2: 1, 3: 1})
    assert tables == {0: 0, 1: 1, 2: 1, 3: 0}


def test_problem_from_dict_picks_mode():
    base = {"participants": 2, "slots": 2, "tables": 1, "meetings": [{"id": 0, "a": 0, "b": 1}]}
    assert problem_from_dict(base).mode == "min_breaks"
    assert problem_from_dict({**base, "max_meetings": {"0": 1}}).mode == MAX_WEIGHT
    with_weight = {**base, "meetings": [{"id": 0, "a": 0, "b": 1, "weight": 2}]}
    assert problem_from_dict(with_weight).mode == MAX_WEIGHT
    assert problem_from_dict({**with_weight, "mode": "min_breaks"}).mode == "min_breaks"


def test_command_line_writes_schedule(tmp_path, capsys):
    event = {
        "participants": 3,
        "slots": 3,
        "tables": 1,
        "sessions": {"am": [0, 1], "pm": [2]},
        "meetings": [{"id": 0, "a": 0, "b": 1, "session": "am"}, {"id": 1, "a": 0, "b": 2}],
        "forbidden_slots": {"2": [0, 2]},
        "precedences": [],
        "fairness_d": 2,
    }
    source = tmp_path / "event.json"
    source.write_text(json.dumps(event))
    target = tmp_path / "schedule.json"
    assert main([str(source), "--out", str(target), "--time-limit", "5"]) == 0
    written = json.loads(target.read_text())
    assert (written["status"], written["objective"], written["bound"]) == ("optimal", 0, 0)
    assert written["slots"] == {"0": 0, "1": 1}
    assert written["tables"] == {"0": 0, "1": 0}
    assert capsys.readouterr().out.startswith("status=optimal mode=min_breaks objective=0 bound=0")


def test_same_seed_same_schedule():
    problem = MeetingProblem(
        participants=6,
        slots=3,
        tables=2,
        mode=MAX_WEIGHT,
        meetings=tuple(
            Meeting(i, a, b, weight=1 + i % 3)
            for i, (a, b) in enumerate(itertools.combinations(range(6), 2))
        ),
    )
    first = schedule_meetings(problem, time_limit=1, seed=3)
    second = schedule_meetings(problem, time_limit=1, seed=3)
    assert (first.slots, first.tables) == (second.slots, second.tables)
