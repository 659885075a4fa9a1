"""Command line of the rotation planner."""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections.abc import Sequence

from .golfer import social_golfer_schedule
from .workshop import WorkshopError, plan_rotations, workshop_from_dict

# ---------------------------------------------------------------------------
# Command line


def main(argv: Sequence[str] | None = None) -> int:
    """Command line: pure social golfer or a workshop from JSON.

    ``python -m sache.engine.rotations --groups G --size S --rounds R
    [--seed N] [--time-limit S] --out PLAN.json`` writes
    ``{"rounds": [[[player, ...] per table] per round], "repeated_pairs": n}``
    with players ``0..G·S-1``.

    ``python -m sache.engine.rotations INPUT.json [--seed N] [--time-limit S]
    --out PLAN.json`` reads a workshop (see :func:`workshop_from_dict`) and
    writes :meth:`RotationPlan.to_dict`: ``tables``, ``rounds`` (participant
    ids per table per round, tables in input order), ``repeated_pairs``,
    ``routes`` and ``metrics``.

    Parameters
    ----------
    argv : sequence of str, optional
        Arguments without the program name; ``sys.argv[1:]`` by default.

    Returns
    -------
    int
        Exit status: 0 on success, 2 on invalid input.
    """
    parser = argparse.ArgumentParser(
        prog="python -m sache.engine.rotations",
        description="World Café rotations: social golfer schedules or workshop seating plans.",
    )
    parser.add_argument("input", nargs="?", help="workshop JSON (omit for the social golfer case)")
    parser.add_argument("--groups", type=int, help="tables per round (social golfer)")
    parser.add_argument("--size", type=int, help="seats per table (social golfer)")
    parser.add_argument("--rounds", type=int, help="rounds (social golfer)")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument(
        "--time-limit", type=float, default=None, help="seconds (default 60 golfer, 30 workshop)"
    )
    parser.add_argument("--out", required=True, help="output JSON file ('-' for stdout)")
    args = parser.parse_args(argv)

    started = time.monotonic()
    if args.input is None:
        if args.groups is None or args.size is None or args.rounds is None:
            parser.error("give INPUT.json or all of --groups, --size and --rounds")
        try:
            schedule = social_golfer_schedule(
                args.groups,
                args.size,
                args.rounds,
                seed=args.seed,
                time_limit=60.0 if args.time_limit is None else args.time_limit,
            )
        except ValueError as error:
            print(f"error: {error}", file=sys.stderr)
            return 2
        output: dict[str, object] = {
            "rounds": schedule.rounds,
            "repeated_pairs": schedule.repeated_pairs,
        }
        summary = f"{args.groups}-{args.size}-{args.rounds}: {schedule.repeated_pairs} repeated pairs ({schedule.method})"
    else:
        try:
            with open(args.input, encoding="utf-8") as handle:
                workshop = workshop_from_dict(json.load(handle))
            plan = plan_rotations(
                workshop,
                seed=args.seed,
                time_limit=30.0 if args.time_limit is None else args.time_limit,
            )
        except (OSError, json.JSONDecodeError, WorkshopError) as error:
            print(f"error: {error}", file=sys.stderr)
            return 2
        output = plan.to_dict()
        summary = (
            f"{len(workshop.participants)} participants, {workshop.rounds} rounds: "
            f"{plan.repeated_pairs} repeated pairs, sector mix {plan.sector_mix}, "
            f"area repeats {plan.area_repeats}"
        )
    text = json.dumps(output, ensure_ascii=False)
    if args.out == "-":
        sys.stdout.write(text + "\n")
    else:
        with open(args.out, "w", encoding="utf-8") as handle:
            handle.write(text + "\n")
    print(f"{summary}; {time.monotonic() - started:.2f} s", file=sys.stderr)
    return 0
