"""Command line: ``python -m sache.engine.meetings INPUT.json --out SCHEDULE.json [--time-limit S]``."""

from __future__ import annotations

import argparse
import os
import sys

from sache.engine.meetings import read_problem, schedule_meetings, write_schedule


def _seconds_since_process_start() -> float:
    """Wall-clock seconds since this process started (0 where /proc is unavailable).

    The time limit is the caller's wall clock: interpreter start and imports
    (scipy for the overloaded mode, about 1 s of CPU, several seconds under load)
    count against it too.
    """
    try:
        with open("/proc/self/stat") as stat:
            # Field 22 (starttime, clock ticks after boot); the name in field 2 may hold spaces.
            start_ticks = int(stat.read().rsplit(")", 1)[1].split()[19])
        with open("/proc/uptime") as uptime:
            now = float(uptime.read().split()[0])
        return max(0.0, now - start_ticks / os.sysconf("SC_CLK_TCK"))
    except (OSError, ValueError, IndexError):
        return 0.0


# Seconds kept back for assigning tables, writing the schedule and exiting.
_FINISH_SECONDS = 1.0


def main(argv: list[str] | None = None) -> int:
    """Read an event, schedule it, write the schedule and print objective, bound and time."""
    parser = argparse.ArgumentParser(prog="python -m sache.engine.meetings", description=__doc__)
    parser.add_argument("input", help="event JSON (format of shared/data/b2b/instances, extended)")
    parser.add_argument("--out", required=True, help="where to write the schedule JSON")
    parser.add_argument("--time-limit", type=float, default=60.0, help="seconds (default 60)")
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args(argv)
    problem = read_problem(args.input)
    budget = max(0.1, args.time_limit - _seconds_since_process_start() - _FINISH_SECONDS)
    result = schedule_meetings(problem, time_limit=budget, seed=args.seed)
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
