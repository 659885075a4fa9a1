"""Time the demo-hub generator: ``python bench/seed/run.py [--orgs 100000] [--repeat 3]``.

Reports wall-clock and CPU time of streaming the records (``iter_hub``) and
of building the whole hub in memory (``generate_hub``), with record counts.
The machine is shared, so CPU time is the steadier figure; the target is
wall-clock ≤ 40 s for 100,000 organisations.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import time
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "src"))

from sache.demo import generate_hub, iter_hub  # noqa: E402


def _timed(function):
    wall, cpu = time.perf_counter(), time.process_time()
    result = function()
    return result, time.perf_counter() - wall, time.process_time() - cpu


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--orgs", type=int, default=100_000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()

    stream_runs, counts = [], Counter()
    for _ in range(args.repeat):
        counts, wall, cpu = _timed(lambda: Counter(type(r).__name__ for r in iter_hub(args.orgs, args.seed)))
        stream_runs.append((wall, cpu))
    hub, hub_wall, hub_cpu = _timed(lambda: generate_hub(args.orgs, args.seed))
    assert len(hub.orgs) == args.orgs

    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
    print(f"orgs={args.orgs} seed={args.seed} records={sum(counts.values())} load1={load:.1f}")
    print("| counts | " + " | ".join(f"{k.removesuffix('Record').lower()} {v}" for k, v in sorted(counts.items())))
    print()
    print("| run | wall s (median) | CPU s (median) | wall s (max) |")
    print("|---|---|---|---|")
    walls, cpus = [w for w, _ in stream_runs], [c for _, c in stream_runs]
    print(f"| iter_hub, {args.repeat} runs | {statistics.median(walls):.1f} | {statistics.median(cpus):.1f} | "
          f"{max(walls):.1f} |")
    print(f"| generate_hub, 1 run | {hub_wall:.1f} | {hub_cpu:.1f} | {hub_wall:.1f} |")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
