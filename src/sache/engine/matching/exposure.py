"""Exposure of organisations across many rankings, and its inequality.

An organisation at rank ``r`` (1-based) of a ranking gets exposure
``1 / log2(1 + r)`` (the position weight of DCG; Singh and Joachims 2018).
The Gini coefficient of total exposure over all indexed organisations
measures how concentrated recommendations are: 0 when every organisation is
shown equally, close to 1 when the same few are shown to everyone.

References
----------
.. [1] A. Singh and T. Joachims, "Fairness of Exposure in Rankings", KDD 2018.
.. [2] C. Gini, "Variabilità e mutabilità", 1912.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence

__all__ = ["exposure_by_org", "gini", "exposure_gini"]


def exposure_by_org(rankings: Iterable[Sequence[str]], *, depth: int = 10) -> dict[str, float]:
    """Total position-weighted exposure of each organisation in the top ``depth``."""
    totals: dict[str, float] = {}
    for ranking in rankings:
        for position, org_id in enumerate(ranking[:depth]):
            totals[org_id] = totals.get(org_id, 0.0) + 1.0 / math.log2(position + 2)
    return totals


def gini(values: Sequence[float]) -> float:
    """Gini coefficient of non-negative values (0 for an empty or all-zero list).

    Examples
    --------
    >>> gini([1, 1, 1, 1])
    0.0
    >>> gini([0, 0, 0, 4])
    0.75
    """
    ordered = sorted(float(v) for v in values)
    total = sum(ordered)
    n = len(ordered)
    if n == 0 or total == 0:
        return 0.0
    weighted = sum((i + 1) * value for i, value in enumerate(ordered))
    return (2.0 * weighted) / (n * total) - (n + 1.0) / n


def exposure_gini(
    rankings: Iterable[Sequence[str]], candidate_ids: Iterable[str], *, depth: int = 10
) -> float:
    """Gini coefficient of top-``depth`` exposure over all candidates.

    Parameters
    ----------
    rankings : iterable of sequences of str
        One ranking per query, best first.
    candidate_ids : iterable of str
        Every organisation that could have been shown (unshown ones count as 0).
    depth : int
        Only the first ``depth`` positions count.

    Returns
    -------
    float

    Examples
    --------
    >>> exposure_gini([["a"], ["a"]], ["a", "b"], depth=1)
    0.5
    """
    totals = exposure_by_org(rankings, depth=depth)
    return gini([totals.get(org_id, 0.0) for org_id in candidate_ids])
