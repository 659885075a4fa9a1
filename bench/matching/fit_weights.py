"""Fit the matching weights on the dev split, with 5-fold cross-validation.

``python bench/matching/fit_weights.py [DATA_DIR] [--encoder auto] [--cache PATH]
[--tensors DIR] [--drop f1,f2] [--fold-seed N]``

What is fitted on: the 189 dev queries of ``shared/data/matching`` (the data
README's "do not tune on anything but this dev split"), their ``relevant``
lists as labels, all 5,405 organisations as candidates, the train projects
as collaboration history. Two weight sets: anonymous queries (plain text and
topics) and queries posted by an organisation (the coordinator, as in the
``--exclude-coordinator`` variant, where it is also removed from labels and
candidates). The out-of-fold figures estimate what the held-out split will
show; the weights printed at the end are fitted on all dev queries and go
into ``src/sache/engine/matching/weights.py``.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

import numpy as np

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
sys.path.insert(0, str(ROOT / "src"))

from sache.engine.matching.cli import build_index, query_from_json, read_jsonl  # noqa: E402
from sache.engine.matching.fitting import fit_linear_ranker, ranking_objective  # noqa: E402
from sache.engine.matching.weights import FEATURE_NAMES  # noqa: E402


def feature_tensor(index, queries, posted: bool):
    names = None
    tensors, labels, masks = [], [], []
    ids = index.row_ids()
    for record in queries:
        query = query_from_json(record, posted_by_coordinator=posted)
        features = index.features(query)
        if names is None:
            names = list(FEATURE_NAMES) + sorted(n for n in features if n.startswith("kind:"))
        tensors.append(
            np.stack([features.get(n, np.zeros(len(ids), np.float32)) for n in names], axis=1)
        )
        wanted = set(record["relevant"])
        mask = np.array([i is not None for i in ids])
        if posted:
            wanted.discard(record["coordinator"])
            mask &= np.array([i != record["coordinator"] for i in ids])
        labels.append(np.array([i in wanted for i in ids]))
        masks.append(mask)
    return np.stack(tensors).astype(np.float32), np.stack(labels), np.stack(masks), names


def fit(X, y, mask, names):
    initial = [1.0 if n == "lexical" else 0.0 for n in names]
    if names[0] != "lexical":
        raise ValueError("lexical must be the first feature: it anchors the scale")
    negative = [i for i, n in enumerate(names) if n.startswith("kind:") or n in ("track_record",)]
    return fit_linear_ranker(X, y, initial=initial, mask=mask, allow_negative=negative, sweeps=3)


def report(X, y, mask, names, label, folds=5, seed=0):
    rng = np.random.default_rng(seed)
    order = rng.permutation(len(X))
    out_of_fold = np.full(y.shape, -np.inf)
    for fold in range(folds):
        test = order[fold::folds]
        train = np.setdiff1d(order, test)
        weights, _ = fit(X[train], y[train], mask[train], names)
        scores = X[test] @ np.asarray(weights, dtype=np.float32)
        out_of_fold[test] = np.where(mask[test], scores, -np.inf)
    cv = ranking_objective(out_of_fold, y)
    weights, value = fit(X, y, mask, names)
    text_only = ranking_objective(np.where(mask, X[:, :, names.index("lexical")], -np.inf), y)
    print(
        f"[{label}] lexical alone: nDCG@10={text_only['nDCG@10']:.3f} R@50={text_only['R@50']:.3f}"
    )
    print(f"[{label}] 5-fold out-of-fold: nDCG@10={cv['nDCG@10']:.3f} R@50={cv['R@50']:.3f}")
    print(f"[{label}] fitted on all dev: objective={value:.3f}")
    print(json.dumps({n: round(w, 3) for n, w in zip(names, weights, strict=True) if w}, indent=4))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument(
        "data_dir", nargs="?", default=str(ROOT.parent / "shared" / "data" / "matching")
    )
    parser.add_argument("--encoder", default="auto")
    parser.add_argument("--cache", default=str(ROOT / "bench" / "out" / "vectors.npz"))
    parser.add_argument("--variants", default="anonymous,posted")
    parser.add_argument(
        "--drop", default="", help="comma-separated features left out (to measure what each adds)"
    )
    parser.add_argument(
        "--fold-seed",
        type=int,
        default=0,
        help="seed of the 5-fold split; the split alone moves the figures by up to 0.007",
    )
    parser.add_argument(
        "--tensors",
        help="directory to keep the feature tensors in (.npz per variant), to re-fit without recomputing",
    )
    args = parser.parse_args()
    data = Path(args.data_dir)
    started = time.perf_counter()
    queries = list(read_jsonl(data / "queries_dev.jsonl"))
    index = None
    for variant in args.variants.split(","):
        stored = Path(args.tensors) / f"features_{variant}.npz" if args.tensors else None
        if stored is not None and stored.exists():
            with np.load(stored) as saved:
                X, y, mask, names = saved["X"], saved["y"], saved["mask"], list(saved["names"])
        else:
            if index is None:
                index = build_index(
                    read_jsonl(data / "orgs.jsonl"),
                    read_jsonl(data / "train_projects.jsonl"),
                    encoder=args.encoder,
                    cache=args.cache,
                    threads=1,
                )
                print(f"indexed in {time.perf_counter() - started:.0f} s")
            X, y, mask, names = feature_tensor(index, queries, posted=variant == "posted")
            if index.encoder is not None and args.cache:
                index.encoder.cache.save()
            if stored is not None:
                stored.parent.mkdir(parents=True, exist_ok=True)
                np.savez(stored, X=X, y=y, mask=mask, names=np.array(names))
        dropped = {name for name in args.drop.split(",") if name}
        keep = [i for i, name in enumerate(names) if name not in dropped]
        report(X[:, :, keep], y, mask, [names[i] for i in keep], variant, seed=args.fold_seed)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
