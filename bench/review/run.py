"""Benchmark of sache.engine.review against a greedy baseline and an independent LP bound.

Usage::

    PYTHONPATH=src python bench/review/run.py [DATA_DIR] [--skip-large] [--only NAME]
        [--no-fair-bound]

DATA_DIR defaults to ``../shared/data`` beside the repository.  Instances:

* ``generated``: 200 applications × 60 reviewers, 20-topic Dirichlet(0.1)
  profiles, affinity = dot product, 1 % random conflicts, K = 3, U = 12.
* ``midl2018``: the MIDL 2018 matrix of Kobren et al. (entries of -1 are
  conflicts), K = 3, U = 4, as in the reference table of the data README.
* ``preflib1..3``, ``query``: the Jecmen et al. matrices (rows reviewers,
  columns papers, ``mask_matrix == 1`` marks a conflict), K = 3 and
  U = ceil(1.2 · K · papers / reviewers).
* ``synthetic``: 2,000 × 1,000, generated like ``generated``, K = 3, U = 7.
* ``synthetic-tight``: another draw with U = 6, so every reviewer is full.

For each instance: the greedy baseline, our max-affinity solver, our fair
solver, and ``linprog`` (HiGHS) on the LP relaxation of the max-affinity
problem over all allowed pairs, written here from scratch so that it shares
no code with the engine.  Its optimum is exact because the constraint matrix
is totally unimodular.  ``bound worst`` is the smallest sum of an
application's K best allowed affinities, an upper bound on any assignment's
worst application.  ``LP bound at worst >= t`` bounds the total of any
assignment whose worst application reaches our fair result's ``t``.  The
command line is also run on MIDL 2018 and on the 2,000 × 1,000 instance
(CSV files written to ``bench/out/review/``, reading time included), and
every figure is recomputed from the returned assignment.
"""

from __future__ import annotations

import argparse
import csv
import json
import math
import subprocess
import sys
import time
from pathlib import Path

import numpy as np

REPO = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(REPO / "src"))

from sache.engine.review import (  # noqa: E402
    AffinityMatrix,
    fair_assignment,
    greedy_assignment,
    max_affinity_assignment,
)

SEED = 20260601


def dirichlet_instance(n_apps, n_revs, seed, topics=20, concentration=0.1, conflict_rate=0.01):
    rng = np.random.default_rng(seed)
    apps = rng.dirichlet(np.full(topics, concentration), n_apps)
    revs = rng.dirichlet(np.full(topics, concentration), n_revs)
    values = apps @ revs.T
    allowed = rng.random((n_apps, n_revs)) >= conflict_rate
    return values, allowed


def load_instances(data_dir: Path, skip_large: bool):
    values, allowed = dirichlet_instance(200, 60, SEED)
    yield "generated 200×60", values, allowed, 3, 12
    midl = data_dir / "reviewers" / "midl2018"
    if midl.exists():
        scores = np.load(midl / "scores.npy").T  # papers × reviewers
        yield "MIDL 2018", scores, scores > -1, 3, 4
    jecmen = data_dir / "reviewers" / "jecmen2021"
    for name in ("preflib1", "preflib2", "preflib3", "query"):
        path = jecmen / f"{name}.npz"
        if not path.exists():
            continue
        data = np.load(path)
        values = np.asarray(data["similarity_matrix"], dtype=float).T
        allowed = np.asarray(data["mask_matrix"]).T == 0
        n_apps, n_revs = values.shape
        k = 3
        yield f"{name} (Jecmen)", values, allowed, k, math.ceil(1.2 * k * n_apps / n_revs)
    if not skip_large:
        values, allowed = dirichlet_instance(2000, 1000, SEED + 1)
        yield "synthetic 2000×1000", values, allowed, 3, 7
        # Capacity exactly equal to demand: every reviewer is full.
        values, allowed = dirichlet_instance(2000, 1000, SEED + 2)
        yield "synthetic-tight 2000×1000", values, allowed, 3, 6


def lp_optimum(values, allowed, k, u):
    """Max total affinity of the LP relaxation (HiGHS), independent of the engine."""
    import scipy.sparse as sparse
    from scipy.optimize import linprog

    rows, cols = np.nonzero(allowed)
    n = len(rows)
    n_apps, n_revs = values.shape
    index = np.arange(n)
    per_app = sparse.csr_matrix((np.ones(n), (rows, index)), shape=(n_apps, n))
    per_rev = sparse.csr_matrix((np.ones(n), (cols, index)), shape=(n_revs, n))
    started = time.perf_counter()
    outcome = linprog(
        -values[rows, cols],
        A_ub=per_rev,
        b_ub=np.full(n_revs, u),
        A_eq=per_app,
        b_eq=np.full(n_apps, k),
        bounds=(0, 1),
        method="highs",
    )
    if outcome.status != 0:
        raise RuntimeError(outcome.message)
    return -outcome.fun, time.perf_counter() - started


def fair_lp_bound(values, allowed, k, u, worst, max_affinity_sums):
    """Max total affinity of the LP relaxation when applications keep >= worst.

    An upper bound on the total of any assignment as fair as ours, over all
    allowed pairs (not only the engine's candidates).  The threshold rows are
    kept only for the applications below 1.25 × worst in the max-affinity
    assignment: dropping rows only loosens the bound, and keeps the LP fast.
    """
    import scipy.sparse as sparse
    from scipy.optimize import linprog

    rows, cols = np.nonzero(allowed)
    n = len(rows)
    n_apps, n_revs = values.shape
    index = np.arange(n)
    a = values[rows, cols]
    per_app = sparse.csr_matrix((np.ones(n), (rows, index)), shape=(n_apps, n))
    per_rev = sparse.csr_matrix((np.ones(n), (cols, index)), shape=(n_revs, n))
    watched = np.flatnonzero(max_affinity_sums < 1.25 * worst)
    sums = sparse.csr_matrix((-a, (rows, index)), shape=(n_apps, n))[watched]
    started = time.perf_counter()
    outcome = linprog(
        -a,
        A_ub=sparse.vstack([per_rev, sums]).tocsr(),
        # The LP may use the same tolerance as the engine's integer programs.
        b_ub=np.concatenate([np.full(n_revs, u), np.full(len(watched), -(worst - 1e-7))]),
        A_eq=per_app,
        b_eq=np.full(n_apps, k),
        bounds=(0, 1),
        method="highs",
    )
    if outcome.status != 0:
        raise RuntimeError(outcome.message)
    return -outcome.fun, time.perf_counter() - started


def check(result, values, allowed, k, u):
    """Recompute the figures from the assignment itself; never trust the solver's."""
    chosen = np.zeros(values.shape, dtype=bool)
    for app, reviewers in result.assignment.items():
        chosen[app, list(reviewers)] = True
    assert (chosen.sum(axis=1) == k).all(), "wrong number of reviewers"
    assert (chosen.sum(axis=0) <= u).all(), "overloaded reviewer"
    assert not (chosen & ~allowed).any(), "conflict assigned"
    sums = np.where(chosen, values, 0.0).sum(axis=1)
    return float(sums.sum()), float(sums.min())


def write_csv(values, allowed, out_dir: Path, stem: str):
    """Write an instance as the command line's SCORES.csv and CONFLICTS.csv."""
    out_dir.mkdir(parents=True, exist_ok=True)
    scores, conflicts = out_dir / f"{stem}_scores.csv", out_dir / f"{stem}_conflicts.csv"
    n_apps, n_revs = values.shape
    with open(scores, "w", newline="") as handle:
        handle.write("application,reviewer,affinity\n")
        for i in range(n_apps):
            handle.write(
                "".join(f"a{i},r{j},{float(values[i, j])!r}\n" for j in np.flatnonzero(allowed[i]))
            )
    with open(conflicts, "w", newline="") as handle:
        writer = csv.writer(handle)
        for i, j in zip(*np.nonzero(~allowed), strict=True):
            writer.writerow([f"a{i}", f"r{j}"])
    return scores, conflicts


def run_cli(name, values, allowed, k, u, out_dir: Path):
    """Run the command line on an instance written as CSV; recompute its figures."""
    stem = name.split()[0].lower()
    scores, conflicts = write_csv(values, allowed, out_dir, stem)
    rows = []
    for fair in (False, True):
        out = out_dir / f"{stem}_{'fair' if fair else 'total'}.json"
        command = [
            sys.executable, "-m", "sache.engine.review",
            "--scores", str(scores), "--conflicts", str(conflicts),
            "--per-application", str(k), "--max-load", str(u), "--out", str(out),
        ] + (["--fair"] if fair else [])  # fmt: skip
        started = time.perf_counter()
        subprocess.run(command, check=True, env={"PYTHONPATH": str(REPO / "src"), "PATH": ""})
        seconds = time.perf_counter() - started
        written = json.loads(out.read_text())
        sums = []
        for app, reviewers in written["assignment"].items():
            i = int(app.removeprefix("a"))
            js = [int(r.removeprefix("r")) for r in reviewers]
            assert len(set(js)) == k and allowed[i, js].all(), "bad CLI assignment"
            sums.append(float(values[i, js].sum()))
        loads = np.bincount(
            [int(r.removeprefix("r")) for v in written["assignment"].values() for r in v],
            minlength=values.shape[1],
        )
        assert loads.max() <= u and len(sums) == values.shape[0]
        rows.append(("fair" if fair else "max-affinity", sum(sums), min(sums), seconds))
    return rows


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("data_dir", nargs="?", default=str(REPO.parent / "shared" / "data"))
    parser.add_argument("--skip-large", action="store_true")
    parser.add_argument("--only", help="run only instances whose name contains this")
    parser.add_argument(
        "--no-fair-bound",
        action="store_true",
        help="skip the LP bound of the fair total (slow at scale)",
    )
    args = parser.parse_args()
    data_dir = Path(args.data_dir)

    print(
        "| instance | apps × reviewers | K / U | solver | total affinity | LP optimum | "
        "gap to LP | worst application | bound worst | wall s |"
    )
    print("|---|---|---|---|---|---|---|---|---|---|")
    for name, values, allowed, k, u in load_instances(data_dir, args.skip_large):
        if args.only and args.only not in name:
            continue
        n_apps, n_revs = values.shape
        matrix = AffinityMatrix(list(range(n_apps)), list(range(n_revs)), values)
        conflicts = list(zip(*np.nonzero(~allowed), strict=True))
        optimum, lp_seconds = lp_optimum(values, allowed, k, u)
        options = {"per_application": k, "max_load": u, "conflicts": conflicts}
        solvers = [
            ("greedy", greedy_assignment),
            ("ours max-affinity", max_affinity_assignment),
            ("ours fair", fair_assignment),
        ]
        for label, solve in solvers:
            started = time.perf_counter()
            try:
                result = solve(matrix, **options)
            except ValueError as error:
                print(f"| {name} | {n_apps} × {n_revs} | {k} / {u} | {label} | failed: {error} |")
                continue
            seconds = time.perf_counter() - started
            total, worst = check(result, values, allowed, k, u)
            print(
                f"| {name} | {n_apps} × {n_revs} | {k} / {u} | {label} | {total:.4f} | "
                f"{optimum:.4f} | {optimum - total:.2e} | {worst:.4f} | "
                f"{result.worst_application_bound:.4f} | {seconds:.2f} |",
                flush=True,
            )
            if label == "ours max-affinity":
                max_affinity_sums = np.array(
                    [result.application_affinity[i] for i in range(n_apps)]
                )
            if label == "ours fair" and not args.no_fair_bound:
                bound, bound_seconds = fair_lp_bound(
                    values, allowed, k, u, worst, max_affinity_sums
                )
                print(
                    f"| {name} | {n_apps} × {n_revs} | {k} / {u} | LP bound at worst ≥ "
                    f"{worst:.4f} | | {bound:.4f} | {bound - total:.2e} | | | {bound_seconds:.2f} |",
                    flush=True,
                )
        print(
            f"| {name} | {n_apps} × {n_revs} | {k} / {u} | LP bound (linprog HiGHS) | | "
            f"{optimum:.4f} | | | | {lp_seconds:.2f} |",
            flush=True,
        )
        if name.startswith(("MIDL", "synthetic")):
            for label, total, worst, seconds in run_cli(
                name, values, allowed, k, u, REPO / "bench" / "out" / "review"
            ):
                print(
                    f"| {name} | {n_apps} × {n_revs} | {k} / {u} | ours {label} via CLI "
                    f"(CSV reading included) | {total:.4f} | | | {worst:.4f} | | {seconds:.2f} |",
                    flush=True,
                )


if __name__ == "__main__":
    main()
