"""Document-centric (project-level) features for matching: a prototype (fifth round).

``python bench/matching/doccentric.py units [DATA_DIR] --cache VECTORS.npz --out UNITS.npz``
    builds the index as the CLI does and keeps, for every dev query, the BM25
    score and the e5 cosine of every profile unit (one earlier project each on
    CORDIS), the unit-membership matrix of the organisations and the labels.
``python bench/matching/doccentric.py screen --units UNITS.npz --tensor FEATURES.npz``
    computes candidate features from those scores and screens each one added
    to the current feature set with the current weights fixed and only its own
    weight fitted, out of fold.
``python bench/matching/doccentric.py fit --units UNITS.npz --tensor FEATURES.npz --add NAME[,NAME]``
    re-fits the current feature set with and without the named features,
    5-fold out of fold over queries, fold seeds 0-3, with ``fit_weights.fit``.

Expert finding's "Model 2" (Balog, Azzopardi and de Rijke 2006): an
organisation is scored through the documents (earlier projects) it is
associated with, ``score(o) = sum_u P(q | u) P(o | u)``, instead of through
one concatenated profile.

References
----------
.. [1] K. Balog, L. Azzopardi and M. de Rijke, "Formal models for expert
   finding in enterprise corpora", SIGIR 2006.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

import numpy as np

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(HERE))

from fit_weights import fit  # noqa: E402

from sache.engine.matching.fitting import ranking_objective  # noqa: E402
from sache.engine.matching.weights import DEFAULT_WEIGHTS, UNFITTED_WEIGHTS  # noqa: E402

_FLOOR = 0.15  # the engine's lexical-scale floor (index._LEXICAL_FLOOR)


def units_step(args: argparse.Namespace) -> None:
    from sache.engine.matching.cli import build_index, query_from_json, read_jsonl

    data = Path(args.data_dir)
    started = time.perf_counter()
    index = build_index(
        read_jsonl(data / "orgs.jsonl"),
        read_jsonl(data / "train_projects.jsonl"),
        encoder=args.encoder,
        cache=args.cache,
        threads=1,
    )
    print(f"indexed in {time.perf_counter() - started:.0f} s", flush=True)
    ids = index.row_ids()
    n_rows, n_units = len(ids), len(index._unit_refs)
    membership = np.zeros((n_rows, n_units), dtype=bool)
    for row in range(n_rows):
        membership[row, index._row_units[row]] = True
    queries = list(read_jsonl(data / "queries_dev.jsonl"))
    lexical = np.zeros((len(queries), n_units), dtype=np.float32)
    idf_mass = np.zeros(len(queries), dtype=np.float32)
    dense = np.zeros((len(queries), n_units), dtype=np.float32)
    labels = np.zeros((len(queries), n_rows), dtype=bool)
    for number, record in enumerate(queries):
        query = query_from_json(record, posted_by_coordinator=False)
        terms = [t for text in query.texts for t in _lemmas(text)]
        lexical[number] = index._unit_lexical.score(terms, n_units)
        idf_mass[number] = sum(index._unit_lexical.idf(t) for t in set(terms))
        vector = index._query_vector(query)
        if vector is not None:
            dense[number] = index._unit_vectors[:n_units] @ vector
        wanted = set(record["relevant"])
        labels[number] = [i in wanted for i in ids]
    if index.encoder is not None and args.cache:
        index.encoder.cache.save()
    np.savez(
        args.out,
        lexical=lexical,
        idf_mass=idf_mass,
        dense=dense,
        membership=membership,
        labels=labels,
        alive=np.array([i is not None for i in ids]),
    )
    print(f"{len(queries)} queries x {n_units} units in {time.perf_counter() - started:.0f} s")


def _lemmas(text):
    from sache.engine.matching.text import lemmas

    return lemmas(text.text, text.language)


# -- candidate features -------------------------------------------------------


def unit_scores(units, kind: str) -> np.ndarray:
    """(Q, U) text score of each unit: lexical on the engine's scale, dense z-scored, or both."""
    lexical = units["lexical"]
    scale = np.maximum(lexical.max(axis=1), _FLOOR * units["idf_mass"])[:, None]
    lexical = lexical / np.maximum(scale, 1e-9)
    dense = units["dense"]
    dense = (dense - dense.mean(axis=1, keepdims=True)) / (dense.std(axis=1, keepdims=True) + 1e-9)
    if kind == "lex":
        return lexical
    if kind == "dense":
        return dense
    if kind == "both":
        # The engine's text score: lexical + 0.2 * max(dense, 0).
        return lexical + DEFAULT_WEIGHTS["dense"] * np.maximum(dense, 0.0)
    raise ValueError(kind)


def unit_distribution(scores: np.ndarray, top: int, temperature: float | None) -> np.ndarray:
    """P(q | u): softmax over the ``top`` best units (``temperature`` None: scores normalised)."""
    n_units = scores.shape[1]
    top = min(top, n_units)
    keep = np.argpartition(-scores, top - 1, axis=1)[:, :top]
    chosen = np.take_along_axis(scores, keep, axis=1)
    if temperature == "lin":
        weights = np.maximum(chosen, 0.0)
    elif temperature is None:
        chosen = np.maximum(chosen - chosen.min(axis=1, keepdims=True), 0.0)
        weights = chosen / np.maximum(chosen.sum(axis=1, keepdims=True), 1e-12)
    else:
        weights = np.exp((chosen - chosen.max(axis=1, keepdims=True)) / temperature)
        weights /= weights.sum(axis=1, keepdims=True)
    out = np.zeros_like(scores)
    np.put_along_axis(out, keep, weights, axis=1)
    return out


def aggregate(p_unit: np.ndarray, membership: np.ndarray, how: str, per_member: bool) -> np.ndarray:
    """(Q, N) organisation scores from unit weights (Q, U) through membership (N, U)."""
    association = membership.astype(np.float32)
    if per_member:
        association = association / np.maximum(association.sum(axis=0, keepdims=True), 1.0)
    if how == "sum":
        return p_unit @ association.T
    if how == "mean":
        n_units = np.maximum(membership.sum(axis=1), 1)
        return (p_unit @ association.T) / n_units[None, :]
    # max / top-2 sum over the organisation's units
    out = np.zeros((p_unit.shape[0], membership.shape[0]), dtype=np.float32)
    rows_units = [np.flatnonzero(m) for m in membership]
    lengths = np.array([len(u) for u in rows_units])
    flat = np.concatenate(rows_units)
    starts = np.concatenate([[0], np.cumsum(lengths)[:-1]])
    has = lengths > 0
    values = (
        p_unit[:, flat] * (association[np.repeat(np.arange(len(lengths)), lengths), flat])[None, :]
    )
    if how == "max":
        out[:, has] = np.maximum.reduceat(values, starts[has], axis=1)
        return out
    if how == "top2":
        for row in np.flatnonzero(has):
            block = values[:, starts[row] : starts[row] + lengths[row]]
            if block.shape[1] <= 2:
                out[:, row] = block.sum(axis=1)
            else:
                out[:, row] = -np.partition(-block, 1, axis=1)[:, :2].sum(axis=1)
        return out
    raise ValueError(how)


def scaled(values: np.ndarray) -> np.ndarray:
    """Each query's feature scaled by its maximum over organisations (1 = the best)."""
    top = values.max(axis=1, keepdims=True)
    return (values / np.where(top > 0, top, 1.0)).astype(np.float32)


def candidate_features(units) -> dict[str, np.ndarray]:
    membership = units["membership"]
    out: dict[str, np.ndarray] = {}
    for kind in ("lex", "dense", "both"):
        scores = unit_scores(units, kind)
        temperatures = {"lex": (0.1, 0.2, 0.3), "dense": (0.3, 0.5, 1.0), "both": (0.1, 0.2, 0.3)}[
            kind
        ]
        for top in (50, scores.shape[1]):
            for temperature in temperatures:
                p_unit = unit_distribution(scores, top, temperature)
                k = "all" if top == scores.shape[1] else top
                for how in ("sum", "max"):
                    for per_member in (False, True):
                        name = (
                            f"m2:{kind}:k{k}:T{temperature}:{how}:{'1/n' if per_member else 'uni'}"
                        )
                        out[name] = scaled(aggregate(p_unit, membership, how, per_member))
        # The consortium view: members of the K most similar earlier projects,
        # scored by the project's similarity.
        for top in (5, 10, 20):
            p_unit = unit_distribution(scores, top, "lin")
            for how in ("sum", "max"):
                out[f"cons:{kind}:k{top}:{how}"] = scaled(aggregate(p_unit, membership, how, False))
        for power in (3, 4):
            out[f"m2:{kind}:pow{power}:sum"] = scaled(
                np.maximum(scores, 0.0) ** power @ membership.T.astype(np.float32)
            )
        # Profile normalisation by the number of units (item 2): the mean and a
        # saturating sum of the organisation's unit scores (no truncation).
        positive = np.maximum(scores, 0.0)
        total = positive @ membership.T.astype(np.float32)
        n_units = np.maximum(membership.sum(axis=1), 1)[None, :]
        out[f"units:{kind}:mean"] = scaled(total / n_units)
        out[f"units:{kind}:logsum"] = scaled(np.log1p(total))
        out[f"units:{kind}:sqrtn"] = scaled(total / np.sqrt(n_units))
    return out


# -- fitting ------------------------------------------------------------------


def load_base(tensor_path: str):
    with np.load(tensor_path) as saved:
        X, y, mask, names = saved["X"], saved["y"], saved["mask"], list(saved["names"])
    # The current feature set: those with a fitted weight (the unfitted ones are zero on CORDIS).
    keep = [
        i
        for i, n in enumerate(names)
        if n == "lexical" or (DEFAULT_WEIGHTS.get(n, 0.0) and n not in UNFITTED_WEIGHTS)
    ]
    keep += [i for i, n in enumerate(names) if n.startswith("kind:") and i not in keep]
    return X[:, :, keep], y, mask, [names[i] for i in keep]


def fit_surrogate(
    X, y, mask, names, l2: float, refine: bool = False, pool: int = 0, pairwise: bool = False
):
    """Weights minimising an L2-regularised softmax cross-entropy (ListNet-style).

    Each query's scores go through a softmax over its candidates; the loss is
    minus the mean log-probability of its relevant organisations. Features are
    standardised first so that one L2 strength fits all; the weights are
    returned on the original scale with ``lexical`` at 1. ``refine``: then
    coordinate ascent from there, as ``fit_weights.fit`` does from lexical alone.
    """
    from scipy.optimize import minimize

    full_X, full_y, full_mask = X, y, mask
    if pool:
        # The softmax runs over each query's ``pool`` best candidates by lexical score only.
        lexical = np.where(mask, X[:, :, names.index("lexical")], -np.inf)
        cut = -np.partition(-lexical, pool - 1, axis=1)[:, pool - 1 : pool]
        mask = mask & (lexical >= cut)
        y = y & mask
        keep = y.any(axis=1)
        X, y, mask = X[keep], y[keep], mask[keep]
    flat = X[mask]
    centre, spread = flat.mean(axis=0), flat.std(axis=0) + 1e-6
    Z = ((X - centre) / spread).astype(np.float32)
    target = y / y.sum(axis=1, keepdims=True)
    n_queries = len(X)

    def loss(w):
        s = Z @ w.astype(np.float32)
        s = np.where(mask, s, -np.inf)
        top = s.max(axis=1, keepdims=True)
        e = np.exp(s - top)
        total = e.sum(axis=1, keepdims=True)
        lse = np.log(total[:, 0]) + top[:, 0]
        value = float((lse - np.where(y, s, 0.0).sum(axis=1) / y.sum(axis=1)).mean()) + l2 * float(
            w @ w
        )
        p = e / total
        grad = np.einsum("qn,qnf->f", (p - target).astype(np.float32), Z) / n_queries + 2 * l2 * w
        return value, grad.astype(np.float64)

    if pairwise:
        # RankNet-style: log(1 + exp(-(s_r - s_n))) over every (relevant, other) pair of a query's pool.
        diffs = []
        for q in range(n_queries):
            rel = Z[q][y[q] & mask[q]]
            other = Z[q][mask[q] & ~y[q]]
            diffs.append((rel[:, None, :] - other[None, :, :]).reshape(-1, Z.shape[2]))
        D = np.concatenate(diffs)

        def loss(w):  # noqa: F811
            margin = D @ w.astype(np.float32)
            value = float(np.logaddexp(0.0, -margin).mean()) + l2 * float(w @ w)
            sigma = 0.5 * (1.0 - np.tanh(margin / 2.0))  # 1 / (1 + exp(margin))
            grad = -(sigma.astype(np.float32) @ D) / len(D) + 2 * l2 * w
            return value, grad.astype(np.float64)

    start = np.zeros(X.shape[2])
    start[names.index("lexical")] = 1.0
    result = minimize(loss, start, jac=True, method="L-BFGS-B", options={"maxiter": 300})
    weights = result.x / spread
    weights = weights / weights[names.index("lexical")]
    if refine:
        from sache.engine.matching.fitting import fit_linear_ranker

        negative = [
            i for i, n in enumerate(names) if n.startswith("kind:") or n in ("track_record",)
        ]
        return fit_linear_ranker(
            full_X, full_y, initial=list(weights), mask=full_mask, allow_negative=negative, sweeps=3
        )
    return [float(w) for w in weights], float(result.fun)


def out_of_fold(
    X,
    y,
    mask,
    names,
    seed: int,
    folds: int = 5,
    method: str = "ascent",
    l2: float = 0.0,
    pool: int = 0,
):
    rng = np.random.default_rng(seed)
    order = rng.permutation(len(X))
    scores_oof = np.full(y.shape, -np.inf)
    fitted = []
    for fold in range(folds):
        test = order[fold::folds]
        train = np.setdiff1d(order, test)
        if method == "ascent":
            weights, _ = fit(X[train], y[train], mask[train], names)
        else:
            weights, _ = fit_surrogate(
                X[train],
                y[train],
                mask[train],
                names,
                l2,
                refine=method == "both",
                pool=pool,
                pairwise=method == "pairwise",
            )
        fitted.append(weights)
        scores = X[test] @ np.asarray(weights, dtype=np.float32)
        scores_oof[test] = np.where(mask[test], scores, -np.inf)
    return ranking_objective(scores_oof, y), fitted


GRID = (0.0, 0.02, 0.05, 0.1, 0.2, 0.35, 0.5, 0.75, 1.0, 1.5, 2.0, 3.0)


def screen_step(args: argparse.Namespace) -> None:
    """Each candidate added to the current weights, only its own weight fitted, out of fold."""
    X, y, mask, names = load_base(args.tensor)
    with np.load(args.units) as units:
        units = dict(units)
    assert (units["labels"] == y).all(), "the units file and the tensor disagree on rows"
    base_weights = np.array([DEFAULT_WEIGHTS.get(n, 0.0) for n in names], dtype=np.float32)
    base = np.where(mask, X @ base_weights, -np.inf).astype(np.float32)
    print("current weights, in sample:", _fmt(ranking_objective(base, y)), flush=True)
    features = candidate_features(units)
    if args.only:
        features = {k: v for k, v in features.items() if any(s in k for s in args.only.split(","))}
    grid = list(GRID) + [-g for g in GRID if g]
    for name, values in features.items():
        values = np.where(mask, values, 0.0)
        # Per-query nDCG@10 and R@50 at each weight: fold means follow without re-ranking.
        per_weight = {w: per_query(np.where(mask, base + w * values, -np.inf), y) for w in grid}
        results = []
        for seed in range(4):
            order = np.random.default_rng(seed).permutation(len(y))
            ndcg, recall = np.zeros(len(y)), np.zeros(len(y))
            for fold in range(5):
                test = order[fold::5]
                train = np.setdiff1d(order, test)
                best = max(
                    grid,
                    key=lambda w: per_weight[w][0][train].mean() + per_weight[w][1][train].mean(),
                )
                ndcg[test], recall[test] = per_weight[best][0][test], per_weight[best][1][test]
            results.append((ndcg.mean(), recall.mean()))
        alone = per_query(np.where(mask, values, -np.inf), y)
        insample = max(grid, key=lambda w: per_weight[w][0].mean() + per_weight[w][1].mean())
        full = per_weight[insample]
        print(
            f"{name:40s} alone {alone[0].mean():.3f}/{alone[1].mean():.3f}  in-sample w={insample:+.2f} "
            f"{full[0].mean():.3f}/{full[1].mean():.3f}  oof(1-D) per seed "
            + " ".join(f"{n:.3f}/{r:.3f}" for n, r in results)
            + f"  mean {np.mean([r[0] for r in results]):.3f}/{np.mean([r[1] for r in results]):.3f}",
            flush=True,
        )


_DISCOUNTS = 1.0 / np.log2(np.arange(2, 12))


def per_query(scores: np.ndarray, relevant: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """nDCG@10 and Recall@50 of each query (as ``ranking_objective``, before the mean)."""
    top = np.argpartition(-scores, 49, axis=1)[:, :50]
    order = np.argsort(-np.take_along_axis(scores, top, axis=1), axis=1, kind="stable")
    hits = np.take_along_axis(relevant, np.take_along_axis(top, order, axis=1), axis=1)
    n_relevant = relevant.sum(axis=1)
    ideal = np.array([_DISCOUNTS[: min(10, int(n))].sum() for n in n_relevant])
    ndcg = (hits[:, :10] * _DISCOUNTS).sum(axis=1) / ideal
    return ndcg, hits.sum(axis=1) / n_relevant


def _fmt(result) -> str:
    return f"nDCG@10={result['nDCG@10']:.3f} R@50={result['R@50']:.3f}"


def fit_step(args: argparse.Namespace) -> None:
    X, y, mask, names = load_base(args.tensor)
    extra_names = [n for n in args.add.split(",") if n]
    if extra_names:
        with np.load(args.units) as units:
            units = dict(units)
        features = candidate_features(units)
        if extra_names == ["all"]:
            # Every candidate, none chosen on the dev metrics (for the regularised surrogate).
            extra_names = sorted(features)
        extra = np.stack([np.where(mask, features[n], 0.0) for n in extra_names], axis=2)
        X = np.concatenate([X, extra.astype(np.float32)], axis=2)
        names = names + extra_names
        if args.save:
            np.savez(args.save, X=X, y=y, mask=mask, names=np.array(names))
    print("features:", names, flush=True)
    seeds = [int(s) for s in args.seeds.split(",")]
    figures = []
    for seed in seeds:
        started = time.process_time()
        result, fitted = out_of_fold(
            X, y, mask, names, seed, method=args.method, l2=args.l2, pool=args.pool
        )
        figures.append(result)
        print(
            f"seed {seed}: {_fmt(result)}  ({time.process_time() - started:.0f} s CPU)  "
            f"fold weights: {[[round(v, 2) for v in w] for w in fitted] if args.method != 'ascent' else [[round(w[names.index(n)], 2) for n in extra_names] for w in fitted]}",
            flush=True,
        )
    print(
        f"mean over seeds {seeds}: nDCG@10={np.mean([f['nDCG@10'] for f in figures]):.3f} "
        f"R@50={np.mean([f['R@50'] for f in figures]):.3f}"
    )
    if args.full:
        weights, value = fit(X, y, mask, names)
        print(
            f"fitted on all dev: objective={value:.3f}",
            {n: round(w, 3) for n, w in zip(names, weights, strict=True) if w},
        )


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    steps = parser.add_subparsers(dest="step", required=True)
    units = steps.add_parser("units")
    units.add_argument(
        "data_dir", nargs="?", default=str(ROOT.parent / "shared" / "data" / "matching")
    )
    units.add_argument("--encoder", default="auto")
    units.add_argument("--cache", required=True)
    units.add_argument("--out", required=True)
    screen = steps.add_parser("screen")
    screen.add_argument("--units", required=True)
    screen.add_argument("--tensor", required=True)
    screen.add_argument("--only", default="")
    fitting = steps.add_parser("fit")
    fitting.add_argument("--units", required=True)
    fitting.add_argument("--tensor", required=True)
    fitting.add_argument("--add", default="")
    fitting.add_argument("--seeds", default="0,1,2,3")
    fitting.add_argument("--save")
    fitting.add_argument("--full", action="store_true")
    fitting.add_argument(
        "--method", default="ascent", choices=("ascent", "surrogate", "both", "pairwise")
    )
    fitting.add_argument("--l2", type=float, default=0.0)
    fitting.add_argument("--pool", type=int, default=0)
    args = parser.parse_args()
    {"units": units_step, "screen": screen_step, "fit": fit_step}[args.step](args)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
