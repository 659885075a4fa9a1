"""Overloaded events: first-come-first-served greedy vs the engine, checked independently.

``python bench/meetings/overloaded.py [--sizes 100 1000 5000] [--seed 0] [--time-limit 60]``

Generates each event (``generate.py``), runs the greedy baseline and
``schedule_meetings`` in the same process, checks both with ``check.py`` and
prints weight, meetings, upper bound, gap to the bound, breaks and time.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parents[1] / "src"))

from check import check  # noqa: E402
from generate import generate_event  # noqa: E402

from sache.engine.meetings import (  # noqa: E402
    greedy_meeting_schedule,
    problem_from_dict,
    schedule_meetings,
    schedule_to_dict,
    weight_upper_bound,
)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--sizes", type=int, nargs="+", default=[100, 1000, 5000])
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--time-limit", type=float, default=None)
    args = parser.parse_args()
    print(
        "| participants | meetings requested | solver | weight | meetings | upper bound | gap | breaks | s | check |"
    )
    print("|---|---|---|---|---|---|---|---|---|---|")
    for size in args.sizes:
        event = generate_event(size, seed=args.seed)
        problem = problem_from_dict(event)
        started = time.monotonic()
        bound = weight_upper_bound(problem)
        bound_seconds = time.monotonic() - started
        limit = args.time_limit if args.time_limit is not None else (5.0 if size <= 1000 else 40.0)
        for name in ("greedy FCFS", "ours"):
            started = time.monotonic()
            if name == "ours":
                result = schedule_meetings(problem, time_limit=limit, seed=args.seed)
            else:
                result = greedy_meeting_schedule(problem)
            seconds = time.monotonic() - started
            errors, breaks, weight = check(event, schedule_to_dict(result), require_all=False)
            gap = (bound - weight) / bound * 100
            print(
                f"| {size} | {len(event['meetings'])} | {name} | {weight} | {len(result.slots)} | {bound} | "
                f"{gap:.2f} % | {breaks} | {seconds:.1f} | {'ok' if not errors else errors[0]} |",
                flush=True,
            )
        print(f"<!-- bound computed in {bound_seconds:.1f} s (included in ours) -->")


if __name__ == "__main__":
    main()
