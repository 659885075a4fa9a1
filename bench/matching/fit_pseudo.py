"""Fit the anonymous weights with the train projects as extra queries (issue #4).

``python bench/matching/fit_pseudo.py [DATA_DIR] --cache VECTORS.npz --pseudo PSEUDO.npz
[--dev-tensor DEV.npz] [--fold-seeds 0,1,2,3]``

``PSEUDO.npz`` comes from ``bench/matching/pseudo_queries.py`` (leak-free
pseudo-queries from ``train_projects.jsonl``). The dev queries' features are
computed here with the same code and feature set (lexical, dense,
track_record, text_partners, kind priors: the features with a fitted weight
in ``DEFAULT_WEIGHTS``) and kept in ``--dev-tensor``. Three figures, all on
the dev split's ``relevant`` lists:

1. dev only, 5-fold out-of-fold, per fold seed (the baseline of the README);
2. fitted on the pseudo-queries only, evaluated on all dev queries (no dev
   label is used to fit, so this is out of sample);
3. fitted on the pseudo-queries plus four dev folds, evaluated on the fifth,
   per fold seed.
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


def dev_tensor(data: Path, cache: str, names: list[str]):
    index = build_index(
        read_jsonl(data / "orgs.jsonl"),
        read_jsonl(data / "train_projects.jsonl"),
        encoder="auto",
        cache=cache,
        threads=1,
    )
    ids = index.row_ids()
    rows = np.arange(len(ids))
    tensors, labels = [], []
    for record in read_jsonl(data / "queries_dev.jsonl"):
        query = query_from_json(record, posted_by_coordinator=False)
        with index._lock:
            features = index._features(query, index._text_stage(query, rows), set(names))
        tensors.append(
            np.stack([features.get(n, np.zeros(len(ids), np.float32)) for n in names], axis=1)
        )
        wanted = set(record["relevant"])
        labels.append(np.array([i in wanted for i in ids]))
    alive = np.array([i is not None for i in ids])
    mask = np.repeat(alive[None, :], len(tensors), axis=0)
    return np.stack(tensors).astype(np.float32), np.stack(labels), mask, np.array(ids, dtype=object)


def fit(X, y, mask, names):
    initial = [1.0 if n == "lexical" else 0.0 for n in names]
    negative = [i for i, n in enumerate(names) if n.startswith("kind:") or n == "track_record"]
    return fit_linear_ranker(X, y, initial=initial, mask=mask, allow_negative=negative, sweeps=3)


def evaluate(X, y, mask, weights):
    scores = np.where(mask, X @ np.asarray(weights, dtype=np.float32), -np.inf)
    return ranking_objective(scores, y)


def out_of_fold(Xd, yd, md, names, seed, extra=None, folds=5, per_fold=0):
    rng = np.random.default_rng(seed)
    order = rng.permutation(len(Xd))
    scores = np.full(yd.shape, -np.inf)
    for fold in range(folds):
        test = order[fold::folds]
        train = np.setdiff1d(order, test)
        X, y, m = Xd[train], yd[train], md[train]
        if extra is not None:
            pick = np.arange(len(extra[0]))
            if per_fold:
                pick = np.sort(rng.choice(len(extra[0]), size=per_fold, replace=False))
            X = np.concatenate([extra[0][pick], X])
            y = np.concatenate([extra[1][pick], y])
            m = np.concatenate([extra[2][pick], m])
        weights, _ = fit(X, y, m, names)
        scores[test] = np.where(md[test], Xd[test] @ np.asarray(weights, dtype=np.float32), -np.inf)
    return ranking_objective(scores, yd)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument(
        "data_dir", nargs="?", default=str(ROOT.parent / "shared" / "data" / "matching")
    )
    parser.add_argument("--cache", required=True)
    parser.add_argument("--pseudo", required=True)
    parser.add_argument("--dev-tensor", default="")
    parser.add_argument("--fold-seeds", default="0,1,2,3")
    parser.add_argument("--steps", default="dev,pseudo,both")
    parser.add_argument(
        "--pseudo-per-fold",
        type=int,
        default=0,
        help="in step 'both', only this many pseudo-queries (random, per fold) next to the dev folds",
    )
    parser.add_argument(
        "--since",
        default="",
        help="only pseudo-queries of projects started on or after this date (YYYY-MM-DD): "
        "their remaining history is mostly earlier, as the dev queries' is",
    )
    args = parser.parse_args()
    started = time.perf_counter()
    with np.load(args.pseudo) as saved:
        Xp, yp, mp, names = saved["X"], saved["y"], saved["mask"], [str(n) for n in saved["names"]]
    if args.since:
        with np.load(args.pseudo) as saved:
            pseudo_ids = [str(i) for i in saved["ids"]]
        start = {
            str(p["id"]): p["start"]
            for p in read_jsonl(Path(args.data_dir) / "train_projects.jsonl")
        }
        keep = np.array([start[i] >= args.since for i in pseudo_ids])
        Xp, yp, mp = Xp[keep], yp[keep], mp[keep]
    stored = Path(args.dev_tensor) if args.dev_tensor else None
    if stored is not None and stored.exists():
        with np.load(stored, allow_pickle=True) as saved:
            Xd, yd, md = saved["X"], saved["y"], saved["mask"]
    else:
        Xd, yd, md, _ = dev_tensor(Path(args.data_dir), args.cache, names)
        if stored is not None:
            np.savez(stored, X=Xd, y=yd, mask=md)
    # Only live rows: the same rows in both tensors (same index build).
    live = md.any(axis=0)
    if not np.array_equal(live, mp.any(axis=0) | live) or Xd.shape[1] != Xp.shape[1]:
        raise ValueError("dev and pseudo tensors do not share their rows")
    Xd, yd, md = Xd[:, live], yd[:, live], md[:, live]
    Xp, yp, mp = Xp[:, live], yp[:, live], mp[:, live]
    print(f"dev {Xd.shape}, pseudo {Xp.shape}, features {names}", flush=True)
    seeds = [int(s) for s in args.fold_seeds.split(",") if s]
    steps = args.steps.split(",")
    lexical = evaluate(Xd, yd, md, [1.0] + [0.0] * (len(names) - 1))
    print(f"dev, lexical alone: nDCG@10={lexical['nDCG@10']:.3f} R@50={lexical['R@50']:.3f}")
    from sache.engine.matching.weights import DEFAULT_WEIGHTS

    current = [DEFAULT_WEIGHTS.get(n, 0.0) for n in names]
    now = evaluate(Xd, yd, md, current)
    print(f"dev, current weights (in sample): nDCG@10={now['nDCG@10']:.3f} R@50={now['R@50']:.3f}")
    now = evaluate(Xp, yp, mp, current)
    print(
        f"pseudo, current weights: nDCG@10={now['nDCG@10']:.3f} R@50={now['R@50']:.3f}", flush=True
    )
    results: dict[str, list] = {}
    if "dev" in steps:
        for seed in seeds:
            r = out_of_fold(Xd, yd, md, names, seed)
            results.setdefault("dev", []).append(r)
            print(
                f"dev only, out-of-fold seed {seed}: nDCG@10={r['nDCG@10']:.3f} R@50={r['R@50']:.3f}"
                f" ({time.perf_counter() - started:.0f} s)",
                flush=True,
            )
    if "pseudo" in steps:
        weights, value = fit(Xp, yp, mp, names)
        r = evaluate(Xd, yd, md, weights)
        print(
            f"pseudo only -> dev: nDCG@10={r['nDCG@10']:.3f} R@50={r['R@50']:.3f} (pseudo objective {value:.3f})"
        )
        print(
            json.dumps({n: round(w, 3) for n, w in zip(names, weights, strict=True) if w}),
            flush=True,
        )
    if "both" in steps:
        for seed in seeds:
            r = out_of_fold(
                Xd, yd, md, names, seed, extra=(Xp, yp, mp), per_fold=args.pseudo_per_fold
            )
            results.setdefault("both", []).append(r)
            print(
                f"pseudo + dev folds, out-of-fold seed {seed}: nDCG@10={r['nDCG@10']:.3f} R@50={r['R@50']:.3f}"
                f" ({time.perf_counter() - started:.0f} s)",
                flush=True,
            )
        weights, value = fit(
            np.concatenate([Xp, Xd]), np.concatenate([yp, yd]), np.concatenate([mp, md]), names
        )
        print(
            "pseudo + all dev weights: "
            + json.dumps({n: round(w, 3) for n, w in zip(names, weights, strict=True) if w})
        )
    for key, rows in results.items():
        print(
            f"{key}: mean over seeds nDCG@10={np.mean([r['nDCG@10'] for r in rows]):.3f} "
            f"R@50={np.mean([r['R@50'] for r in rows]):.3f}"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
