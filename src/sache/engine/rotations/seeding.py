"""Exact seatings for workshops that are social golfer instances in disguise.

Two constructions feed the workshop planner before its local search:

* :func:`route_split_seating` (no hosts, equal full tables, every area with
  the same number ``k`` of tables, no more rounds than areas): every person
  first gets a route through distinct areas (for 5 areas and 60 people the
  60 even permutations of the areas), then a SAT model picks one of the
  ``k`` tables of the route's area per round so that no pair shares a
  table twice and every table has at least three sectors.
* :func:`hosted_golfer_seating` (hosts, equal full tables): a social golfer
  schedule from a construction, with one round more than needed if possible; the hosts are the players of
  one block of the spare round, who meet nobody of their block in the other
  rounds and so sit at distinct tables in every round.  Each round's tables
  are then named after the host they hold, and the host-less groups get the
  other tables so that no guest visits an area twice.

Both return ``None`` when they do not apply or find nothing in time; the
caller then falls back to the annealing planner.
"""

from __future__ import annotations

import itertools
import random
import time
from collections.abc import Iterator

from .golfer import _geometry_for
from .metrics import counting_bound

SECTOR_TARGET = 3
# Route draws tried by route_split_seating before it leaves the workshop to
# the annealing planner (each draw is one SAT call with a conflict budget).
MAX_ATTEMPTS = 12
SPLIT_CONFLICTS = 100_000


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
    if rounds > 1 and size > (areas - 1) * k:
        # The people of one table need distinct tables of other areas next round.
        return None
    target = min(SECTOR_TARGET, sectors, size)
    attempts = _route_sets(people, rounds, areas, rng)
    for _ in range(MAX_ATTEMPTS):
        if time.monotonic() > deadline:
            break
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
            # A conflict budget, not a timer: the plan is a function of the seed.
            solver.conf_budget(SPLIT_CONFLICTS)
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


def _independent_players(
    schedule: list[list[list[int]]], count: int, rng: random.Random, tries: int = 200
) -> list[int] | None:
    """``count`` players of which no two share a table in ``schedule`` (randomised greedy)."""
    players = sorted({p for round_ in schedule for group in round_ for p in group})
    met: dict[int, set[int]] = {p: set() for p in players}
    for round_ in schedule:
        for group in round_:
            for p in group:
                met[p].update(group)
    for _ in range(tries):
        order = players[:]
        rng.shuffle(order)
        chosen: list[int] = []
        for p in order:
            if all(p not in met[c] for c in chosen):
                chosen.append(p)
                if len(chosen) == count:
                    return chosen
    return None


def hosted_golfer_seating(
    people: int,
    rounds: int,
    size: int,
    host_table: dict[int, int],
    area_of_table: list[int],
    rng: random.Random,
    deadline: float,
) -> list[list[list[int]]] | None:
    """Seating of a full workshop with hosts from a social golfer schedule without repeats.

    Parameters
    ----------
    people : int
        Participants ``0..people-1``, exactly ``len(area_of_table) · size``.
    rounds : int
        Rounds.
    size : int
        Seats per table, the host's included (all tables equal).
    host_table : dict
        Host participant to the table they keep (at most one per table).
    area_of_table : list of int
        Area of each table (``-1``: none).
    rng : random.Random
        Seeds the golfer search and the labelling.
    deadline : float
        ``time.monotonic()`` value to give up at.

    Returns
    -------
    list or None
        ``seating[r][t]``, or ``None`` when no schedule without repeats and
        revisited areas was found.

    Notes
    -----
    Hosts must never meet each other, so they are players of a social golfer
    schedule (from a construction of design theory, which is instant) who
    never share a table: a block of a spare round when the construction gives
    ``rounds + 1`` rounds (e.g. a line of an unused parallel class of an
    affine plane), else a greedy independent set of the "met" graph.  The group of each host is
    then named after the host's table in every round; the other groups, and
    which host player stands for which host, are chosen by hill climbing so
    that no guest visits an area twice.  A guest never returns to a hosted
    table, which would seat them with its host again.
    """
    tables = len(area_of_table)
    hosts = sorted(host_table)
    if not hosts or len(set(host_table.values())) != len(hosts) or people != tables * size:
        return None
    for extra in (1, 0):
        if time.monotonic() > deadline:
            return None
        weeks = rounds + extra
        if weeks > counting_bound(tables, size):
            continue
        # Instant constructions only: a search would eat the time the
        # annealing planner needs when this seeding does not apply.
        built = _geometry_for(tables, size, weeks, rng.randrange(2**31), deadline)
        if built is None:
            continue
        full = built[1]
        schedule = full[:rounds]
        spare = full[rounds:]
        host_players = None
        if spare and len(hosts) <= size:
            host_players = spare[0][0][: len(hosts)]
        if host_players is None:
            host_players = _independent_players(schedule, len(hosts), rng)
        if host_players is None:
            continue
        seating = _label_hosted_groups(
            schedule, host_players, hosts, host_table, area_of_table, people, rng, deadline
        )
        if seating is not None:
            return seating
    return None


def _label_hosted_groups(
    schedule: list[list[list[int]]],
    host_players: list[int],
    hosts: list[int],
    host_table: dict[int, int],
    area_of_table: list[int],
    people: int,
    rng: random.Random,
    deadline: float,
) -> list[list[list[int]]] | None:
    """Name the groups of ``schedule`` after tables so that hosts stay and no guest revisits an area."""
    tables = len(area_of_table)
    rounds = len(schedule)
    hosted_tables = [host_table[h] for h in hosts]
    free_tables = [t for t in range(tables) if t not in set(hosted_tables)]
    # which[i]: the host player standing for hosts[i]; labels[r]: table of each free group.
    which = host_players[:]
    group_of = [{p: g for g, group in enumerate(round_) for p in group} for round_ in schedule]
    free_groups = []
    labels = []
    for r in range(rounds):
        taken = {group_of[r][p] for p in host_players}
        groups = [g for g in range(len(schedule[r])) if g not in taken]
        free_groups.append(groups)
        order = free_tables[:]
        rng.shuffle(order)
        labels.append(order)
    guests = [p for p in range(people) if p not in set(host_players)]

    def table_of(r: int) -> dict[int, int]:
        named = {group_of[r][hp]: hosted_tables[i] for i, hp in enumerate(which)}
        named.update(zip(free_groups[r], labels[r], strict=True))
        return named

    def cost() -> int:
        visits: dict[tuple[int, int], int] = {}
        for r in range(rounds):
            named = table_of(r)
            for p in guests:
                area = area_of_table[named[group_of[r][p]]]
                if area >= 0:
                    visits[(p, area)] = visits.get((p, area), 0) + 1
        return sum(v * (v - 1) // 2 for v in visits.values())

    current = cost()
    for step in range(4000):
        if current == 0 or (step % 64 == 0 and time.monotonic() > deadline):
            break
        if len(which) > 1 and (not free_tables or rng.random() < 0.3):
            i, j = rng.sample(range(len(which)), 2)
            which[i], which[j] = which[j], which[i]
            undo = ("host", i, j)
        elif len(free_tables) > 1:
            r = rng.randrange(rounds)
            i, j = rng.sample(range(len(free_tables)), 2)
            labels[r][i], labels[r][j] = labels[r][j], labels[r][i]
            undo = ("label", r, i, j)
        else:
            break
        moved = cost()
        if moved <= current or rng.random() < 0.02:
            current = moved
            continue
        if undo[0] == "host":
            which[undo[1]], which[undo[2]] = which[undo[2]], which[undo[1]]
        else:
            _, r, i, j = undo
            labels[r][i], labels[r][j] = labels[r][j], labels[r][i]
    if current:
        return None
    # Participant of each player: hosts on their host players, guests in order.
    person_of: dict[int, int] = dict(zip(which, hosts, strict=True))
    others = [p for p in range(people) if p not in host_table]
    rng.shuffle(others)
    person_of.update(zip(guests, others, strict=True))
    seating: list[list[list[int]]] = []
    for r in range(rounds):
        named = table_of(r)
        members: list[list[int]] = [[] for _ in range(tables)]
        for g, group in enumerate(schedule[r]):
            members[named[g]] = sorted(person_of[p] for p in group)
        seating.append(members)
    return seating
