"""Overloaded events: the aggregated upper bound against brute force, Kempe chains, breaks."""

import dataclasses
import itertools
import random

import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from sache.engine.meetings import (
    MAX_WEIGHT,
    Meeting,
    MeetingProblem,
    allowed_slots,
    assign_tables,
    breaks_per_participant,
    schedule_meetings,
    weight_upper_bound,
)
from sache.engine.meetings.aggregate import _degree_bound, aggregated_rows, solve_aggregated
from sache.engine.meetings.weighted import (
    _all_allowed_slots,
    _breaks_of,
    _Grid,
    _reduce_breaks,
    local_search_weighted_schedule,
)

pytestmark = pytest.mark.unit


def _valid(problem, slots):
    """Hard constraints of the overloaded mode, written without engine code."""
    seen = set()
    per_slot = {}
    count = {}
    for meeting in problem.meetings:
        if meeting.id not in slots:
            continue
        slot = slots[meeting.id]
        if meeting.fixed_slot is not None and slot != meeting.fixed_slot:
            return False
        if meeting.session != "any" and slot not in problem.sessions[meeting.session]:
            return False
        for person in (meeting.a, meeting.b):
            if slot in problem.forbidden_slots.get(person, ()):
                return False
            if person in problem.available_slots and slot not in problem.available_slots[person]:
                return False
            if (person, slot) in seen:
                return False
            seen.add((person, slot))
            count[person] = count.get(person, 0) + 1
        per_slot[slot] = per_slot.get(slot, 0) + 1
    if any(n > problem.tables_in(s) for s, n in per_slot.items()):
        return False
    return all(n <= problem.max_meetings.get(p, problem.slots) for p, n in count.items())


def _brute_max_weight(problem):
    ids = [m.id for m in problem.meetings]
    weight = {m.id: m.weight for m in problem.meetings}
    best = 0
    for combo in itertools.product(range(-1, problem.slots), repeat=len(ids)):
        slots = {i: s for i, s in zip(ids, combo, strict=True) if s >= 0}
        if _valid(problem, slots):
            best = max(best, sum(weight[i] for i in slots))
    return best


@st.composite
def overloaded_events(draw, max_meetings=6, max_slots=4):
    """Small events with availability, caps, per-slot tables, sessions and fixed slots."""
    people = draw(st.integers(2, 5))
    slots = draw(st.integers(1, max_slots))
    pairs = [(a, b) for a in range(people) for b in range(a + 1, people)]
    chosen = draw(st.lists(st.sampled_from(pairs), min_size=1, max_size=max_meetings, unique=True))
    sessions = {"am": tuple(range((slots + 1) // 2))}
    meetings = tuple(
        Meeting(
            i,
            a,
            b,
            weight=draw(st.integers(1, 4)),
            session=draw(st.sampled_from(["any", "any", "am"])),
            fixed_slot=draw(st.sampled_from([None, None, None, 0])),
        )
        for i, (a, b) in enumerate(chosen)
    )
    subsets = st.frozensets(st.integers(0, slots - 1), max_size=slots)
    available = draw(st.dictionaries(st.integers(0, people - 1), subsets, max_size=2))
    forbidden = draw(st.dictionaries(st.integers(0, people - 1), subsets, max_size=2))
    caps = draw(st.dictionaries(st.integers(0, people - 1), st.integers(0, 3), max_size=3))
    tables = draw(
        st.one_of(st.integers(1, 3), st.tuples(*[st.integers(0, 2) for _ in range(slots)]))
    )
    return MeetingProblem(
        participants=people,
        slots=slots,
        tables=tables,
        meetings=meetings,
        sessions=sessions,
        available_slots=available,
        forbidden_slots=forbidden,
        max_meetings=caps,
        mode=MAX_WEIGHT,
    )


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(overloaded_events(max_meetings=5, max_slots=3))
def test_aggregated_bound_is_valid_against_brute_force(problem):
    best = _brute_max_weight(problem)
    lp = solve_aggregated(problem, integral=False)
    ip = solve_aggregated(problem)
    assert lp.bound >= best
    assert ip.bound >= best
    assert weight_upper_bound(problem) >= best
    assert _degree_bound(problem, aggregated_rows(problem)[0]) >= best
    # Both selections are feasible points of the aggregated model.
    _, rows = aggregated_rows(problem)
    for selection in (lp, ip):
        assert all(len(selection.selected & set(members)) <= rhs for members, rhs in rows)
        assert selection.value <= selection.bound


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(overloaded_events(max_meetings=5, max_slots=3), st.integers(0, 2**32 - 1))
def test_dual_certificate_bounds_any_duals(problem, seed):
    # Weak duality holds for every y >= 0, not only the solver's optimum duals.
    from scipy.optimize import Bounds
    from scipy.sparse import coo_matrix

    from sache.engine.meetings.aggregate import _dual_bound

    best = _brute_max_weight(problem)
    ids, rows = aggregated_rows(problem)
    if not ids:
        return
    column = {i: k for k, i in enumerate(ids)}
    weight = {m.id: m.weight for m in problem.meetings}
    entries = [(k, column[i]) for k, (members, _) in enumerate(rows) for i in members]
    matrix = coo_matrix(
        (np.ones(len(entries)), ([r for r, _ in entries], [c for _, c in entries])),
        shape=(max(1, len(rows)), len(ids)),
    ).tocsr()
    upper = np.array([rhs for _, rhs in rows] + [0] * (len(rows) == 0), dtype=float)
    duals = np.random.default_rng(seed).uniform(-1, 3, size=matrix.shape[0])
    box = Bounds(np.zeros(len(ids)), np.ones(len(ids)))
    value = _dual_bound(np.array([weight[i] for i in ids], float), matrix, upper, duals, box)
    assert value >= best - 1e-9


def test_person_set_row_tightens_the_bound():
    # Participant 0 may take 3 meetings, but three of them are confined to slots 0-1.
    problem = MeetingProblem(
        participants=5,
        slots=4,
        tables=4,
        mode=MAX_WEIGHT,
        meetings=(
            Meeting(0, 0, 1, weight=2),
            Meeting(1, 0, 2, weight=2),
            Meeting(2, 0, 3, weight=2),
            Meeting(3, 0, 4, weight=1),
        ),
        available_slots={1: frozenset({0, 1}), 2: frozenset({0, 1}), 3: frozenset({0, 1})},
        max_meetings={0: 3},
    )
    assert _brute_max_weight(problem) == 5
    assert weight_upper_bound(problem) == 5
    result = local_search_weighted_schedule(problem, time_limit=2)
    assert (result.objective, result.status) == (5, "optimal")


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(overloaded_events(max_meetings=5, max_slots=3))
def test_schedule_is_valid_and_between_brute_force_and_bound(problem):
    best = _brute_max_weight(problem)
    result = schedule_meetings(problem, time_limit=2)
    assert _valid(problem, result.slots)
    assert result.objective <= best <= result.bound
    assert result.status == ("optimal" if result.objective == result.bound else "feasible")


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(overloaded_events(max_meetings=8, max_slots=6))
def test_all_allowed_slots_matches_allowed_slots(problem):
    assert _all_allowed_slots(problem) == {
        m.id: allowed_slots(problem, m) for m in problem.meetings
    }


def _kempe_grid() -> tuple[MeetingProblem, _Grid, dict]:
    """Meetings 0-2 placed so that 0 is busy in slot 1 and 3 in slot 0; meeting 3 is left."""
    problem = MeetingProblem(
        participants=6,
        slots=2,
        tables=3,
        mode=MAX_WEIGHT,
        meetings=(Meeting(0, 0, 4), Meeting(1, 3, 2), Meeting(2, 2, 5), Meeting(3, 0, 3)),
    )
    grid = _Grid(problem)
    meetings = {m.id: m for m in problem.meetings}
    for meeting_id, slot in ((0, 1), (1, 0), (2, 1)):
        grid.place(meetings[meeting_id], slot)
    return problem, grid, meetings


def test_kempe_chain_frees_a_common_slot():
    # 0 is busy in slot 1, 3 in slot 0: no common free slot for (0, 3) until a
    # chain swaps slots 0 and 1 (0-4 alone, or 3-2 and 2-5).
    problem, grid, meetings = _kempe_grid()
    assert grid.best_free_slot(meetings[3]) is None
    assert grid.kempe_insert(meetings[3], random.Random(0))
    assert sorted(grid.slot_of) == [0, 1, 2, 3]
    assert _valid(problem, grid.slot_of)


def test_kempe_chain_never_moves_a_pinned_meeting():
    _, grid, meetings = _kempe_grid()
    grid.pinned.update({0, 2})
    assert not grid.kempe_insert(meetings[3], random.Random(0))
    assert grid.slot_of == {0: 1, 1: 0, 2: 1}


def test_unload_moves_one_meeting_out_of_a_full_slot():
    # Slot 0 is full (one table); 0-1 can go to slot 1 only after 1-2 moves to slot 0.
    problem = MeetingProblem(
        participants=3,
        slots=2,
        tables=(1, 2),
        mode=MAX_WEIGHT,
        meetings=(Meeting(0, 0, 1), Meeting(1, 1, 2)),
    )
    grid = _Grid(problem)
    grid.place(problem.meetings[0], 0)
    grid.place(problem.meetings[1], 1)
    assert grid.used == [1, 1]
    assert not grid.unload(0, random.Random(0))  # the a/c path 0-1, 1-2 is even
    grid.remove(problem.meetings[1])
    assert grid.unload(0, random.Random(0))
    assert grid.slot_of == {0: 1}
    assert grid.used == [0, 1]


@pytest.mark.parametrize(
    ("mask", "breaks"), [(0, 0), (0b1, 0), (0b111, 0), (0b101, 1), (0b1011001, 2)]
)
def test_breaks_of_mask(mask, breaks):
    assert _breaks_of(mask) == breaks


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(overloaded_events(max_meetings=8, max_slots=6), st.integers(0, 1000))
def test_reduce_breaks_keeps_meetings_and_never_adds_breaks(problem, seed):
    grid = _Grid(problem)
    rng = random.Random(seed)
    order = list(problem.meetings)
    rng.shuffle(order)
    for meeting in order:
        if grid.under_cap(meeting):
            free = [s for s in grid.allowed[meeting.id] if grid.free(meeting, s)]
            if free:
                grid.place(meeting, rng.choice(free))
    before = dict(grid.slot_of)
    breaks_before = sum(breaks_per_participant(problem, before).values())
    removed = _reduce_breaks(grid, deadline=float("inf"))
    after = dict(grid.slot_of)
    assert set(after) == set(before)
    assert _valid(problem, after)
    assert sum(breaks_per_participant(problem, after).values()) == breaks_before - removed
    assert removed >= 0


def test_reduce_breaks_closes_a_gap():
    # 0 meets 1 in slot 0 and 2 in slot 2: moving 0-2 to slot 1 removes the only break.
    problem = MeetingProblem(
        participants=3,
        slots=3,
        tables=1,
        mode=MAX_WEIGHT,
        meetings=(Meeting(0, 0, 1), Meeting(1, 0, 2)),
    )
    grid = _Grid(problem)
    grid.place(problem.meetings[0], 0)
    grid.place(problem.meetings[1], 2)
    assert _reduce_breaks(grid, deadline=float("inf")) == 1
    assert sum(breaks_per_participant(problem, grid.slot_of).values()) == 0


def test_locked_meetings_stay_in_the_selection():
    # The published light meeting 0-1 blocks the heavier 0-2 (one slot); it must stay.
    problem = MeetingProblem(
        participants=3,
        slots=1,
        tables=2,
        mode=MAX_WEIGHT,
        meetings=(Meeting(0, 0, 1), Meeting(1, 0, 2, weight=3)),
    )
    from sache.engine.meetings import LockedMeeting

    locked = dataclasses.replace(problem, locked=(LockedMeeting(0, 0),))
    result = schedule_meetings(locked, time_limit=2)
    assert result.slots == {0: 0}
    assert result.bound == 3  # the bound holds for every schedule, locked or not
    assert schedule_meetings(problem, time_limit=2).slots == {1: 0}


def test_assign_tables_stays_within_fewer_tables_of_the_next_slot():
    # Slot 0 has three tables, slot 1 only one: 4-5 sat at table 2 and must not keep it.
    problem = MeetingProblem(
        participants=6,
        slots=2,
        tables=(3, 1),
        meetings=(Meeting(0, 0, 1), Meeting(1, 2, 3), Meeting(2, 4, 5), Meeting(3, 5, 0)),
    )
    tables = assign_tables(problem, {0: 0, 1: 0, 2: 0, 3: 1})
    assert tables == {0: 0, 1: 1, 2: 2, 3: 0}


def test_bound_counts_a_published_meeting_kept_outside_its_slots():
    # 0-1 was published in slot 1; participant 1 is now only available in slot 0.
    from sache.engine.meetings import LockedMeeting

    problem = MeetingProblem(
        participants=3,
        slots=2,
        tables=2,
        mode=MAX_WEIGHT,
        meetings=(Meeting(0, 0, 1, weight=2), Meeting(1, 0, 2)),
        available_slots={1: frozenset({0})},
        locked=(LockedMeeting(0, 1),),
    )
    result = local_search_weighted_schedule(problem, time_limit=2)
    assert result.slots == {0: 1, 1: 0}
    assert (result.objective, result.bound) == (3, 3)
