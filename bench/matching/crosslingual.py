"""Cross-lingual check: Polish needs against offers in eight languages.

``python bench/matching/crosslingual.py [--encoders e5,use,hashing] [--engine]``

``crosslingual_pairs.jsonl`` (written for this project, not evaluation data
from elsewhere) holds 42 heritage/creative need-offer pairs: each need in
Polish, its counterpart offer in English, German, Hungarian, Italian, Czech,
Slovak, Slovenian and Croatian. For each language the 42 Polish needs are
ranked against the 42 offers in that language; Recall@1 is the share of
needs whose own counterpart comes first, Recall@5 within the first five.
"mixed" ranks each need against all 336 offers of all languages and counts a
hit when the first (or first five) include a counterpart in any language.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

import numpy as np

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parents[1] / "src"))

from sache.engine.embeddings import load_encoder  # noqa: E402
from sache.engine.matching import LocalizedText, MatchingIndex, MatchQuery, OrgRecord  # noqa: E402

LANGUAGES = ("en", "de", "hu", "it", "cs", "sk", "sl", "hr")


def recall_at(ranked_ids: list[list[str]], wanted: list[set[str]], k: int) -> float:
    return float(np.mean([bool(set(r[:k]) & w) for r, w in zip(ranked_ids, wanted, strict=True)]))


def encoder_rankings(encoder, needs, offers_by_language):
    need_vectors = encoder.encode([n["need"]["pl"] for n in needs], as_query=True)
    results = {}
    pool_ids, pool_vectors = [], []
    for language in LANGUAGES:
        ids = [n["id"] for n in needs]
        vectors = encoder.encode([n["offers"][language] for n in needs])
        order = np.argsort(-(need_vectors @ vectors.T), axis=1, kind="stable")
        results[language] = [[ids[j] for j in row] for row in order]
        pool_ids += ids
        pool_vectors.append(vectors)
    order = np.argsort(-(need_vectors @ np.vstack(pool_vectors).T), axis=1, kind="stable")
    results["mixed"] = [[pool_ids[j] for j in row] for row in order]
    return results


def engine_rankings(encoder, needs):
    results = {}
    queries = [MatchQuery(n["id"], texts=(LocalizedText(n["need"]["pl"], "pl"),)) for n in needs]
    pooled = MatchingIndex(encoder)
    for language in LANGUAGES:
        orgs = [
            OrgRecord(
                f"{n['id']}/{language}", texts=(LocalizedText(n["offers"][language], language),)
            )
            for n in needs
        ]
        index = MatchingIndex(encoder)
        index.add_many(orgs)
        pooled.add_many(orgs)
        results[language] = [
            [r.org_id.split("/")[0] for r in index.rank(q, top=5, explain=False)] for q in queries
        ]
    results["mixed"] = [
        [r.org_id.split("/")[0] for r in pooled.rank(q, top=5, explain=False)] for q in queries
    ]
    return results


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--pairs", default=str(HERE / "crosslingual_pairs.jsonl"))
    parser.add_argument("--encoders", default="e5,use,hashing")
    parser.add_argument(
        "--engine", action="store_true", help="also rank through MatchingIndex with e5"
    )
    args = parser.parse_args()
    needs = [
        json.loads(line)
        for line in Path(args.pairs).read_text(encoding="utf-8").splitlines()
        if line.strip()
    ]
    wanted = [{n["id"]} for n in needs]
    columns = [*LANGUAGES, "mixed"]
    print(f"{len(needs)} Polish needs; cells are Recall@1 / Recall@5")
    print("| method | " + " | ".join(columns) + " | texts/s |")
    print("|---" * (len(columns) + 2) + "|")
    runs = [(name, load_encoder(name, num_threads=1), False) for name in args.encoders.split(",")]
    if args.engine:
        runs.append(
            ("engine (e5 + BM25 + fitted weights)", load_encoder("e5", num_threads=1), True)
        )
    for name, encoder, through_engine in runs:
        started = time.perf_counter()
        results = (
            engine_rankings(encoder, needs)
            if through_engine
            else encoder_rankings(encoder, needs, None)
        )
        elapsed = time.perf_counter() - started
        n_texts = len(needs) * (1 + len(LANGUAGES))
        cells = [
            f"{recall_at(results[c], wanted, 1):.2f} / {recall_at(results[c], wanted, 5):.2f}"
            for c in columns
        ]
        print(
            f"| {name} ({encoder.name}) | " + " | ".join(cells) + f" | {n_texts / elapsed:.0f} |",
            flush=True,
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
