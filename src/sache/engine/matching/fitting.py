"""Fitting the weights of a linear ranking function to relevance judgements.

Problem
-------
Given queries ``q = 1..Q``, each with a feature matrix ``X_q`` (candidates ×
features) and a set of relevant candidates, find weights ``w`` that maximise
the mean of a rank metric of the orderings by ``X_q w``. The objective here
is the mean of nDCG@10 and Recall@50, the two figures the matching issue
accepts on. Rank metrics are piecewise constant in ``w``, so the search is
coordinate ascent (Metzler and Croft 2007): one weight at a time, try a
grid of values, keep the best, repeat for a few sweeps.

Complexity: ``O(sweeps · F · G · Q · N)`` for ``F`` features, ``G`` grid
values and ``N`` candidates per query (a partial sort per query and trial).

References
----------
.. [1] D. Metzler and W. B. Croft, "Linear feature-based models for
   information retrieval", Information Retrieval 10(3), 2007.
.. [2] K. Järvelin and J. Kekäläinen, "Cumulated gain-based evaluation of IR
   techniques", ACM TOIS 20(4), 2002.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

__all__ = ["ranking_objective", "fit_linear_ranker"]

_DISCOUNTS = 1.0 / np.log2(np.arange(2, 12))


def ranking_objective(scores: np.ndarray, relevant: np.ndarray) -> dict[str, float]:
    """Mean nDCG@10 and Recall@50 of score matrices against boolean relevance.

    Parameters
    ----------
    scores : numpy.ndarray
        Shape ``(Q, N)``; ``-inf`` marks candidates that may not be ranked.
    relevant : numpy.ndarray
        Boolean, shape ``(Q, N)``.

    Returns
    -------
    dict
        ``{"nDCG@10": ..., "R@50": ..., "objective": mean of the two}``,
        averaged over queries with at least one relevant candidate.

    Examples
    --------
    >>> scores = np.array([[3.0, 2.0, 1.0]])
    >>> ranking_objective(scores, np.array([[False, True, False]]))["nDCG@10"]
    0.6309297535714575
    """
    n_candidates = scores.shape[1]
    depth = min(50, n_candidates)
    top = np.argpartition(-scores, depth - 1, axis=1)[:, :depth]
    top_scores = np.take_along_axis(scores, top, axis=1)
    order = np.argsort(-top_scores, axis=1, kind="stable")
    ranked = np.take_along_axis(top, order, axis=1)
    hits = np.take_along_axis(relevant, ranked, axis=1)
    n_relevant = relevant.sum(axis=1)
    keep = n_relevant > 0
    ten = min(10, depth)
    dcg = (hits[:, :ten] * _DISCOUNTS[:ten]).sum(axis=1)
    ideal = np.array([_DISCOUNTS[: min(ten, int(n))].sum() for n in n_relevant])
    ndcg = np.divide(dcg, ideal, out=np.zeros_like(dcg), where=ideal > 0)
    recall = np.divide(hits.sum(axis=1), n_relevant, out=np.zeros(len(hits)), where=keep)
    ndcg_mean = float(ndcg[keep].mean()) if keep.any() else 0.0
    recall_mean = float(recall[keep].mean()) if keep.any() else 0.0
    return {"nDCG@10": ndcg_mean, "R@50": recall_mean, "objective": (ndcg_mean + recall_mean) / 2}


def fit_linear_ranker(
    features: np.ndarray,
    relevant: np.ndarray,
    *,
    initial: Sequence[float],
    grid: Sequence[float] = (0.0, 0.02, 0.05, 0.1, 0.2, 0.35, 0.5, 0.75, 1.0, 1.5, 2.0, 3.0),
    fixed: Sequence[int] = (0,),
    sweeps: int = 3,
    allow_negative: Sequence[int] = (),
    mask: np.ndarray | None = None,
) -> tuple[list[float], float]:
    """Coordinate ascent on ``ranking_objective`` for the weights of ``features``.

    Parameters
    ----------
    features : numpy.ndarray
        Shape ``(Q, N, F)``.
    relevant : numpy.ndarray
        Boolean, shape ``(Q, N)``.
    initial : sequence of float
        Starting weights, length ``F``.
    grid : sequence of float
        Values tried for each weight.
    fixed : sequence of int
        Features whose weight is not changed (the first one anchors the scale).
    sweeps : int
        Passes over all features.
    allow_negative : sequence of int
        Features for which the negated grid values are tried as well.
    mask : numpy.ndarray, optional
        Boolean ``(Q, N)``; ``False`` candidates are never ranked.

    Returns
    -------
    (list of float, float)
        The weights (native floats) and their objective value.

    Examples
    --------
    >>> features = np.array([[[1.0, 0.0], [0.0, 1.0], [0.5, 0.5]]])
    >>> relevant = np.array([[False, True, False]])
    >>> weights, value = fit_linear_ranker(features, relevant, initial=[1.0, 0.0], sweeps=1)
    >>> (weights[1] > weights[0], value)
    (True, 1.0)
    """
    weights = np.asarray(initial, dtype=np.float64).copy()

    def evaluate(candidate: np.ndarray) -> float:
        scores = features @ candidate.astype(features.dtype)
        if mask is not None:
            scores = np.where(mask, scores, -np.inf)
        return ranking_objective(scores, relevant)["objective"]

    best = evaluate(weights)
    for _ in range(sweeps):
        improved = False
        for feature in range(features.shape[2]):
            if feature in fixed:
                continue
            values = list(grid)
            if feature in allow_negative:
                values += [-v for v in grid if v]
            for value in values:
                if value == weights[feature]:
                    continue
                trial = weights.copy()
                trial[feature] = value
                score = evaluate(trial)
                if score > best + 1e-9:
                    best, weights, improved = score, trial, True
        if not improved:
            break
    return [float(w) for w in weights], float(best)
