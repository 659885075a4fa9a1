"""The README's baselines, written to ranking files in the engine's output format.

``python bench/matching/baselines.py bm25|popularity --orgs O --queries Q --top N --out R``
BM25 follows the data README: k1=1.5, b=0.75, English stop words, no
lemmatisation; popularity ranks by ``n_train_projects``.
"""

from __future__ import annotations

import argparse
import json
import math
import re
import sys
import time
from collections import Counter
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "src"))

from sache.engine.matching.cli import read_jsonl  # noqa: E402

# scikit-learn's English stop-word list, abridged to the words that occur in project texts.
STOP_WORDS = frozenset(
    str.split(
        """a about above across after afterwards again against all almost alone along already also
    although always am among amongst an and another any anyhow anyone anything anyway anywhere
    are around as at be became because become becomes been before beforehand behind being below
    beside besides between beyond both but by can cannot could do done down due during each eg
    either else elsewhere enough etc even ever every everyone everything everywhere except few
    for former formerly from further had has have he hence her here hereby herein hers herself
    him himself his how however i ie if in indeed into is it its itself last latter least less
    ltd made many may me meanwhile might more moreover most mostly much must my myself namely
    neither never nevertheless next no nobody none nor not nothing now nowhere of off often on
    once one only onto or other others otherwise our ours ourselves out over own per perhaps
    rather re same seem seemed seeming seems several she should since so some somehow someone
    something sometime sometimes somewhere still such than that the their them themselves then
    thence there thereafter thereby therefore therein thereupon these they this those though
    through throughout thru thus to together too toward towards under until up upon us very via
    was we well were what whatever when whence whenever where whereafter whereas whereby wherein
    whereupon wherever whether which while whither who whoever whole whom whose why will with
    within without would yet you your yours yourself yourselves"""
    )
)


def tokens(text: str) -> list[str]:
    return [t for t in re.findall(r"(?u)\b\w\w+\b", text.lower()) if t not in STOP_WORDS]


def bm25_rankings(orgs, queries, top, k1=1.5, b=0.75):
    docs = [Counter(tokens(o["profile"])) for o in orgs]
    lengths = np.array([sum(d.values()) for d in docs], dtype=float)
    average = lengths.mean()
    postings: dict[str, list[tuple[int, int]]] = {}
    for row, doc in enumerate(docs):
        for term, count in doc.items():
            postings.setdefault(term, []).append((row, count))
    n = len(docs)
    ids = [o["id"] for o in orgs]
    for query in queries:
        scores = np.zeros(n)
        for term in set(tokens(query["text"])):
            if term not in postings:
                continue
            rows, counts = map(np.array, zip(*postings[term], strict=True))
            idf = math.log(1 + (n - len(rows) + 0.5) / (len(rows) + 0.5))
            norm = k1 * (1 - b + b * lengths[rows] / average)
            scores[rows] += idf * counts * (k1 + 1) / (counts + norm)
        order = np.lexsort((np.arange(n), -scores))[:top]
        yield query["id"], [ids[i] for i in order]


def popularity_rankings(orgs, queries, top):
    order = sorted(orgs, key=lambda o: (-o["n_train_projects"], o["id"]))
    for query in queries:
        yield query["id"], [o["id"] for o in order[: top + 1]]


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("method", choices=["bm25", "popularity"])
    parser.add_argument("--orgs", required=True)
    parser.add_argument("--queries", required=True)
    parser.add_argument("--exclude-coordinator", action="store_true")
    parser.add_argument("--top", type=int, default=100)
    parser.add_argument("--out", required=True)
    args = parser.parse_args()
    started = time.perf_counter()
    orgs = list(read_jsonl(args.orgs))
    queries = list(read_jsonl(args.queries))
    method = bm25_rankings if args.method == "bm25" else popularity_rankings
    top = args.top + 1 if args.exclude_coordinator else args.top
    with open(args.out, "w", encoding="utf-8") as out:
        for query, (query_id, ranking) in zip(queries, method(orgs, queries, top), strict=True):
            if args.exclude_coordinator:
                ranking = [o for o in ranking if o != query.get("coordinator")]
            out.write(json.dumps({"query_id": query_id, "ranking": ranking[: args.top]}) + "\n")
    print(f"{args.method}: {time.perf_counter() - started:.1f} s", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
