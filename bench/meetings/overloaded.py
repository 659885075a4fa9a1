"""Overloaded events: first-come-first-served greedy vs the engine, checked independently.

``python bench/meetings/overloaded.py [--sizes 100 1000 5000] [--seed 0] [--time-limit 60]
[--variant standard]``

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
from generate import VARIANTS, generate_event  # noqa: E402

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
    parser.add_argument("--variant", choices=VARIANTS, default="standard")
    args = parser.parse_args()
    print(
        "| participants | meetings requested | solver | weight | meetings | upper bound | gap "
        "| breaks | s | cpu s | check |"
    )
    print("|---|---|---|---|---|---|---|---|---|---|---|")
    for size in args.sizes:
        event = generate_event(size, seed=args.seed, variant=args.variant)
        problem = problem_from_dict(event)
        limit = args.time_limit if args.time_limit is not None else (5.0 if size <= 1000 else 40.0)
        rows = {}
        for name in ("ours", "greedy FCFS"):
            started, cpu = time.monotonic(), time.process_time()
            if name == "ours":
                # The bound is computed inside (aggregated model), so its time is included.
                result = schedule_meetings(problem, time_limit=limit, seed=args.seed)
            else:
                result = greedy_meeting_schedule(problem)
            rows[name] = (result, time.monotonic() - started, time.process_time() - cpu)
        bound = rows["ours"][0].bound
        for name in ("greedy FCFS", "ours"):
            result, seconds, cpu = rows[name]
            errors, breaks, weight = check(event, schedule_to_dict(result), require_all=False)
            gap = (bound - weight) / bound * 100
            print(
                f"| {size} | {len(event['meetings'])} | {name} | {weight} | {len(result.slots)} "
                f"| {bound} | {gap:.2f} % | {breaks} | {seconds:.1f} | {cpu:.1f} "
                f"| {'ok' if not errors else errors[0]} |",
                flush=True,
            )
        started = time.monotonic()
        again = weight_upper_bound(problem)
        print(
            f"<!-- bound alone: {again} in {time.monotonic() - started:.1f} s "
            f"(included in ours); status of ours: {rows['ours'][0].status} -->",
            flush=True,
        )


if __name__ == "__main__":
    main()
