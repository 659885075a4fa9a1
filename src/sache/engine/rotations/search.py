"""Searches for social golfer schedules: tabu search on swaps and the symmetric (difference) search."""

from __future__ import annotations

import itertools
import math
import random
import time
from collections.abc import Sequence

from .metrics import Schedule, count_repeated_pairs

# Exact base-round search: conflicts per symmetry, and the most base rounds
# it is tried with (more base rounds make the model too loose to refute fast).
SAT_CONFLICTS = 20_000
SAT_MAX_BASE_ROUNDS = 2

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
    by search instead of by algebra: tabu search with doubling iteration
    budgets, and after its first pass a SAT model of the base rounds
    (:func:`_sat_base_rounds`) per symmetry with at most two base rounds.
    Budgets are counted in iterations and conflicts, so
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
    sat_conflicts = SAT_CONFLICTS
    refuted: set[tuple[int, ...]] = set()
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
        # Between tabu passes: an exact search per symmetry with a conflict
        # budget that grows 4-fold per pass (the most symmetric types take
        # well under a second; 7-4-9 and 7-3-10 needed long tabu runs before;
        # 9-4-11 needs a few hundred thousand conflicts).
        for option in options:
            if time.monotonic() >= deadline or not sat_conflicts:
                break
            if rounds // math.lcm(*option) > SAT_MAX_BASE_ROUNDS or option in refuted:
                continue
            started = time.monotonic()
            found = _sat_base_rounds(groups, size, rounds, option, sat_conflicts, refuted)
            if found is not None:
                return _develop(found, option), 0
            if time.monotonic() - started > 0.25 * max(0.0, deadline - time.monotonic()):
                sat_conflicts = 0  # a 4-fold budget would overrun the time limit: tabu only
        sat_conflicts *= 4
        budget *= 2
    return None


def _sat_base_rounds(
    groups: int,
    size: int,
    rounds: int,
    cycle_type: Sequence[int],
    conflicts: int,
    refuted: set[tuple[int, ...]] | None = None,
) -> Schedule | None:
    """Base rounds for ``cycle_type`` by a SAT solver, or ``None`` (unsatisfiable or budget spent).

    Same model as the tabu search on pair orbits (see :func:`_orbit_slots`):
    ``x[t][p][b]`` seats point ``p`` in group ``b`` of base round ``t``; a pair
    seated together marks its orbit, every orbit of weight 1 is marked at
    most once (exactly once when the design is complete: as many orbits as
    seated pairs) and orbits of weight > 1 never.  Groups are ordered by
    their smallest member, which removes the ``g!`` relabellings of each
    base round.  The budget is in conflicts, so the answer does not depend
    on the machine's speed.
    """
    from pysat.card import CardEnc, EncType
    from pysat.formula import IDPool
    from pysat.solvers import Solver

    points = groups * size
    order = math.lcm(*cycle_type)
    base = rounds // order
    slot, weight, _ = _orbit_slots(cycle_type)
    pool = IDPool()

    def seat(t: int, p: int, b: int) -> int:
        return pool.id(("x", t, p, b))

    clauses: list[list[int]] = []
    for t in range(base):
        for p in range(points):
            lits = [seat(t, p, b) for b in range(min(groups, p + 1))]
            clauses.append(lits)
            clauses.extend([-a, -c] for a, c in itertools.combinations(lits, 2))
            for b in range(1, min(groups, p + 1)):
                # p in group b needs a smaller point in group b - 1.
                clauses.append([-seat(t, p, b)] + [seat(t, q, b - 1) for q in range(b - 1, p)])
        for b in range(groups):
            lits = [seat(t, p, b) for p in range(b, points)]
            clauses.extend(
                CardEnc.equals(lits, size, vpool=pool, encoding=EncType.seqcounter).clauses
            )
    orbits: dict[int, list[tuple[int, int]]] = {}
    for p in range(points):
        for q in range(p + 1, points):
            orbits.setdefault(slot[p][q], []).append((p, q))
    single = [pairs for pairs in orbits.values() if weight[pairs[0][0]][pairs[0][1]] == 1]
    complete = len(single) == base * groups * size * (size - 1) // 2
    for pairs in orbits.values():
        marks = []
        for t in range(base):
            for p, q in pairs:
                m = pool.id(("m", t, p, q))
                marks.append(m)
                together = []
                for b in range(min(groups, p + 1)):
                    y = pool.id(("y", t, p, q, b))
                    together.append(y)
                    clauses.extend([[-seat(t, p, b), -seat(t, q, b), y], [-y, m]])
                    if complete:
                        clauses.extend([[-y, seat(t, p, b)], [-y, seat(t, q, b)]])
                if complete:
                    clauses.append([-m, *together])
        if weight[pairs[0][0]][pairs[0][1]] > 1:
            clauses.extend([-m] for m in marks)
            continue
        clauses.extend(
            CardEnc.atmost(marks, 1, vpool=pool, encoding=EncType.seqcounter).clauses
            if len(marks) > 6
            else [[-a, -c] for a, c in itertools.combinations(marks, 2)]
        )
        if complete:
            clauses.append(marks)
    long_cycles = [c for c in cycle_type if c > 1]
    if (
        complete
        and base == 1
        and cycle_type[-1] == 1
        and set(long_cycles) == {order}
        and len(long_cycles) == size - 1
    ):
        # A fixed point meets each long cycle's orbit of pairs exactly once,
        # so its group holds one point per cycle; shifting each cycle (an
        # automorphism of the model) makes those the cycles' first points.
        fixed_point = len(long_cycles) * order
        clauses.append([seat(0, fixed_point, 0)])
        clauses.extend([seat(0, c * order, 0)] for c in range(len(long_cycles)))
        if fixed_point + 1 < points and all(order % d for d in range(2, order)):
            # For prime n, x -> u·x (all cycles at once) keeps that group and
            # moves the second fixed point's partner in cycle 0 to point 1.
            clauses.extend([-seat(0, fixed_point + 1, b), seat(0, 1, b)] for b in range(groups))
    solver = Solver(name="cadical153", bootstrap_with=clauses)
    try:
        # CaDiCaL cannot be interrupted: the caller sizes ``conflicts`` to its time.
        solver.conf_budget(conflicts)
        status = solver.solve_limited()
        if status is False and refuted is not None:
            refuted.add(tuple(cycle_type))  # proved: no base rounds for this symmetry
        if not status:
            return None
        model = {lit for lit in solver.get_model() or () if lit > 0}
    finally:
        solver.delete()
    return [
        [[p for p in range(points) if seat(t, p, b) in model] for b in range(groups)]
        for t in range(base)
    ]
