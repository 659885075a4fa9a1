"""Schedules and their measures: repeated pairs, the counting bound."""

from __future__ import annotations

import itertools
from collections.abc import Iterable

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
