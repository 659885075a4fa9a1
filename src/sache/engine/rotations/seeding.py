"""Exact seatings for workshops that are social golfer instances in disguise.

Two constructions feed the workshop planner before its local search:

* :func:`cyclic_workshop_seating` (no hosts, equal full tables, every area
  with the same number ``k`` of tables): participants are the points
  ``Z_A × {0..m-1}`` (``A`` areas) and the plan is invariant under
  ``σ: (x, c) -> (x + 1, c)`` which also moves every table to the same
  table of the next area and round ``r`` to round ``r + 1``.  Only the base
  round is searched, with a SAT solver: table sizes, "nobody meets anybody
  twice" as at most one seated pair per orbit of pairs under ``σ`` (the
  difference method), "every route visits distinct areas" as
  ``x -> area(x, c) - x`` injective, and at least three sectors (or as many as
  there are) at every table of every round.
* :func:`hosted_golfer_seating` (hosts, equal full tables): a social golfer
  schedule with one round more than needed; the hosts are the players of
  one block of the spare round, who meet nobody of their block in the other
  rounds and so sit at distinct tables in every round.  Each round's tables
  are then named after the host they hold, and the host-less groups get the
  other tables (an area labelling searched like the host-free case).

Both return ``None`` when they do not apply or find nothing in time; the
caller then falls back to the annealing planner.
"""

from __future__ import annotations

import itertools
import random
import time
from collections.abc import Iterator

SECTOR_TARGET = 3


def _sat_solver(clauses: list[list[int]]):  # type: ignore[no-untyped-def]
    """A CaDiCaL solver loaded with ``clauses`` (imported lazily: optional heavy dependency)."""
    from pysat.solvers import Solver

    return Solver(name="cadical153", bootstrap_with=clauses)


def _route_sets(
    people: int, rounds: int, areas: int, rng: random.Random
) -> Iterator[list[tuple[int, ...]]]:
    """Candidate routes (area of each round) with ``people / areas`` people per area and round.

    First the even permutations of the areas when there are exactly as many
    people (60 for 5 areas): two of them agree in at most 2 places, so two
    people share an area at most twice.  Then, endlessly, unions of random
    Latin squares (each square gives ``areas`` routes that never share an
    area), as in the annealing planner's start.
    """
    if areas <= 6:
        even = [
            perm
            for perm in itertools.permutations(range(areas))
            if sum(1 for i, j in itertools.combinations(range(areas), 2) if perm[i] > perm[j]) % 2
            == 0
        ]
        if len(even) == people:
            yield [perm[:rounds] for perm in even]
    while True:
        routes = []
        for _ in range(people // areas):
            symbols, rows, columns = list(range(areas)), list(range(areas)), list(range(areas))
            rng.shuffle(symbols)
            rng.shuffle(rows)
            rng.shuffle(columns)
            routes.extend(
                tuple(symbols[(rows[i] + columns[r]) % areas] for r in range(rounds))
                for i in range(areas)
            )
        yield routes


def _balance_sectors(
    routes: list[tuple[int, ...]], sector_of: list[int], sectors: int, rng: random.Random
) -> list[int]:
    """Give each person a route so that every area-round gets an even sector mix.

    Hill climbing on swaps of two people's routes; the cost is the sum over
    area-rounds of the squared sector counts (smallest for an even spread).
    Returns ``route_of[person]`` (an index into ``routes``).
    """
    people = len(routes)
    route_of = list(range(people))
    rng.shuffle(route_of)
    rounds = len(routes[0]) if routes else 0
    count: dict[tuple[int, int, int], int] = {}
    for person, index in enumerate(route_of):
        if sector_of[person] >= 0:
            for r, a in enumerate(routes[index]):
                key = (r, a, sector_of[person])
                count[key] = count.get(key, 0) + 1
    for _ in range(60 * people):
        p, q = rng.sample(range(people), 2)
        sp, sq = sector_of[p], sector_of[q]
        if sp == sq:
            continue
        delta = 0
        changes: list[tuple[tuple[int, int, int], int]] = []
        for r in range(rounds):
            ap, aq = routes[route_of[p]][r], routes[route_of[q]][r]
            if ap == aq:
                continue
            # p moves from ap to aq, q from aq to ap.
            for key, step in (
                ((r, ap, sp), -1),
                ((r, aq, sp), 1),
                ((r, aq, sq), -1),
                ((r, ap, sq), 1),
            ):
                if key[2] < 0:
                    continue
                c = count.get(key, 0)
                delta += 2 * c * step + 1
                count[key] = c + step
                changes.append((key, step))
        if delta <= 0:
            route_of[p], route_of[q] = route_of[q], route_of[p]
        else:
            for key, step in changes:
                count[key] -= step
    return route_of


def route_split_seating(
    people: int,
    rounds: int,
    tables_of_area: list[list[int]],
    size: int,
    sector_of: list[int],
    sectors: int,
    rng: random.Random,
    deadline: float,
) -> list[list[list[int]]] | None:
    """Seat ``people`` for ``rounds`` rounds: no repeats, distinct areas, >= 3 sectors per table.

    Parameters
    ----------
    people : int
        Participants ``0..people-1``; must fill every table: ``A · k · size``.
    rounds : int
        Rounds, at most the number of areas ``A``.
    tables_of_area : list of list of int
        Table indices of each area, the same number ``k`` for every area.
    size : int
        Seats per table.
    sector_of : list of int
        Sector index of each participant (``-1`` when unknown).
    sectors : int
        Number of sectors.
    rng : random.Random
        Seeds the route choice and the sector balancing.
    deadline : float
        ``time.monotonic()`` value after which no new attempt starts.

    Returns
    -------
    list or None
        ``seating[r][t]``: participants at table ``t`` in round ``r``, or
        ``None`` when no attempt succeeded in time.

    Notes
    -----
    Two stages.  (1) Routes: every person gets a sequence of distinct areas
    with ``k · size`` people per area and round (:func:`_route_sets`), matched
    to people so that each area-round has an even sector mix.  Two people
    who share an area in ``c`` rounds could meet there ``c`` times.
    (2) Tables: a SAT model picks, for every person and round, one of the
    ``k`` tables of the route's area: each table exactly ``size`` people,
    for every pair at most one shared table among its shared areas, and at
    least ``min(3, sectors, size)`` sectors at every table and round.  The
    model has ``people · rounds · k`` choice variables, small enough for a
    CDCL solver; its conflict budget keeps the result a function of the seed.
    The 60-person, 5-area case of the benchmark is solved with the even
    permutations of 5 areas as routes (:math:`A_5`, 60 routes, each area
    12 times per round).
    """
    from pysat.card import CardEnc, EncType
    from pysat.formula import IDPool

    areas = len(tables_of_area)
    per_area = {len(t) for t in tables_of_area}
    if areas < 2 or len(per_area) != 1 or not 1 <= rounds <= areas:
        return None
    k = per_area.pop()
    if people != areas * k * size or k < 1:
        return None
    target = min(SECTOR_TARGET, sectors, size)
    attempts = _route_sets(people, rounds, areas, rng)
    while time.monotonic() < deadline:
        routes = next(attempts)
        route_of = _balance_sectors(routes, sector_of, sectors, rng)
        route = [routes[route_of[p]] for p in range(people)]
        pool = IDPool()

        def choose(r: int, p: int, j: int, pool: IDPool = pool) -> int:
            return pool.id(("seat", r, p, j))

        clauses: list[list[int]] = []
        for r in range(rounds):
            for p in range(people):
                lits = [choose(r, p, j) for j in range(k)]
                clauses.append(lits)
                clauses.extend([-a, -b] for a, b in itertools.combinations(lits, 2))
            for a in range(areas):
                group = [p for p in range(people) if route[p][r] == a]
                for j in range(k):
                    lits = [choose(r, p, j) for p in group]
                    clauses.extend(
                        CardEnc.equals(lits, size, vpool=pool, encoding=EncType.seqcounter).clauses
                    )
                    if target > 1:
                        present = []
                        for sector in range(sectors):
                            members = [choose(r, p, j) for p in group if sector_of[p] == sector]
                            if members:
                                z = pool.id(("sector", r, a, j, sector))
                                clauses.append([-z, *members])
                                present.append(z)
                        if len(present) < target:
                            clauses.append([])  # this area-round cannot give every table 3 sectors
                            continue
                        clauses.extend(
                            CardEnc.atleast(
                                present, target, vpool=pool, encoding=EncType.seqcounter
                            ).clauses
                        )
        for p, q in itertools.combinations(range(people), 2):
            shared = [r for r in range(rounds) if route[p][r] == route[q][r]]
            if len(shared) < 2:
                continue
            together = []
            for r in shared:
                m = pool.id(("meet", r, p, q))
                together.append(m)
                clauses.extend([-choose(r, p, j), -choose(r, q, j), m] for j in range(k))
            clauses.extend([-a, -b] for a, b in itertools.combinations(together, 2))
        if any(not c for c in clauses):
            continue
        solver = _sat_solver(clauses)
        try:
            solver.conf_budget(100_000)
            status = solver.solve_limited()
            model = set(solver.get_model() or ()) if status else set()
        finally:
            solver.delete()
        if not status:
            continue
        seating: list[list[list[int]]] = []
        for r in range(rounds):
            members: list[list[int]] = [[] for _ in range(areas * k)]
            for p in range(people):
                j = next(j for j in range(k) if choose(r, p, j) in model)
                members[tables_of_area[route[p][r]][j]].append(p)
            seating.append(members)
        return seating
    return None
