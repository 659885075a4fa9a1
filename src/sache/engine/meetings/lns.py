"""Large neighbourhood search for fewer breaks, with the search's own SAT solver.

A move keeps most meetings in their slots (passed as assumptions, so every
learned clause stays valid), frees the rest and asks the solver for a schedule
with fewer breaks than the best one, under a small conflict budget. Three kinds
of neighbourhood take turns:

* **people**: the meetings of a set of participants grown from one with breaks
  along the meeting graph (breadth first, neighbours in random order), so that
  the people whose agendas must change together are freed together;
* **window**: every meeting in a window of consecutive slots that covers a break
  (random position), since breaks are local in time;
* **people in a window**: the meetings of a larger set of people, but only in a
  wider window.

Each kind has its own size, grown after a proof that the neighbourhood cannot
improve (UNSAT under the assumptions) and shrunk after running out of budget,
so a kind settles where moves are decided quickly but not trivially. The
neighbourhood of the previous search (a participant and all of its partners)
became the same set over and over once few participants had breaks, and every
move was the same proof of no improvement (measured on forum-14.prec15 and
ticf-14crafa.prec15: stuck at 10 and 3 breaks for the last 20 s of 60).

Determinism: the moves depend only on the seed and on the solver's answers; the
time limit decides how many moves are made.
"""

from __future__ import annotations

import itertools
import os
import random
import time
from collections import defaultdict
from collections.abc import Callable

from sache.engine.meetings.problem import MeetingProblem, breaks_per_participant

__all__ = ["BreakRepair"]

_DEBUG = bool(os.environ.get("SACHE_MEETINGS_DEBUG"))
_MOVE_BUDGET = 300  # conflicts per move: most moves are decided well within it


class BreakRepair:
    """Break-reducing moves on an incumbent schedule.

    Parameters
    ----------
    problem
        The event.
    encoding
        The :class:`~sache.engine.meetings.breaks.BreaksEncoding` loaded into ``solver``.
    solver
        An incremental pysat solver holding the encoding and the break totalizer.
    at_most
        ``at_most(k)`` gives the assumptions for "at most ``k`` breaks" (empty when
        the totalizer does not count that far).
    seed
        Seed of the neighbourhood choices.
    """

    def __init__(
        self,
        problem: MeetingProblem,
        encoding,
        solver,
        at_most: Callable[[int], list[int]],
        seed: int,
    ) -> None:
        self.problem = problem
        self.encoding = encoding
        self.solver = solver
        self.at_most = at_most
        self.rng = random.Random(seed)
        self.partners: dict[int, list[int]] = defaultdict(list)
        self.by_person: dict[int, list[object]] = defaultdict(list)
        for meeting in problem.meetings:
            self.partners[meeting.a].append(meeting.b)
            self.partners[meeting.b].append(meeting.a)
            self.by_person[meeting.a].append(meeting.id)
            self.by_person[meeting.b].append(meeting.id)
        for person, others in self.partners.items():
            self.partners[person] = sorted(set(others))
        # Sizes per kind: participants (people), slots (window), (people, slots) (mixed).
        self.people = 6
        self.width = 4
        self.mixed = (12, 8)
        self.moves = 0
        self.ceiling = 1 << 30
        self.phases = True

    def set_incumbent(self, best: dict) -> None:
        """Prefer the incumbent's values when the solver branches (solution-guided)."""
        if not self.phases:
            return
        encoding = self.encoding
        busy: dict[int, set[int]] = defaultdict(set)
        for meeting in self.problem.meetings:
            busy[meeting.a].add(best[meeting.id])
            busy[meeting.b].add(best[meeting.id])
        lits = [lit if best[m] == s else -lit for (m, s), lit in encoding.slot_var.items()]
        lits += [lit if s in busy[p] else -lit for (p, s), lit in encoding.busy.items()]
        self.solver.set_phases(lits)

    def _grow(self, centre: int, size: int) -> set[int]:
        """Up to ``size`` participants reached from ``centre`` breadth first."""
        chosen = {centre}
        frontier = [centre]
        while frontier and len(chosen) < size:
            following = []
            for person in frontier:
                others = [p for p in self.partners[person] if p not in chosen]
                self.rng.shuffle(others)
                for other in others:
                    if len(chosen) >= size:
                        break
                    chosen.add(other)
                    following.append(other)
            frontier = following
        return chosen

    def _window(self, best: dict, centre: int, width: int) -> set[int]:
        """``width`` consecutive slots covering one of ``centre``'s breaks."""
        slots = self.problem.slots
        width = min(width, slots)
        own = sorted(best[m] for m in self.by_person[centre])
        gaps = [(s, t) for s, t in itertools.pairwise(own) if t - s > 1]
        if gaps:
            first_busy, last_busy = self.rng.choice(gaps)
        else:
            first_busy = last_busy = own[0] if own else 0
        # Any window that holds the gap (or as much of it as fits), at a random offset.
        low = max(0, min(last_busy - width + 1, first_busy))
        high = min(slots - width, max(first_busy, last_busy - width + 1))
        start = self.rng.randint(min(low, high), max(low, high))
        return set(range(start, start + width))

    def improve(
        self,
        best: dict,
        upper: int,
        lower: int,
        deadline: float,
        budget: int = _MOVE_BUDGET,
    ) -> tuple[dict, int]:
        """Moves until ``deadline`` or ``upper == lower``; returns the best schedule and breaks.

        Each move gets at most ``budget`` conflicts.
        """
        from sache.engine.meetings.breaks import solve_until

        meetings = self.problem.meetings
        while upper > lower and time.monotonic() < deadline:
            breaks = breaks_per_participant(self.problem, best)
            broken = [person for person, count in breaks.items() if count]
            if not broken:
                break
            self.moves += 1
            kind = self.moves % 3
            centre = self.rng.choice(broken)
            if kind == 0:
                chosen = self._grow(centre, self.people)
                chosen.add(self.rng.choice(broken))
                assumptions = [
                    self.encoding.slot_var[m.id, best[m.id]]
                    for m in meetings
                    if m.a not in chosen and m.b not in chosen
                ]
            elif kind == 1:
                window = self._window(best, centre, self.width)
                assumptions = [
                    self.encoding.slot_var[m.id, best[m.id]]
                    for m in meetings
                    if best[m.id] not in window
                ]
            else:
                people, width = self.mixed
                chosen = self._grow(centre, people)
                window = self._window(best, centre, width)
                assumptions = [
                    self.encoding.slot_var[m.id, best[m.id]]
                    for m in meetings
                    if best[m.id] not in window or (m.a not in chosen and m.b not in chosen)
                ]
            target = min(upper - 1, self.ceiling - 1)
            outcome = solve_until(self.solver, assumptions + self.at_most(target), deadline, budget)
            if _DEBUG:
                size = (self.people, self.width, "{},{}".format(*self.mixed))[kind]
                print("move", "pwm"[kind], size, outcome, upper, round(time.monotonic(), 1))
            if outcome is True:
                best = self.encoding.read_slots(self.solver.get_model())
                upper = sum(breaks_per_participant(self.problem, best).values())
                self.set_incumbent(best)
            elif outcome is None or outcome is False:
                self._resize(kind, grow=outcome is False)
        return best, upper

    def _resize(self, kind: int, *, grow: bool) -> None:
        participants, slots = self.problem.participants, self.problem.slots
        if kind == 0:
            step = max(1, self.people // 5)
            self.people = (
                min(participants, self.people + step) if grow else max(2, self.people - step)
            )
        elif kind == 1:
            self.width = min(slots, self.width + 1) if grow else max(2, self.width - 1)
        else:
            people, width = self.mixed
            if grow:
                # Alternate growing the people and the slots.
                if self.rng.random() < 0.5:
                    people = min(participants, people + max(1, people // 5))
                else:
                    width = min(slots, width + 1)
            else:
                people = max(2, people - max(1, people // 5))
                width = max(2, width - 1)
            self.mixed = (people, width)
