"""World Café rotation planning: the social golfer problem and its workshop variant.

Problem
-------
*Social golfer* (CSPLib prob010, W. Harvey): ``v = g·s`` players play ``w``
rounds; in every round they are split into ``g`` groups (tables) of ``s``
players.  Constraint: no two players share a group in more than one round.
Objective: for given ``g, s, w`` find such a schedule, or when none is found
one with as few *repeated pairs* as possible (a pair sharing a table ``k > 1``
times counts ``k - 1`` repeats).  Counting bound: ``w <= (v - 1) // (s - 1)``
because every round a player meets ``s - 1`` new people.

*Workshop* (World Café): tables have a thematic area, a capacity (tables may
differ) and an optional host who stays at the table in every round.
Participants have a sector and optional preferred areas.  For ``R`` rounds the
planner seats every participant once per round without exceeding capacities
and minimises, in this order of weight, (a) repeated pairs, (b) repeated
visits to the same area, (c) tables with fewer than 3 sectors (or fewer than
the table's size or the workshop's number of sectors), (d) uneven sector mix
at a table (sum over tables and rounds of the squared sector counts, which is
smallest for an even spread) and (e) preferred areas left unvisited.

Method
------
1. **Constructions from design theory**, exact and instant where they apply:
   round robin (1-factorisation of ``K_2g``) for ``s = 2``; lines of the affine
   geometry ``AG(n, q)`` over ``GF(q)`` (``q`` a prime power) grouped by
   direction, ``g = q^(n-1)``, ``s = q``, ``w <= (q^n - 1)/(q - 1)`` (affine
   planes, Kirkman triple systems of order ``3^n``); truncated affine planes
   for ``g = q`` prime power, ``s <= q``, ``w <= q``.
2. **Symmetric search** (the classic difference method for resolvable
   designs): players are ``Z_n × {0..m-1}`` plus ``f`` fixed points,
   ``n·t = w``.  Only ``t`` base rounds are searched; every round is a base
   round shifted by an element of ``Z_n``.  Two players ``(x, c), (y, d)``
   meet in the developed schedule once per base pair with the same
   *difference* ``(c, d, y - x)``, so the ``v(v-1)/2`` pair constraints shrink
   to one constraint per difference class and the search space to ``t``
   rounds.  More generally the schedule is the image of the base rounds
   under the powers of a permutation ``σ`` of the players; pairs are
   grouped into their orbits under ``σ``.  For complete designs
   (``g·s - 1 = w·(s - 1)``) a 1-rotational variant on ``Z_n ∪ {∞}`` with a
   base round fixed by ``+w`` is tried as well.  This finds Kirkman and
   nearly Kirkman triple systems and resolvable 4- and 5-designs such as
   6-4-7, 7-4-9 and 6-5-6 in seconds.
3. **Tabu search** on swaps of conflicting players (Dotú & Van Hentenryck),
   used for the base rounds of step 2 and, with the trivial group, for any
   instance; it minimises repeats when zero is out of reach.

The workshop planner starts from routes given by random Latin squares (each
block of ``A`` participants visits every area once, one per area per round),
anneals with moves that keep those routes (swaps within an area, exchanges
of two people's tables in two rounds whose areas they swap, moves to a free
seat), then runs a tabu repair on the people still in a conflict, in the
spirit of step 3.  Hosts never move.  When the first run leaves a repeat or
a revisit a second, unrestricted run is made and the cheaper plan is kept.

Complexity: constructions are ``O(w·v)``; one tabu iteration evaluates
``O(c·v·s)`` swaps (``c`` conflicting players), each in ``O(s)``.

References
----------
.. [1] W. Harvey, "Problem 010: Social Golfers Problem", CSPLib.
.. [2] I. Dotú, P. Van Hentenryck, "Scheduling social golfers locally",
   CPAIOR 2005, LNCS 3524, 155-167.
.. [3] M. Triska, N. Musliu, "An effective greedy heuristic for the social
   golfer problem", Annals of Operations Research 194 (2012) 413-425.
.. [4] D. K. Ray-Chaudhuri, R. M. Wilson, "Solution of Kirkman's schoolgirl
   problem", Proc. Symp. Pure Math. 19 (1971) 187-203.
.. [5] C. J. Colbourn, J. H. Dinitz (eds.), Handbook of Combinatorial Designs,
   2nd ed., CRC 2007 (resolvable designs, difference families, 1-rotational
   designs, affine geometries).
.. [6] M. Buratti, "1-rotational Steiner triple systems over arbitrary
   groups", J. Combin. Designs 9 (2001) 215-226.
"""

from __future__ import annotations

import argparse
import itertools
import json
import math
import random
import sys
import time
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field

__all__ = [
    "GolferSchedule",
    "Participant",
    "RotationPlan",
    "Table",
    "Workshop",
    "WorkshopError",
    "affine_geometry_schedule",
    "counting_bound",
    "count_repeated_pairs",
    "cyclic_search_schedule",
    "main",
    "plan_rotations",
    "round_robin_schedule",
    "social_golfer_schedule",
    "tabu_golfer_schedule",
    "truncated_affine_plane_schedule",
    "workshop_from_dict",
]

Schedule = list[list[list[int]]]


# ---------------------------------------------------------------------------
# Metrics


def counting_bound(groups: int, size: int) -> int:
    """Upper bound on the rounds of a social golfer schedule without repeats.

    Parameters
    ----------
    groups, size : int
        Number of groups per round and players per group.

    Returns
    -------
    int
        ``(g·s - 1) // (s - 1)``, or 1 when ``g < s`` (a second round would
        seat two players of one group together again, pigeonhole).

    Examples
    --------
    >>> counting_bound(8, 4)
    10
    """
    if size <= 1:
        return 10**9
    if groups < size:
        return 1
    return (groups * size - 1) // (size - 1)


def count_repeated_pairs(rounds: Iterable[Iterable[Iterable[object]]]) -> int:
    """Number of repeats: a pair seated together ``k`` times adds ``k - 1``.

    Parameters
    ----------
    rounds : iterable of rounds, each an iterable of tables of participants

    Returns
    -------
    int

    Examples
    --------
    >>> count_repeated_pairs([[[0, 1], [2, 3]], [[0, 1], [2, 3]], [[0, 2], [1, 3]]])
    2
    """
    seen: dict[tuple[object, object], int] = {}
    repeats = 0
    for round_ in rounds:
        for table in round_:
            members = sorted(table, key=repr)
            for pair in itertools.combinations(members, 2):
                count = seen.get(pair, 0)
                if count:
                    repeats += 1
                seen[pair] = count + 1
    return repeats


# ---------------------------------------------------------------------------
# Finite fields and constructions


def _prime_power(q: int) -> tuple[int, int] | None:
    """``(p, k)`` with ``q = p**k`` and ``p`` prime, else ``None``."""
    if q < 2:
        return None
    for p in range(2, q + 1):
        if q % p == 0:
            k = 0
            while q % p == 0:
                q //= p
                k += 1
            return (p, k) if q == 1 else None
    return None


def _poly_mod_is_zero(poly: list[int], divisor: list[int], p: int) -> bool:
    """Whether ``divisor`` (monic) divides ``poly`` over ``GF(p)``; lists are low-to-high."""
    rem = poly[:]
    deg_d = len(divisor) - 1
    for i in range(len(rem) - 1, deg_d - 1, -1):
        coef = rem[i] % p
        if coef:
            for j in range(deg_d + 1):
                rem[i - deg_d + j] = (rem[i - deg_d + j] - coef * divisor[j]) % p
    return all(c % p == 0 for c in rem[:deg_d])


def _irreducible_polynomial(p: int, k: int) -> list[int]:
    """Smallest monic irreducible polynomial of degree ``k`` over ``GF(p)`` (low-to-high)."""
    for code in range(p**k):
        poly = [(code // p**i) % p for i in range(k)] + [1]
        if poly[0] == 0 and k > 1:
            continue
        reducible = False
        for d in range(1, k // 2 + 1):
            for dcode in range(p**d):
                divisor = [(dcode // p**i) % p for i in range(d)] + [1]
                if _poly_mod_is_zero(poly, divisor, p):
                    reducible = True
                    break
            if reducible:
                break
        if not reducible:
            return poly
    raise ValueError(f"no irreducible polynomial of degree {k} over GF({p})")


def _galois_field(q: int) -> tuple[list[list[int]], list[list[int]]]:
    """Addition and multiplication tables of ``GF(q)``; elements are ``0..q-1``.

    An element is the integer whose base-``p`` digits are the coefficients of
    its polynomial residue modulo a fixed irreducible polynomial.
    """
    pk = _prime_power(q)
    if pk is None:
        raise ValueError(f"{q} is not a prime power")
    p, k = pk
    modulus = _irreducible_polynomial(p, k)

    def digits(a: int) -> list[int]:
        return [(a // p**i) % p for i in range(k)]

    def number(ds: Sequence[int]) -> int:
        return sum((d % p) * p**i for i, d in enumerate(ds))

    add = [
        [number([x + y for x, y in zip(digits(a), digits(b), strict=True)]) for b in range(q)]
        for a in range(q)
    ]
    mul = [[0] * q for _ in range(q)]
    for a in range(q):
        da = digits(a)
        for b in range(q):
            db = digits(b)
            prod = [0] * (2 * k - 1)
            for i, x in enumerate(da):
                for j, y in enumerate(db):
                    prod[i + j] += x * y
            for i in range(2 * k - 2, k - 1, -1):
                coef = prod[i] % p
                if coef:
                    for j in range(k + 1):
                        prod[i - k + j] -= coef * modulus[j]
            mul[a][b] = number(prod[:k])
    return add, mul


def round_robin_schedule(groups: int, rounds: int) -> Schedule:
    """Round robin (circle method) for ``2·groups`` players in pairs.

    Parameters
    ----------
    groups : int
        Number of pairs per round; players are ``0..2·groups-1``.
    rounds : int
        At most ``2·groups - 1``.

    Returns
    -------
    list
        ``rounds`` rounds of ``groups`` pairs; no pair repeats.

    Notes
    -----
    Player ``2g-1`` stays put; the others sit on a circle that turns by one
    seat per round, a 1-factorisation of the complete graph ``K_2g``.

    Examples
    --------
    >>> round_robin_schedule(2, 3)
    [[[3, 0], [1, 2]], [[3, 1], [2, 0]], [[3, 2], [0, 1]]]
    """
    n = 2 * groups
    if rounds > n - 1:
        raise ValueError(f"a round robin of {n} players has at most {n - 1} rounds")
    ring = n - 1
    schedule: Schedule = []
    for r in range(rounds):
        round_ = [[n - 1, r % ring]]
        for i in range(1, groups):
            round_.append([(r + i) % ring, (r - i) % ring])
        schedule.append(round_)
    return schedule


def affine_geometry_schedule(q: int, dimension: int, rounds: int) -> Schedule:
    """Parallel classes of lines of the affine geometry ``AG(dimension, q)``.

    Parameters
    ----------
    q : int
        A prime power: the group size.
    dimension : int
        ``n >= 2``; there are ``q**(n-1)`` groups per round.
    rounds : int
        At most ``(q**n - 1) / (q - 1)``, the number of directions.

    Returns
    -------
    list
        One round per direction; players are the ``q**n`` points.

    Notes
    -----
    Two points lie on exactly one line, and the lines with one direction
    partition the space, so no pair meets twice.  ``n = 2`` gives the affine
    plane (``q``-``q``-``(q+1)``), ``q = 3`` a Kirkman triple system of order
    ``3**n``.

    Examples
    --------
    >>> sched = affine_geometry_schedule(3, 2, 4)
    >>> count_repeated_pairs(sched), len(sched), sorted(map(len, sched[0]))
    (0, 4, [3, 3, 3])
    """
    add, mul = _galois_field(q)
    size = q**dimension
    directions = (size - 1) // (q - 1)
    if rounds > directions:
        raise ValueError(f"AG({dimension},{q}) has only {directions} parallel classes")

    def coords(point: int) -> list[int]:
        return [(point // q**i) % q for i in range(dimension)]

    def encode(vec: Sequence[int]) -> int:
        return sum(c * q**i for i, c in enumerate(vec))

    normalised = []
    for point in range(1, size):
        vec = coords(point)
        leading = next(c for c in reversed(vec) if c)
        if leading == 1:
            normalised.append(vec)
    schedule: Schedule = []
    for direction in normalised[:rounds]:
        covered = [False] * size
        round_ = []
        for start in range(size):
            if covered[start]:
                continue
            base = coords(start)
            line = []
            for lam in range(q):
                pt = encode([add[b][mul[lam][d]] for b, d in zip(base, direction, strict=True)])
                covered[pt] = True
                line.append(pt)
            round_.append(sorted(line))
        schedule.append(round_)
    return schedule


def truncated_affine_plane_schedule(q: int, size: int, rounds: int) -> Schedule:
    """``q`` groups of ``size <= q`` players for up to ``q`` rounds.

    Parameters
    ----------
    q : int
        A prime power, the number of groups.
    size : int
        Group size, ``size <= q``.
    rounds : int
        At most ``q``.

    Returns
    -------
    list
        Player ``i·q + y`` is the point ``(x_i, y)``; round ``m`` groups the
        points on the lines ``y = m·x + b`` restricted to ``size`` columns.

    Notes
    -----
    Equivalent to ``size - 2`` mutually orthogonal Latin squares of order
    ``q``; two lines of different slopes cross once, so no pair repeats.

    Examples
    --------
    >>> count_repeated_pairs(truncated_affine_plane_schedule(5, 3, 5))
    0
    """
    if size > q or rounds > q:
        raise ValueError("a truncated affine plane needs size <= q and rounds <= q")
    add, mul = _galois_field(q)
    schedule: Schedule = []
    for slope in range(rounds):
        round_ = []
        for intercept in range(q):
            round_.append([x * q + add[mul[slope][x]][intercept] for x in range(size)])
        schedule.append(round_)
    return schedule


# ---------------------------------------------------------------------------
# Tabu search on slot-capacitated pairs


class _SlotTabu:
    """Tabu search over rounds of equal groups where each pair uses a *slot*.

    A pair ``(p, q)`` seated together consumes ``weight[p][q]`` units of slot
    ``slot[p][q]``; every slot has capacity 1 and the cost is the total
    overflow.  With one slot per pair this is the plain social golfer
    problem; with difference classes as slots it is the base-round search of
    the symmetric method.
    """

    def __init__(
        self,
        points: int,
        groups: int,
        size: int,
        rounds: int,
        slot: list[list[int]],
        weight: list[list[int]],
        slots: int,
        rng: random.Random,
    ) -> None:
        self.points, self.groups, self.size, self.rounds = points, groups, size, rounds
        self.slot, self.weight, self.slots = slot, weight, slots
        self.rng = rng

    def _greedy_round(self, usage: list[int]) -> list[list[int]]:
        """Fill groups one player at a time, cheapest additional overflow first."""
        slot, weight, rng = self.slot, self.weight, self.rng
        remaining = list(range(self.points))
        rng.shuffle(remaining)
        groups: list[list[int]] = [[] for _ in range(self.groups)]
        for group in groups:
            while len(group) < self.size:
                best_cost, best_i = None, 0
                for i, p in enumerate(remaining):
                    cost = 0
                    for x in group:
                        if usage[slot[p][x]] + weight[p][x] > 1:
                            cost += 1
                    if best_cost is None or cost < best_cost:
                        best_cost, best_i = cost, i
                        if cost == 0:
                            break
                p = remaining.pop(best_i)
                for x in group:
                    usage[slot[p][x]] += weight[p][x]
                group.append(p)
        return groups

    def run(self, deadline: float, max_iterations: int | None = None) -> tuple[Schedule, int]:
        slot, weight, rng = self.slot, self.weight, self.rng
        usage = [0] * self.slots
        schedule = [self._greedy_round(usage) for _ in range(self.rounds)]

        def overflow(u: int) -> int:
            return u - 1 if u > 1 else 0

        cost = sum(overflow(u) for u in usage)
        best_cost, best = cost, [[g[:] for g in r] for r in schedule]
        where = [[0] * self.points for _ in range(self.rounds)]
        for r, round_ in enumerate(schedule):
            for b, group in enumerate(round_):
                for p in group:
                    where[r][p] = b
        tabu = [[[0] * self.groups for _ in range(self.points)] for _ in range(self.rounds)]
        iteration, last_improvement = 0, 0
        stall_limit = 2000 + 40 * self.points
        while cost > 0:
            iteration += 1
            if (
                max_iterations is not None and iteration > max_iterations
            ) or time.monotonic() > deadline:
                break
            best_delta, moves = None, []
            for r, round_ in enumerate(schedule):
                tabu_r = tabu[r]
                for a, group_a in enumerate(round_):
                    for p in group_a:
                        sp, wp = slot[p], weight[p]
                        if not any(usage[sp[x]] > 1 for x in group_a if x != p):
                            continue
                        for b, group_b in enumerate(round_):
                            if b == a:
                                continue
                            p_tabu = tabu_r[p][b] > iteration
                            for q in group_b:
                                aspiring = p_tabu or tabu_r[q][a] > iteration
                                sq, wq = slot[q], weight[q]
                                change: dict[int, int] = {}
                                for x in group_a:
                                    if x != p:
                                        change[sp[x]] = change.get(sp[x], 0) - wp[x]
                                        change[sq[x]] = change.get(sq[x], 0) + wq[x]
                                for y in group_b:
                                    if y != q:
                                        change[sq[y]] = change.get(sq[y], 0) - wq[y]
                                        change[sp[y]] = change.get(sp[y], 0) + wp[y]
                                delta = 0
                                for s_id, c in change.items():
                                    if c:
                                        u = usage[s_id]
                                        delta += overflow(u + c) - overflow(u)
                                if aspiring and cost + delta >= best_cost:
                                    continue
                                if best_delta is None or delta < best_delta:
                                    best_delta, moves = delta, [(r, a, b, p, q)]
                                elif delta == best_delta:
                                    moves.append((r, a, b, p, q))
            if not moves:
                # Every move is tabu: forget the tabu list rather than stall.
                tabu = [[[0] * self.groups for _ in range(self.points)] for _ in range(self.rounds)]
                continue
            r, a, b, p, q = moves[rng.randrange(len(moves))]
            group_a, group_b = schedule[r][a], schedule[r][b]
            for x in group_a:
                if x != p:
                    usage[slot[p][x]] -= weight[p][x]
                    usage[slot[q][x]] += weight[q][x]
            for y in group_b:
                if y != q:
                    usage[slot[q][y]] -= weight[q][y]
                    usage[slot[p][y]] += weight[p][y]
            group_a[group_a.index(p)] = q
            group_b[group_b.index(q)] = p
            where[r][p], where[r][q] = b, a
            cost += best_delta
            tenure = 4 + rng.randrange(1 + self.points // 2)
            tabu[r][p][a] = iteration + tenure
            tabu[r][q][b] = iteration + tenure
            if cost < best_cost:
                best_cost, best = cost, [[g[:] for g in rr] for rr in schedule]
                last_improvement = iteration
            elif iteration - last_improvement > stall_limit:
                # Perturb the best schedule: random swaps in random rounds.
                schedule = [[g[:] for g in rr] for rr in best]
                for _ in range(1 + self.rounds // 2):
                    rr = rng.randrange(self.rounds)
                    a, b = rng.sample(range(self.groups), 2)
                    i, j = rng.randrange(self.size), rng.randrange(self.size)
                    schedule[rr][a][i], schedule[rr][b][j] = schedule[rr][b][j], schedule[rr][a][i]
                usage = [0] * self.slots
                for rr in schedule:
                    for g in rr:
                        for x, y in itertools.combinations(g, 2):
                            usage[slot[x][y]] += weight[x][y]
                cost = sum(overflow(u) for u in usage)
                for rr, round_ in enumerate(schedule):
                    for bb, group in enumerate(round_):
                        for x in group:
                            where[rr][x] = bb
                tabu = [[[0] * self.groups for _ in range(self.points)] for _ in range(self.rounds)]
                last_improvement = iteration
        return best, best_cost


def tabu_golfer_schedule(
    groups: int,
    size: int,
    rounds: int,
    *,
    seed: int = 0,
    time_limit: float = 10.0,
) -> tuple[Schedule, int]:
    """Tabu search on swaps of conflicting players (Dotú & Van Hentenryck).

    Parameters
    ----------
    groups, size, rounds : int
        Instance ``g-s-w``.
    seed : int
        Seed of the pseudo-random choices; same seed, same result.
    time_limit : float
        Seconds; the search stops at zero repeats or at the limit.

    Returns
    -------
    tuple
        ``(schedule, repeated_pairs)`` of the best schedule found.

    Notes
    -----
    Each round starts from a greedy fill that avoids known pairs.  An
    iteration swaps the best pair of players of one round, one of them in a
    conflict; swapping back is tabu for a random tenure, with aspiration
    when a move beats the best cost; long stalls restart from the best
    schedule with a few random swaps.

    References
    ----------
    .. [1] I. Dotú, P. Van Hentenryck, "Scheduling social golfers locally",
       CPAIOR 2005, LNCS 3524, 155-167.

    Examples
    --------
    >>> schedule, repeats = tabu_golfer_schedule(3, 3, 3, seed=1, time_limit=5)
    >>> repeats, count_repeated_pairs(schedule)
    (0, 0)
    """
    points = groups * size
    slot = [[min(p, q) * points + max(p, q) for q in range(points)] for p in range(points)]
    weight = [[1] * points for _ in range(points)]
    search = _SlotTabu(
        points, groups, size, rounds, slot, weight, points * points, random.Random(seed)
    )
    schedule, cost = search.run(time.monotonic() + time_limit)
    return schedule, count_repeated_pairs(schedule)


# ---------------------------------------------------------------------------
# Symmetric (difference) search


def _permutation(cycle_type: Sequence[int]) -> list[int]:
    """The permutation with the given cycle lengths on consecutive points."""
    image: list[int] = []
    start = 0
    for length in cycle_type:
        image.extend(start + (j + 1) % length for j in range(length))
        start += length
    return image


def _orbit_slots(cycle_type: Sequence[int]) -> tuple[list[list[int]], list[list[int]], int]:
    """Slot and weight matrices of the pairs under the permutation ``σ`` of ``cycle_type``.

    Developing a base pair by ``σ^0 .. σ^(n-1)`` (``n`` the order of ``σ``)
    seats each pair of its orbit ``n / |orbit|`` times: the slot is the orbit,
    the weight that multiplicity.  For ``σ`` with ``m`` cycles of length
    ``n`` these orbits are the difference classes ``(c, c', y - x)`` of
    ``Z_n``, and pairs with ``2(y - x) = n`` get weight 2.
    """
    sigma = _permutation(cycle_type)
    points = len(sigma)
    order = math.lcm(*cycle_type)
    slot = [[-1] * points for _ in range(points)]
    weight = [[1] * points for _ in range(points)]
    slots = 0
    for p in range(points):
        for q in range(p + 1, points):
            if slot[p][q] >= 0:
                continue
            orbit = set()
            x, y = p, q
            for _ in range(order):
                orbit.add((min(x, y), max(x, y)))
                x, y = sigma[x], sigma[y]
            multiplicity = order // len(orbit)
            for a, b in orbit:
                slot[a][b] = slot[b][a] = slots
                weight[a][b] = weight[b][a] = multiplicity
            slots += 1
    return slot, weight, max(slots, 1)


def _develop(base_rounds: Schedule, cycle_type: Sequence[int]) -> Schedule:
    """Images of the base rounds under ``σ^0 .. σ^(n-1)``."""
    sigma = _permutation(cycle_type)
    developed: Schedule = []
    for base in base_rounds:
        current = [g[:] for g in base]
        for _ in range(math.lcm(*cycle_type)):
            developed.append([sorted(g) for g in current])
            current = [[sigma[p] for p in g] for g in current]
    return developed


def _cycle_types(groups: int, size: int, rounds: int) -> list[tuple[int, ...]]:
    """Plausible cycle types of ``σ``, most symmetric first.

    ``σ`` has order ``n`` with ``n·t = rounds`` (``t`` base rounds) and
    ``n >= 2``; its cycles have length ``n`` except at most ``groups`` short
    ones of one length ``d`` dividing ``n`` (fixed points when ``d = 1``).
    A type is kept when the weight-1 pair orbits can hold the pairs of ``t``
    base rounds, a necessary condition for a schedule without repeats.
    """
    points = groups * size
    found: list[tuple[int, ...]] = []
    for n in range(rounds, 1, -1):
        if rounds % n:
            continue
        if points % n == 0:
            found.append((n,) * (points // n))
        for d in [x for x in range(1, n) if n % x == 0]:
            for short in range(1, groups + 1):
                rest = points - short * d
                if rest > 0 and rest % n == 0:
                    found.append((n,) * (rest // n) + (d,) * short)
    kept = []
    for cycle_type in found:
        order = math.lcm(*cycle_type)
        slot, weight, _ = _orbit_slots(cycle_type)
        single = {
            slot[p][q] for p in range(points) for q in range(p + 1, points) if weight[p][q] == 1
        }
        if len(single) >= (rounds // order) * groups * size * (size - 1) // 2:
            kept.append(cycle_type)
    return kept


def _one_rotational_base(
    groups: int,
    size: int,
    rounds: int,
    rng: random.Random,
    max_iterations: int,
    deadline: float,
) -> Schedule | None:
    """1-rotational resolvable design on ``Z_n ∪ {∞}`` with a base round fixed by ``+rounds``.

    Applies when ``g·s = n + 1`` with ``n = rounds·(s - 1)``: a complete
    resolvable design (every pair meets once), e.g. a Kirkman triple system
    of order ``v ≡ 3, 9 (mod 24)`` [Buratti 2001] or a resolvable
    ``(v, 4, 1)`` design.  The base round contains ``{∞, x, x + w, ...}``
    (``w = rounds``, invariant under ``τ = +w`` of order ``s - 1``) and
    ``τ``-orbits of other blocks, so only one representative ("template")
    per orbit is searched: a partition of the residues mod ``w`` plus a lift
    of each residue.  Every difference ``±d`` of ``Z_n`` that is not a
    multiple of ``w`` must occur once in the templates.  Returns the
    ``rounds`` developed rounds (``∞`` is player ``n``) or ``None``.
    """
    lifts_count = size - 1
    n = rounds * lifts_count
    if size < 3 or groups * size != n + 1 or (rounds - 1) % size:
        return None
    templates = (rounds - 1) // size
    half = n // 2

    def difference(x: int, y: int) -> tuple[int, int]:
        d = (y - x) % n
        d = min(d, n - d)
        return d, (2 if 2 * d == n else 1)

    reserved = [0] * (half + 1)
    for k in range(1, lifts_count):
        reserved[difference(0, k * rounds)[0]] = 1

    def template_usage(order: list[int], lift: list[int], k: int) -> list[tuple[int, int]]:
        members = [order[1 + k * size + j] for j in range(size)]
        reps = [m + rounds * lift[m] for m in members]
        return [difference(a, b) for a, b in itertools.combinations(reps, 2)]

    def total_cost(order: list[int], lift: list[int]) -> tuple[int, list[int]]:
        usage = reserved[:]
        for k in range(templates):
            for d, w in template_usage(order, lift, k):
                usage[d] += w
        return sum(u - 1 for u in usage if u > 1), usage

    order = list(range(rounds))
    rng.shuffle(order)
    lift = [rng.randrange(lifts_count) for _ in range(rounds)]
    cost, _ = total_cost(order, lift)
    tabu: dict[tuple[int, int], int] = {}
    best_cost = cost
    for iteration in range(max_iterations):
        if cost == 0 or time.monotonic() > deadline:
            break
        moves: list[tuple[int, str, int, int]] = []
        for a in range(rounds):
            for b in range(a + 1, rounds):
                if (a - 1) // size == (b - 1) // size and a > 0:
                    continue
                order[a], order[b] = order[b], order[a]
                moved, _ = total_cost(order, lift)
                order[a], order[b] = order[b], order[a]
                moves.append((moved, "swap", a, b))
            residue = order[a]
            old = lift[residue]
            for value in range(lifts_count):
                if value != old:
                    lift[residue] = value
                    moved, _ = total_cost(order, lift)
                    moves.append((moved, "lift", residue, value))
            lift[residue] = old
        allowed = [m for m in moves if tabu.get((m[2], m[3]), -1) < iteration or m[0] < best_cost]
        if not allowed:
            tabu.clear()
            continue
        low = min(m[0] for m in allowed)
        chosen = rng.choice([m for m in allowed if m[0] == low])
        _, kind, a, b = chosen
        if kind == "swap":
            order[a], order[b] = order[b], order[a]
        else:
            lift[a] = b
        tabu[(a, b)] = iteration + 3 + rng.randrange(rounds)
        cost = low
        best_cost = min(best_cost, cost)
    if cost:
        return None
    base: list[list[int]] = [[n] + [order[0] + k * rounds for k in range(lifts_count)]]
    for k in range(templates):
        reps = [
            order[1 + k * size + j] + rounds * lift[order[1 + k * size + j]] for j in range(size)
        ]
        base.extend([(x + shift * rounds) % n for x in reps] for shift in range(lifts_count))
    return [
        [sorted(p if p == n else (p + j) % n for p in block) for block in base]
        for j in range(rounds)
    ]


def cyclic_search_schedule(
    groups: int,
    size: int,
    rounds: int,
    *,
    seed: int = 0,
    time_limit: float = 10.0,
    cycle_type: Sequence[int] | None = None,
) -> tuple[Schedule, int] | None:
    """Schedule developed from base rounds found by tabu search on pair orbits.

    Parameters
    ----------
    groups, size, rounds : int
        Instance ``g-s-w``.
    seed : int
        Seed of the pseudo-random choices.
    time_limit : float
        Seconds shared by the symmetries tried.
    cycle_type : sequence of int, optional
        Cycle lengths of the symmetry ``σ`` (summing to ``g·s``; its order
        ``n`` must divide ``rounds``) to try only that one, e.g. ``(7, 7, 1)``
        for players ``Z_7 × {0, 1}`` plus one fixed point.  By default every
        plausible type is tried (see ``_cycle_types``), the most symmetric
        first, in turns with doubling iteration budgets.

    Returns
    -------
    tuple or None
        ``(schedule, 0)`` with players ``0..g·s-1``, or ``None`` when no base
        rounds without conflicts were found in time.

    Notes
    -----
    The schedule is ``σ^k(B_i)`` for ``k < n`` and ``t = rounds / n`` base
    rounds ``B_i``.  It has no repeated pair if and only if the base rounds
    use every orbit of pairs under ``σ`` at most once, counting an orbit of
    ``n / m`` pairs ``m`` times (see the module docstring).  For ``σ`` made
    of ``n``-cycles this is the difference method of design theory, e.g. for
    1-rotational Kirkman triple systems [1]_; here the base rounds are found
    by search instead of by algebra.  Budgets are counted in iterations, so
    the result depends on the seed only, unless the time limit cuts it.

    References
    ----------
    .. [1] M. Buratti, "1-rotational Steiner triple systems over arbitrary
       groups", J. Combin. Designs 9 (2001) 215-226.

    Examples
    --------
    >>> schedule, repeats = cyclic_search_schedule(5, 3, 7, seed=0, time_limit=10)
    >>> len(schedule), repeats, count_repeated_pairs(schedule)
    (7, 0, 0)
    """
    options = [tuple(cycle_type)] if cycle_type else _cycle_types(groups, size, rounds)
    if not options and (size < 3 or groups * size != rounds * (size - 1) + 1):
        return None
    deadline = time.monotonic() + time_limit
    rng = random.Random(seed)
    prepared = {}
    # Take turns between the symmetries with doubling budgets: a symmetry
    # may admit no solution at all, so none should take the whole time.
    budget = 200
    while time.monotonic() < deadline:
        if cycle_type is None:
            rotational = _one_rotational_base(
                groups, size, rounds, random.Random(rng.random()), budget // 10, deadline
            )
            if rotational is not None:
                return rotational, 0
        for option in options:
            if time.monotonic() >= deadline:
                break
            if option not in prepared:
                prepared[option] = _orbit_slots(option)
            slot, weight, slots = prepared[option]
            base_rounds = rounds // math.lcm(*option)
            search = _SlotTabu(
                groups * size,
                groups,
                size,
                base_rounds,
                slot,
                weight,
                slots,
                random.Random(rng.random()),
            )
            base, cost = search.run(deadline, max_iterations=budget)
            if cost == 0:
                return _develop(base, option), 0
        budget *= 2
    return None


# ---------------------------------------------------------------------------
# Social golfer entry point


@dataclass(frozen=True, slots=True)
class GolferSchedule:
    """A social golfer schedule and how it was obtained.

    Attributes
    ----------
    rounds : list
        ``rounds[r][t]`` lists the players (``0..g·s-1``) of table ``t`` in
        round ``r``.
    repeated_pairs : int
        Number of repeats (see :func:`count_repeated_pairs`).
    method : str
        ``"round-robin"``, ``"affine-geometry"``, ``"truncated-affine-plane"``,
        ``"cyclic-search"``, ``"tabu-search"`` or ``"trivial"``.
    """

    rounds: Schedule
    repeated_pairs: int
    method: str


def _geometry_for(groups: int, size: int, rounds: int) -> tuple[str, Schedule] | None:
    if size == 2 and rounds <= 2 * groups - 1:
        return "round-robin", round_robin_schedule(groups, rounds)
    if _prime_power(size):
        dimension, g = 2, size
        while g < groups:
            g *= size
            dimension += 1
        if g == groups and rounds <= (size**dimension - 1) // (size - 1):
            return "affine-geometry", affine_geometry_schedule(size, dimension, rounds)
    if _prime_power(groups) and size <= groups and rounds <= groups:
        return "truncated-affine-plane", truncated_affine_plane_schedule(groups, size, rounds)
    return None


def social_golfer_schedule(
    groups: int,
    size: int,
    rounds: int,
    *,
    seed: int = 0,
    time_limit: float = 60.0,
) -> GolferSchedule:
    """Seat ``groups·size`` players for ``rounds`` rounds with as few repeats as possible.

    Parameters
    ----------
    groups : int
        Tables per round (``g >= 1``).
    size : int
        Seats per table (``s >= 1``).
    rounds : int
        Rounds (``w >= 0``).
    seed : int
        Seed of the pseudo-random choices; same seed and time, same schedule
        (searches are deterministic, but a time limit can cut them at a
        different iteration on a slower machine).
    time_limit : float
        Seconds for the searches.

    Returns
    -------
    GolferSchedule

    Notes
    -----
    Tries, in order, a construction from design theory, the symmetric
    (difference) search and the plain tabu search; the first schedule
    without repeats wins, otherwise the tabu schedule with fewest repeats.
    Beyond the counting bound (:func:`counting_bound`) repeats are certain
    and only the tabu search runs.

    References
    ----------
    See the module docstring.

    Examples
    --------
    >>> plan = social_golfer_schedule(4, 4, 5)
    >>> plan.method, plan.repeated_pairs, len(plan.rounds)
    ('affine-geometry', 0, 5)
    """
    if groups < 1 or size < 1 or rounds < 0:
        raise ValueError("groups and size must be positive and rounds non-negative")
    if rounds == 0:
        return GolferSchedule([], 0, "trivial")
    if size == 1 or groups == 1 or rounds == 1:
        schedule = [
            [list(range(g * size, (g + 1) * size)) for g in range(groups)] for _ in range(rounds)
        ]
        return GolferSchedule(schedule, count_repeated_pairs(schedule), "trivial")
    start = time.monotonic()
    feasible = rounds <= counting_bound(groups, size)
    if feasible:
        geometry = _geometry_for(groups, size, rounds)
        if geometry:
            return GolferSchedule(geometry[1], 0, geometry[0])
        found = cyclic_search_schedule(groups, size, rounds, seed=seed, time_limit=0.6 * time_limit)
        if found:
            return GolferSchedule(found[0], 0, "cyclic-search")
    remaining = max(0.1, time_limit - (time.monotonic() - start))
    schedule, repeats = tabu_golfer_schedule(groups, size, rounds, seed=seed, time_limit=remaining)
    return GolferSchedule(schedule, repeats, "tabu-search")


# ---------------------------------------------------------------------------
# Workshop planner

# Weights of the workshop objective.  Repeats and revisits come first by a
# wide margin; an even sector mix outweighs preferences because mixing the
# sectors is the purpose of the format, preferences only steer the route.
REPEAT_WEIGHT = 100
AREA_REPEAT_WEIGHT = 100
SECTOR_WEIGHT = 3
PREFERENCE_WEIGHT = 2
# A table should see at least this many sectors (fewer if it seats fewer
# people or the workshop has fewer sectors); each missing sector costs more
# than any spread improvement but less than a repeat.
SECTOR_TARGET = 3
SECTOR_TARGET_WEIGHT = 40


class WorkshopError(ValueError):
    """The workshop description is inconsistent (message says what to fix)."""


@dataclass(frozen=True, slots=True)
class Participant:
    """A workshop participant.

    Attributes
    ----------
    id : str
        Unique identifier.
    sector : str
        Sector, e.g. ``"heritage"``, ``"creative"``, ``"technology"``,
        ``"public"``; empty when unknown (then it does not count for the mix).
    preferred_areas : tuple of str
        Thematic areas the participant would like to visit.
    host_of : str or None
        Table the participant hosts; a host stays there in every round.
    """

    id: str
    sector: str = ""
    preferred_areas: tuple[str, ...] = ()
    host_of: str | None = None


@dataclass(frozen=True, slots=True)
class Table:
    """A table (or online breakout room).

    Attributes
    ----------
    id : str
        Unique identifier.
    capacity : int
        Seats, the host's included.
    area : str or None
        Thematic area discussed at the table in every round.
    host : str or None
        Participant who hosts the table (alternative to ``Participant.host_of``).
    """

    id: str
    capacity: int
    area: str | None = None
    host: str | None = None


@dataclass(frozen=True, slots=True)
class Workshop:
    """A World Café: participants, tables and the number of rounds."""

    participants: tuple[Participant, ...]
    tables: tuple[Table, ...]
    rounds: int


@dataclass(frozen=True, slots=True)
class RotationPlan:
    """Seating plan of a workshop and its quality figures.

    Attributes
    ----------
    tables : list of str
        Table ids, in the order used by ``rounds``.
    rounds : list
        ``rounds[r][t]`` lists the participant ids at table ``tables[t]`` in
        round ``r`` (host first).
    routes : dict
        Participant id to the table id of each round.
    repeated_pairs : int
        Repeats: a pair seated together ``k`` times adds ``k - 1`` (co-hosts
        of one table are not counted).
    people_met : dict
        Participant id to the number of distinct people met.
    sector_mix : float
        Mean over occupied tables and rounds of ``ideal / actual`` sum of
        squared sector counts (1.0: every table as even as its size allows).
    min_sectors_at_table : int
        Fewest distinct sectors at an occupied table in any round.
    tables_below_sector_target : int
        Table-rounds with fewer distinct sectors than ``min(3, people at the
        table, number of sectors)``.
    area_repeats : int
        Visits of a non-host to an area already visited.
    preferences_met : int
        Preferred areas visited, summed over non-hosts.
    preferences_wanted : int
        Preferred areas that could be visited: ``min(len(preferences), rounds)``
        summed over non-hosts.
    """

    tables: list[str]
    rounds: list[list[list[str]]]
    routes: dict[str, list[str]]
    repeated_pairs: int
    people_met: dict[str, int]
    sector_mix: float
    min_sectors_at_table: int
    tables_below_sector_target: int
    area_repeats: int
    preferences_met: int
    preferences_wanted: int
    metrics: dict[str, object] = field(default_factory=dict)

    def to_dict(self) -> dict[str, object]:
        """JSON-ready dictionary, as written by the command line."""
        return {
            "tables": self.tables,
            "rounds": self.rounds,
            "repeated_pairs": self.repeated_pairs,
            "routes": self.routes,
            "metrics": {
                "people_met": self.people_met,
                "min_people_met": min(self.people_met.values(), default=0),
                "mean_people_met": (
                    sum(self.people_met.values()) / len(self.people_met) if self.people_met else 0.0
                ),
                "sector_mix": self.sector_mix,
                "min_sectors_at_table": self.min_sectors_at_table,
                "tables_below_sector_target": self.tables_below_sector_target,
                "area_repeats": self.area_repeats,
                "preferences_met": self.preferences_met,
                "preferences_wanted": self.preferences_wanted,
                **self.metrics,
            },
        }


def workshop_from_dict(data: dict[str, object]) -> Workshop:
    """Read a workshop from its JSON form (see :func:`main`).

    Parameters
    ----------
    data : dict
        ``{"rounds": R, "tables": [{"id", "capacity", "area"?, "host"?}],
        "participants": [{"id", "sector"?, "preferences"?, "host_of"?}]}``.

    Returns
    -------
    Workshop

    Raises
    ------
    WorkshopError
        On missing fields or wrong types.

    Examples
    --------
    >>> ws = workshop_from_dict({"rounds": 1, "tables": [{"id": "t", "capacity": 2}],
    ...                          "participants": [{"id": "a"}, {"id": "b", "sector": "x"}]})
    >>> ws.rounds, ws.tables[0].capacity, ws.participants[1].sector
    (1, 2, 'x')
    """
    try:
        rounds = int(data["rounds"])  # type: ignore[call-overload]
        tables = tuple(
            Table(
                id=str(t["id"]),
                capacity=int(t["capacity"]),
                area=None if t.get("area") is None else str(t["area"]),
                host=None if t.get("host") is None else str(t["host"]),
            )
            for t in data["tables"]  # type: ignore[attr-defined]
        )
        participants = tuple(
            Participant(
                id=str(p["id"]),
                sector=str(p.get("sector") or ""),
                preferred_areas=tuple(
                    str(a) for a in (p.get("preferences") or p.get("preferred_areas") or ())
                ),
                host_of=None if p.get("host_of") is None else str(p["host_of"]),
            )
            for p in data["participants"]  # type: ignore[attr-defined]
        )
    except KeyError as missing:
        raise WorkshopError(f"missing field {missing}") from None
    except (TypeError, ValueError, AttributeError) as error:
        raise WorkshopError(f"malformed workshop: {error}") from None
    return Workshop(participants=participants, tables=tables, rounds=rounds)


def _validate(workshop: Workshop) -> dict[str, int]:
    """Check the workshop and return the table index of each host."""
    if workshop.rounds < 0:
        raise WorkshopError("rounds must be >= 0")
    if not workshop.tables:
        raise WorkshopError("a workshop needs at least one table")
    table_ids = [t.id for t in workshop.tables]
    if len(set(table_ids)) != len(table_ids):
        raise WorkshopError("table ids must be unique")
    people = [p.id for p in workshop.participants]
    if len(set(people)) != len(people):
        raise WorkshopError("participant ids must be unique")
    for table in workshop.tables:
        if table.capacity < 0:
            raise WorkshopError(f"table {table.id!r} has a negative capacity")
    table_index = {t: i for i, t in enumerate(table_ids)}
    known = set(people)
    host_table: dict[str, int] = {}
    for table in workshop.tables:
        if table.host is not None:
            if table.host not in known:
                raise WorkshopError(
                    f"host {table.host!r} of table {table.id!r} is not a participant"
                )
            host_table[table.host] = table_index[table.id]
    for person in workshop.participants:
        if person.host_of is None:
            continue
        if person.host_of not in table_index:
            raise WorkshopError(f"participant {person.id!r} hosts unknown table {person.host_of!r}")
        index = table_index[person.host_of]
        if host_table.get(person.id, index) != index:
            raise WorkshopError(f"participant {person.id!r} is named host of two tables")
        host_table[person.id] = index
    hosts_per_table = [0] * len(table_ids)
    for index in host_table.values():
        hosts_per_table[index] += 1
    for table, hosts in zip(workshop.tables, hosts_per_table, strict=True):
        if hosts > table.capacity:
            raise WorkshopError(f"table {table.id!r} has {hosts} hosts but {table.capacity} seats")
    seats = sum(t.capacity for t in workshop.tables)
    if len(people) > seats:
        raise WorkshopError(f"{len(people)} participants but only {seats} seats")
    return host_table


def _sector_sum_of_squares_floor(people: int, sectors: int) -> int:
    """Smallest sum of squared sector counts of ``people`` spread over ``sectors``."""
    if sectors <= 0:
        return 0
    low, extra = divmod(people, sectors)
    return extra * (low + 1) ** 2 + (sectors - extra) * low**2


def _initial_seating(
    movable: list[int],
    free: list[int],
    area_of_table: list[int],
    areas: int,
    rounds: int,
    rng: random.Random,
) -> list[list[int]]:
    """Initial table of each movable participant per round (``seats[r][i]``).

    Participants are split into blocks of ``areas``; block ``k`` follows the
    rows of its own random Latin square ``L(i, r) = σ(π(i) + τ(r) mod A)``,
    so within a round a full block puts one person in each area and nobody
    visits an area twice while ``rounds <= areas``.  Independent squares
    give the blocks different routes, which spreads the encounters.  Within
    an area, and wherever the area is full, the table with most free seats
    is taken.
    """
    order = movable[:]
    rng.shuffle(order)
    route: dict[int, list[int]] = {}
    if areas:
        for block_start in range(0, len(order), areas):
            symbols = list(range(areas))
            rows = list(range(areas))
            columns = list(range(areas))
            rng.shuffle(symbols)
            rng.shuffle(rows)
            rng.shuffle(columns)
            for i, person in enumerate(order[block_start : block_start + areas]):
                route[person] = [
                    symbols[(rows[i] + columns[r % areas]) % areas] for r in range(rounds)
                ]
    tables_of_area: dict[int, list[int]] = {}
    for t, area in enumerate(area_of_table):
        tables_of_area.setdefault(area, []).append(t)
    seats = []
    for r in range(rounds):
        room = free[:]
        seat_of = {}
        for person in order:
            wanted = tables_of_area.get(route[person][r], []) if route else []
            pool = [t for t in wanted if room[t] > 0] or [
                t for t in range(len(room)) if room[t] > 0
            ]
            table = max(pool, key=lambda t: (room[t], -t))
            room[table] -= 1
            seat_of[person] = table
        seats.append([seat_of[p] for p in movable])
    return seats


def plan_rotations(
    workshop: Workshop,
    *,
    seed: int = 0,
    time_limit: float = 30.0,
    iterations: int | None = None,
) -> RotationPlan:
    """Seat the participants of a World Café for every round.

    Parameters
    ----------
    workshop : Workshop
        Participants, tables (capacity, area, host) and rounds.
    seed : int
        Seed of the pseudo-random choices; same seed, same plan unless the
        time limit cuts the search short.
    time_limit : float
        Upper bound in seconds.
    iterations : int, optional
        Number of annealing moves; by default it grows with the instance.

    Returns
    -------
    RotationPlan

    Raises
    ------
    WorkshopError
        When the workshop is inconsistent: more participants than seats,
        unknown or duplicate hosts, a host without a seat.

    Notes
    -----
    A workshop that is a social golfer instance in disguise (equal, exactly
    full tables, no hosts) is first seated from :func:`social_golfer_schedule`
    with area labels found by local search, and sectors are spread by
    exchanging whole routes, which keeps repeats and revisits unchanged.
    Otherwise, or when that finds no plan without repeats and revisits:
    simulated annealing (``iterations`` moves, geometric cooling) followed
    by a tabu repair of the people in conflicts; see the module docstring
    for the moves.  The cost is ``100·repeats + 100·Σ C(visits of an area,
    2) + 40·(missing sectors below the target of 3) + 3·Σ (sector count)² +
    2·(preferred areas not visited)``, each term updated in ``O(table
    size)`` per move.  Hosts never move; spare seats are spread evenly at
    the start and moves to free seats let the search rebalance.  Tables
    without an area do not count as area visits.  When a plan without
    repeats is impossible (too many rounds for the tables) the search
    minimises the repeats.

    References
    ----------
    .. [1] J. Brown, D. Isaacs, "The World Café: Shaping Our Futures Through
       Conversations That Matter", Berrett-Koehler 2005.
    .. [2] S. Kirkpatrick, C. D. Gelatt, M. P. Vecchi, "Optimization by
       simulated annealing", Science 220 (1983) 671-680.

    Examples
    --------
    >>> tables = (Table("t1", 2, "A", host="h1"), Table("t2", 2, "B", host="h2"))
    >>> people = (Participant("h1", "museum"), Participant("h2", "games"),
    ...           Participant("a", "museum"), Participant("b", "games"))
    >>> plan = plan_rotations(Workshop(people, tables, 2), seed=1)
    >>> plan.repeated_pairs, plan.area_repeats, plan.rounds[0][0][0], plan.rounds[1][1][0]
    (0, 0, 'h1', 'h2')
    """
    host_table = _validate(workshop)
    rng = random.Random(seed)
    people = [p.id for p in workshop.participants]
    index = {pid: i for i, pid in enumerate(people)}
    n_people, n_tables, n_rounds = len(people), len(workshop.tables), workshop.rounds
    sector_names = sorted({p.sector for p in workshop.participants if p.sector})
    sector_of = [sector_names.index(p.sector) if p.sector else -1 for p in workshop.participants]
    area_names = sorted({t.area for t in workshop.tables if t.area is not None})
    area_of_table = [
        area_names.index(t.area) if t.area is not None else -1 for t in workshop.tables
    ]
    prefers = [
        {area_names.index(a) for a in p.preferred_areas if a in area_names}
        for p in workshop.participants
    ]
    hosts = {index[h]: t for h, t in host_table.items()}
    movable = [i for i in range(n_people) if i not in hosts]
    free = [t.capacity for t in workshop.tables]
    for t in hosts.values():
        free[t] -= 1

    moves = (
        iterations
        if iterations is not None
        else 4000 * max(1, n_rounds) * max(1, len(movable)) // 10
    )
    started = time.monotonic()
    # Co-hosts of one table meet every round whatever the plan does.
    fixed_pairs = {
        (min(a, b), max(a, b)) for a in hosts for b in hosts if a != b and hosts[a] == hosts[b]
    }

    def attempt(
        restrict_routes: bool, rng: random.Random, deadline: float
    ) -> tuple[int, int, list[list[list[int]]]]:
        """One annealing and repair run: repeats and revisits, weighted cost, seating."""
        seat = [[0] * n_people for _ in range(n_rounds)]
        members: list[list[list[int]]] = [[[] for _ in range(n_tables)] for _ in range(n_rounds)]
        initial = _initial_seating(movable, free, area_of_table, len(area_names), n_rounds, rng)
        for r in range(n_rounds):
            for person, t in hosts.items():
                seat[r][person] = t
            for person, t in zip(movable, initial[r], strict=True):
                seat[r][person] = t
            for person in range(n_people):
                members[r][seat[r][person]].append(person)

        meet = [[0] * n_people for _ in range(n_people)]
        visits = [[0] * len(area_names) for _ in range(n_people)]
        sector_count = [[[0] * len(sector_names) for _ in range(n_tables)] for _ in range(n_rounds)]
        for r in range(n_rounds):
            for t, group in enumerate(members[r]):
                for a, b in itertools.combinations(group, 2):
                    meet[a][b] += 1
                    meet[b][a] += 1
                for person in group:
                    if sector_of[person] >= 0:
                        sector_count[r][t][sector_of[person]] += 1
                    if person not in hosts and area_of_table[t] >= 0:
                        visits[person][area_of_table[t]] += 1

        def leave_cost(r: int, person: int, table: int, partner: int) -> int:
            """Cost change when ``person`` leaves ``table`` (``partner`` is arriving instead)."""
            delta = 0
            for other in members[r][table]:
                if other != person and other != partner and meet[person][other] > 1:
                    delta -= REPEAT_WEIGHT
            area = area_of_table[table]
            if area >= 0:
                c = visits[person][area]
                delta -= AREA_REPEAT_WEIGHT * (c - 1)
                if c == 1 and area in prefers[person]:
                    delta += PREFERENCE_WEIGHT
            return delta

        def join_cost(r: int, person: int, table: int, leaving: int, source: int) -> int:
            """Cost change when ``person`` comes from ``source`` to ``table`` (``leaving`` leaves it)."""
            delta = 0
            for other in members[r][table]:
                if other != leaving and meet[person][other] >= 1:
                    delta += REPEAT_WEIGHT
            area = area_of_table[table]
            if area >= 0:
                # Counted after leaving the source table, which may have the same area.
                c = visits[person][area] - (area_of_table[source] == area)
                delta += AREA_REPEAT_WEIGHT * c
                if c == 0 and area in prefers[person]:
                    delta -= PREFERENCE_WEIGHT
            return delta

        def sector_delta(r: int, table: int, out_sector: int, in_sector: int) -> int:
            """Change of the sector terms when one person of ``out_sector`` leaves and one of ``in_sector`` comes.

            ``-1`` stands for nobody (or a person without sector).
            """
            if out_sector == in_sector:
                return 0
            counts = sector_count[r][table]
            people = sum(counts)
            distinct = sum(1 for c in counts if c)
            delta = 0
            if out_sector >= 0:
                delta += 1 - 2 * counts[out_sector]
                people -= 1
                distinct -= counts[out_sector] == 1
            if in_sector >= 0:
                delta += 1 + 2 * counts[in_sector]
                people += 1
                distinct += counts[in_sector] == 0
            before = sector_shortfall(sum(counts), sum(1 for c in counts if c))
            after = sector_shortfall(people, distinct)
            return SECTOR_WEIGHT * delta + SECTOR_TARGET_WEIGHT * (after - before)

        def sector_shortfall(people: int, distinct: int) -> int:
            return max(0, min(SECTOR_TARGET, people, len(sector_names)) - distinct)

        def apply(r: int, person: int, source: int, target: int) -> None:
            members[r][source].remove(person)
            for other in members[r][source]:
                meet[person][other] -= 1
                meet[other][person] -= 1
            for other in members[r][target]:
                meet[person][other] += 1
                meet[other][person] += 1
            members[r][target].append(person)
            seat[r][person] = target
            if sector_of[person] >= 0:
                sector_count[r][source][sector_of[person]] -= 1
                sector_count[r][target][sector_of[person]] += 1
            if area_of_table[source] >= 0:
                visits[person][area_of_table[source]] -= 1
            if area_of_table[target] >= 0:
                visits[person][area_of_table[target]] += 1

        can_move = bool(movable) and n_tables > 1 and n_rounds > 0
        start_temperature, end_temperature = 0.3 * REPEAT_WEIGHT, 0.2

        def swap_delta(r: int, person: int, other: int) -> int:
            source, target = seat[r][person], seat[r][other]
            return (
                leave_cost(r, person, source, other)
                + join_cost(r, person, target, other, source)
                + leave_cost(r, other, target, person)
                + join_cost(r, other, source, person, target)
                + sector_delta(r, source, sector_of[person], sector_of[other])
                + sector_delta(r, target, sector_of[other], sector_of[person])
            )

        def swap(r: int, person: int, other: int) -> None:
            source, target = seat[r][person], seat[r][other]
            apply(r, person, source, target)
            apply(r, other, target, source)

        def accept(delta: int, temperature: float) -> bool:
            return delta <= 0 or rng.random() < math.exp(-delta / temperature)

        # When the initial routes visit every area at most once, only moves that
        # keep each person's set of areas are made: breaking that structure and
        # repairing it needs several coordinated moves the annealing rarely finds.
        keep_routes = restrict_routes and all(
            visits[p][a] <= 1 for p in movable for a in range(len(area_names))
        )

        def area_safe(person: int, source: int, target: int, other: int) -> bool:
            """Whether moving ``person`` (and ``other`` back) adds no area visited twice."""
            if not keep_routes:
                return True
            area_source, area_target = area_of_table[source], area_of_table[target]
            if area_source == area_target:
                return True
            if area_target >= 0 and visits[person][area_target]:
                return False
            return other < 0 or area_source < 0 or not visits[other][area_source]

        for step in range(moves if can_move else 0):
            if step % 1024 == 0 and time.monotonic() > deadline:
                break
            temperature = start_temperature * (end_temperature / start_temperature) ** (
                step / moves
            )
            r = rng.randrange(n_rounds)
            person = movable[rng.randrange(len(movable))]
            source = seat[r][person]
            if n_rounds > 1 and rng.random() < 0.5:
                # Exchange two people's tables in two rounds whose areas they swap
                # too: both keep their set of areas, so this explores seatings
                # without breaking the "every area once" structure.
                other_round = rng.randrange(n_rounds - 1)
                if other_round >= r:
                    other_round += 1
                area_here = area_of_table[source]
                area_there = area_of_table[seat[other_round][person]]
                if area_here != area_there and area_here >= 0 and area_there >= 0:
                    partners = [
                        x
                        for t in range(n_tables)
                        if area_of_table[t] == area_there
                        for x in members[r][t]
                        if x not in hosts and area_of_table[seat[other_round][x]] == area_here
                    ]
                    if partners:
                        other = partners[rng.randrange(len(partners))]
                        delta = swap_delta(r, person, other)
                        swap(r, person, other)
                        delta += swap_delta(other_round, person, other)
                        if accept(delta, temperature):
                            swap(other_round, person, other)
                        else:
                            swap(r, person, other)
                        continue
            target = rng.randrange(n_tables - 1)
            if target >= source:
                target += 1
            candidates = [x for x in members[r][target] if x not in hosts]
            room = free[target] - len(candidates)
            if room > 0 and (not candidates or rng.random() < 0.5):
                if not area_safe(person, source, target, -1):
                    continue
                delta = leave_cost(r, person, source, -1) + join_cost(r, person, target, -1, source)
                delta += sector_delta(r, source, sector_of[person], -1)
                delta += sector_delta(r, target, -1, sector_of[person])
                if accept(delta, temperature):
                    apply(r, person, source, target)
                continue
            if candidates:
                other = candidates[rng.randrange(len(candidates))]
                if area_safe(person, source, target, other) and accept(
                    swap_delta(r, person, other), temperature
                ):
                    swap(r, person, other)

        if can_move:
            _repair_repeats(
                rounds=n_rounds,
                movable=movable,
                hosts=hosts,
                members=members,
                seat=seat,
                meet=meet,
                area_of_table=area_of_table,
                targets=[[u for u in range(n_tables) if u != t] for t in range(n_tables)],
                area_safe=area_safe,
                visits=visits,
                short_of_sectors=lambda r, t: (
                    sector_shortfall(
                        sum(sector_count[r][t]), sum(1 for c in sector_count[r][t] if c)
                    )
                    > 0
                ),
                room=lambda r, t: free[t] - sum(1 for x in members[r][t] if x not in hosts),
                swap_delta=swap_delta,
                swap=swap,
                move_delta=lambda r, p, t: (
                    leave_cost(r, p, seat[r][p], -1)
                    + join_cost(r, p, t, -1, seat[r][p])
                    + sector_delta(r, seat[r][p], sector_of[p], -1)
                    + sector_delta(r, t, -1, sector_of[p])
                ),
                move=lambda r, p, t: apply(r, p, seat[r][p], t),
                rng=rng,
                deadline=deadline,
                iterations=max(50, min(20 * len(movable), moves // 50)),
            )

        cost = SECTOR_WEIGHT * sum(c * c for rr in sector_count for counts in rr for c in counts)
        cost += SECTOR_TARGET_WEIGHT * sum(
            sector_shortfall(sum(counts), sum(1 for c in counts if c))
            for rr in sector_count
            for counts in rr
        )
        hard = 0
        for p in movable:
            for a, v in enumerate(visits[p]):
                hard += v * (v - 1) // 2
                cost += AREA_REPEAT_WEIGHT * v * (v - 1) // 2
                cost += PREFERENCE_WEIGHT * (v == 0 and a in prefers[p])
        for a in range(n_people):
            for b in range(a + 1, n_people):
                if meet[a][b] > 1 and (a, b) not in fixed_pairs:
                    hard += meet[a][b] - 1
                    cost += REPEAT_WEIGHT * (meet[a][b] - 1)
        return hard, cost, members

    # Two runs: one keeps everybody's "each area once" route structure and
    # moves within it, the other moves freely; tight tables favour the
    # first, tiny or unbalanced ones the second.  The cheaper plan wins.
    results = []
    uniform = _uniform_golfer_seating(
        workshop, area_of_table, len(area_names), rng, started + time_limit / 3
    )
    if uniform is not None:
        _spread_sectors(uniform, sector_of, prefers, area_of_table, len(sector_names), rng)
        return _workshop_plan(
            workshop,
            uniform,
            hosts,
            fixed_pairs,
            sector_of,
            area_of_table,
            prefers,
            len(sector_names),
        )
    if area_names:
        results.append(attempt(True, random.Random(rng.random()), started + time_limit / 2))
    if not results or results[0][0] > 0:
        # A second run only when the first left a repeat or a revisit.
        results.append(attempt(False, random.Random(rng.random()), started + time_limit))
    members = min(results, key=lambda result: result[:2])[2]
    return _workshop_plan(
        workshop, members, hosts, fixed_pairs, sector_of, area_of_table, prefers, len(sector_names)
    )


def _uniform_golfer_seating(
    workshop: Workshop,
    area_of_table: list[int],
    areas: int,
    rng: random.Random,
    deadline: float,
) -> list[list[list[int]]] | None:
    """Seating from a social golfer schedule when the workshop is one.

    Applies to workshops without hosts whose equal tables are exactly full
    and, when tables have areas, every area has the same number of tables
    and there are no more rounds than areas.  Participant ``i`` is player
    ``i``; each round's groups then get area labels (each area on as many
    groups as it has tables) by a local search on label swaps that makes
    every route visit distinct areas.  ``None`` when it does not apply or
    no repeat-free schedule or labelling is found in time.
    """
    tables, rounds = workshop.tables, workshop.rounds
    people = len(workshop.participants)
    capacities = {t.capacity for t in tables}
    if rounds < 2 or len(capacities) != 1 or any(t.host for t in tables):
        return None
    if any(p.host_of for p in workshop.participants):
        return None
    size = capacities.pop()
    groups = len(tables)
    if size < 2 or people != groups * size:
        return None
    with_area = [a for a in area_of_table if a >= 0]
    if with_area and (len(with_area) != groups or rounds > areas):
        return None
    per_area = [with_area.count(a) for a in range(areas)]
    if with_area and len(set(per_area)) != 1:
        return None
    golfer = social_golfer_schedule(
        groups,
        size,
        rounds,
        seed=rng.randrange(2**31),
        time_limit=max(0.1, deadline - time.monotonic()),
    )
    if golfer.repeated_pairs:
        return None
    schedule = golfer.rounds
    if not with_area:
        return [[g[:] for g in round_] for round_ in schedule]
    labels = [area_of_table[:] for _ in range(rounds)]
    for r in range(1, rounds):
        rng.shuffle(labels[r])
    visits = [[0] * areas for _ in range(people)]
    for r, round_ in enumerate(schedule):
        for j, group in enumerate(round_):
            for p in group:
                visits[p][labels[r][j]] += 1
    cost = sum(v * (v - 1) // 2 for row in visits for v in row)
    for step in range(50_000 * rounds):
        if not cost or (step % 1024 == 0 and time.monotonic() > deadline):
            break
        r = 1 + rng.randrange(rounds - 1)
        j1, j2 = rng.sample(range(groups), 2)
        a1, a2 = labels[r][j1], labels[r][j2]
        if a1 == a2:
            continue
        delta = 0
        for p in schedule[r][j1]:
            delta += visits[p][a2] - (visits[p][a1] - 1)
        for p in schedule[r][j2]:
            delta += visits[p][a1] - (visits[p][a2] - 1)
        # Sideways moves and rare uphill ones keep the search moving on plateaus.
        if delta <= 0 or rng.random() < 0.02:
            for p in schedule[r][j1]:
                visits[p][a1] -= 1
                visits[p][a2] += 1
            for p in schedule[r][j2]:
                visits[p][a2] -= 1
                visits[p][a1] += 1
            labels[r][j1], labels[r][j2] = a2, a1
            cost += delta
    if cost:
        return None
    seating: list[list[list[int]]] = []
    for r, round_ in enumerate(schedule):
        free_tables = {
            a: [t for t, ta in enumerate(area_of_table) if ta == a] for a in range(areas)
        }
        members: list[list[int]] = [[] for _ in tables]
        for j, group in enumerate(round_):
            members[free_tables[labels[r][j]].pop(0)] = group[:]
        seating.append(members)
    return seating


def _spread_sectors(
    seating: list[list[list[int]]],
    sector_of: list[int],
    prefers: list[set[int]],
    area_of_table: list[int],
    sectors: int,
    rng: random.Random,
) -> None:
    """Improve sector mix and preferences by exchanging two people's whole routes.

    Exchanging routes keeps every table's size, every route's areas and the
    set of pairs that meet (up to renaming), so repeats and revisits stay as
    they are; hill climbing with sideways moves on the sector and preference
    terms of the workshop objective.
    """
    people = len(sector_of)
    if people < 2:
        return
    rounds = len(seating)
    route = [[0] * rounds for _ in range(people)]
    for r, round_ in enumerate(seating):
        for t, group in enumerate(round_):
            for p in group:
                route[p][r] = t
    counts = [[[0] * max(1, sectors) for _ in round_] for round_ in seating]
    for r, round_ in enumerate(seating):
        for t, group in enumerate(round_):
            for p in group:
                if sector_of[p] >= 0:
                    counts[r][t][sector_of[p]] += 1

    def table_cost(cell: list[int]) -> int:
        present = sum(cell)
        distinct = sum(1 for c in cell if c)
        shortfall = max(0, min(SECTOR_TARGET, present, sectors) - distinct)
        return SECTOR_WEIGHT * sum(c * c for c in cell) + SECTOR_TARGET_WEIGHT * shortfall

    def preference_cost(person: int, path: list[int]) -> int:
        seen = {area_of_table[t] for t in path}
        return PREFERENCE_WEIGHT * len(prefers[person] - seen)

    for _ in range(200 * people):
        a, b = rng.sample(range(people), 2)
        sa, sb = sector_of[a], sector_of[b]
        delta = (
            preference_cost(a, route[b])
            + preference_cost(b, route[a])
            - preference_cost(a, route[a])
            - preference_cost(b, route[b])
        )
        if sa != sb:
            for r in range(rounds):
                ta, tb = route[a][r], route[b][r]
                if ta == tb:
                    continue
                cell_a, cell_b = counts[r][ta], counts[r][tb]
                before = table_cost(cell_a) + table_cost(cell_b)
                if sa >= 0:
                    cell_a[sa] -= 1
                    cell_b[sa] += 1
                if sb >= 0:
                    cell_b[sb] -= 1
                    cell_a[sb] += 1
                delta += table_cost(cell_a) + table_cost(cell_b) - before
                if sa >= 0:
                    cell_a[sa] += 1
                    cell_b[sa] -= 1
                if sb >= 0:
                    cell_b[sb] += 1
                    cell_a[sb] -= 1
        if delta > 0:
            continue
        for r in range(rounds):
            ta, tb = route[a][r], route[b][r]
            if ta == tb:
                continue
            seating[r][ta][seating[r][ta].index(a)] = b
            seating[r][tb][seating[r][tb].index(b)] = a
            if sa >= 0:
                counts[r][ta][sa] -= 1
                counts[r][tb][sa] += 1
            if sb >= 0:
                counts[r][tb][sb] -= 1
                counts[r][ta][sb] += 1
        route[a], route[b] = route[b], route[a]


def _repair_repeats(
    *,
    rounds: int,
    movable: list[int],
    hosts: dict[int, int],
    members: list[list[list[int]]],
    seat: list[list[int]],
    meet: list[list[int]],
    area_of_table: list[int],
    targets: list[list[int]],
    area_safe: Callable[[int, int, int, int], bool],
    visits: list[list[int]],
    short_of_sectors: Callable[[int, int], bool],
    room: Callable[[int, int], int],
    swap_delta: Callable[[int, int, int], int],
    swap: Callable[[int, int, int], None],
    move_delta: Callable[[int, int, int], int],
    move: Callable[[int, int, int], None],
    rng: random.Random,
    deadline: float,
    iterations: int,
) -> None:
    """Tabu search on the people in conflicts, after the annealing.

    Annealing settles the soft terms but leaves a few repeats in tight
    workshops; here every iteration takes the best move (same moves as the
    annealing, all of them evaluated) of a person in a repeated pair, at an
    area visited twice or at a table short of sectors, as
    Dotú & Van Hentenryck do for social golfers.  Moving a person back in
    the same round is tabu for a few iterations.
    """
    tabu: dict[tuple[int, int], int] = {}
    for iteration in range(iterations):
        if time.monotonic() > deadline:
            return
        conflicted = [
            (r, p)
            for r in range(rounds)
            for p in movable
            if any(meet[p][x] > 1 for x in members[r][seat[r][p]] if x != p)
            or (area_of_table[seat[r][p]] >= 0 and visits[p][area_of_table[seat[r][p]]] > 1)
            or short_of_sectors(r, seat[r][p])
        ]
        if not conflicted:
            return
        best: tuple[int, ...] | None = None
        best_delta = 0
        options: list[tuple[int, ...]] = []
        for r, p in conflicted:
            if tabu.get((r, p), -1) >= iteration:
                continue
            source = seat[r][p]
            for t in targets[source]:
                if room(r, t) > 0 and area_safe(p, source, t, -1):
                    options.append((move_delta(r, p, t), 0, r, p, t))
                for q in members[r][t]:
                    if q not in hosts and area_safe(p, source, t, q):
                        options.append((swap_delta(r, p, q), 1, r, p, q))
            area_here = area_of_table[source]
            for r2 in range(rounds):
                area_there = area_of_table[seat[r2][p]]
                if r2 == r or area_here < 0 or area_there < 0 or area_here == area_there:
                    continue
                for t in range(len(area_of_table)):
                    if area_of_table[t] != area_there:
                        continue
                    for q in members[r][t]:
                        if q in hosts or area_of_table[seat[r2][q]] != area_here:
                            continue
                        delta = swap_delta(r, p, q)
                        swap(r, p, q)
                        delta += swap_delta(r2, p, q)
                        swap(r, p, q)
                        options.append((delta, 2, r, p, q, r2))
        if not options:
            tabu.clear()
            continue
        best_delta = min(o[0] for o in options)
        ties = [o for o in options if o[0] == best_delta]
        best = ties[rng.randrange(len(ties))]
        kind, r, p = best[1], best[2], best[3]
        if kind == 0:
            move(r, p, best[4])
        elif kind == 1:
            swap(r, p, best[4])
            tabu[(r, best[4])] = iteration + 2 + rng.randrange(5)
        else:
            swap(r, p, best[4])
            swap(best[5], p, best[4])
            tabu[(best[5], p)] = iteration + 2 + rng.randrange(5)
        tabu[(r, p)] = iteration + 2 + rng.randrange(5)


def _workshop_plan(
    workshop: Workshop,
    members: list[list[list[int]]],
    hosts: dict[int, int],
    fixed_pairs: set[tuple[int, int]],
    sector_of: list[int],
    area_of_table: list[int],
    prefers: list[set[int]],
    sector_total: int,
) -> RotationPlan:
    """Measure a seating and translate it back to ids."""
    people = [p.id for p in workshop.participants]
    met: list[set[int]] = [set() for _ in people]
    seen: dict[tuple[int, int], int] = {}
    repeats = 0
    mix_scores: list[float] = []
    min_sectors: int | None = None
    below_target = 0
    visited: list[list[int]] = [[] for _ in people]
    for round_ in members:
        for t, group in enumerate(round_):
            for a, b in itertools.combinations(sorted(group), 2):
                met[a].add(b)
                met[b].add(a)
                if (a, b) in fixed_pairs:
                    continue
                if seen.get((a, b), 0):
                    repeats += 1
                seen[(a, b)] = seen.get((a, b), 0) + 1
            for person in group:
                if person not in hosts and area_of_table[t] >= 0:
                    visited[person].append(area_of_table[t])
            counted = [sector_of[p] for p in group if sector_of[p] >= 0]
            if not counted:
                continue
            counts = [counted.count(s) for s in set(counted)]
            actual = sum(c * c for c in counts)
            mix_scores.append(_sector_sum_of_squares_floor(len(counted), sector_total) / actual)
            distinct = len(counts)
            min_sectors = distinct if min_sectors is None else min(min_sectors, distinct)
            if distinct < min(3, len(counted), sector_total):
                below_target += 1
    area_repeats = sum(len(v) - len(set(v)) for v in visited)
    non_hosts = [i for i in range(len(people)) if i not in hosts]
    preferences_met = sum(len(prefers[i] & set(visited[i])) for i in non_hosts)
    preferences_wanted = sum(min(len(prefers[i]), workshop.rounds) for i in non_hosts)
    table_ids = [t.id for t in workshop.tables]
    host_first = [
        [sorted(group, key=lambda p: (p not in hosts, p)) for group in round_] for round_ in members
    ]
    routes = {
        people[p]: [
            table_ids[next(t for t, g in enumerate(round_) if p in g)] for round_ in members
        ]
        for p in range(len(people))
    }
    return RotationPlan(
        tables=table_ids,
        rounds=[[[people[p] for p in group] for group in round_] for round_ in host_first],
        routes=routes,
        repeated_pairs=repeats,
        people_met={people[i]: len(met[i]) for i in range(len(people))},
        sector_mix=round(sum(mix_scores) / len(mix_scores), 4) if mix_scores else 1.0,
        min_sectors_at_table=min_sectors or 0,
        tables_below_sector_target=below_target,
        area_repeats=area_repeats,
        preferences_met=preferences_met,
        preferences_wanted=preferences_wanted,
    )


# ---------------------------------------------------------------------------
# Command line


def main(argv: Sequence[str] | None = None) -> int:
    """Command line: pure social golfer or a workshop from JSON.

    ``python -m sache.engine.rotations --groups G --size S --rounds R
    [--seed N] [--time-limit S] --out PLAN.json`` writes
    ``{"rounds": [[[player, ...] per table] per round], "repeated_pairs": n}``
    with players ``0..G·S-1``.

    ``python -m sache.engine.rotations INPUT.json [--seed N] [--time-limit S]
    --out PLAN.json`` reads a workshop (see :func:`workshop_from_dict`) and
    writes :meth:`RotationPlan.to_dict`: ``tables``, ``rounds`` (participant
    ids per table per round, tables in input order), ``repeated_pairs``,
    ``routes`` and ``metrics``.

    Parameters
    ----------
    argv : sequence of str, optional
        Arguments without the program name; ``sys.argv[1:]`` by default.

    Returns
    -------
    int
        Exit status: 0 on success, 2 on invalid input.
    """
    parser = argparse.ArgumentParser(
        prog="python -m sache.engine.rotations",
        description="World Café rotations: social golfer schedules or workshop seating plans.",
    )
    parser.add_argument("input", nargs="?", help="workshop JSON (omit for the social golfer case)")
    parser.add_argument("--groups", type=int, help="tables per round (social golfer)")
    parser.add_argument("--size", type=int, help="seats per table (social golfer)")
    parser.add_argument("--rounds", type=int, help="rounds (social golfer)")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument(
        "--time-limit", type=float, default=None, help="seconds (default 60 golfer, 30 workshop)"
    )
    parser.add_argument("--out", required=True, help="output JSON file ('-' for stdout)")
    args = parser.parse_args(argv)

    started = time.monotonic()
    if args.input is None:
        if args.groups is None or args.size is None or args.rounds is None:
            parser.error("give INPUT.json or all of --groups, --size and --rounds")
        try:
            schedule = social_golfer_schedule(
                args.groups,
                args.size,
                args.rounds,
                seed=args.seed,
                time_limit=60.0 if args.time_limit is None else args.time_limit,
            )
        except ValueError as error:
            print(f"error: {error}", file=sys.stderr)
            return 2
        output: dict[str, object] = {
            "rounds": schedule.rounds,
            "repeated_pairs": schedule.repeated_pairs,
        }
        summary = f"{args.groups}-{args.size}-{args.rounds}: {schedule.repeated_pairs} repeated pairs ({schedule.method})"
    else:
        try:
            with open(args.input, encoding="utf-8") as handle:
                workshop = workshop_from_dict(json.load(handle))
            plan = plan_rotations(
                workshop,
                seed=args.seed,
                time_limit=30.0 if args.time_limit is None else args.time_limit,
            )
        except (OSError, json.JSONDecodeError, WorkshopError) as error:
            print(f"error: {error}", file=sys.stderr)
            return 2
        output = plan.to_dict()
        summary = (
            f"{len(workshop.participants)} participants, {workshop.rounds} rounds: "
            f"{plan.repeated_pairs} repeated pairs, sector mix {plan.sector_mix}, "
            f"area repeats {plan.area_repeats}"
        )
    text = json.dumps(output, ensure_ascii=False)
    if args.out == "-":
        sys.stdout.write(text + "\n")
    else:
        with open(args.out, "w", encoding="utf-8") as handle:
            handle.write(text + "\n")
    print(f"{summary}; {time.monotonic() - started:.2f} s", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
