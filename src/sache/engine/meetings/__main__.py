"""Command line: ``python -m sache.engine.meetings INPUT.json --out SCHEDULE.json [--time-limit S]``."""

from __future__ import annotations

import argparse
import sys

from sache.engine.meetings import read_problem, schedule_meetings, write_schedule


def main(argv: list[str] | None = None) -> int:
    """Read an event, schedule it, write the schedule and print objective, bound and time."""
    parser = argparse.ArgumentParser(prog="python -m sache.engine.meetings", description=__doc__)
    parser.add_argument("input", help="event JSON (format of shared/data/b2b/instances, extended)")
    parser.add_argument("--out", required=True, help="where to write the schedule JSON")
    parser.add_argument("--time-limit", type=float, default=60.0, help="seconds (default 60)")
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args(argv)
    problem = read_problem(args.input)
    result = schedule_meetings(problem, time_limit=args.time_limit, seed=args.seed)
    write_schedule(result, args.out)
    print(
        f"status={result.status} mode={result.mode} objective={result.objective} "
        f"bound={result.bound} breaks={result.total_breaks} "
        f"unscheduled={len(result.unscheduled)} time={result.seconds:.2f}s"
    )
    if result.explanation:
        print(result.explanation)
    return 0


if __name__ == "__main__":
    sys.exit(main())
