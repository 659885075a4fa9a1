"""Workshop (World Café) planner: sectors, areas, preferences, hosts and unequal tables."""

from __future__ import annotations

import itertools
import math
import random
import time
from collections.abc import Callable
from dataclasses import dataclass, field

from .golfer import social_golfer_schedule
from .seeding import hosted_golfer_seating, route_split_seating

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
    exact = _route_split_seating(
        workshop, area_of_table, len(area_names), sector_of, rng, started + time_limit / 2
    )
    if exact is not None:
        _spread_sectors(exact, sector_of, prefers, area_of_table, len(sector_names), rng)
        return _workshop_plan(
            workshop,
            exact,
            hosts,
            fixed_pairs,
            sector_of,
            area_of_table,
            prefers,
            len(sector_names),
        )
    hosted = _hosted_golfer_seating(workshop, hosts, area_of_table, rng, started + time_limit / 4)
    if hosted is not None:
        _spread_sectors(
            hosted, sector_of, prefers, area_of_table, len(sector_names), rng, fixed=set(hosts)
        )
        return _workshop_plan(
            workshop,
            hosted,
            hosts,
            fixed_pairs,
            sector_of,
            area_of_table,
            prefers,
            len(sector_names),
        )
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


def _route_split_seating(
    workshop: Workshop,
    area_of_table: list[int],
    areas: int,
    sector_of: list[int],
    rng: random.Random,
    deadline: float,
) -> list[list[list[int]]] | None:
    """Exact seating by routes and a SAT table split (:func:`.seeding.route_split_seating`).

    Applies to workshops without hosts whose equal tables are exactly full,
    every table with an area, every area with as many tables, and no more
    rounds than areas.
    """
    tables, rounds = workshop.tables, workshop.rounds
    capacities = {t.capacity for t in tables}
    if rounds < 1 or len(capacities) != 1 or any(t.host for t in tables):
        return None
    if any(p.host_of for p in workshop.participants) or min(area_of_table, default=-1) < 0:
        return None
    size = capacities.pop()
    if len(workshop.participants) != size * len(tables) or rounds > areas:
        return None
    tables_of_area = [
        [t for t, a in enumerate(area_of_table) if a == area] for area in range(areas)
    ]
    return route_split_seating(
        len(workshop.participants),
        rounds,
        tables_of_area,
        size,
        sector_of,
        max(sector_of, default=-1) + 1,
        rng,
        deadline,
    )


def _hosted_golfer_seating(
    workshop: Workshop,
    hosts: dict[int, int],
    area_of_table: list[int],
    rng: random.Random,
    deadline: float,
) -> list[list[list[int]]] | None:
    """Seating from a social golfer schedule for a full workshop with hosts.

    Applies when every table has the same capacity, all seats are taken and
    no table has two hosts; see :func:`.seeding.hosted_golfer_seating`.
    """
    tables, rounds = workshop.tables, workshop.rounds
    capacities = {t.capacity for t in tables}
    if not hosts or rounds < 2 or len(capacities) != 1:
        return None
    size = capacities.pop()
    if size < 2 or len(workshop.participants) != size * len(tables):
        return None
    return hosted_golfer_seating(
        len(workshop.participants), rounds, size, hosts, area_of_table, rng, deadline
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
    fixed: set[int] | None = None,
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

    def shortfall_of(cell: list[int]) -> int:
        return max(0, min(SECTOR_TARGET, sum(cell), sectors) - sum(1 for c in cell if c))

    def table_cost(cell: list[int]) -> int:
        return SECTOR_WEIGHT * sum(c * c for c in cell) + SECTOR_TARGET_WEIGHT * shortfall_of(cell)

    def preference_cost(person: int, path: list[int]) -> int:
        seen = {area_of_table[t] for t in path}
        return PREFERENCE_WEIGHT * len(prefers[person] - seen)

    for _ in range(200 * people):
        a, b = rng.sample(range(people), 2)
        if fixed and (a in fixed or b in fixed):
            continue  # hosts keep their table
        sa, sb = sector_of[a], sector_of[b]
        delta = (
            preference_cost(a, route[b])
            + preference_cost(b, route[a])
            - preference_cost(a, route[a])
            - preference_cost(b, route[b])
        )
        short_delta = 0
        if sa != sb:
            for r in range(rounds):
                ta, tb = route[a][r], route[b][r]
                if ta == tb:
                    continue
                cell_a, cell_b = counts[r][ta], counts[r][tb]
                before = table_cost(cell_a) + table_cost(cell_b)
                short_delta -= shortfall_of(cell_a) + shortfall_of(cell_b)
                if sa >= 0:
                    cell_a[sa] -= 1
                    cell_b[sa] += 1
                if sb >= 0:
                    cell_b[sb] -= 1
                    cell_a[sb] += 1
                delta += table_cost(cell_a) + table_cost(cell_b) - before
                short_delta += shortfall_of(cell_a) + shortfall_of(cell_b)
                if sa >= 0:
                    cell_a[sa] += 1
                    cell_b[sa] -= 1
                if sb >= 0:
                    cell_b[sb] += 1
                    cell_a[sb] -= 1
        # A table below the sector target is never traded for a smoother mix elsewhere.
        if delta > 0 or short_delta > 0:
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
