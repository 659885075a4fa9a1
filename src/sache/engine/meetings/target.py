"""A second SAT solver (CaDiCaL) asked for a schedule with at most ``k`` breaks.

Measured (bench/meetings/README.md): the "at most the optimum" call that Glucose 4
does not finish in 12-14 s of CPU is solved by CaDiCaL 1.5.3 from scratch in
4.7-14.5 s of CPU on forum-14.prec15, ticf-14crafa.prec15, forum-13crafc.original
and forum-13crafc.prec15, where the repair moves on Glucose's schedules stall a
few breaks above it. The search keeps Glucose for its bound steps and repair
moves and gives this solver a share of the time for the question "a schedule
with at most ``lower`` breaks?": yes is an optimal schedule, no raises the
bound.

pysat's CaDiCaL cannot be interrupted, so a call is cut into conflict budgets
sized from the conflict rate measured so far and the time left; a budget of
10,000 conflicts or more per call keeps CaDiCaL's search intact (2,000 per call
made the same query take four times the conflicts).
"""

from __future__ import annotations

import os
import time

__all__ = ["TargetSolver"]

_SOLVER = "cd15"
_FIRST_CHUNK = 10000  # conflicts before the rate is known
_MIN_CHUNK = 2000
_DEBUG = bool(os.environ.get("SACHE_MEETINGS_DEBUG"))
_CHUNK_SECONDS = 3.0  # longest call at the measured rate (pysat cannot interrupt CaDiCaL)


class TargetSolver:
    """CaDiCaL on the search's CNF with its own totalizer over the break literals.

    Parameters
    ----------
    clauses
        The encoding's clauses.
    break_lits
        Every break literal (the objective).
    top_id
        Largest variable of ``clauses``.
    """

    def __init__(self, clauses: list[list[int]], break_lits: list[int], top_id: int) -> None:
        from pysat.card import ITotalizer
        from pysat.solvers import Solver

        self.solver = Solver(name=_SOLVER, bootstrap_with=clauses)
        self.lits = break_lits
        self.totalizer = ITotalizer(lits=break_lits, ubound=min(len(break_lits), 16), top_id=top_id)
        self.solver.append_formula(self.totalizer.cnf.clauses)
        self.conflicts = 0
        self.seconds = 0.0
        self.rate = 0.0  # conflicts per second (wall clock), 0 until measured

    def close(self) -> None:
        self.solver.delete()

    def _at_most(self, k: int) -> list[int]:
        if k >= len(self.lits):
            return []
        if k >= len(self.totalizer.rhs):
            self.totalizer.increase(ubound=min(len(self.lits), k + 8), top_id=self.totalizer.top_id)
            if self.totalizer.nof_new:
                self.solver.append_formula(self.totalizer.cnf.clauses[-self.totalizer.nof_new :])
        return [-self.totalizer.rhs[k]]

    def set_phases(self, lits: list[int]) -> None:
        self.solver.set_phases(lits)

    def solve(self, k: int, budget: int, deadline: float) -> bool | None:
        """At most ``k`` breaks within ``budget`` conflicts, stopping before ``deadline``.

        Returns True (model in :meth:`model`), False (proof that none exists) or None.
        """
        assumptions = self._at_most(k)
        spent = 0
        while spent < budget:
            remaining = deadline - time.monotonic()
            if self.rate:
                # What fits into 30 % of the time left, and at most _CHUNK_SECONDS: the
                # rate changes with the question (ticf-13crafc.prec15: "<= 1" ran at
                # a third of the rate measured on "<= 0", and a call sized for the 19 s
                # left took 29 s; forum-13crafc.forb0003: a call sized for 5 s took 8 s).
                seconds = min(0.3 * remaining, _CHUNK_SECONDS)
                chunk = min(budget - spent, int(self.rate * seconds))
            else:
                chunk = min(budget - spent, _FIRST_CHUNK)
            if chunk < _MIN_CHUNK or remaining <= 0:
                return None
            before = self.solver.accum_stats().get("conflicts", 0)
            started = time.monotonic()
            self.solver.conf_budget(chunk)
            outcome = self.solver.solve_limited(assumptions=assumptions)
            self.seconds += time.monotonic() - started
            done = self.solver.accum_stats().get("conflicts", 0) - before
            elapsed = time.monotonic() - started
            self.conflicts += done
            if _DEBUG:
                print("chunk", chunk, done, round(elapsed, 1), outcome, round(remaining, 1))
            if done >= _MIN_CHUNK and elapsed > 0:
                # The latest rate if it is lower: an overestimate overruns the limit.
                latest = done / elapsed
                self.rate = latest if not self.rate else min(latest, self.conflicts / self.seconds)
            spent += max(done, 1)
            if outcome is not None:
                return outcome
        return None

    def model(self) -> list[int]:
        return self.solver.get_model()
