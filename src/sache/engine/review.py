"""Reviewer assignment for open calls: maximum expertise, no conflicts, fair to the worst-served.

Problem
-------
Inputs: applications ``p = 1..P``, reviewers ``r = 1..R``, an affinity
``a[p, r]`` (expertise similarity; a pair absent from the input has affinity
0), a set of forbidden pairs (conflicts of interest and operator overrides
"never this pair"), a set of forced pairs (operator overrides "always this
pair"), ``K`` reviewers per application, a maximum load ``U`` and a minimum
load ``L`` per reviewer.

Constraints on the 0/1 assignment ``x[p, r]``::

    sum_r x[p, r] = K            for every application p
    L <= sum_p x[p, r] <= U      for every reviewer r
    x[p, r] = 0                  for every forbidden pair
    x[p, r] = 1                  for every forced pair

Objectives:

* **max affinity** (default): maximise ``sum_{p,r} a[p, r] x[p, r]``.  The
  constraint matrix is the incidence matrix of a bipartite graph, hence
  totally unimodular, so the problem is a transportation problem.  It is
  solved exactly as a min-cost flow (source -> application, capacity ``K``;
  application -> reviewer, capacity 1, cost ``-a``; reviewer -> sink with the
  lower bound ``L`` folded into node demands) by OR-Tools' cost-scaling
  push-relabel solver on costs scaled to 64-bit integers, so the result is
  optimal up to the scaling resolution (about ``1e-12`` per pair).
  Complexity ``O(n^2 m log(n C))`` for ``n = P + R`` nodes and ``m`` allowed
  pairs; 2,000 × 1,000 (two million pairs) takes about one second.
* **fair** (``fair=True``): lexicographic max-min.  First maximise the worst
  application's affinity ``t = min_p sum_r a[p, r] x[p, r]``, then, with every
  application at ``>= t``, maximise total affinity.  With the side constraints
  ``sum_r a[p, r] x[p, r] >= t`` the matrix is no longer unimodular and the
  problem is NP-hard in general (it contains max-min fair allocation), so it
  is solved as a sequence of mixed-integer programs (HiGHS through SciPy):

  1. ``t_hi = min_p`` (sum of ``p``'s ``K`` best allowed affinities) bounds
     ``t`` from above; the max-affinity assignment gives a feasible ``t_lo``.
  2. Large instances restrict pairs to candidates: each application's 20
     best reviewers, its 5 best reviewers among those with spare capacity in
     the max-affinity solution (the exchange routes that free a popular
     reviewer), each reviewer's 10 best applications (swap routes when loads
     are tight) and the max-affinity solution itself.
  3. Threshold program ``T(t)``: maximise total affinity subject to every
     application ``>= t``.  Threshold rows are added lazily, only for the
     applications at risk of falling below ``t``, so the program stays close
     to the unimodular one.  The largest ``t`` whose linear relaxation is
     feasible is found first (``t_hi`` itself, or by bisection).
  4. Small programs (up to 30,000 candidate pairs) are solved whole as
     integer programs: starting just below the relaxation's threshold and
     then bisecting, where every feasible answer jumps to the worst
     application it achieves, the search ends at the max-min optimum (within
     ``1e-7``) and the second phase is exact.  Large programs are solved in
     the neighbourhood of the relaxation: applications whose pairs are all
     integral in the relaxation keep them, the few with fractional pairs are
     re-solved as an integer program; if that fails, ``t`` is lowered.
     Mid-sized exact programs first get a fair starting point from about a
     second of max-affinity flows with multiplicative weights on the
     applications below target [7]_, because their integer programs can
     stall when loads are tight (for example a minimum load that fills
     every reviewer).  Each integer program gets at most 70 % of the remaining
     time, and the whole search stops at ``time_limit`` (default 22 s) with
     the best assignment found, never less fair than the max-affinity one.
  5. Polish: applications near the worst keep their reviewers and a
     max-affinity flow re-assigns the rest (pinning any that would fall
     below the worst), which recovers total affinity that time-capped
     integer programs leave behind without lowering the worst.

  When the result reaches ``t_hi`` the worst application is provably optimal;
  the result reports ``t_hi`` as ``worst_application_bound``.  A greedy
  baseline (best pairs first) is provided for comparison.

References
----------
.. [1] C. J. Taylor, "On the optimal assignment of conference papers to
   reviewers", Technical Report MS-CIS-08-30, University of Pennsylvania, 2008.
.. [2] L. Charlin, R. S. Zemel, "The Toronto Paper Matching System: an
   automated paper-reviewer assignment system", ICML Workshop on Peer
   Reviewing and Publishing Models, 2013.
.. [3] A. Kobren, B. Saha, A. McCallum, "Paper matching with local fairness
   constraints", KDD 2019, 1247-1257 (FairFlow, FairIR).
.. [4] I. Stelmakh, N. B. Shah, A. Singh, "PeerReview4All: Fair and accurate
   reviewer assignment in peer review", ALT 2019, PMLR 98, 828-856.
.. [5] R. K. Ahuja, T. L. Magnanti, J. B. Orlin, *Network Flows*,
   Prentice Hall 1993, ch. 9-10 (min-cost flow, cost scaling).
.. [6] Q. Huangfu, J. A. J. Hall, "Parallelizing the dual revised simplex
   method", Mathematical Programming Computation 10 (2018) 119-142 (HiGHS).
.. [7] S. Arora, E. Hazan, S. Kale, "The multiplicative weights update
   method: a meta-algorithm and applications", Theory of Computing 8 (2012)
   121-164.

Command line::

    python -m sache.engine.review --scores SCORES.csv [--conflicts CONFLICTS.csv] \\
        --per-application K --max-load U [--min-load L] [--fair] --out ASSIGNMENT.json

``SCORES.csv`` has rows ``application,reviewer,affinity`` (a header row is
detected and skipped), ``CONFLICTS.csv`` rows ``application,reviewer``.  The
applications and reviewers are those named in ``SCORES.csv``; a pair missing
from it has affinity 0.  The output is
``{"assignment": {application: [reviewers]}, "total_affinity": x,
"worst_application_affinity": y, ...}``; an infeasible instance prints the
reason on standard error and exits with status 1.
"""

from __future__ import annotations

import argparse
import csv
import json
import sys
import time
from collections.abc import Hashable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np

__all__ = [
    "AffinityMatrix",
    "InfeasibleAssignmentError",
    "ReviewAssignment",
    "assign_reviewers",
    "fair_assignment",
    "greedy_assignment",
    "main",
    "max_affinity_assignment",
    "read_conflicts_csv",
    "read_scores_csv",
]

Pair = tuple[Hashable, Hashable]

# Instances with at most this many pairs keep every pair in the fairness
# program: small enough for HiGHS in well under a second, and then the second
# phase is exact over all pairs, not only over candidates.
_ALL_PAIRS_LIMIT = 30_000
# Up to this many pairs, one program with the threshold as a variable finds
# the max-min value faster than a bisection over threshold programs.
_TINY_PROGRAM = 2_000
# Candidates per application in large fairness programs (see module docstring).
_BEST_CANDIDATES = 20
_SLACK_CANDIDATES = 5
_REVIEWER_CANDIDATES = 10
# Absolute tolerance on affinity sums: HiGHS' primal feasibility tolerance.
_TOLERANCE = 1e-7


class InfeasibleAssignmentError(ValueError):
    """No assignment satisfies the constraints; the message says which one fails."""


@dataclass(frozen=True, slots=True)
class AffinityMatrix:
    """A dense affinity table: ``values[i][j]`` is the affinity of
    ``applications[i]`` to ``reviewers[j]``."""

    applications: Sequence[Hashable]
    reviewers: Sequence[Hashable]
    values: Any  # a P × R nested sequence or array of floats


@dataclass(frozen=True, slots=True)
class ReviewAssignment:
    """An assignment of reviewers to applications and its quality.

    ``assignment`` maps every application to its reviewers, best affinity
    first.  ``worst_application_bound`` is an upper bound on the worst
    application's affinity over all feasible assignments (the smallest sum of
    an application's best allowed affinities); ``method`` names the solver.
    """

    assignment: dict[Hashable, list[Hashable]]
    total_affinity: float
    worst_application_affinity: float
    worst_application_bound: float
    application_affinity: dict[Hashable, float] = field(default_factory=dict)
    reviewer_load: dict[Hashable, int] = field(default_factory=dict)
    method: str = ""

    def to_json_dict(self) -> dict[str, Any]:
        """The command line's output object (identifiers as strings)."""
        return {
            "assignment": {
                str(app): [str(r) for r in reviewers] for app, reviewers in self.assignment.items()
            },
            "total_affinity": self.total_affinity,
            "worst_application_affinity": self.worst_application_affinity,
            "worst_application_bound": self.worst_application_bound,
            "method": self.method,
        }


@dataclass(slots=True)
class _Problem:
    """The instance as arrays: rows are applications, columns reviewers."""

    applications: list[Hashable]
    reviewers: list[Hashable]
    affinity: np.ndarray  # float64, P × R
    allowed: np.ndarray  # bool, P × R: not forbidden (forced pairs are allowed)
    forced: np.ndarray  # bool, P × R
    per_application: int
    max_load: int
    min_load: int


# --------------------------------------------------------------------------- input


def _build_problem(
    affinity: Mapping[Pair, float] | AffinityMatrix,
    *,
    per_application: int,
    max_load: int,
    min_load: int,
    conflicts: Iterable[Pair],
    fixed: Mapping[Pair, bool] | None,
    applications: Sequence[Hashable] | None,
    reviewers: Sequence[Hashable] | None,
) -> _Problem:
    if isinstance(affinity, AffinityMatrix):
        apps = list(affinity.applications)
        revs = list(affinity.reviewers)
        values = np.array(affinity.values, dtype=np.float64).reshape(len(apps), len(revs))
    else:
        # First-appearance order keeps the output stable for a given input.
        apps = list(dict.fromkeys([*(applications or ()), *(p for p, _ in affinity)]))
        revs = list(dict.fromkeys([*(reviewers or ()), *(r for _, r in affinity)]))
        app_index = {p: i for i, p in enumerate(apps)}
        rev_index = {r: j for j, r in enumerate(revs)}
        values = np.zeros((len(apps), len(revs)), dtype=np.float64)
        count = len(affinity)
        rows = np.fromiter((app_index[p] for p, _ in affinity), dtype=np.intp, count=count)
        cols = np.fromiter((rev_index[r] for _, r in affinity), dtype=np.intp, count=count)
        values[rows, cols] = np.fromiter(affinity.values(), dtype=np.float64, count=count)
    if not np.all(np.isfinite(values)):
        raise ValueError("affinities must be finite numbers")
    if per_application < 0 or max_load < 0 or min_load < 0:
        raise ValueError("per_application, max_load and min_load must be non-negative")
    if min_load > max_load:
        raise InfeasibleAssignmentError(f"minimum load {min_load} exceeds maximum load {max_load}")
    app_index = {p: i for i, p in enumerate(apps)}
    rev_index = {r: j for j, r in enumerate(revs)}
    allowed = np.ones(values.shape, dtype=bool)
    forced = np.zeros(values.shape, dtype=bool)
    for p, r in conflicts:
        if p in app_index and r in rev_index:
            allowed[app_index[p], rev_index[r]] = False
    for (p, r), keep in (fixed or {}).items():
        if p not in app_index or r not in rev_index:
            raise ValueError(f"fixed pair ({p!r}, {r!r}) names an unknown application or reviewer")
        i, j = app_index[p], rev_index[r]
        if keep:
            if not allowed[i, j]:
                raise InfeasibleAssignmentError(
                    f"pair ({p!r}, {r!r}) is forced in but is a conflict of interest"
                )
            forced[i, j] = True
        else:
            allowed[i, j] = False
    problem = _Problem(apps, revs, values, allowed, forced, per_application, max_load, min_load)
    _check_feasibility(problem)
    return problem


def _check_feasibility(problem: _Problem) -> None:
    """Raise with a precise message for the infeasibilities that counting reveals."""
    k, u, low = problem.per_application, problem.max_load, problem.min_load
    n_apps, n_revs = problem.affinity.shape
    available = problem.allowed.sum(axis=1)
    for i in np.flatnonzero(available < k):
        raise InfeasibleAssignmentError(
            f"application {problem.applications[i]!r} has only {int(available[i])} "
            f"conflict-free reviewers but needs {k}"
        )
    forced_per_app = problem.forced.sum(axis=1)
    for i in np.flatnonzero(forced_per_app > k):
        raise InfeasibleAssignmentError(
            f"application {problem.applications[i]!r} has {int(forced_per_app[i])} "
            f"forced reviewers but needs only {k}"
        )
    forced_per_rev = problem.forced.sum(axis=0)
    for j in np.flatnonzero(forced_per_rev > u):
        raise InfeasibleAssignmentError(
            f"reviewer {problem.reviewers[j]!r} has {int(forced_per_rev[j])} forced "
            f"applications but a maximum load of {u}"
        )
    if k * n_apps > u * n_revs:
        raise InfeasibleAssignmentError(
            f"{n_apps} applications × {k} reviews = {k * n_apps} reviews needed, but "
            f"{n_revs} reviewers × load {u} = {u * n_revs} available"
        )
    if low * n_revs > k * n_apps:
        raise InfeasibleAssignmentError(
            f"minimum load {low} × {n_revs} reviewers = {low * n_revs} reviews, but only "
            f"{k * n_apps} reviews exist"
        )
    eligible = problem.allowed.sum(axis=0)
    for j in np.flatnonzero(eligible < low):
        raise InfeasibleAssignmentError(
            f"reviewer {problem.reviewers[j]!r} may review only {int(eligible[j])} "
            f"applications but has a minimum load of {low}"
        )


def _result(problem: _Problem, chosen: np.ndarray, method: str) -> ReviewAssignment:
    """Package a boolean P × R assignment after checking every constraint."""
    k, u, low = problem.per_application, problem.max_load, problem.min_load
    per_app = chosen.sum(axis=1)
    loads = chosen.sum(axis=0)
    # A violated constraint here is a solver bug; never hand it to an operator.
    if (
        np.any(per_app != k)
        or np.any(loads > u)
        or np.any(loads < low)
        or np.any(chosen & ~problem.allowed)
        or np.any(problem.forced & ~chosen)
    ):
        raise RuntimeError(f"{method} produced an assignment that violates the constraints")
    values = problem.affinity
    sums = np.where(chosen, values, 0.0).sum(axis=1)
    assignment: dict[Hashable, list[Hashable]] = {}
    for i, app in enumerate(problem.applications):
        columns = np.flatnonzero(chosen[i])
        # Best first; ties keep the reviewers' input order (stable sort).
        columns = columns[np.argsort(-values[i, columns], kind="stable")]
        assignment[app] = [problem.reviewers[j] for j in columns]
    return ReviewAssignment(
        assignment=assignment,
        total_affinity=float(sums.sum()),
        worst_application_affinity=float(sums.min()) if len(sums) else 0.0,
        worst_application_bound=_worst_application_bound(problem),
        application_affinity={
            app: float(s) for app, s in zip(problem.applications, sums, strict=True)
        },
        reviewer_load={rev: int(n) for rev, n in zip(problem.reviewers, loads, strict=True)},
        method=method,
    )


def _best_possible_sums(problem: _Problem) -> np.ndarray:
    """Each application's largest affinity sum ignoring loads: forced pairs plus
    its best other allowed reviewers."""
    k = problem.per_application
    values = problem.affinity
    forced_sum = np.where(problem.forced, values, 0.0).sum(axis=1)
    free = np.where(problem.allowed & ~problem.forced, values, -np.inf)
    missing = k - problem.forced.sum(axis=1)
    ordered = -np.sort(-free, axis=1)
    best = np.zeros(len(values))
    for need in np.unique(missing):
        rows = missing == need
        if need > 0:
            best[rows] = ordered[rows, :need].sum(axis=1)
    return forced_sum + best


def _worst_application_bound(problem: _Problem) -> float:
    if problem.affinity.shape[0] == 0:
        return 0.0
    return float(_best_possible_sums(problem).min())


# --------------------------------------------------------------------------- solvers


def _max_affinity_matrix(
    problem: _Problem, application_weights: np.ndarray | None = None
) -> np.ndarray:
    """Exact max-affinity assignment as a boolean matrix (min-cost flow),
    optionally with each application's affinities multiplied by a weight."""
    from ortools.graph.python import min_cost_flow  # slow import

    allowed = problem.allowed
    n_apps, n_revs = problem.affinity.shape
    forced = problem.forced
    # Forced pairs are placed first and removed from the residual problem.
    demand = problem.per_application - forced.sum(axis=1)
    capacity = problem.max_load - forced.sum(axis=0)
    floor = np.maximum(problem.min_load - forced.sum(axis=0), 0)
    rows, cols = np.nonzero(allowed & ~forced)
    chosen = forced.copy()
    if demand.sum() == 0:
        return chosen
    values = problem.affinity[rows, cols]
    if application_weights is not None:
        values = values * application_weights[rows]
    sink = n_apps + n_revs
    largest = float(np.abs(values).max()) if len(values) else 1.0
    # Scale to the finest integer resolution whose costs, multiplied by the
    # solver's internal factor (number of nodes + 1), stay within 64 bits.
    scale = min(1e12, 2.0**60 / ((sink + 2) * max(largest, 1e-300)))
    costs = -np.rint(values * scale).astype(np.int64)
    flow = min_cost_flow.SimpleMinCostFlow()
    flow.add_arcs_with_capacity_and_unit_cost(
        rows.astype(np.int32),
        (n_apps + cols).astype(np.int32),
        np.ones(len(rows), dtype=np.int64),
        costs,
    )
    flow.add_arcs_with_capacity_and_unit_cost(
        np.arange(n_apps, n_apps + n_revs, dtype=np.int32),
        np.full(n_revs, sink, dtype=np.int32),
        (capacity - floor).astype(np.int64),
        np.zeros(n_revs, dtype=np.int64),
    )
    supplies = np.concatenate([demand, -floor, [-(demand.sum() - floor.sum())]])
    if supplies[-1] > 0:
        raise InfeasibleAssignmentError(
            "the forced pairs leave fewer reviews than the minimum loads require"
        )
    flow.set_nodes_supplies(np.arange(sink + 1, dtype=np.int32), supplies.astype(np.int64))
    status = flow.solve()
    if status == flow.INFEASIBLE:
        raise InfeasibleAssignmentError(
            "no assignment satisfies the reviewers per application, the loads and the "
            "conflicts together (some group of applications has too few eligible reviewers)"
        )
    if status != flow.OPTIMAL:
        raise RuntimeError(f"min-cost flow solver failed with status {status}")
    used = flow.flows(np.arange(len(rows))) > 0
    chosen[rows[used], cols[used]] = True
    return chosen


def _candidate_pairs(problem: _Problem, base: np.ndarray) -> np.ndarray:
    """Pairs the fairness program may use (see the module docstring, step 2)."""
    allowed = problem.allowed
    n_apps, n_revs = allowed.shape
    if allowed.sum() <= _ALL_PAIRS_LIMIT:
        return allowed.copy()
    scores = np.where(allowed, problem.affinity, -np.inf)
    candidates = base | problem.forced
    rows = np.arange(n_apps)[:, None]
    best = min(_BEST_CANDIDATES, n_revs)
    candidates[rows, np.argpartition(-scores, best - 1, axis=1)[:, :best]] = True
    # Each reviewer's best applications: the swap routes when loads are tight
    # and no reviewer has spare capacity.
    best = min(_REVIEWER_CANDIDATES, n_apps)
    candidates[np.argpartition(-scores, best - 1, axis=0)[:best, :], np.arange(n_revs)] = True
    spare = base.sum(axis=0) < problem.max_load
    if spare.any():
        slack_scores = np.where(spare[None, :], scores, -np.inf)
        best = min(_SLACK_CANDIDATES, int(spare.sum()))
        candidates[rows, np.argpartition(-slack_scores, best - 1, axis=1)[:, :best]] = True
    return candidates & allowed


class _ThresholdProgram:
    """``max sum a x`` over candidate pairs subject to the assignment
    constraints and ``sum_r a[p, r] x[p, r] >= t`` for lazily chosen p."""

    def __init__(self, problem: _Problem, candidates: np.ndarray, base: np.ndarray) -> None:
        import scipy.sparse as sparse  # slow import

        self.problem = problem
        self.rows, self.cols = np.nonzero(candidates)
        n = len(self.rows)
        n_apps, n_revs = candidates.shape
        self.values = problem.affinity[self.rows, self.cols]
        index = np.arange(n)
        ones = np.ones(n)
        self.per_app = sparse.csr_matrix((ones, (self.rows, index)), shape=(n_apps, n))
        self.per_rev = sparse.csr_matrix((ones, (self.cols, index)), shape=(n_revs, n))
        self.sums = sparse.csr_matrix((self.values, (self.rows, index)), shape=(n_apps, n))
        self.lower = problem.forced[self.rows, self.cols].astype(np.float64)
        self.base_sums = np.where(base, problem.affinity, 0.0).sum(axis=1)
        self.base_worst = float(self.base_sums.min())

    def solve(
        self,
        threshold: float,
        *,
        integral: bool,
        deadline: float,
        around: np.ndarray | None = None,
    ) -> tuple[np.ndarray | None, bool]:
        """Return a 0/1 (or fractional) pair vector, or None and whether the
        program (over the free pairs) is proven infeasible rather than out of time.

        With ``around`` (a solution of the linear relaxation) only the
        applications with a fractional pair in it are free; the others keep
        their relaxation's (integral) reviewers.  This neighbourhood is small
        because vertices of the relaxation are integral but for the few
        applications whose threshold rows are tight.
        """
        from scipy.optimize import Bounds, LinearConstraint, milp  # slow import

        problem = self.problem
        # Also watch applications a little above the threshold: the program
        # pulls reviewers away from them, and a second round costs a full solve.
        margin = 0.25 * max(threshold - self.base_worst, 0.0)
        watched = np.flatnonzero(self.base_sums < threshold + margin)
        lower, upper = self.lower, np.ones(len(self.values))
        if around is not None:
            fractional = np.abs(around - np.rint(around)) > 1e-6
            free_apps = np.zeros(problem.affinity.shape[0], dtype=bool)
            free_apps[self.rows[fractional]] = True
            free = free_apps[self.rows]
            lower = np.where(free, self.lower, np.rint(around))
            upper = np.where(free, 1.0, np.rint(around))
            watched = np.flatnonzero(free_apps)
        for _ in range(20):
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                return None, False
            constraints = [
                LinearConstraint(self.per_app, problem.per_application, problem.per_application),
                LinearConstraint(self.per_rev, problem.min_load, problem.max_load),
            ]
            if len(watched):
                constraints.append(LinearConstraint(self.sums[watched], threshold, np.inf))
            outcome = milp(
                -self.values,
                constraints=constraints,
                integrality=np.full(len(self.values), int(integral)),
                bounds=Bounds(lower, upper),
                options={"time_limit": remaining, "mip_rel_gap": 1e-9},
            )
            if outcome.x is None:
                # Watching only some rows relaxes the program, so its
                # infeasibility is a proof for the whole program.
                return None, outcome.status == 2
            x = np.rint(outcome.x) if integral else outcome.x
            below = np.flatnonzero(self.sums @ x < threshold - _TOLERANCE)
            new = np.setdiff1d(below, watched)
            if len(new) == 0:
                return (x, False) if len(below) == 0 else (None, False)
            watched = np.union1d(watched, new)
        return None, False

    def max_min(self, *, deadline: float) -> float | None:
        """The integer max-min value from one program with the threshold as a
        variable; fast on tiny instances only, as its relaxation is weak."""
        import scipy.sparse as sparse  # slow import
        from scipy.optimize import Bounds, LinearConstraint, milp  # slow import

        problem = self.problem
        n = len(self.values)
        n_apps, n_revs = problem.affinity.shape
        cost = np.zeros(n + 1)
        cost[-1] = -1.0  # maximise the threshold column
        span = float(np.abs(self.values).sum()) + 1.0
        outcome = milp(
            cost,
            constraints=[
                LinearConstraint(
                    sparse.hstack([self.per_app, sparse.csr_matrix((n_apps, 1))]),
                    problem.per_application,
                    problem.per_application,
                ),
                LinearConstraint(
                    sparse.hstack([self.per_rev, sparse.csr_matrix((n_revs, 1))]),
                    problem.min_load,
                    problem.max_load,
                ),
                LinearConstraint(
                    sparse.hstack([self.sums, sparse.csr_matrix(-np.ones((n_apps, 1)))]),
                    0.0,
                    np.inf,
                ),
            ],
            integrality=np.concatenate([np.ones(n), [0.0]]),
            bounds=Bounds(np.append(self.lower, -span), np.append(np.ones(n), span)),
            options={"time_limit": max(deadline - time.monotonic(), 0.0)},
        )
        if outcome.status != 0 or outcome.x is None:
            return None
        return float((self.sums @ np.rint(outcome.x[:n])).min())

    def matrix(self, x: np.ndarray) -> np.ndarray:
        chosen = np.zeros(self.problem.affinity.shape, dtype=bool)
        picked = x > 0.5
        chosen[self.rows[picked], self.cols[picked]] = True
        return chosen


def _reweighted_flows(
    problem: _Problem, base: np.ndarray, bound: float, *, deadline: float
) -> np.ndarray:
    """A fair starting point from max-affinity flows with growing weights on
    the applications below target (a multiplicative-weights heuristic for
    the max-min relaxation); every flow is a feasible assignment."""
    values = problem.affinity
    weights = np.ones(values.shape[0])
    best = base
    sums = np.where(base, values, 0.0).sum(axis=1)
    best_score = (float(sums.min()), float(sums.sum()))
    span = max(bound - best_score[0], 1e-12)
    while time.monotonic() < deadline:
        # Aim halfway between the best worst so far and the bound.
        target = best_score[0] + 0.5 * (bound - best_score[0])
        weights *= np.exp(np.clip((target - sums) / span, 0.0, 1.0))
        weights /= weights.min()
        if weights.max() > 1e6:
            break  # the weights now dominate the affinities; more rounds repeat themselves
        chosen = _max_affinity_matrix(problem, weights)
        sums = np.where(chosen, values, 0.0).sum(axis=1)
        score = (float(sums.min()), float(sums.sum()))
        if score[0] > best_score[0] + _TOLERANCE or (
            score[0] >= best_score[0] - _TOLERANCE and score[1] > best_score[1]
        ):
            best, best_score = chosen, score
    return best


def _polish_with_flows(
    problem: _Problem,
    chosen: np.ndarray,
    base_worst: float,
    *,
    deadline: float,
    flow_seconds: float,
) -> np.ndarray:
    """Raise the total of a fair assignment without lowering its worst application.

    Applications near the worst keep their reviewers (as forced pairs); the
    others are re-assigned by a max-affinity flow.  Any that fall below the
    worst join the pinned ones and the flow is solved again.  The fair
    assignment restricted to the free applications is feasible for every
    flow, so the total never decreases.
    """
    values = problem.affinity
    sums = np.where(chosen, values, 0.0).sum(axis=1)
    worst, total = float(sums.min()), float(sums.sum())
    pinned = sums < worst + 0.5 * max(worst - base_worst, 0.0) + _TOLERANCE
    # Start a flow only if one fits before the deadline.
    while time.monotonic() + flow_seconds < deadline:
        pinned_problem = _Problem(
            problem.applications,
            problem.reviewers,
            values,
            problem.allowed,
            problem.forced | (chosen & pinned[:, None]),
            problem.per_application,
            problem.max_load,
            problem.min_load,
        )
        candidate = _max_affinity_matrix(pinned_problem)
        new_sums = np.where(candidate, values, 0.0).sum(axis=1)
        fallen = new_sums < worst - _TOLERANCE
        if not fallen.any():
            return candidate if float(new_sums.sum()) > total else chosen
        pinned |= fallen
    return chosen


def _fair_matrix(problem: _Problem, *, time_limit: float) -> np.ndarray:
    started = time.monotonic()
    deadline = started + time_limit
    base = _max_affinity_matrix(problem)
    flow_seconds = time.monotonic() - started
    if problem.affinity.shape[0] == 0:
        return base
    base_sums = np.where(base, problem.affinity, 0.0).sum(axis=1)
    feasible = float(base_sums.min())  # worst application of the best assignment
    infeasible = _worst_application_bound(problem)  # no assignment does better
    resolution = _TOLERANCE * max(1.0, float(np.abs(problem.affinity).max()))
    if infeasible - feasible <= resolution:
        return base  # already max-min optimal, and max-affinity
    candidates = _candidate_pairs(problem, base)
    program = _ThresholdProgram(problem, candidates, base)
    # Small programs are solved whole, exactly; large ones in the neighbourhood
    # of their linear relaxation (see _ThresholdProgram.solve).
    exact = bool(candidates.sum() <= _ALL_PAIRS_LIMIT)
    best = base
    best_score = (feasible, float(base_sums.sum()))

    def relaxation(threshold: float) -> tuple[np.ndarray | None, bool]:
        return program.solve(threshold, integral=False, deadline=deadline)

    def attempt(threshold: float, around: np.ndarray | None) -> bool:
        """Solve T(threshold) whole (``around=None``) or near ``around``."""
        nonlocal best, best_score, feasible, infeasible
        # At most 70 % of the remaining time: a threshold too hard to meet
        # must leave time for easier, lower ones.
        cap = time.monotonic() + max(0.7 * (deadline - time.monotonic()), 0.5)
        x, proven = program.solve(
            threshold, integral=True, deadline=min(deadline, cap), around=around
        )
        if x is None:
            if proven and around is None and exact:
                infeasible = min(infeasible, threshold)
            return False
        chosen = program.matrix(x)
        sums = np.where(chosen, problem.affinity, 0.0).sum(axis=1)
        worst, total = float(sums.min()), float(sums.sum())
        # Keep the lexicographically better of the two (worst first, within
        # the resolution, then total): a threshold met only within the
        # solver's tolerance must not replace an equally fair, richer answer.
        if worst > best_score[0] + resolution or (
            worst >= best_score[0] - resolution and total > best_score[1]
        ):
            best, best_score = chosen, (worst, total)
        feasible = max(feasible, threshold, worst)
        return True

    if candidates.sum() <= _TINY_PROGRAM:
        optimum = program.max_min(deadline=deadline)
        if optimum is not None and attempt(optimum, None):
            return best
    if exact:
        # Flows are fast at this size: a fair answer in hand before the
        # integer programs, which may stall on tight loads.
        start = _reweighted_flows(
            problem, base, infeasible, deadline=time.monotonic() + min(0.1 * time_limit, 1.0)
        )
        sums = np.where(start, problem.affinity, 0.0).sum(axis=1)
        if float(sums.min()) > feasible + resolution:
            best, best_score = start, (float(sums.min()), float(sums.sum()))
            feasible = best_score[0]
    # Largest threshold whose linear relaxation is feasible (an upper bound
    # over the candidates); the bound itself is often reached.
    relaxed, _ = relaxation(infeasible)
    low, high = feasible, infeasible
    if relaxed is None:
        # Linear programs are cheap when small; on large ones a coarse
        # bisection leaves time for the integer programs.
        precision = (1e-3 if exact else 1 / 64) * (infeasible - feasible)
        while high - low > precision and time.monotonic() < deadline:
            middle = (low + high) / 2
            solution, proven = relaxation(middle)
            if solution is not None:
                low, relaxed = middle, solution
            elif proven:
                high = middle
            else:
                break  # out of time
        if exact:
            infeasible = min(infeasible, high)
    else:
        low = high
    # Gallop down from the relaxation's threshold (integer optima sit just
    # below it).  The neighbourhood of the relaxation gives a fair answer
    # fast; exact mode then tries the whole program at the same threshold.
    threshold, step = low, max((low - feasible) / 1024, resolution)
    while relaxed is not None and threshold > feasible and time.monotonic() < deadline:
        if attempt(threshold, relaxed) or (exact and attempt(threshold, None)):
            break
        threshold -= step
        step *= 4
        relaxed, _ = relaxation(threshold)
    # Exact mode: bisect; a feasible answer jumps to the worst it achieves, so
    # the loop ends at the max-min optimum within the resolution.
    while exact and infeasible - feasible > resolution and time.monotonic() < deadline:
        before = (feasible, infeasible)
        attempt(max((feasible + infeasible) / 2, feasible + resolution), None)
        if (feasible, infeasible) == before:
            break  # out of time: neither an answer nor a proof
    # Exact mode: the second phase over the whole program at the final worst
    # (the answer may come from a neighbourhood, or from a lower threshold).
    if exact and best is not base and time.monotonic() < deadline:
        attempt(best_score[0] - resolution / 2, None)
    # Time-capped programs leave total affinity behind; flows recover some.
    if best is not base and time.monotonic() < deadline:
        best = _polish_with_flows(
            problem, best, float(base_sums.min()), deadline=deadline, flow_seconds=flow_seconds
        )
    return best


def _greedy_matrix(problem: _Problem) -> np.ndarray:
    n_apps, n_revs = problem.affinity.shape
    k, u = problem.per_application, problem.max_load
    chosen = problem.forced.copy()
    need = k - chosen.sum(axis=1)
    room = u - chosen.sum(axis=0)
    rows, cols = np.nonzero(problem.allowed & ~problem.forced)
    order = np.argsort(-problem.affinity[rows, cols], kind="stable")
    for i, j in zip(rows[order].tolist(), cols[order].tolist(), strict=True):
        if need[i] > 0 and room[j] > 0:
            chosen[i, j] = True
            need[i] -= 1
            room[j] -= 1
    if need.any():
        raise InfeasibleAssignmentError(
            "greedy assignment got stuck: some application has no eligible reviewer left"
        )
    return chosen


def max_affinity_assignment(
    affinity: Mapping[Pair, float] | AffinityMatrix,
    *,
    per_application: int,
    max_load: int,
    min_load: int = 0,
    conflicts: Iterable[Pair] = (),
    fixed: Mapping[Pair, bool] | None = None,
    applications: Sequence[Hashable] | None = None,
    reviewers: Sequence[Hashable] | None = None,
) -> ReviewAssignment:
    """Assign reviewers to maximise the total affinity, exactly.

    Parameters
    ----------
    affinity : mapping of (application, reviewer) to float, or AffinityMatrix
        Expertise affinity.  A pair missing from a mapping has affinity 0.
    per_application : int
        Reviewers each application gets (``K``).
    max_load, min_load : int
        Bounds on the number of applications per reviewer (``U``, ``L``).
    conflicts : iterable of (application, reviewer)
        Pairs that must never be assigned.  Pairs naming unknown ids are ignored.
    fixed : mapping of (application, reviewer) to bool, optional
        Operator overrides: ``True`` forces the pair in, ``False`` forbids it.
    applications, reviewers : sequence, optional
        Ids to include even if the mapping names none of their pairs.

    Returns
    -------
    ReviewAssignment

    Raises
    ------
    InfeasibleAssignmentError
        If no assignment satisfies the constraints.

    Notes
    -----
    Min-cost flow on integer-scaled costs (module docstring); the constraint
    matrix is totally unimodular, so the flow optimum is the optimum over all
    0/1 assignments.

    References
    ----------
    .. [1] C. J. Taylor, "On the optimal assignment of conference papers to
       reviewers", Technical Report MS-CIS-08-30, University of Pennsylvania, 2008.

    Examples
    --------
    >>> scores = {("a1", "r1"): 0.9, ("a1", "r2"): 0.2, ("a2", "r1"): 0.8, ("a2", "r2"): 0.7}
    >>> result = max_affinity_assignment(scores, per_application=1, max_load=1)
    >>> result.assignment, round(result.total_affinity, 6)
    ({'a1': ['r1'], 'a2': ['r2']}, 1.6)
    """
    problem = _build_problem(
        affinity,
        per_application=per_application,
        max_load=max_load,
        min_load=min_load,
        conflicts=conflicts,
        fixed=fixed,
        applications=applications,
        reviewers=reviewers,
    )
    return _result(problem, _max_affinity_matrix(problem), "max-affinity")


def fair_assignment(
    affinity: Mapping[Pair, float] | AffinityMatrix,
    *,
    per_application: int,
    max_load: int,
    min_load: int = 0,
    conflicts: Iterable[Pair] = (),
    fixed: Mapping[Pair, bool] | None = None,
    applications: Sequence[Hashable] | None = None,
    reviewers: Sequence[Hashable] | None = None,
    time_limit: float = 22.0,
) -> ReviewAssignment:
    """Assign reviewers to raise the worst-served application first, then total affinity.

    Parameters
    ----------
    affinity, per_application, max_load, min_load, conflicts, fixed, applications, reviewers
        As in :func:`max_affinity_assignment`.
    time_limit : float
        Seconds for the whole search (flows and programs); when it runs out
        the best assignment found so far (at least as fair as the
        max-affinity one) is returned.

    Returns
    -------
    ReviewAssignment
        ``worst_application_affinity`` equals ``worst_application_bound`` when
        the worst application is provably as well served as possible.

    Raises
    ------
    InfeasibleAssignmentError
        If no assignment satisfies the constraints.

    Notes
    -----
    Lexicographic max-min by threshold integer programs over candidate pairs
    (module docstring).  The worst application's affinity never drops below
    that of the max-affinity assignment.

    References
    ----------
    .. [1] A. Kobren, B. Saha, A. McCallum, "Paper matching with local fairness
       constraints", KDD 2019.
    .. [2] I. Stelmakh, N. B. Shah, A. Singh, "PeerReview4All: Fair and accurate
       reviewer assignment in peer review", ALT 2019.

    Examples
    --------
    >>> scores = {("a1", "r1"): 1.0, ("a1", "r2"): 0.4, ("a2", "r1"): 0.5, ("a2", "r2"): 0.0}
    >>> result = fair_assignment(scores, per_application=1, max_load=1)
    >>> result.assignment, result.worst_application_affinity
    ({'a1': ['r2'], 'a2': ['r1']}, 0.4)
    """
    problem = _build_problem(
        affinity,
        per_application=per_application,
        max_load=max_load,
        min_load=min_load,
        conflicts=conflicts,
        fixed=fixed,
        applications=applications,
        reviewers=reviewers,
    )
    return _result(problem, _fair_matrix(problem, time_limit=time_limit), "fair")


def greedy_assignment(
    affinity: Mapping[Pair, float] | AffinityMatrix,
    *,
    per_application: int,
    max_load: int,
    conflicts: Iterable[Pair] = (),
    fixed: Mapping[Pair, bool] | None = None,
    applications: Sequence[Hashable] | None = None,
    reviewers: Sequence[Hashable] | None = None,
) -> ReviewAssignment:
    """Baseline: take pairs in decreasing affinity while both sides have room.

    Parameters
    ----------
    affinity, per_application, max_load, conflicts, fixed, applications, reviewers
        As in :func:`max_affinity_assignment` (no minimum load).

    Returns
    -------
    ReviewAssignment

    Raises
    ------
    InfeasibleAssignmentError
        If the greedy order leaves an application short of reviewers.

    Notes
    -----
    ``O(m log m)`` for ``m`` allowed pairs; a 1/2-approximation of the total
    affinity for non-negative affinities (greedy b-matching).

    Examples
    --------
    >>> scores = {("a1", "r1"): 0.9, ("a1", "r2"): 0.2, ("a2", "r1"): 0.8, ("a2", "r2"): 0.7}
    >>> greedy_assignment(scores, per_application=1, max_load=1).assignment
    {'a1': ['r1'], 'a2': ['r2']}
    """
    problem = _build_problem(
        affinity,
        per_application=per_application,
        max_load=max_load,
        min_load=0,
        conflicts=conflicts,
        fixed=fixed,
        applications=applications,
        reviewers=reviewers,
    )
    return _result(problem, _greedy_matrix(problem), "greedy")


def assign_reviewers(
    affinity: Mapping[Pair, float] | AffinityMatrix,
    *,
    per_application: int,
    max_load: int,
    min_load: int = 0,
    conflicts: Iterable[Pair] = (),
    fair: bool = False,
    fixed: Mapping[Pair, bool] | None = None,
    applications: Sequence[Hashable] | None = None,
    reviewers: Sequence[Hashable] | None = None,
    time_limit: float = 22.0,
) -> ReviewAssignment:
    """Assign reviewers to applications: the default entry point.

    Parameters
    ----------
    affinity, per_application, max_load, min_load, conflicts, fixed, applications, reviewers
        As in :func:`max_affinity_assignment`.
    fair : bool
        Maximise the worst-served application first (:func:`fair_assignment`)
        instead of the total affinity (:func:`max_affinity_assignment`).
    time_limit : float
        Seconds for the fairness programs.

    Returns
    -------
    ReviewAssignment

    Raises
    ------
    InfeasibleAssignmentError
        If no assignment satisfies the constraints.

    Examples
    --------
    >>> scores = {("a1", "r1"): 0.9, ("a1", "r2"): 0.2, ("a2", "r1"): 0.8, ("a2", "r2"): 0.7}
    >>> assign_reviewers(scores, per_application=1, max_load=1, conflicts=[("a1", "r1")]).assignment
    {'a1': ['r2'], 'a2': ['r1']}
    """
    common: dict[str, Any] = {
        "per_application": per_application,
        "max_load": max_load,
        "min_load": min_load,
        "conflicts": conflicts,
        "fixed": fixed,
        "applications": applications,
        "reviewers": reviewers,
    }
    if fair:
        return fair_assignment(affinity, time_limit=time_limit, **common)
    return max_affinity_assignment(affinity, **common)


# --------------------------------------------------------------------------- files


def _is_number(text: str) -> bool:
    try:
        float(text)
    except ValueError:
        return False
    return True


def _read_score_columns(path: str | Path) -> tuple[list[str], list[str], np.ndarray]:
    """Columns of a scores file: applications, reviewers, affinities (row order)."""
    applications: list[str] = []
    reviewers: list[str] = []
    texts: list[str] = []
    header_seen = False
    with open(path, newline="", encoding="utf-8-sig") as handle:
        for number, row in enumerate(csv.reader(handle), start=1):
            if len(row) < 3:
                if any(cell.strip() for cell in row):
                    raise ValueError(f"{path}:{number}: expected application,reviewer,affinity")
                continue
            if not texts and not header_seen and not _is_number(row[2]):
                header_seen = True
                continue
            applications.append(row[0].strip())
            reviewers.append(row[1].strip())
            texts.append(row[2])
    try:
        values = np.array(texts, dtype=np.float64)
    except ValueError:
        for offset, text in enumerate(texts, start=1):
            if not _is_number(text):
                raise ValueError(
                    f"{path}: affinity {text.strip()!r} is not a number (data row {offset})"
                ) from None
        raise
    return applications, reviewers, values


def read_scores_csv(path: str | Path) -> dict[tuple[str, str], float]:
    """Read ``application,reviewer,affinity`` rows; a header row is skipped.

    Parameters
    ----------
    path : str or Path
        CSV file.  Blank lines are ignored; a later row for the same pair
        replaces an earlier one.

    Returns
    -------
    dict
        ``{(application, reviewer): affinity}`` in file order.
    """
    applications, reviewers, values = _read_score_columns(path)
    return dict(zip(zip(applications, reviewers, strict=True), values.tolist(), strict=True))


def _score_matrix(
    applications: list[str], reviewers: list[str], values: np.ndarray
) -> AffinityMatrix:
    """Dense matrix from score columns without a per-pair dictionary (large files)."""
    app_index = {p: i for i, p in enumerate(dict.fromkeys(applications))}
    rev_index = {r: j for j, r in enumerate(dict.fromkeys(reviewers))}
    rows = np.fromiter(map(app_index.__getitem__, applications), dtype=np.intp, count=len(values))
    cols = np.fromiter(map(rev_index.__getitem__, reviewers), dtype=np.intp, count=len(values))
    matrix = np.zeros((len(app_index), len(rev_index)), dtype=np.float64)
    flat = rows * len(rev_index) + cols
    if len(flat) and np.bincount(flat).max() > 1:
        # Repeated pairs: the last row wins, which fancy assignment does not
        # promise but the unbuffered ``maximum.at`` over row numbers does.
        last = np.full(matrix.size, -1, dtype=np.intp)
        np.maximum.at(last, flat, np.arange(len(flat)))
        last = last[last >= 0]
        rows, cols, values = rows[last], cols[last], values[last]
    matrix[rows, cols] = values
    return AffinityMatrix(list(app_index), list(rev_index), matrix)


def read_conflicts_csv(path: str | Path) -> list[tuple[str, str]]:
    """Read ``application,reviewer`` rows; a header row ``application,reviewer`` is skipped.

    Parameters
    ----------
    path : str or Path
        CSV file.

    Returns
    -------
    list of (application, reviewer)
    """
    pairs: list[tuple[str, str]] = []
    with open(path, newline="", encoding="utf-8-sig") as handle:
        for number, row in enumerate(csv.reader(handle), start=1):
            cells = [cell.strip() for cell in row]
            if not any(cells):
                continue
            if len(cells) < 2:
                raise ValueError(f"{path}:{number}: expected application,reviewer")
            if number == 1 and [c.lower() for c in cells[:2]] == ["application", "reviewer"]:
                continue
            pairs.append((cells[0], cells[1]))
    return pairs


def main(argv: Sequence[str] | None = None) -> int:
    """Command line (see the module docstring); returns the exit status."""
    parser = argparse.ArgumentParser(
        prog="python -m sache.engine.review",
        description="Assign reviewers to applications: maximum total affinity, "
        "or with --fair the worst-served application first.",
    )
    parser.add_argument("--scores", required=True, help="CSV application,reviewer,affinity")
    parser.add_argument("--conflicts", help="CSV application,reviewer of forbidden pairs")
    parser.add_argument("--per-application", type=int, required=True, metavar="K")
    parser.add_argument("--max-load", type=int, required=True, metavar="U")
    parser.add_argument("--min-load", type=int, default=0, metavar="L")
    parser.add_argument("--fair", action="store_true", help="maximise the worst application first")
    parser.add_argument(
        "--time-limit", type=float, default=22.0, help="seconds for a --fair run, reading included"
    )
    parser.add_argument("--out", required=True, help="output JSON file")
    args = parser.parse_args(argv)
    started = time.perf_counter()
    try:
        scores = _score_matrix(*_read_score_columns(args.scores))
        conflicts = read_conflicts_csv(args.conflicts) if args.conflicts else []
        result = assign_reviewers(
            scores,
            per_application=args.per_application,
            max_load=args.max_load,
            min_load=args.min_load,
            conflicts=conflicts,
            fair=args.fair,
            # The limit covers the whole run, reading included.
            time_limit=max(args.time_limit - (time.perf_counter() - started), 1.0),
        )
    except (ValueError, OSError) as error:
        print(f"error: {error}", file=sys.stderr)
        return 1
    output = result.to_json_dict()
    output["seconds"] = round(time.perf_counter() - started, 3)
    with open(args.out, "w", encoding="utf-8") as handle:
        json.dump(output, handle, indent=1)
        handle.write("\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
