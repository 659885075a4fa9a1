"""Evaluation harness: BM25, popularity and the engine on the shared dev split, in one run.

``python bench/matching/run.py [DATA_DIR] [--exclude-coordinator] [--encoder auto] [--cache PATH]``

DATA_DIR defaults to ``../shared/data/matching`` beside the repository. Every
method writes rankings in the engine's output format through its command line;
the harness alone reads ``relevant``.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(ROOT / "src"))

from metrics import mean_metrics  # noqa: E402

from sache.engine.matching.exposure import exposure_gini  # noqa: E402


def run_method(name: str, command: list[str], out: Path, n_queries: int) -> tuple[dict, float, str]:
    env = dict(
        os.environ,
        PYTHONPATH=str(ROOT / "src"),
        OMP_NUM_THREADS=os.environ.get("OMP_NUM_THREADS", "1"),
    )
    started = time.perf_counter()
    result = subprocess.run(command, env=env, capture_output=True, text=True, check=True)
    elapsed = time.perf_counter() - started
    rankings = {}
    for line in out.read_text(encoding="utf-8").splitlines():
        record = json.loads(line)
        rankings[record["query_id"]] = record["ranking"]
    # The engine reports its own ranking time (after indexing); baselines
    # report only their total time, which includes their indexing.
    match = re.search(r"\(([\d.]+) ms/query\)", result.stderr)
    ms_per_query = float(match.group(1)) if match else 1000 * elapsed / max(n_queries, 1)
    return rankings, ms_per_query, result.stderr.strip().splitlines()[-1] if result.stderr else ""


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument(
        "data_dir", nargs="?", default=str(ROOT.parent / "shared" / "data" / "matching")
    )
    parser.add_argument("--queries", default="queries_dev.jsonl")
    parser.add_argument("--exclude-coordinator", action="store_true")
    parser.add_argument("--encoder", default="auto")
    parser.add_argument("--cache", default=str(ROOT / "bench" / "out" / "vectors.npz"))
    parser.add_argument("--methods", default="bm25,popularity,engine,engine+exposure")
    parser.add_argument(
        "--exposure-weight", type=float, default=0.05, help="for the engine+exposure row"
    )
    args = parser.parse_args()
    data = Path(args.data_dir)
    orgs, queries, history = data / "orgs.jsonl", data / args.queries, data / "train_projects.jsonl"
    out_dir = ROOT / "bench" / "out"
    out_dir.mkdir(parents=True, exist_ok=True)
    query_records = [
        json.loads(line)
        for line in queries.read_text(encoding="utf-8").splitlines()
        if line.strip()
    ]
    relevant = {}
    for record in query_records:
        wanted = set(record["relevant"])
        if args.exclude_coordinator:
            wanted.discard(record["coordinator"])
        relevant[record["id"]] = wanted
    flag = ["--exclude-coordinator"] if args.exclude_coordinator else []
    python = sys.executable
    commands = {
        "bm25": [python, str(HERE / "baselines.py"), "bm25"],
        "popularity": [python, str(HERE / "baselines.py"), "popularity"],
        "engine": [
            python,
            "-m",
            "sache.engine.matching",
            "rank",
            "--history",
            str(history),
            "--encoder",
            args.encoder,
            "--cache",
            args.cache,
            "--threads",
            "1",
            "--exposure-weight",
            "0",
        ],
    }
    print(
        f"data: {data}, queries: {len(query_records)}, exclude coordinator: {args.exclude_coordinator}"
    )
    candidate_ids = [
        json.loads(line)["id"]
        for line in orgs.read_text(encoding="utf-8").splitlines()
        if line.strip()
    ]
    print("| method | R@10 | R@50 | MRR | nDCG@10 | ms/query | exposure Gini@10 |")
    print("|---|---|---|---|---|---|---|")
    commands["engine+exposure"] = [
        *commands["engine"][:-1],
        str(args.exposure_weight),
    ]
    for name in args.methods.split(","):
        out = out_dir / f"ranking_{name}.jsonl"
        command = [
            *commands[name],
            "--orgs",
            str(orgs),
            "--queries",
            str(queries),
            "--top",
            "100",
            "--out",
            str(out),
            *flag,
        ]
        rankings, ms, note = run_method(name, command, out, len(query_records))
        metrics = mean_metrics(rankings, relevant)
        concentration = exposure_gini(rankings.values(), candidate_ids, depth=10)
        print(
            f"| {name} | {metrics['R@10']:.3f} | {metrics['R@50']:.3f} | {metrics['MRR']:.3f} | {metrics['nDCG@10']:.3f} | {ms:.1f} | {concentration:.3f} |",
            flush=True,
        )
        if note:
            print(f"<!-- {name}: {note} -->", flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
