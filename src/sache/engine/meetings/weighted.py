"""Overloaded events: schedule the most valuable meetings when not all of them fit.

Problem: meetings ``m = (a, b)`` with integer weights ``w_m``; choose a subset
and a slot for each chosen meeting so that a participant meets at most once per
slot and at most ``max_meetings[p]`` times, only in slots where both are
available (sessions, forbidden and available slots, fixed slots), and at most
``tables[s]`` meetings share slot ``s``. Maximise the total weight, then
minimise the breaks. NP-hard (it contains edge colouring).

Upper bound (:func:`weight_upper_bound`): the aggregated model of
:mod:`.aggregate` (whether a meeting takes place, not when), solved by HiGHS;
its docstring proves that every schedule is a feasible point, so its LP value
(certified by weak duality) or branch-and-bound dual bound, rounded down,
bounds every schedule.

Schedule (:func:`local_search_weighted_schedule`), in three steps:

1. *Selection*: the meetings at 1 in the LP optimum of the aggregated model
   (a weighted b-matching that already respects caps, availability and the
   table totals; the LP is integral or nearly so on generated events). Branch
   and bound runs only at the end, to lower the bound if a gap is left.
2. *Slots*: the selected meetings are an edge list of a multigraph on the
   participants; giving them slots is a list edge colouring (colours = slots,
   lists = allowed slots) whose colour classes hold at most ``tables[s]``
   edges. Greedy first (most constrained meetings first, in the free slot that
   touches most of both agendas), then for a meeting with no common free slot
   a Kempe chain: with slot ``a`` free for ``u`` and ``b`` free for ``v``, swap
   ``a`` and ``b`` along the alternating ``a``/``b`` path from ``v`` (it cannot
   end in ``u`` without failing, which is checked), after which ``a`` is free
   for both. A full slot ``a`` gives up one meeting through an alternating
   ``a``/``c`` path of odd length to a slot ``c`` with a free table, which
   moves exactly one meeting's worth of load from ``a`` to ``c`` and leaves
   every other participant's slot set unchanged.
3. *Repair*: what is still unscheduled (selected meetings the colouring could
   not place, then the rest by weight) is inserted by the same moves, by
   moving blockers to free slots, or by ejecting blockers of smaller total
   weight (ejection chains). Then breaks are reduced without changing the set
   of scheduled meetings (:func:`_reduce_breaks`).

On the generated events of ``bench/meetings`` steps 1-2 reach the bound.
The first-come-first-served baseline that matchmaking tools use
(:func:`greedy_meeting_schedule`) books each request in arrival order into its
earliest free slot.
"""

from __future__ import annotations

import dataclasses
import itertools
import random
import time
from collections import defaultdict

import numpy as np

from sache.engine.meetings.aggregate import solve_aggregated
from sache.engine.meetings.problem import (
    MAX_WEIGHT,
    Meeting,
    MeetingProblem,
    MeetingSchedule,
    breaks_per_participant,
)

__all__ = [
    "greedy_meeting_schedule",
    "local_search_weighted_schedule",
    "weight_upper_bound",
]


def _all_allowed_slots(problem: MeetingProblem) -> dict[object, list[int]]:
    """:func:`allowed_slots` of every meeting, computed once per distinct situation.

    Participants share a few availability patterns, so the intersection for a
    pair of patterns (and the meeting's session or fixed slot) is cached."""
    open_slots = frozenset(s for s in range(problem.slots) if problem.tables_in(s) > 0)
    pattern: dict[int, frozenset[int]] = {}
    cache: dict[tuple, list[int]] = {}

    def of(person: int) -> frozenset[int]:
        if person not in pattern:
            mine = open_slots - problem.forbidden_slots.get(person, frozenset())
            if person in problem.available_slots:
                mine &= problem.available_slots[person]
            pattern[person] = mine
        return pattern[person]

    result = {}
    for meeting in problem.meetings:
        left, right = of(meeting.a), of(meeting.b)
        key = (left, right, meeting.session, meeting.fixed_slot)
        if key not in cache:
            if meeting.fixed_slot is not None:
                base = {meeting.fixed_slot}
            elif meeting.session != "any":
                base = set(problem.sessions[meeting.session])
            else:
                base = open_slots
            cache[key] = sorted(left & right & base)
        result[meeting.id] = cache[key]
    return result


class _Grid:
    """Mutable partial schedule with O(1) checks."""

    def __init__(self, problem: MeetingProblem) -> None:
        self.problem = problem
        self.meetings = {m.id: m for m in problem.meetings}
        self.allowed = _all_allowed_slots(problem)
        self.capacity = [problem.tables_in(s) for s in range(problem.slots)]
        self.used = [0] * problem.slots
        self.busy: list[dict[int, object]] = [{} for _ in range(problem.participants)]
        self.cap = {
            p: problem.max_meetings.get(p, problem.slots) for p in range(problem.participants)
        }
        self.slot_of: dict[object, int] = {}
        # members[slot][weight]: cheapest meeting of a full slot found without a scan.
        self.members: list[dict[int, set]] = [defaultdict(set) for _ in range(problem.slots)]
        self.allowed_set = {i: frozenset(slots) for i, slots in self.allowed.items()}
        # Meetings that must not change slot (published, moves not allowed).
        self.pinned: set = set()

    def free(self, meeting: Meeting, slot: int) -> bool:
        return (
            self.used[slot] < self.capacity[slot]
            and slot not in self.busy[meeting.a]
            and slot not in self.busy[meeting.b]
        )

    def under_cap(self, meeting: Meeting) -> bool:
        return (
            len(self.busy[meeting.a]) < self.cap[meeting.a]
            and len(self.busy[meeting.b]) < self.cap[meeting.b]
        )

    def place(self, meeting: Meeting, slot: int) -> None:
        self.used[slot] += 1
        self.busy[meeting.a][slot] = meeting.id
        self.busy[meeting.b][slot] = meeting.id
        self.slot_of[meeting.id] = slot
        self.members[slot][meeting.weight].add(meeting.id)

    def remove(self, meeting: Meeting) -> int:
        slot = self.slot_of.pop(meeting.id)
        self.used[slot] -= 1
        del self.busy[meeting.a][slot]
        del self.busy[meeting.b][slot]
        self.members[slot][meeting.weight].discard(meeting.id)
        return slot

    def some_members(self, slot: int, limit: int) -> list:
        found: list = []
        for weight in sorted(self.members[slot]):
            found.extend(itertools.islice(self.members[slot][weight], limit - len(found)))
            if len(found) >= limit:
                break
        return found

    def adjacency(self, meeting: Meeting, slot: int) -> int:
        return sum(
            1
            for person in (meeting.a, meeting.b)
            for near in (slot - 1, slot + 1)
            if near in self.busy[person]
        )

    def chain(self, start: int, first: int, second: int, limit: int = 5000):
        """The ``first``/``second`` alternating path from ``start``, beginning with its
        ``first`` meeting, as ``(meeting id, new slot)`` pairs and the end participant;
        ``(None, None)`` when a meeting on it is pinned, cannot take the other slot,
        or the path is longer than ``limit``. Swapping it keeps every participant
        but the two ends on the same set of slots."""
        path = []
        person, slot = start, first
        seen = set()
        while True:
            meeting_id = self.busy[person].get(slot)
            if meeting_id is None:
                return path, person
            if meeting_id in seen or meeting_id in self.pinned or len(path) >= limit:
                return None, None
            seen.add(meeting_id)
            other_slot = second if slot == first else first
            if other_slot not in self.allowed_set[meeting_id]:
                return None, None
            path.append((meeting_id, other_slot))
            meeting = self.meetings[meeting_id]
            person = meeting.b if meeting.a == person else meeting.a
            slot = other_slot

    def swap(self, path) -> None:
        for meeting_id, _ in path:
            self.remove(self.meetings[meeting_id])
        for meeting_id, slot in path:
            self.place(self.meetings[meeting_id], slot)

    def unload(self, slot: int, rng: random.Random, tries: int = 30) -> bool:
        """Free a table in ``slot`` by an odd alternating path to a slot with a free table.

        An odd path starting and ending with a ``slot`` meeting has one more
        meeting in ``slot`` than in the other slot, so swapping it moves one
        meeting's worth of load; its two ends had no meeting in the other slot,
        which is why the swap is valid for them."""
        spare = [
            other
            for other in range(len(self.used))
            if other != slot and self.used[other] < self.capacity[other]
        ]
        rng.shuffle(spare)
        members = [m for group in self.members[slot].values() for m in group]
        members = rng.sample(members, min(tries, len(members)))
        for other in spare:
            for meeting_id in members:
                if other not in self.allowed_set[meeting_id] or meeting_id in self.pinned:
                    continue
                meeting = self.meetings[meeting_id]
                for person in (meeting.a, meeting.b):
                    if other in self.busy[person]:
                        continue
                    path, _ = self.chain(person, slot, other)
                    if path is not None and len(path) % 2 == 1:
                        self.swap(path)
                        return True
        return False

    def kempe_insert(self, meeting: Meeting, rng: random.Random, limit: int = 400) -> bool:
        """Place ``meeting`` (under both caps) by Kempe chains and table unloading."""
        allowed = self.allowed[meeting.id]
        common = [
            s for s in allowed if s not in self.busy[meeting.a] and s not in self.busy[meeting.b]
        ]
        for slot in common:
            if self.used[slot] < self.capacity[slot]:
                self.place(meeting, slot)
                return True
        for slot in common:
            if self.unload(slot, rng):
                self.place(meeting, slot)
                return True
        best = None
        pairs = [
            (u, v, a, b)
            for u, v in ((meeting.a, meeting.b), (meeting.b, meeting.a))
            for a in allowed
            if a not in self.busy[u]
            for b in allowed
            if b != a and b not in self.busy[v]
        ]
        rng.shuffle(pairs)
        for u, v, a, b in pairs:
            # Swap a/b from v: v loses its a-meeting, so a is free for u and v.
            path, end = self.chain(v, a, b, limit=limit)
            if path is None or end == u:
                continue
            to_b = sum(1 for _, slot in path if slot == b)
            to_a = len(path) - to_b
            over = max(0, self.used[a] - to_b + to_a + 1 - self.capacity[a]) + max(
                0, self.used[b] - to_a + to_b - self.capacity[b]
            )
            key = (over, len(path))
            if best is None or key < best[0]:
                best = (key, path, a, b)
                if over == 0:
                    break  # no table trouble: take it (random pair order)
        if best is None:
            return False
        (over, _), path, a, b = best
        before = [(meeting_id, self.slot_of[meeting_id]) for meeting_id, _ in path]
        self.swap(path)
        # The a-meetings on the path move to b, the b-meetings to a, and there are as
        # many or one more of the former: only b can overflow.
        while self.used[b] > self.capacity[b] and self.unload(b, rng):
            pass
        if self.used[b] > self.capacity[b]:
            self.swap(before)
            return False
        if self.used[a] >= self.capacity[a]:
            self.unload(a, rng)
        if self.free(meeting, a):
            self.place(meeting, a)
            return True
        return False

    def best_free_slot(self, meeting: Meeting, avoid: int = -1) -> int | None:
        best, best_score = None, -1
        for slot in self.allowed[meeting.id]:
            if slot != avoid and self.free(meeting, slot):
                score = self.adjacency(meeting, slot)
                if score > best_score:
                    best, best_score = slot, score
        return best


def greedy_meeting_schedule(problem: MeetingProblem) -> MeetingSchedule:
    """First come, first served: each meeting in input order takes its earliest free slot.

    Parameters
    ----------
    problem
        The event; meetings are taken in the order of ``problem.meetings``.

    Returns
    -------
    MeetingSchedule
        ``objective`` is the scheduled weight, ``bound`` is ``None`` and status ``feasible``.

    Examples
    --------
    >>> p = MeetingProblem(participants=3, slots=2, tables=1,
    ...     meetings=(Meeting(0, 0, 1), Meeting(1, 1, 2), Meeting(2, 0, 2)), mode=MAX_WEIGHT)
    >>> greedy_meeting_schedule(p).slots
    {0: 0, 1: 1}
    """
    started = time.monotonic()
    grid = _Grid(problem)
    for meeting in problem.meetings:
        if not grid.under_cap(meeting):
            continue
        for slot in grid.allowed[meeting.id]:
            if grid.free(meeting, slot):
                grid.place(meeting, slot)
                break
    return _result(problem, grid, bound=None, started=started)


def weight_upper_bound(problem: MeetingProblem, *, time_limit: float = 30.0) -> int:
    """Upper bound on the weight of any schedule: the aggregated model, rounded down.

    Parameters
    ----------
    problem
        The event.
    time_limit
        Seconds for the HiGHS branch and bound; at the limit its dual bound is used.

    Returns
    -------
    int
        No schedule scheduling meetings of larger total weight exists.

    Notes
    -----
    See :mod:`.aggregate` for the formulation and the proof that every schedule
    is a feasible point of it.

    Examples
    --------
    >>> p = MeetingProblem(participants=3, slots=1, tables=1,
    ...     meetings=(Meeting(0, 0, 1, weight=2), Meeting(1, 1, 2), Meeting(2, 0, 2)))
    >>> weight_upper_bound(p)
    2
    """
    return solve_aggregated(problem, time_limit=time_limit).bound


def local_search_weighted_schedule(
    problem: MeetingProblem, *, time_limit: float = 60.0, seed: int = 0, bound: int | None = None
) -> MeetingSchedule:
    """Maximise the scheduled weight (selection, Kempe colouring, repair), then cut breaks.

    Parameters
    ----------
    problem
        The event. Locked meetings are placed first; they stay in their slot
        unless ``problem.allow_moves``, and are never dropped (the selection is
        then solved with them forced in).
    time_limit
        Seconds in all; the LP of the aggregated model may take up to 80 %
        (without it there is neither a selection nor a good bound); then
        colouring and repairs; if a gap is left, branch and bound on the
        aggregated model with half the remaining time; then break reduction.
        Each step stops early when nothing improves.
    seed
        Seed of the order in which chains and blockers are tried.
    bound
        A known upper bound; the smaller of it and the aggregated bound is reported.

    Returns
    -------
    MeetingSchedule
        ``objective`` the scheduled weight, ``bound`` the upper bound (``optimal``
        when they meet), ``unscheduled`` with the reason for each meeting left out.

    References
    ----------
    .. [1] M. Bofill et al., "Constraint Solving Approaches to the Business-to-Business
       Meeting Scheduling Problem", JAIR 74 (2022) 263-301 (breaks, fairness).
    .. [2] L. A. Wolsey, Integer Programming, Wiley 1998, ch. 3 (b-matching relaxations).
    .. [3] C. McDiarmid, "The solution of a timetabling problem", J. Inst. Maths
       Applics 9 (1972) 23-34 (a k-edge-colourable graph has an equitable
       k-edge-colouring: why colour classes can respect equal table counts).
    .. [4] A. B. Kempe (1879); J. Misra, D. Gries, "A constructive proof of Vizing's
       theorem", IPL 41 (1992) 131-133 (alternating-path recolouring).

    Examples
    --------
    >>> p = MeetingProblem(participants=3, slots=2, tables=1, mode=MAX_WEIGHT,
    ...     meetings=(Meeting(0, 0, 1), Meeting(1, 1, 2, weight=3), Meeting(2, 0, 2, weight=2)))
    >>> r = local_search_weighted_schedule(p, time_limit=1)
    >>> r.objective, r.bound, r.status
    (5, 5, 'optimal')
    """
    started = time.monotonic()
    deadline = started + time_limit
    rng = random.Random(seed)
    grid = _Grid(problem)
    by_id = grid.meetings
    protected = set()
    pinned = grid.pinned
    for lock in problem.locked:
        meeting = by_id[lock.meeting]
        if grid.free(meeting, lock.slot):
            grid.place(meeting, lock.slot)
            protected.add(meeting.id)
            if not problem.allow_moves:
                pinned.add(meeting.id)
    # Step 1: the bound and the selection (HiGHS usually needs far less than its share).
    # The LP alone: its ones are a feasible selection, and the colouring and repairs fill
    # in where it is fractional; branch and bound only runs later, to tighten the bound.
    aggregated = solve_aggregated(
        problem, time_limit=0.8 * time_limit, allowed=grid.allowed, integral=False
    )
    # A published meeting kept outside its allowed slots (availability changed since) is
    # no part of the aggregated model; without it a schedule is feasible, so adding its
    # weight keeps the bound valid for schedules that keep it.
    outside = {i for i in protected if grid.slot_of[i] not in grid.allowed_set[i]}
    aggregated_bound = aggregated.bound
    if outside:
        without = dataclasses.replace(
            problem, meetings=tuple(m for m in problem.meetings if m.id not in outside)
        )
        aggregated_bound = solve_aggregated(
            without, time_limit=0.1 * time_limit, allowed=grid.allowed
        ).bound + sum(by_id[i].weight for i in outside)
    bound = aggregated_bound if bound is None else min(bound, aggregated_bound)
    selected = aggregated.selected
    if protected:
        forced = solve_aggregated(
            problem,
            time_limit=max(0.1, 0.4 * (deadline - time.monotonic())),
            allowed=grid.allowed,
            required=protected,
        )
        selected = forced.selected
    # Step 2: slots for the selection; most constrained meetings first.
    degree: dict[int, int] = defaultdict(int)
    for meeting_id in selected:
        degree[by_id[meeting_id].a] += 1
        degree[by_id[meeting_id].b] += 1
    chosen = sorted(
        (by_id[i] for i in selected if i not in grid.slot_of),
        key=lambda m: (len(grid.allowed[m.id]), -degree[m.a] - degree[m.b], -m.weight, str(m.id)),
    )
    left = []
    for meeting in chosen:
        slot = grid.best_free_slot(meeting) if grid.under_cap(meeting) else None
        if slot is None:
            left.append(meeting)
        else:
            grid.place(meeting, slot)
    for _ in range(4):
        if not left or time.monotonic() >= deadline:
            break
        left = [
            m
            for m in left
            if time.monotonic() >= deadline or not (grid.under_cap(m) and grid.kempe_insert(m, rng))
        ]
    # Step 3: the rest by weight, then repairs.
    order = sorted(
        (m for m in problem.meetings if m.id not in grid.slot_of and grid.allowed[m.id]),
        key=lambda m: (m.id not in selected, -m.weight, len(grid.allowed[m.id])),
    )
    for meeting in order:
        if grid.under_cap(meeting):
            slot = grid.best_free_slot(meeting)
            if slot is not None:
                grid.place(meeting, slot)

    def relocate(other_id: object, away_from: int) -> bool:
        if other_id in pinned:
            return False
        other = by_id[other_id]
        grid.remove(other)
        target = grid.best_free_slot(other, avoid=away_from)
        if target is None:
            grid.place(other, away_from)
            return False
        grid.place(other, target)
        return True

    def try_insert(meeting: Meeting) -> bool:
        if not grid.under_cap(meeting):
            return False
        if grid.kempe_insert(meeting, rng):
            return True
        slot = grid.best_free_slot(meeting)
        if slot is not None:
            grid.place(meeting, slot)
            return True
        slots = list(grid.allowed[meeting.id])
        rng.shuffle(slots)
        for slot in slots:
            blockers = {grid.busy[p].get(slot) for p in (meeting.a, meeting.b)} - {None}
            moved = []
            for blocker in blockers:
                if relocate(blocker, slot):
                    moved.append(blocker)
                else:
                    break
            if len(moved) == len(blockers):
                if grid.used[slot] >= grid.capacity[slot]:
                    # Table full: move out one meeting of this slot that has another free slot.
                    in_slot = (
                        [i for i, s in grid.slot_of.items() if s == slot]
                        if len(grid.slot_of) < 5000
                        else []
                    )
                    rng.shuffle(in_slot)
                    for other_id in in_slot[:20]:
                        if relocate(other_id, slot):
                            break
                if grid.free(meeting, slot):
                    grid.place(meeting, slot)
                    return True
        return False

    def cheapest_of(person: int, exclude: set) -> object | None:
        candidates = [
            i for i in grid.busy[person].values() if i not in protected and i not in exclude
        ]
        return min(candidates, key=lambda i: by_id[i].weight, default=None)

    def try_eject(meeting: Meeting) -> list[object] | None:
        best = None
        for slot in grid.allowed[meeting.id]:
            blockers = {grid.busy[p].get(slot) for p in (meeting.a, meeting.b)} - {None}
            if blockers & protected:
                continue
            feasible = True
            for person in (meeting.a, meeting.b):
                kept = sum(1 for i in grid.busy[person].values() if i not in blockers)
                if kept >= grid.cap[person]:
                    # At the cap: the person's cheapest other meeting makes room.
                    cheapest = cheapest_of(person, blockers)
                    if cheapest is None:
                        feasible = False
                        break
                    blockers.add(cheapest)
            if not feasible:
                continue
            in_slot = sum(1 for b in blockers if grid.slot_of[b] == slot)
            if grid.used[slot] - in_slot >= grid.capacity[slot]:
                # Full slot: its cheapest unprotected meeting gives up its table.
                cheapest = next(
                    (
                        i
                        for i in grid.some_members(slot, 10)
                        if i not in protected and i not in blockers
                    ),
                    None,
                )
                if cheapest is None:
                    continue
                blockers.add(cheapest)
            lost = sum(by_id[b].weight for b in blockers)
            if lost < meeting.weight and (best is None or lost < best[0]):
                best = (lost, slot, blockers)
        if best is None:
            return None
        _, slot, blockers = best
        for blocker in blockers:
            grid.remove(by_id[blocker])
        grid.place(meeting, slot)
        return list(blockers)

    def cheapest_in(slot: int, taken: set) -> object | None:
        return next(
            (i for i in grid.some_members(slot, 8) if i not in protected and i not in taken), None
        )

    def plan_for(meeting: Meeting, slot: int, limit: int):
        """Cheapest way to free ``slot`` for ``meeting``: (cost, moves, evictions) or None."""
        blockers = {grid.busy[p].get(slot) for p in (meeting.a, meeting.b)} - {None}
        moves: dict[object, int] = {}
        evicted: set = set()
        cost = 0
        arrivals: dict[int, int] = defaultdict(int)
        for blocker in blockers:
            other = by_id[blocker]
            option = None
            if blocker not in pinned:
                for target in grid.allowed[blocker]:
                    if (
                        target == slot
                        or target in grid.busy[other.a]
                        or target in grid.busy[other.b]
                    ):
                        continue
                    if any(
                        by_id[m].a in (other.a, other.b) or by_id[m].b in (other.a, other.b)
                        for m, t in moves.items()
                        if t == target
                    ):
                        continue
                    if grid.used[target] + arrivals[target] < grid.capacity[target]:
                        option = (0, target, None)
                        break
                    victim = cheapest_in(target, evicted | blockers)
                    if victim is not None and (option is None or by_id[victim].weight < option[0]):
                        option = (by_id[victim].weight, target, victim)
            if blocker not in protected and (option is None or other.weight <= option[0]):
                option = (other.weight, None, blocker)
            if option is None:
                return None
            cost += option[0]
            if option[1] is not None:
                moves[blocker] = option[1]
                if option[2] is None:
                    arrivals[option[1]] += 1
            if option[2] is not None:
                evicted.add(option[2])
            if cost >= limit:
                return None
        if grid.used[slot] - len(blockers) >= grid.capacity[slot]:
            victim = cheapest_in(slot, evicted | blockers)
            if victim is None:
                return None
            evicted.add(victim)
            cost += by_id[victim].weight
        for person in (meeting.a, meeting.b):
            kept = sum(1 for i in grid.busy[person].values() if i not in evicted)
            if kept >= grid.cap[person]:
                candidates = [
                    i
                    for i in grid.busy[person].values()
                    if i not in protected and i not in evicted and i not in moves
                ]
                if not candidates:
                    return None
                victim = min(candidates, key=lambda i: by_id[i].weight)
                evicted.add(victim)
                cost += by_id[victim].weight
        if cost >= limit:
            return None
        return cost, moves, evicted

    def try_place(meeting: Meeting) -> list[object] | None:
        """Place ``meeting`` if that gains weight; returns the meetings it evicted."""
        best = None
        slots = list(grid.allowed[meeting.id])
        rng.shuffle(slots)
        for slot in slots:
            plan = plan_for(meeting, slot, meeting.weight if best is None else best[0][0])
            if plan is not None:
                best = (plan, slot)
                if plan[0] == 0:
                    break
        if best is None:
            return None
        (_, moves, evicted), slot = best
        for other_id in evicted:
            grid.remove(by_id[other_id])
        for other_id in moves:
            grid.remove(by_id[other_id])
        for other_id, target in moves.items():
            grid.place(by_id[other_id], target)
        grid.place(meeting, slot)
        return list(evicted)

    # Cheap repairs first; then chains that move blockers and evict cheaper meetings.
    def weight_now() -> int:
        return sum(by_id[i].weight for i in grid.slot_of)

    improved = weight_now() < bound
    while improved and time.monotonic() < deadline:
        improved = False
        waiting = [m for m in order if m.id not in grid.slot_of]
        for done, meeting in enumerate(waiting):
            # Every 100 meetings: stop once the bound is reached (an O(M) sum).
            if time.monotonic() >= deadline or (done % 100 == 99 and weight_now() >= bound):
                break
            if try_insert(meeting):
                improved = True
                continue
            ejected = try_eject(meeting)
            if ejected is not None:
                improved = True
                for other_id in ejected:
                    try_insert(by_id[other_id])
    improved = weight_now() < bound
    while improved and time.monotonic() < deadline:
        improved = False
        waiting = [m for m in order if m.id not in grid.slot_of]
        for done, meeting in enumerate(waiting):
            if time.monotonic() >= deadline or (done % 100 == 99 and weight_now() >= bound):
                break
            if meeting.id in grid.slot_of:
                continue
            evicted = try_place(meeting)
            if evicted is not None:
                improved = True
                for other_id in evicted:
                    try_place(by_id[other_id])
    remaining = deadline - time.monotonic()
    if weight_now() < bound and not outside and remaining > 0.2 * time_limit:
        # A gap is left: branch and bound on the aggregated model may lower the bound.
        tighter = solve_aggregated(problem, time_limit=0.5 * remaining, allowed=grid.allowed)
        bound = min(bound, tighter.bound)
    _reduce_breaks(grid, deadline=deadline, seed=seed)
    return _result(problem, grid, bound=bound, started=started)


def _breaks_of(mask: int) -> int:
    """Breaks of a participant whose busy slots are the bits of ``mask``: runs of ones minus one."""
    return (mask & ~(mask >> 1)).bit_count() - 1 if mask else 0


def _reduce_breaks(
    grid: _Grid,
    *,
    deadline: float,
    max_chain: int = 60,
    plateau_passes: int = 5,
    seed: int = 0,
) -> int:
    """Fewer breaks, same scheduled meetings: slot exchanges and Kempe chain moves.

    Two moves keep every constraint and the set of scheduled meetings:

    * exchanging two whole slots ``s`` and ``t`` (when every meeting of each
      may take the other and the tables suffice) relabels them for everyone;
    * swapping ``s`` and ``t`` along an alternating path that starts at a
      participant ``x`` busy in ``s`` and free in ``t``: only its two ends
      change their set of busy slots, so the change in breaks is read off two
      bit masks. Paths of odd length move one meeting's worth of load from
      ``s`` to ``t`` and need a free table there. An improving swap improves
      at least one end, and the path traced from either end is the same, so
      only starts ``x`` whose own breaks drop are tried.

    First improvement, phases alternated until neither helps or ``deadline``.
    Returns the breaks removed.
    """
    problem = grid.problem
    masks = np.zeros(problem.participants, dtype=np.int64)
    for person, busy in enumerate(grid.busy):
        for slot in busy:
            masks[person] |= 1 << slot
    removed = 0
    while time.monotonic() < deadline:
        gained = _exchange_slots(grid, masks, deadline) + _chain_moves(
            grid, masks, deadline, max_chain
        )
        removed += gained
        if not gained:
            break
    # Local optimum: walk the plateau (moves that keep the total) to reach new improving
    # moves; the total never rises, so the last state is the best one.
    rng = random.Random(seed)
    stalled = 0
    while stalled < plateau_passes and time.monotonic() < deadline:
        gained = _chain_moves(grid, masks, deadline, max_chain, sideways=rng)
        gained += _exchange_slots(grid, masks, deadline) + _chain_moves(
            grid, masks, deadline, max_chain
        )
        removed += gained
        stalled = 0 if gained else stalled + 1
    return removed


def _breaks_array(masks: np.ndarray) -> np.ndarray:
    """:func:`_breaks_of` of every mask."""
    runs = np.bitwise_count(masks & ~(masks >> 1)).astype(np.int64)
    return np.where(masks != 0, runs - 1, 0)


def _exchange_slots(grid: _Grid, masks: np.ndarray, deadline: float) -> int:
    slots = grid.problem.slots
    removed = 0
    improved = True
    while improved and time.monotonic() < deadline:
        improved = False
        for s, t in itertools.combinations(range(slots), 2):
            flip = (1 << s) | (1 << t)
            bits = masks & flip
            moving = (bits != 0) & (bits != flip)
            if not moving.any():
                continue
            delta = int(
                _breaks_array(masks[moving] ^ flip).sum() - _breaks_array(masks[moving]).sum()
            )
            if delta >= 0:
                continue
            members_s = [m for group in grid.members[s].values() for m in group]
            members_t = [m for group in grid.members[t].values() for m in group]
            if (
                len(members_s) > grid.capacity[t]
                or len(members_t) > grid.capacity[s]
                or any(m in grid.pinned or t not in grid.allowed_set[m] for m in members_s)
                or any(m in grid.pinned or s not in grid.allowed_set[m] for m in members_t)
            ):
                continue
            grid.swap([(m, t) for m in members_s] + [(m, s) for m in members_t])
            masks[moving] ^= flip
            removed -= delta
            improved = True
    return removed


def _chain_moves(
    grid: _Grid,
    masks: np.ndarray,
    deadline: float,
    max_chain: int,
    sideways: random.Random | None = None,
) -> int:
    """Improving Kempe chain moves until none is left; with ``sideways``, one pass of
    moves that keep the total (each start with probability 1/2), in random order."""
    removed = 0
    improved = True
    while improved and time.monotonic() < deadline:
        improved = False
        starts = np.flatnonzero(_breaks_array(masks)).tolist()
        if sideways is not None:
            sideways.shuffle(starts)
        for x in starts:
            if time.monotonic() >= deadline:
                break
            mask_x = int(masks[x])
            for s in list(grid.busy[x]):
                start = grid.busy[x].get(s)
                if start is None:
                    continue
                moved = False
                for t in grid.allowed[start]:
                    if t in grid.busy[x]:
                        continue
                    new_x = mask_x ^ ((1 << s) | (1 << t))
                    gain_x = _breaks_of(new_x) - _breaks_of(mask_x)
                    if gain_x > 0 or (gain_x == 0 and sideways is None):
                        continue
                    path, y = grid.chain(x, s, t, limit=max_chain)
                    if path is None or y == x:
                        continue
                    if len(path) % 2 == 1 and grid.used[t] >= grid.capacity[t]:
                        continue
                    mask_y = int(masks[y])
                    new_y = mask_y ^ ((1 << s) | (1 << t))
                    delta = gain_x + _breaks_of(new_y) - _breaks_of(mask_y)
                    if delta < 0 or (
                        delta == 0 and sideways is not None and sideways.random() < 0.5
                    ):
                        grid.swap(path)
                        masks[x], masks[y] = new_x, new_y
                        mask_x = new_x
                        removed -= delta
                        improved = delta < 0 or sideways is None
                        moved = True
                        break
                if moved and _breaks_of(mask_x) == 0:
                    break
        if sideways is not None:
            break
    return removed


def _result(
    problem: MeetingProblem, grid: _Grid, *, bound: int | None, started: float
) -> MeetingSchedule:
    slots = {m.id: grid.slot_of[m.id] for m in problem.meetings if m.id in grid.slot_of}
    unscheduled = {}
    for meeting in problem.meetings:
        if meeting.id in slots:
            continue
        if not grid.allowed[meeting.id]:
            reason = "no slot where both participants can meet"
        elif not grid.under_cap(meeting):
            full = [p for p in (meeting.a, meeting.b) if len(grid.busy[p]) >= grid.cap[p]]
            reason = f"participant {full[0]} reached the maximum number of meetings"
        else:
            reason = "no common free slot with a free table (higher-weight meetings took them)"
        unscheduled[meeting.id] = reason
    objective = sum(m.weight for m in problem.meetings if m.id in slots)
    status = "optimal" if bound is not None and objective >= bound else "feasible"
    return MeetingSchedule(
        status=status,
        mode=MAX_WEIGHT,
        slots=slots,
        tables={},
        objective=objective,
        bound=bound,
        breaks=breaks_per_participant(problem, slots),
        unscheduled=unscheduled,
        seconds=time.monotonic() - started,
    )
