"""Tests of the World Café rotation planner (sache.engine.rotations)."""

import itertools
import json
import random

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from sache.engine.rotations import (
    Participant,
    Table,
    Workshop,
    WorkshopError,
    affine_geometry_schedule,
    count_repeated_pairs,
    counting_bound,
    cyclic_search_schedule,
    main,
    plan_rotations,
    round_robin_schedule,
    social_golfer_schedule,
    tabu_golfer_schedule,
    truncated_affine_plane_schedule,
    workshop_from_dict,
)
from sache.engine.rotations.constructions import (
    _galois_field,
    _gf2_solve,
    doubled_affine_plane_schedule,
)
from sache.engine.rotations.search import (
    _develop,
    _one_rotational_base,
    _orbit_slots,
    _sat_base_rounds,
    _SlotTabu,
)
from sache.engine.rotations.seeding import route_split_seating

pytestmark = pytest.mark.unit

# Searches stop at their iteration budgets long before this; a time limit
# that cut them would make results depend on the machine's load.
NO_CUTOFF = 600


def assert_valid_golfer_schedule(schedule, groups, size, rounds):
    """Every round splits players 0..g·s-1 into g tables of s."""
    assert len(schedule) == rounds
    for round_ in schedule:
        assert sorted(map(len, round_)) == [size] * groups
        assert sorted(p for table in round_ for p in table) == list(range(groups * size))


def brute_force_max_rounds(groups, size):
    """Largest number of rounds without repeats, by exhaustive search (tiny cases only)."""
    players = list(range(groups * size))

    def partitions(rest):
        if not rest:
            yield []
            return
        first = rest[0]
        for mates in itertools.combinations(rest[1:], size - 1):
            table = (first, *mates)
            remaining = [p for p in rest if p not in table]
            for tail in partitions(remaining):
                yield [table, *tail]

    rounds = [
        {frozenset(pair) for table in part for pair in itertools.combinations(table, 2)}
        for part in partitions(players)
    ]
    best = 0

    def extend(chosen_pairs, start, depth):
        nonlocal best
        best = max(best, depth)
        for i in range(start, len(rounds)):
            if not (rounds[i] & chosen_pairs):
                extend(chosen_pairs | rounds[i], i + 1, depth + 1)

    extend(frozenset(), 0, 0)
    return best


# --- metrics -----------------------------------------------------------------


def test_counting_bound_known_values():
    assert [counting_bound(g, s) for g, s in [(8, 4), (5, 3), (6, 6), (3, 4), (4, 2)]] == [
        10,
        7,
        7,
        1,
        7,
    ]


def test_count_repeated_pairs_counts_each_extra_meeting():
    rounds = [[[0, 1, 2], [3, 4, 5]], [[0, 1, 2], [3, 4, 5]], [[0, 1, 3], [2, 4, 5]]]
    # Round 2 repeats all 6 pairs; round 3 repeats (0,1) a third time and (4,5).
    assert count_repeated_pairs(rounds) == 8


def test_count_repeated_pairs_accepts_string_ids():
    assert count_repeated_pairs([[["a", "b"]], [["b", "a"]]]) == 1


# --- constructions -------------------------------------------------------------


@pytest.mark.parametrize("q", [2, 3, 4, 5, 7, 8, 9])
def test_galois_field_is_a_field(q):
    add, mul = _galois_field(q)
    elements = range(q)
    assert all(add[a][0] == a and mul[a][1] == a for a in elements)
    assert all(sum(1 for b in elements if add[a][b] == 0) == 1 for a in elements)
    assert all(sum(1 for b in elements if mul[a][b] == 1) == 1 for a in range(1, q))
    assert all(
        mul[a][add[b][c]] == add[mul[a][b]][mul[a][c]]
        for a in elements
        for b in elements
        for c in elements
    )


@pytest.mark.parametrize("groups", range(1, 9))
def test_round_robin_meets_everyone_exactly_once(groups):
    schedule = round_robin_schedule(groups, 2 * groups - 1)
    assert_valid_golfer_schedule(schedule, groups, 2, 2 * groups - 1)
    pairs = sorted(tuple(sorted(t)) for r in schedule for t in r)
    assert pairs == list(itertools.combinations(range(2 * groups), 2))


@pytest.mark.parametrize(
    ("q", "dimension"), [(2, 3), (3, 2), (3, 3), (4, 2), (5, 2), (7, 2), (8, 2), (9, 2)]
)
def test_affine_geometry_is_a_resolvable_design(q, dimension):
    rounds = (q**dimension - 1) // (q - 1)
    schedule = affine_geometry_schedule(q, dimension, rounds)
    assert_valid_golfer_schedule(schedule, q ** (dimension - 1), q, rounds)
    assert count_repeated_pairs(schedule) == 0
    # Full resolvable design: every pair meets exactly once.
    met = {frozenset(p) for r in schedule for t in r for p in itertools.combinations(t, 2)}
    assert len(met) == q**dimension * (q**dimension - 1) // 2


@pytest.mark.parametrize(("q", "size"), [(4, 3), (5, 3), (5, 4), (7, 5), (8, 6)])
def test_truncated_affine_plane_has_no_repeats(q, size):
    schedule = truncated_affine_plane_schedule(q, size, q)
    assert_valid_golfer_schedule(schedule, q, size, q)
    assert count_repeated_pairs(schedule) == 0


def test_affine_geometry_rejects_too_many_rounds():
    with pytest.raises(ValueError, match="parallel classes"):
        affine_geometry_schedule(3, 2, 5)


# --- symmetric search ------------------------------------------------------------


def test_orbit_slots_of_cyclic_orbits_are_differences():
    slot, weight, _ = _orbit_slots((6, 1))
    # 0-1 and 2-3 share the difference 1; 0-3 has the half difference 3.
    assert slot[0][1] == slot[2][3] == slot[5][0]
    assert (weight[0][1], weight[0][3], weight[0][6], weight[1][6]) == (1, 2, 1, 1)
    assert slot[0][6] == slot[3][6]


@settings(max_examples=40, deadline=None)
@given(
    cycle_type=st.sampled_from(
        [(7, 7, 1), (5, 5, 5, 5, 1), (4, 4, 4, 4, 1, 1), (6, 6, 3, 3), (8, 8, 2)]
    ),
    seed=st.integers(0, 10**6),
)
def test_developed_schedule_repeats_iff_base_overflows(cycle_type, seed):
    """The orbit bookkeeping agrees with counting pairs in the developed schedule."""
    points = sum(cycle_type)
    size = 3 if points % 3 == 0 else 2
    order = list(range(points))
    random.Random(seed).shuffle(order)
    base = [[order[i : i + size] for i in range(0, points, size)]]
    slot, weight, slots = _orbit_slots(cycle_type)
    usage = [0] * slots
    for table in base[0]:
        for p, q in itertools.combinations(table, 2):
            usage[slot[p][q]] += weight[p][q]
    overflow = sum(max(0, u - 1) for u in usage)
    developed = _develop(base, cycle_type)
    assert (overflow == 0) == (count_repeated_pairs(developed) == 0)


@pytest.mark.parametrize(
    ("groups", "size", "rounds", "cycle_type"),
    [(5, 3, 7, (7, 7, 1)), (6, 3, 8, (4, 4, 4, 4, 1, 1)), (6, 4, 7, (7, 7, 7, 1, 1, 1))],
)
def test_cyclic_search_finds_kirkman_like_schedules(groups, size, rounds, cycle_type):
    found = cyclic_search_schedule(
        groups, size, rounds, seed=0, time_limit=NO_CUTOFF, cycle_type=cycle_type
    )
    assert found is not None
    schedule, repeats = found
    assert_valid_golfer_schedule(schedule, groups, size, rounds)
    assert (repeats, count_repeated_pairs(schedule)) == (0, 0)


def test_one_rotational_search_builds_kirkman_triple_system_of_order_33():
    schedule = _one_rotational_base(11, 3, 16, random.Random(0), 2000, float("inf"))
    assert schedule is not None
    assert_valid_golfer_schedule(schedule, 11, 3, 16)
    met = {frozenset(p) for r in schedule for t in r for p in itertools.combinations(t, 2)}
    assert (count_repeated_pairs(schedule), len(met)) == (0, 33 * 32 // 2)


def test_one_rotational_search_declines_other_shapes():
    assert _one_rotational_base(8, 4, 10, random.Random(0), 10, float("inf")) is None


def test_slot_tabu_cost_matches_recount():
    points, groups, size, rounds = 12, 4, 3, 5
    slot = [[min(p, q) * points + max(p, q) for q in range(points)] for p in range(points)]
    weight = [[1] * points for _ in range(points)]
    search = _SlotTabu(
        points, groups, size, rounds, slot, weight, points * points, random.Random(3)
    )
    schedule, cost = search.run(deadline=float("inf"), max_iterations=300)
    # 4-3-5 is infeasible (no NKTS(12)), so the best cost is positive.
    assert cost == count_repeated_pairs(schedule)
    assert cost > 0


# --- social golfer entry point -------------------------------------------------------


@pytest.mark.parametrize(("groups", "size"), [(2, 2), (3, 2), (2, 3), (3, 3)])
def test_social_golfer_reaches_brute_force_optimum(groups, size):
    best = brute_force_max_rounds(groups, size)
    plan = social_golfer_schedule(groups, size, best, seed=0, time_limit=NO_CUTOFF)
    assert_valid_golfer_schedule(plan.rounds, groups, size, best)
    assert plan.repeated_pairs == 0
    beyond = social_golfer_schedule(groups, size, best + 1, seed=0, time_limit=1)
    assert_valid_golfer_schedule(beyond.rounds, groups, size, best + 1)
    assert beyond.repeated_pairs == count_repeated_pairs(beyond.rounds) > 0


@pytest.mark.parametrize(
    ("groups", "size", "rounds", "method"),
    [
        (8, 2, 15, "round-robin"),
        (4, 4, 5, "affine-geometry"),
        (9, 3, 13, "affine-geometry"),
        (5, 4, 5, "truncated-affine-plane"),
        (7, 3, 10, "cyclic-search"),
        (8, 4, 10, "doubled-affine-plane"),
        (5, 1, 3, "trivial"),
    ],
)
def test_social_golfer_uses_the_right_method(groups, size, rounds, method):
    plan = social_golfer_schedule(groups, size, rounds, seed=0, time_limit=NO_CUTOFF)
    assert_valid_golfer_schedule(plan.rounds, groups, size, rounds)
    assert (plan.method, plan.repeated_pairs) == (method, 0)


def test_gf2_solve_finds_solutions_and_detects_inconsistency():
    # x0 + x1 = 1, x1 + x2 = 1, x0 + x2 = 0 has solutions; adding x0 = 1 fixes them.
    equations = [([0, 1], 1), ([1, 2], 1), ([0, 2], 0), ([0], 1)]
    solution = _gf2_solve(equations, 3)
    assert solution == [1, 0, 1]
    # The triangle x0 + x1 = x1 + x2 = x0 + x2 = 1 sums to 0 = 1.
    assert _gf2_solve([([0, 1], 1), ([1, 2], 1), ([0, 2], 1)], 3) is None


@pytest.mark.parametrize(("q", "seed"), [(3, 0), (4, 0), (4, 7)])
def test_doubled_affine_plane_meets_everyone_but_the_partner_once(q, seed):
    rounds = 2 * q + 2
    schedule = doubled_affine_plane_schedule(q, rounds, seed=seed)
    assert schedule is not None
    assert_valid_golfer_schedule(schedule, 2 * q, q, rounds)
    met = {
        frozenset(pair) for rnd in schedule for t in rnd for pair in itertools.combinations(t, 2)
    }
    everyone = {frozenset(pair) for pair in itertools.combinations(range(2 * q * q), 2)}
    # Every pair meets exactly once (no repeats, and the counts add up) except the couples.
    assert count_repeated_pairs(schedule) == 0
    assert everyone - met == {frozenset((2 * c, 2 * c + 1)) for c in range(q * q)}


@pytest.mark.parametrize(
    ("groups", "size", "rounds", "cycle_type"),
    [(7, 4, 9, (9, 9, 9, 1)), (7, 3, 10, (5, 5, 5, 5, 1)), (10, 3, 14, (14, 14, 1, 1))],
)
def test_sat_base_rounds_develop_into_schedules_without_repeats(groups, size, rounds, cycle_type):
    base = _sat_base_rounds(groups, size, rounds, cycle_type, 200_000)
    assert base is not None
    schedule = _develop(base, cycle_type)
    assert_valid_golfer_schedule(schedule, groups, size, rounds)
    assert count_repeated_pairs(schedule) == 0


def test_sat_base_rounds_refutes_an_impossible_symmetry():
    # 4-3-5 would be a nearly Kirkman triple system of order 12, which does not
    # exist, so no symmetry admits base rounds; the refutation is recorded.
    refuted = set()
    assert _sat_base_rounds(4, 3, 5, (5, 5, 1, 1), 200_000, refuted) is None
    assert refuted == {(5, 5, 1, 1)}


def test_doubled_affine_plane_declines_other_shapes():
    assert doubled_affine_plane_schedule(6, 3) is None  # 6 is not a prime power
    assert doubled_affine_plane_schedule(4, 11) is None  # beyond 2q + 2 rounds


def test_social_golfer_is_deterministic_for_a_seed():
    first = social_golfer_schedule(6, 3, 8, seed=5, time_limit=NO_CUTOFF)
    second = social_golfer_schedule(6, 3, 8, seed=5, time_limit=NO_CUTOFF)
    assert first == second


def test_tabu_golfer_minimises_repeats_beyond_the_bound():
    schedule, repeats = tabu_golfer_schedule(3, 3, 5, seed=0, time_limit=3)
    assert_valid_golfer_schedule(schedule, 3, 3, 5)
    # 5 rounds seat 45 pairs but 9 players have only 36: at least 9 repeats.
    assert repeats == count_repeated_pairs(schedule) == 9


def test_social_golfer_rejects_negative_rounds():
    with pytest.raises(ValueError, match="non-negative"):
        social_golfer_schedule(3, 3, -1)


# --- workshop planner ---------------------------------------------------------------------


def small_workshop(hosts=True):
    tables = tuple(Table(f"t{i}", 4, area) for i, area in enumerate("ABC"))
    people = []
    for i in range(12):
        sector = ["museum", "design", "tech", "public"][i % 4]
        host_of = f"t{i}" if hosts and i < 3 else None
        people.append(Participant(f"p{i}", sector, preferred_areas=("A",), host_of=host_of))
    return Workshop(tuple(people), tables, 3)


def labelled_rounds(people, tables, size):
    """Every way to seat ``people`` at ``tables`` labelled tables of ``size``."""
    if not people:
        yield ()
        return
    first = people[0]
    for mates in itertools.combinations(people[1:], size - 1):
        table = (first, *mates)
        rest = [p for p in people if p not in table]
        for tail in labelled_rounds(rest, tables - 1, size):
            yield (table, *tail)


def brute_force_min_repeats_with_distinct_areas(people, tables, size, rounds):
    """Fewest repeats over plans where nobody visits an area (= table) twice."""
    seatings = [
        perm
        for part in labelled_rounds(list(range(people)), tables, size)
        for perm in itertools.permutations(part)
    ]
    first = seatings[0]  # people are interchangeable, so round 1 can be fixed
    best = None
    for rest in itertools.product(seatings, repeat=rounds - 1):
        plan = (first, *rest)
        areas = {p: [] for p in range(people)}
        for round_ in plan:
            for area, table in enumerate(round_):
                for p in table:
                    areas[p].append(area)
        if any(len(set(a)) < len(a) for a in areas.values()):
            continue
        repeats = count_repeated_pairs(plan)
        best = repeats if best is None else min(best, repeats)
    return best


def test_plan_rotations_matches_brute_force_on_a_tiny_workshop():
    # 6 people, 3 areas with one table of 2 each, 3 rounds.
    expected = brute_force_min_repeats_with_distinct_areas(6, 3, 2, 3)
    tables = tuple(Table(f"t{a}", 2, a) for a in "ABC")
    workshop = Workshop(tuple(Participant(f"p{i}", f"s{i % 2}") for i in range(6)), tables, 3)
    plan = plan_rotations(workshop, seed=0, time_limit=NO_CUTOFF)
    assert_valid_plan(workshop, plan)
    assert (plan.repeated_pairs, plan.area_repeats) == (expected, 0)


def test_plan_rotations_without_areas_finds_the_affine_plane():
    # 9 people, 3 tables of 3, 3 rounds: three parallel classes of AG(2, 3).
    tables = tuple(Table(f"t{i}", 3) for i in range(3))
    workshop = Workshop(tuple(Participant(f"p{i}", f"s{i % 3}") for i in range(9)), tables, 3)
    plan = plan_rotations(workshop, seed=0, time_limit=NO_CUTOFF)
    assert_valid_plan(workshop, plan)
    assert plan.repeated_pairs == 0
    assert plan.people_met == {f"p{i}": 6 for i in range(9)}


def assert_valid_plan(workshop, plan):
    capacity = {t.id: t.capacity for t in workshop.tables}
    everyone = sorted(p.id for p in workshop.participants)
    assert plan.tables == [t.id for t in workshop.tables]
    assert len(plan.rounds) == workshop.rounds
    for round_ in plan.rounds:
        assert sorted(p for table in round_ for p in table) == everyone
        for table_id, table in zip(plan.tables, round_, strict=True):
            assert len(table) <= capacity[table_id]
    host_of = {p.id: p.host_of for p in workshop.participants if p.host_of}
    host_of.update({t.host: t.id for t in workshop.tables if t.host})
    for host, table_id in host_of.items():
        assert plan.routes[host] == [table_id] * workshop.rounds


def test_plan_rotations_uses_a_golfer_schedule_for_uniform_tables():
    # 20 people, 5 tables of 4 without areas or hosts: the 5-4-5 social
    # golfer schedule exists, so nobody meets anyone twice; exchanging whole
    # routes then seats one person of each of the 4 sectors at every table.
    tables = tuple(Table(f"t{i}", 4) for i in range(5))
    people = tuple(Participant(f"p{i}", f"s{i // 5}") for i in range(20))
    workshop = Workshop(people, tables, 5)
    plan = plan_rotations(workshop, seed=0, time_limit=NO_CUTOFF)
    assert_valid_plan(workshop, plan)
    assert (plan.repeated_pairs, plan.min_sectors_at_table, plan.sector_mix) == (0, 4, 1.0)
    assert set(plan.people_met.values()) == {15}


def mixed_sector_no_hosts(seed):
    """60 people of 4 sectors (20/18/12/10), 5 areas x 2 tables of 6, 5 rounds, no hosts."""
    rng = random.Random(seed)
    sectors = ["a"] * 20 + ["b"] * 18 + ["c"] * 12 + ["d"] * 10
    rng.shuffle(sectors)
    tables = tuple(Table(f"{area}{k}", 6, area) for area in "VWXYZ" for k in (1, 2))
    people = tuple(Participant(f"p{i}", sector) for i, sector in enumerate(sectors))
    return Workshop(people, tables, 5)


@pytest.mark.parametrize("seed", [0, 3])
def test_plan_rotations_seats_the_mixed_no_host_workshop_exactly(seed):
    # Everybody visits the 5 areas once, nobody meets anybody twice and every
    # table of every round has at least 3 of the 4 sectors.
    workshop = mixed_sector_no_hosts(seed)
    plan = plan_rotations(workshop, seed=seed, time_limit=NO_CUTOFF)
    assert_valid_plan(workshop, plan)
    assert (plan.repeated_pairs, plan.area_repeats, plan.tables_below_sector_target) == (0, 0, 0)
    assert plan.min_sectors_at_table >= 3
    assert set(plan.people_met.values()) == {25}


@pytest.mark.parametrize(("q", "rounds"), [(5, 5), (7, 6)])
def test_plan_rotations_seats_hosted_affine_workshops_without_repeats(q, rounds):
    # q tables of q seats, one host each, an area per table: the affine plane
    # of order q has q + 1 parallel classes, so a line of a spare class can
    # host; the planner used to leave repeats here (6 for q = 5, 67 for q = 7).
    tables = tuple(Table(f"t{i}", q, f"a{i}") for i in range(q))
    people = tuple(
        Participant(f"p{i}", f"s{i % 3}", host_of=f"t{i}" if i < q else None) for i in range(q * q)
    )
    workshop = Workshop(people, tables, rounds)
    plan = plan_rotations(workshop, seed=0, time_limit=NO_CUTOFF)
    assert_valid_plan(workshop, plan)
    assert (plan.repeated_pairs, plan.area_repeats) == (0, 0)


def test_route_split_seating_declines_unequal_areas_and_one_table_per_area():
    rng = random.Random(0)
    # Areas with 1 and 2 tables: not uniform.
    assert route_split_seating(9, 2, [[0], [1, 2]], 3, [0] * 9, 1, rng, 1e18) is None
    # One table per area and more rounds than areas: not applicable.
    assert route_split_seating(6, 3, [[0], [1]], 3, [0] * 6, 1, rng, 1e18) is None


def test_plan_rotations_keeps_hosts_at_their_table():
    workshop = small_workshop(hosts=True)
    plan = plan_rotations(workshop, seed=2, time_limit=NO_CUTOFF)
    assert_valid_plan(workshop, plan)
    assert [round_[0][0] for round_ in plan.rounds] == ["p0", "p0", "p0"]
    assert plan.area_repeats == 0


def test_plan_rotations_is_deterministic_for_a_seed():
    workshop = small_workshop()
    assert plan_rotations(workshop, seed=7, time_limit=NO_CUTOFF) == plan_rotations(
        workshop, seed=7, time_limit=NO_CUTOFF
    )


def test_plan_rotations_prefers_preferred_areas():
    tables = (Table("a", 2, "A"), Table("b", 2, "B"), Table("c", 2, "C"))
    people = tuple(
        Participant(pid, "s", preferred_areas=pref)
        for pid, pref in [
            ("x", ("A",)),
            ("y", ("B",)),
            ("z", ("C",)),
            ("u", ("A",)),
            ("v", ("B",)),
            ("w", ("C",)),
        ]
    )
    plan = plan_rotations(Workshop(people, tables, 1), seed=0, time_limit=NO_CUTOFF)
    assert (plan.preferences_met, plan.preferences_wanted) == (6, 6)


def test_plan_rotations_fills_unequal_tables_within_capacity():
    tables = (Table("big", 6, "A", host="h"), Table("small", 2, "B"), Table("room", 3, None))
    people = tuple(Participant(f"p{i}", f"s{i % 3}") for i in range(8)) + (Participant("h", "s0"),)
    workshop = Workshop(people, tables, 4)
    plan = plan_rotations(workshop, seed=1, time_limit=NO_CUTOFF)
    assert_valid_plan(workshop, plan)


@settings(max_examples=25, deadline=None)
@given(
    capacities=st.lists(st.integers(1, 5), min_size=2, max_size=5),
    rounds=st.integers(1, 4),
    fill=st.floats(0.3, 1.0),
    hosted=st.lists(st.booleans(), min_size=5, max_size=5),
    seed=st.integers(0, 1000),
)
def test_plan_rotations_never_double_seats_or_overfills(capacities, rounds, fill, hosted, seed):
    tables = tuple(
        Table(f"t{i}", cap, f"area{i % 3}", host=f"p{i}" if hosted[i] else None)
        for i, cap in enumerate(capacities)
    )
    people_count = max(len(capacities), int(fill * sum(capacities)))
    people = tuple(Participant(f"p{i}", f"s{i % 3}") for i in range(people_count))
    workshop = Workshop(people, tables, rounds)
    plan = plan_rotations(workshop, seed=seed, iterations=500, time_limit=NO_CUTOFF)
    assert_valid_plan(workshop, plan)


@pytest.mark.parametrize(
    ("workshop", "message"),
    [
        (Workshop((Participant("a"), Participant("b")), (Table("t", 1),), 1), "only 1 seats"),
        (Workshop((Participant("a"), Participant("a")), (Table("t", 2),), 1), "participant ids"),
        (Workshop((Participant("a", host_of="x"),), (Table("t", 2),), 1), "unknown table"),
        (Workshop((Participant("a"),), (Table("t", 2, host="z"),), 1), "not a participant"),
        (Workshop((Participant("a"),), (), 1), "at least one table"),
        (
            Workshop(
                (Participant("a", host_of="t"), Participant("b", host_of="t")),
                (Table("t", 1), Table("u", 2)),
                1,
            ),
            "2 hosts",
        ),
    ],
)
def test_plan_rotations_rejects_inconsistent_workshops(workshop, message):
    with pytest.raises(WorkshopError, match=message):
        plan_rotations(workshop)


def test_workshop_from_dict_reports_missing_fields():
    with pytest.raises(WorkshopError, match="'capacity'"):
        workshop_from_dict({"rounds": 1, "tables": [{"id": "t"}], "participants": []})


# --- command line -------------------------------------------------------------------------


def test_cli_golfer_writes_the_contract(tmp_path):
    out = tmp_path / "plan.json"
    assert (
        main(
            [
                "--groups",
                "5",
                "--size",
                "3",
                "--rounds",
                "7",
                "--seed",
                "1",
                "--time-limit",
                "20",
                "--out",
                str(out),
            ]
        )
        == 0
    )
    data = json.loads(out.read_text())
    assert sorted(data) == ["repeated_pairs", "rounds"]
    assert_valid_golfer_schedule(data["rounds"], 5, 3, 7)
    assert data["repeated_pairs"] == count_repeated_pairs(data["rounds"]) == 0


def test_cli_workshop_round_trip(tmp_path):
    source = {
        "rounds": 2,
        "tables": [
            {"id": "t1", "area": "A", "capacity": 3, "host": "h1"},
            {"id": "t2", "area": "B", "capacity": 3},
        ],
        "participants": [
            {"id": "h1", "sector": "museum"},
            {"id": "h2", "sector": "design", "host_of": "t2"},
            {"id": "a", "sector": "tech", "preferences": ["B"]},
            {"id": "b", "sector": "museum"},
            {"id": "c", "sector": "design"},
        ],
    }
    src = tmp_path / "workshop.json"
    src.write_text(json.dumps(source))
    out = tmp_path / "plan.json"
    assert main([str(src), "--out", str(out)]) == 0
    data = json.loads(out.read_text())
    assert data["tables"] == ["t1", "t2"]
    assert [r[0][0] for r in data["rounds"]] == ["h1", "h1"]
    assert [r[1][0] for r in data["rounds"]] == ["h2", "h2"]
    assert data["repeated_pairs"] == count_repeated_pairs(data["rounds"])
    assert data["metrics"]["area_repeats"] == 0


def test_cli_workshop_invalid_input_exits_2(tmp_path, capsys):
    src = tmp_path / "bad.json"
    src.write_text(
        json.dumps(
            {
                "rounds": 1,
                "tables": [{"id": "t", "capacity": 1}],
                "participants": [{"id": "a"}, {"id": "b"}],
            }
        )
    )
    assert main([str(src), "--out", str(tmp_path / "o.json")]) == 2
    assert "only 1 seats" in capsys.readouterr().err
