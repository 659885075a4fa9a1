"""Tests of sache.engine.review: exact optimum, fairness, conflicts, overrides, CLI."""

import itertools
import json

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from sache.engine import review
from sache.engine.review import (
    AffinityMatrix,
    InfeasibleAssignmentError,
    assign_reviewers,
    fair_assignment,
    greedy_assignment,
    main,
    max_affinity_assignment,
    read_conflicts_csv,
    read_scores_csv,
)

pytestmark = pytest.mark.unit


def _matrix(values):
    apps = [f"a{i}" for i in range(len(values))]
    revs = [f"r{j}" for j in range(len(values[0]))]
    return AffinityMatrix(apps, revs, values)


def _brute_force(values, k, u, low, forbidden, forced=frozenset()):
    """Every feasible assignment as (total, worst, frozenset of pairs)."""
    n_apps, n_revs = len(values), len(values[0])
    options = []
    for i in range(n_apps):
        allowed = [j for j in range(n_revs) if (i, j) not in forbidden]
        must = {j for (a, j) in forced if a == i}
        options.append([c for c in itertools.combinations(allowed, k) if must <= set(c)])
    results = []
    for choice in itertools.product(*options):
        loads = [0] * n_revs
        for reviewers in choice:
            for j in reviewers:
                loads[j] += 1
        if all(low <= load <= u for load in loads):
            sums = [sum(values[i][j] for j in reviewers) for i, reviewers in enumerate(choice)]
            pairs = frozenset((i, j) for i, reviewers in enumerate(choice) for j in reviewers)
            results.append((sum(sums), min(sums), pairs))
    return results


def _pairs(result, problem_matrix):
    app_index = {a: i for i, a in enumerate(problem_matrix.applications)}
    rev_index = {r: j for j, r in enumerate(problem_matrix.reviewers)}
    return frozenset(
        (app_index[a], rev_index[r])
        for a, reviewers in result.assignment.items()
        for r in reviewers
    )


# --------------------------------------------------------------------------- max affinity


def test_max_affinity_beats_greedy_on_crossing_instance():
    # Greedy takes (a1, r1) = 0.9 first and leaves a2 with 0.1; the optimum crosses.
    scores = {("a1", "r1"): 0.9, ("a1", "r2"): 0.8, ("a2", "r1"): 0.85, ("a2", "r2"): 0.1}

    greedy = greedy_assignment(scores, per_application=1, max_load=1)
    best = max_affinity_assignment(scores, per_application=1, max_load=1)

    assert greedy.assignment == {"a1": ["r1"], "a2": ["r2"]}
    assert best.assignment == {"a1": ["r2"], "a2": ["r1"]}
    assert round(best.total_affinity, 9) == 1.65
    assert round(best.worst_application_affinity, 9) == 0.8


def test_max_affinity_respects_load_and_orders_reviewers_best_first():
    values = [[0.9, 0.5, 0.1], [0.8, 0.7, 0.2], [0.95, 0.1, 0.3]]
    result = max_affinity_assignment(_matrix(values), per_application=2, max_load=2)

    # Every reviewer is needed twice, so each application leaves out one
    # reviewer and the left-out pairs form a permutation of least affinity.
    assert result.assignment == {"a0": ["r0", "r1"], "a1": ["r1", "r2"], "a2": ["r0", "r2"]}
    assert result.reviewer_load == {"r0": 2, "r1": 2, "r2": 2}
    assert round(result.total_affinity, 9) == 3.55


def test_missing_pair_counts_as_zero_affinity():
    # r2 has no score for a1: it is still eligible, with affinity 0.
    scores = {("a1", "r1"): 0.5, ("a2", "r1"): 0.9, ("a2", "r2"): 0.3}
    result = max_affinity_assignment(scores, per_application=1, max_load=1)

    assert result.assignment == {"a1": ["r2"], "a2": ["r1"]}
    assert result.application_affinity == {"a1": 0.0, "a2": 0.9}


def test_min_load_spreads_work_to_every_reviewer():
    values = [[1.0, 0.0, 0.0], [1.0, 0.0, 0.0], [1.0, 0.0, 0.0]]
    free = max_affinity_assignment(_matrix(values), per_application=1, max_load=3)
    spread = max_affinity_assignment(_matrix(values), per_application=1, max_load=3, min_load=1)

    assert free.reviewer_load == {"r0": 3, "r1": 0, "r2": 0}
    assert spread.reviewer_load == {"r0": 1, "r1": 1, "r2": 1}
    assert spread.total_affinity == 1.0


@settings(max_examples=40, deadline=None)
@given(
    data=st.data(),
    n_apps=st.integers(1, 4),
    n_revs=st.integers(2, 4),
    k=st.integers(1, 2),
)
def test_max_affinity_equals_brute_force(data, n_apps, n_revs, k):
    values = [[data.draw(st.integers(-5, 10)) / 10 for _ in range(n_revs)] for _ in range(n_apps)]
    forbidden = {
        (i, j) for i in range(n_apps) for j in range(n_revs) if data.draw(st.integers(0, 5)) == 0
    }
    u = data.draw(st.integers(1, n_apps))
    low = data.draw(st.integers(0, u))
    matrix = _matrix(values)
    conflicts = [(matrix.applications[i], matrix.reviewers[j]) for i, j in forbidden]
    feasible = _brute_force(values, k, u, low, forbidden)

    if not feasible:
        with pytest.raises(InfeasibleAssignmentError):
            max_affinity_assignment(
                matrix, per_application=k, max_load=u, min_load=low, conflicts=conflicts
            )
        return
    result = max_affinity_assignment(
        matrix, per_application=k, max_load=u, min_load=low, conflicts=conflicts
    )
    assert round(result.total_affinity, 9) == round(max(total for total, _, _ in feasible), 9)
    assert _pairs(result, matrix) & forbidden == frozenset()


# --------------------------------------------------------------------------- fairness


def test_fair_gives_up_total_to_raise_worst_application():
    scores = {("a1", "r1"): 1.0, ("a1", "r2"): 0.4, ("a2", "r1"): 0.5, ("a2", "r2"): 0.0}
    best = max_affinity_assignment(scores, per_application=1, max_load=1)
    fair = fair_assignment(scores, per_application=1, max_load=1)

    assert best.assignment == {"a1": ["r1"], "a2": ["r2"]}
    assert (best.total_affinity, best.worst_application_affinity) == (1.0, 0.0)
    assert fair.assignment == {"a1": ["r2"], "a2": ["r1"]}
    assert (round(fair.total_affinity, 9), fair.worst_application_affinity) == (0.9, 0.4)


def test_fair_keeps_max_total_among_max_min_assignments():
    # Both fair assignments give a1 its bound 0.5; the second phase picks the
    # one where a0 keeps r0 (total 1.5) over the one with r1 (total 1.3).
    values = [[1.0, 0.8, 0.0], [0.5, 0.5, 0.1]]
    result = fair_assignment(_matrix(values), per_application=1, max_load=1)

    assert result.assignment == {"a0": ["r0"], "a1": ["r1"]}
    assert (result.worst_application_affinity, result.worst_application_bound) == (0.5, 0.5)


@settings(max_examples=40, deadline=None)
@given(
    data=st.data(),
    n_apps=st.integers(1, 4),
    n_revs=st.integers(2, 4),
    k=st.integers(1, 2),
)
def test_fair_equals_brute_force_lexicographic_optimum(data, n_apps, n_revs, k):
    # Tiny programs take the one-program route; the flag forces the threshold
    # bisection that mid-sized instances use.
    bisection = data.draw(st.booleans())
    values = [[data.draw(st.integers(0, 10)) / 10 for _ in range(n_revs)] for _ in range(n_apps)]
    forbidden = {
        (i, j) for i in range(n_apps) for j in range(n_revs) if data.draw(st.integers(0, 6)) == 0
    }
    u = data.draw(st.integers(1, n_apps))
    low = data.draw(st.integers(0, 1))
    # One operator override that forces a pair in.
    forced_pair = (data.draw(st.integers(0, n_apps - 1)), data.draw(st.integers(0, n_revs - 1)))
    forced = frozenset() if forced_pair in forbidden else frozenset([forced_pair])
    matrix = _matrix(values)
    conflicts = [(matrix.applications[i], matrix.reviewers[j]) for i, j in forbidden]
    fixed = {(matrix.applications[i], matrix.reviewers[j]): True for i, j in forced}
    feasible = _brute_force(values, k, u, low, forbidden, forced)
    if not feasible:
        return
    best_worst = max(worst for _, worst, _ in feasible)
    best_total = max(total for total, worst, _ in feasible if worst >= best_worst - 1e-9)

    with pytest.MonkeyPatch.context() as patch:
        if bisection:
            patch.setattr(review, "_TINY_PROGRAM", 0)
        result = fair_assignment(
            matrix, per_application=k, max_load=u, min_load=low, conflicts=conflicts, fixed=fixed
        )

    assert round(result.worst_application_affinity, 6) == round(best_worst, 6)
    assert round(result.total_affinity, 6) == round(best_total, 6)
    assert _pairs(result, matrix) & forbidden == frozenset()
    assert _pairs(result, matrix) & forced == forced


def test_fair_reaches_bound_on_instance_needing_candidates_beyond_top_reviewers():
    # 250 applications × 130 reviewers exceeds the all-pairs limit, so the
    # fairness program works on candidate pairs: the worst application's
    # bound (its three best reviewers) must still be reached.
    import numpy as np

    rng = np.random.default_rng(7)
    profiles_a = rng.dirichlet(np.full(5, 0.2), 250)
    profiles_r = rng.dirichlet(np.full(5, 0.2), 130)
    values = profiles_a @ profiles_r.T
    matrix = AffinityMatrix(list(range(250)), list(range(1000, 1130)), values)

    best = max_affinity_assignment(matrix, per_application=3, max_load=8)
    fair = fair_assignment(matrix, per_application=3, max_load=8)

    assert best.worst_application_affinity < best.worst_application_bound
    assert round(fair.worst_application_affinity, 9) == round(fair.worst_application_bound, 9)
    assert fair.total_affinity <= best.total_affinity


# --------------------------------------------------------------------------- conflicts, overrides


@settings(max_examples=25, deadline=None)
@given(data=st.data(), fair=st.booleans())
def test_reviewer_with_conflict_is_never_assigned(data, fair):
    n_apps, n_revs = 5, 6
    values = [[data.draw(st.integers(0, 9)) / 9 for _ in range(n_revs)] for _ in range(n_apps)]
    matrix = _matrix(values)
    # Conflicts on the best pairs: the ones an optimiser wants most.
    conflicts = [
        (matrix.applications[i], matrix.reviewers[max(range(n_revs), key=values[i].__getitem__)])
        for i in range(n_apps)
    ]
    result = assign_reviewers(matrix, per_application=2, max_load=2, conflicts=conflicts, fair=fair)
    assigned = {(a, r) for a, reviewers in result.assignment.items() for r in reviewers}
    assert assigned & set(conflicts) == set()
    assert sorted(len(v) for v in result.assignment.values()) == [2] * n_apps


@pytest.mark.parametrize("fair", [False, True])
def test_fixed_pairs_are_forced_in_and_out(fair):
    scores = {("a1", "r1"): 0.9, ("a1", "r2"): 0.2, ("a2", "r1"): 0.8, ("a2", "r2"): 0.7}
    result = assign_reviewers(
        scores,
        per_application=1,
        max_load=1,
        fair=fair,
        fixed={("a1", "r2"): True, ("a2", "r2"): False},
    )
    assert result.assignment == {"a1": ["r2"], "a2": ["r1"]}


def test_forced_conflict_is_refused():
    with pytest.raises(InfeasibleAssignmentError, match="forced in but is a conflict"):
        assign_reviewers(
            {("a1", "r1"): 1.0, ("a1", "r2"): 0.0},
            per_application=1,
            max_load=1,
            conflicts=[("a1", "r1")],
            fixed={("a1", "r1"): True},
        )


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        (
            {"per_application": 2, "max_load": 5, "conflicts": [("a1", "r1")]},
            "application 'a1' has only 1 conflict-free reviewers but needs 2",
        ),
        (
            {"per_application": 2, "max_load": 1},
            "2 applications × 2 reviews = 4 reviews needed, but 2 reviewers × load 1 = 2 available",
        ),
        (
            {"per_application": 1, "max_load": 3, "min_load": 2},
            "minimum load 2 × 2 reviewers = 4 reviews, but only 2 reviews exist",
        ),
    ],
)
def test_infeasible_instances_are_explained(kwargs, message):
    scores = {("a1", "r1"): 0.5, ("a1", "r2"): 0.5, ("a2", "r1"): 0.5, ("a2", "r2"): 0.5}
    with pytest.raises(InfeasibleAssignmentError) as error:
        assign_reviewers(scores, **kwargs)
    assert str(error.value) == message


def test_hall_violation_is_reported_as_infeasible():
    # a1 and a2 may only be reviewed by r1, who can take one of them; the
    # counts per application and in total are all fine.
    scores = {("a1", "r1"): 1.0, ("a2", "r1"): 1.0, ("a3", "r2"): 1.0, ("a3", "r3"): 1.0}
    conflicts = [("a1", "r2"), ("a1", "r3"), ("a2", "r2"), ("a2", "r3")]
    for fair in (False, True):
        with pytest.raises(InfeasibleAssignmentError, match="too few eligible reviewers"):
            assign_reviewers(scores, per_application=1, max_load=1, conflicts=conflicts, fair=fair)


def test_same_input_gives_same_output():
    values = [[(i * 7 + j * 3) % 5 / 5 for j in range(6)] for i in range(8)]
    first = fair_assignment(_matrix(values), per_application=2, max_load=3)
    second = fair_assignment(_matrix(values), per_application=2, max_load=3)
    assert first == second


# --------------------------------------------------------------------------- files and CLI


def test_scores_csv_header_is_detected(tmp_path):
    with_header = tmp_path / "h.csv"
    with_header.write_text("application,reviewer,affinity\nA,R,0.5\nB,R,-0.25\n")
    without_header = tmp_path / "n.csv"
    without_header.write_text("A,R,0.5\n\nB,R,-0.25\n")

    expected = {("A", "R"): 0.5, ("B", "R"): -0.25}
    assert read_scores_csv(with_header) == expected
    assert read_scores_csv(without_header) == expected


def test_scores_csv_rejects_non_numeric_affinity_after_first_row(tmp_path):
    path = tmp_path / "s.csv"
    path.write_text("A,R,0.5\nB,R,high\n")
    with pytest.raises(ValueError, match="affinity 'high' is not a number"):
        read_scores_csv(path)


def test_cli_later_row_for_same_pair_wins(tmp_path):
    scores = tmp_path / "scores.csv"
    scores.write_text("A,R1,0.9\nA,R2,0.5\nA,R1,0.1\n")
    out = tmp_path / "out.json"

    status = main(
        ["--scores", str(scores), "--per-application", "1", "--max-load", "1", "--out", str(out)]
    )

    assert status == 0
    assert json.loads(out.read_text())["assignment"] == {"A": ["R2"]}
    assert read_scores_csv(scores) == {("A", "R1"): 0.1, ("A", "R2"): 0.5}


def test_conflicts_csv_header_is_detected(tmp_path):
    path = tmp_path / "c.csv"
    path.write_text("application,reviewer\nA,R\n")
    assert read_conflicts_csv(path) == [("A", "R")]


def test_cli_writes_assignment_json(tmp_path):
    scores = tmp_path / "scores.csv"
    scores.write_text(
        "application,reviewer,affinity\nA,R1,1.0\nA,R2,0.6\nB,R1,0.5\nB,R2,0.0\nC,R1,0.2\nC,R2,0.3\n"
    )
    conflicts = tmp_path / "conflicts.csv"
    conflicts.write_text("C,R1\n")
    out = tmp_path / "out.json"

    status = main(
        [
            "--scores", str(scores), "--conflicts", str(conflicts),
            "--per-application", "1", "--max-load", "2", "--fair", "--out", str(out),
        ]
    )  # fmt: skip

    written = json.loads(out.read_text())
    assert status == 0
    # C's bound (0.3, its only allowed reviewer) is the worst, and the
    # max-affinity assignment already reaches it.
    assert written["assignment"] == {"A": ["R1"], "B": ["R1"], "C": ["R2"]}
    assert (round(written["total_affinity"], 9), written["worst_application_affinity"]) == (
        1.8,
        0.3,
    )


def test_cli_reports_infeasible_instance(tmp_path, capsys):
    scores = tmp_path / "scores.csv"
    scores.write_text("A,R1,1.0\nB,R1,0.5\n")
    out = tmp_path / "out.json"

    status = main(
        ["--scores", str(scores), "--per-application", "1", "--max-load", "1", "--out", str(out)]
    )

    assert status == 1
    assert capsys.readouterr().err == (
        "error: 2 applications × 1 reviews = 2 reviews needed, but 1 reviewers × load 1 = 1 available\n"
    )
    assert not out.exists()


@settings(max_examples=20, deadline=None)
@given(data=st.data())
def test_flow_polish_keeps_worst_and_never_lowers_total(data):
    import numpy as np

    n_apps, n_revs = 6, 5
    values = np.array(
        [[data.draw(st.integers(0, 10)) / 10 for _ in range(n_revs)] for _ in range(n_apps)]
    )
    problem = review._build_problem(
        AffinityMatrix(list(range(n_apps)), list(range(n_revs)), values),
        per_application=2,
        max_load=3,
        min_load=0,
        conflicts=(),
        fixed=None,
        applications=None,
        reviewers=None,
    )
    start = review._greedy_matrix(problem)
    before = np.where(start, values, 0.0).sum(axis=1)

    polished = review._polish_with_flows(
        problem, start, float(before.min()), deadline=float("inf"), flow_seconds=0.0
    )

    after = np.where(polished, values, 0.0).sum(axis=1)
    assert (polished.sum(axis=1) == 2).all()
    assert (polished.sum(axis=0) <= 3).all()
    assert after.min() >= before.min() - 1e-9
    assert after.sum() >= before.sum() - 1e-9
