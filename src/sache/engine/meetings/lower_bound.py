"""Exact bound search in a second process: "at most k breaks" for k = 0, 1, 2, ...

The SAT search of :mod:`.breaks` runs Glucose incrementally (interruptible,
with conflict budgets) on an encoding that counts tables on busy participants
(at most ``2T`` busy, an even number). That count finds schedules fast on most
instances and makes others hopeless: "no schedule without breaks" on
ticf-13crafc.original was not proven by Glucose in 356k conflicts (60 s), and
"at most 1 break" not found. Counting tables on the meetings instead
(``x[m,s]``, at most ``T``), the same steps take 2.8k conflicts (0.2 s) and
12.6k conflicts (1.6 s, a schedule with the optimal 1 break); on tic-14crafc,
ticf-14crafa, forum-14 and tic-13crafc the other way round (measurements in
bench/meetings/README.md). Both counts together were slower than either.

So this worker is the other half of a two-process portfolio: the encoding of
:class:`~sache.engine.meetings.breaks.BreaksEncoding` with tables on meetings,
plus "at most k break literals" (sequential counter) as clauses, solved from
scratch for ``k = first, first + 1, ...``. UNSAT proves ``breaks >= k + 1``;
SAT gives a schedule with at most ``k`` breaks, optimal because every smaller
``k`` was refuted (here or by the caller). Every answer is sent as soon as it
is known. Glucose 4 needed 2.1-2.4 s of CPU for the two steps on the four
instances measured, CaDiCaL 1.9.5 2.6-4.6 s (CaDiCaL was the faster one on the
busy-participant encoding: 12 s against no answer). The worker is a child
process that the caller terminates at its deadline, so the time limit holds
whatever the solver does; on the 2-core machine the child gets the other core.
"""

from __future__ import annotations

import contextlib
import json
import os
import subprocess
import sys
import weakref
from dataclasses import dataclass, field

from sache.engine.meetings.problem import MeetingProblem

__all__ = ["BoundWorker", "exact_bound_steps"]

_SOLVER = "g4"
_NICE = 5  # added to the child's niceness


def exact_bound_steps(
    problem: MeetingProblem,
    first: int,
    send,
    proven=lambda: 0,
    solver_name: str = _SOLVER,
) -> None:
    """Solve "at most k breaks" for k = first, first + 1, ... and ``send`` every answer.

    ``send(("unsat", k))`` proves that every schedule has more than ``k`` breaks;
    ``send(("sat", k, slots))`` gives a schedule with at most ``k`` breaks and ends
    the search. ``proven()`` returns a lower bound proven elsewhere (the caller's
    search); steps below it are skipped. Runs until done (no time limit: run it
    where it can be killed).
    """
    from pysat.card import CardEnc, EncType
    from pysat.solvers import Solver

    from sache.engine.meetings.breaks import BreaksEncoding

    encoding = BreaksEncoding(problem, tables_on="meetings")
    all_breaks = [lit for lits in encoding.break_lits.values() for lit in lits]
    k = first
    while k <= len(all_breaks):
        k = max(k, proven())
        if k == 0:
            bound = [[-lit] for lit in all_breaks]
        else:
            bound = CardEnc.atmost(
                all_breaks, k, top_id=encoding.pool.top, encoding=EncType.seqcounter
            ).clauses
        # A fresh solver per k, the bound as clauses: simplification can use them (with
        # CaDiCaL on the busy-count CNF, "0 breaks" took 11.8 s of CPU as unit clauses
        # and 19.1 s as assumptions; the incremental "<= 1" after it found nothing).
        with Solver(name=solver_name, bootstrap_with=encoding.clauses + bound) as solver:
            if solver.solve():
                send(("sat", k, encoding.read_slots(solver.get_model())))
                return
        send(("unsat", k))
        k += 1


def _child_main() -> None:
    """Child side: the problem arrives pickled on stdin, answers leave as JSON lines."""
    import pickle
    import select

    # Below the parent in priority: where its search is the one that succeeds (the
    # child's first step is hard on ticf-14crafa.original) the child took half its CPU
    # (13.5 s wall without the child, 25.7 s with it, at load 3); an idle core still
    # goes to the child.
    with contextlib.suppress(AttributeError, OSError):
        os.nice(_NICE)
    stdin = sys.stdin.buffer
    size = int.from_bytes(stdin.read(8), "big")
    problem, first = pickle.loads(stdin.read(size))
    known = [first]

    def proven() -> int:
        # The parent writes "lower L" lines whenever its own search raises the bound.
        while select.select([stdin], [], [], 0)[0]:
            line = stdin.readline()
            if not line:  # the parent is gone
                sys.exit(0)
            known[0] = max(known[0], int(line.split()[1]))
        return known[0]

    def send(message: tuple) -> None:
        if message[0] == "sat":
            message = (message[0], message[1], sorted(message[2].items(), key=str))
        sys.stdout.write(json.dumps(message) + "\n")
        sys.stdout.flush()

    exact_bound_steps(problem, first, send, proven)


def _kill(process: subprocess.Popen) -> None:
    if process.poll() is None:
        process.kill()
        process.wait()


@dataclass
class BoundWorker:
    """:func:`exact_bound_steps` in a child process; poll it, stop it at the deadline.

    A plain subprocess (``python -m sache.engine.meetings.lower_bound``), not
    :mod:`multiprocessing`: "fork" is unsafe in threaded web processes and "spawn"
    re-imports the caller's main module. ``lower`` is the best bound proven by the
    child (``first`` until it answers), ``slots`` its optimal schedule once found.
    """

    problem: MeetingProblem
    first: int = 0
    lower: int = 0
    slots: dict | None = None
    done: bool = False
    _process: subprocess.Popen | None = field(default=None, repr=False)
    _buffer: bytes = field(default=b"", repr=False)

    def start(self) -> BoundWorker:
        import pickle

        self.lower = self.first
        self._process = subprocess.Popen(
            [sys.executable, "-m", "sache.engine.meetings.lower_bound"],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL,
            env={**os.environ, "PYTHONPATH": os.pathsep.join(p for p in sys.path if p)},
        )
        # Killed with this object or at interpreter exit, should stop() never be called.
        weakref.finalize(self, _kill, self._process)
        payload = pickle.dumps((self.problem, self.first))
        try:
            self._process.stdin.write(len(payload).to_bytes(8, "big") + payload)
            self._process.stdin.flush()
        except (BrokenPipeError, OSError):
            self.done = True
        return self

    def tell(self, lower: int) -> None:
        """Pass a bound proven by the caller, so the child skips the steps below it."""
        if self._process is not None and not self.done and lower > self.lower:
            with contextlib.suppress(BrokenPipeError, OSError):
                self._process.stdin.write(f"lower {lower}\n".encode())
                self._process.stdin.flush()

    def poll(self, timeout: float = 0.0) -> bool:
        """Read every answer sent so far (waiting up to ``timeout`` s); True if any."""
        import select

        if self.done or self._process is None:
            return False
        stdout = self._process.stdout
        got = False
        while select.select([stdout], [], [], timeout)[0]:
            timeout = 0.0
            chunk = os.read(stdout.fileno(), 1 << 16)
            if not chunk:  # the child ended
                self.done = True
                break
            self._buffer += chunk
            *lines, self._buffer = self._buffer.split(b"\n")
            for line in lines:
                message = json.loads(line)
                got = True
                if message[0] == "unsat":
                    self.lower = max(self.lower, message[1] + 1)
                else:
                    self.slots = dict(message[2])
                    self.done = True
        return got

    def stop(self) -> None:
        """Terminate the child (idempotent)."""
        process = self._process
        if process is None:
            return
        if process.poll() is None:
            process.terminate()
            try:
                process.wait(1.0)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait(1.0)
        for stream in (process.stdin, process.stdout):
            with contextlib.suppress(OSError):
                stream.close()
        self._process = None


if __name__ == "__main__":
    _child_main()
