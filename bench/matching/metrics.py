"""Ranking metrics of the matching benchmark (binary relevance)."""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence


def query_metrics(ranking: Sequence[str], relevant: set[str]) -> dict[str, float]:
    """Recall@10, Recall@50, reciprocal rank of the first hit and nDCG@10."""
    if not relevant:
        return {"R@10": 0.0, "R@50": 0.0, "MRR": 0.0, "nDCG@10": 0.0}
    hits = [org_id in relevant for org_id in ranking]
    first = next((i for i, hit in enumerate(hits) if hit), None)
    dcg = sum(1.0 / math.log2(i + 2) for i, hit in enumerate(hits[:10]) if hit)
    ideal = sum(1.0 / math.log2(i + 2) for i in range(min(10, len(relevant))))
    return {
        "R@10": sum(hits[:10]) / len(relevant),
        "R@50": sum(hits[:50]) / len(relevant),
        "MRR": 0.0 if first is None else 1.0 / (first + 1),
        "nDCG@10": dcg / ideal,
    }


def mean_metrics(
    rankings: Mapping[str, Sequence[str]], relevant: Mapping[str, set[str]]
) -> dict[str, float]:
    """Metrics averaged over the queries of ``relevant`` (missing rankings count as empty)."""
    totals: dict[str, float] = {}
    for query_id, wanted in relevant.items():
        for name, value in query_metrics(rankings.get(query_id, []), wanted).items():
            totals[name] = totals.get(name, 0.0) + value
    return {name: value / max(len(relevant), 1) for name, value in totals.items()}
