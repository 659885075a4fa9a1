"""Social golfer entry point: constructions first, then the searches."""

from __future__ import annotations

import time
from dataclasses import dataclass

from .constructions import (
    _prime_power,
    affine_geometry_schedule,
    doubled_affine_plane_schedule,
    round_robin_schedule,
    truncated_affine_plane_schedule,
)
from .metrics import Schedule, count_repeated_pairs, counting_bound
from .search import cyclic_search_schedule, tabu_golfer_schedule

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


def _geometry_for(
    groups: int, size: int, rounds: int, seed: int = 0, deadline: float | None = None
) -> tuple[str, Schedule] | None:
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
    if groups == 2 * size and size >= 3 and _prime_power(size) and rounds <= 2 * size + 2:
        # Couples on two affine planes (8-4-10, 6-3-8, 10-5-12, ...).
        doubled = doubled_affine_plane_schedule(size, rounds, seed=seed, deadline=deadline)
        if doubled is not None:
            return "doubled-affine-plane", doubled
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
        geometry = _geometry_for(groups, size, rounds, seed, start + 0.3 * time_limit)
        if geometry:
            return GolferSchedule(geometry[1], 0, geometry[0])
        found = cyclic_search_schedule(groups, size, rounds, seed=seed, time_limit=0.6 * time_limit)
        if found:
            return GolferSchedule(found[0], 0, "cyclic-search")
    remaining = max(0.1, time_limit - (time.monotonic() - start))
    schedule, repeats = tabu_golfer_schedule(groups, size, rounds, seed=seed, time_limit=remaining)
    return GolferSchedule(schedule, repeats, "tabu-search")
