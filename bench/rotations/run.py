"""Benchmark of the World Café rotation planner.

Usage::

    python bench/rotations/run.py [DATA_DIR] [--time-limit 60] [--baseline-time 10]

1. Social golfer instances of ``DATA_DIR/golfer/known.json`` (default data
   dir: ``../shared/data`` relative to the repository root).  For each
   instance the planner is run through its command line
   (``python -m sache.engine.rotations --groups G --size S --rounds W``) at
   the best known ``W``; its plan is checked here independently.  When it
   has repeats, fewer rounds are tried until a plan without repeats comes
   out ("how close it gets").  Baseline, in the same run: the plain tabu
   search of Dotú & Van Hentenryck (our implementation, no constructions,
   no symmetry) at the best known ``W``.
2. The mixed-sector workshop of ``scenario.py`` (60 participants, 4
   sectors, 5 areas, 5 rounds, tables of 6), with and without table hosts,
   through the command line; baselines: random seating and the classic
   "move k tables on" rotation, both keeping hosts in place.

Writes a Markdown table to stdout and raw results to ``bench/out/rotations.json``.
"""

from __future__ import annotations

import argparse
import itertools
import json
import os
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from scenario import mixed_sector_workshop  # noqa: E402

from sache.engine.rotations import tabu_golfer_schedule  # noqa: E402


def check_golfer(rounds, groups, size, weeks):
    """Independent check: partitions of 0..g·s-1 into g tables of s; repeated pairs."""
    players = list(range(groups * size))
    if len(rounds) != weeks:
        raise AssertionError(f"{len(rounds)} rounds instead of {weeks}")
    seen = set()
    repeats = 0
    for round_ in rounds:
        if sorted(len(t) for t in round_) != [size] * groups:
            raise AssertionError("wrong table sizes")
        if sorted(p for t in round_ for p in t) != players:
            raise AssertionError("not a partition of the players")
        for table in round_:
            for pair in itertools.combinations(sorted(table), 2):
                if pair in seen:
                    repeats += 1
                seen.add(pair)
    return repeats


def run_cli(args, time_limit):
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "plan.json"
        env = dict(os.environ, PYTHONPATH=str(ROOT / "src"))
        started = time.monotonic()
        completed = subprocess.run(
            [
                sys.executable,
                "-m",
                "sache.engine.rotations",
                *args,
                "--time-limit",
                str(time_limit),
                "--out",
                str(out),
            ],
            check=True,
            env=env,
            capture_output=True,
            text=True,
            timeout=time_limit * 2 + 60,
        )
        elapsed = time.monotonic() - started
        return json.loads(out.read_text()), elapsed, completed.stderr


def golfer_rows(data_dir, time_limit, baseline_time, max_players):
    known = json.loads((data_dir / "golfer" / "known.json").read_text())["instances"]
    rows = []
    for inst in known:
        g, s, w = inst["groups"], inst["size"], inst["best_known_weeks"]
        if g * s > max_players:
            continue
        plan, elapsed, log = run_cli(
            ["--groups", str(g), "--size", str(s), "--rounds", str(w)], time_limit
        )
        method = log.rsplit("(", 1)[-1].split(")", 1)[0]
        repeats = check_golfer(plan["rounds"], g, s, w)
        assert repeats == plan["repeated_pairs"], "reported repeats differ from the check"
        reached = w if repeats == 0 else None
        lower = w - 1
        while reached is None and lower >= 1:
            low_plan, _, _ = run_cli(
                ["--groups", str(g), "--size", str(s), "--rounds", str(lower)], time_limit / 3
            )
            if check_golfer(low_plan["rounds"], g, s, lower) == 0:
                reached = lower
            lower -= 1
        started = time.monotonic()
        base_schedule, _ = tabu_golfer_schedule(g, s, w, seed=0, time_limit=baseline_time)
        base_elapsed = time.monotonic() - started
        base_repeats = check_golfer(base_schedule, g, s, w)
        row = {
            "instance": f"{g}-{s}-{w}",
            "players": g * s,
            "best_known": w,
            "repeats_at_best": repeats,
            "rounds_without_repeats": reached,
            "seconds": round(elapsed, 2),
            "method": method,
            "baseline_repeats_at_best": base_repeats,
            "baseline_seconds": round(base_elapsed, 2),
        }
        print(json.dumps(row), file=sys.stderr, flush=True)
        rows.append(row)
    return rows


def baseline_workshop(workshop, strategy, seed=0):
    """Random seating or the 'move k tables on' rotation; hosts stay."""
    rng = random.Random(seed)
    tables = list(workshop["tables"])
    host_of = {p["id"]: p["host_of"] for p in workshop["participants"] if p.get("host_of")}
    guests = [p["id"] for p in workshop["participants"] if p["id"] not in host_of]
    rounds = []
    for r in range(workshop["rounds"]):
        seats = {t["id"]: [h for h, tid in host_of.items() if tid == t["id"]] for t in tables}
        order = guests[:]
        if strategy == "random":
            rng.shuffle(order)
            slots = [t["id"] for t in tables for _ in range(t["capacity"] - len(seats[t["id"]]))]
            for person, table in zip(order, slots, strict=False):
                seats[table].append(person)
        else:
            # Guest i starts at table i mod T and moves (1 + i // T) tables on
            # each round: the usual facilitator rule of thumb.
            count = len(tables)
            for i, person in enumerate(order):
                seats[tables[(i + r * (1 + i // count)) % count]["id"]].append(person)
        rounds.append([seats[t["id"]] for t in tables])
    return rounds


def workshop_metrics(workshop, rounds):
    sector = {p["id"]: p["sector"] for p in workshop["participants"]}
    area = {t["id"]: t.get("area") for t in workshop["tables"]}
    hosts = {p["id"] for p in workshop["participants"] if p.get("host_of")}
    table_ids = [t["id"] for t in workshop["tables"]]
    seen, repeats, short, min_sectors, overfull = set(), 0, 0, 99, 0
    visits = {}
    capacity = {t["id"]: t["capacity"] for t in workshop["tables"]}
    for round_ in rounds:
        for tid, table in zip(table_ids, round_, strict=True):
            overfull += len(table) > capacity[tid]
            for pair in itertools.combinations(sorted(table), 2):
                repeats += pair in seen
                seen.add(pair)
            distinct = len({sector[p] for p in table})
            min_sectors = min(min_sectors, distinct)
            short += distinct < min(3, len(table))
            for p in table:
                if p not in hosts:
                    visits.setdefault(p, []).append(area[tid])
    area_repeats = sum(len(v) - len(set(v)) for v in visits.values())
    return {
        "repeated_pairs": repeats,
        "min_sectors_at_table": min_sectors,
        "tables_below_3_sectors": short,
        "area_repeats": area_repeats,
        "overfull_tables": overfull,
    }


def workshop_rows(time_limit):
    rows = []
    for hosts in (True, False):
        workshop = mixed_sector_workshop(0, hosts=hosts)
        label = "with hosts" if hosts else "no hosts"
        with tempfile.TemporaryDirectory() as tmp:
            src = Path(tmp) / "workshop.json"
            src.write_text(json.dumps(workshop))
            plan, elapsed, _ = run_cli([str(src)], time_limit)
        ours = workshop_metrics(workshop, plan["rounds"])
        ours.update(
            solver="sache", seconds=round(elapsed, 2), sector_mix=plan["metrics"]["sector_mix"]
        )
        rows.append({"scenario": label, **ours})
        for strategy in ("random", "move-on"):
            metrics = workshop_metrics(workshop, baseline_workshop(workshop, strategy))
            rows.append({"scenario": label, "solver": strategy, **metrics})
    return rows


HOSTED = [
    # (tables, seats, rounds, lower bound on repeats or None)
    (5, 6, 3, 10),
    (5, 5, 5, 0),
    (7, 7, 6, 0),
]


def hosted_workshop(tables, seats, rounds):
    """Full tables, one host each, an area per table, 3 sectors in turn."""
    return {
        "rounds": rounds,
        "tables": [{"id": f"t{i}", "capacity": seats, "area": f"a{i}"} for i in range(tables)],
        "participants": [
            {
                "id": f"p{i:02d}",
                "sector": f"s{i % 3}",
                **({"host_of": f"t{i}"} if i < tables else {}),
            }
            for i in range(tables * seats)
        ],
    }


def hosted_rows(time_limit):
    """Small hosted workshops: ours against the baselines and the lower bound."""
    rows = []
    for tables, seats, rounds, bound in HOSTED:
        workshop = hosted_workshop(tables, seats, rounds)
        label = f"{tables} tables x {seats}, {tables} hosts, {rounds} rounds"
        with tempfile.TemporaryDirectory() as tmp:
            src = Path(tmp) / "workshop.json"
            src.write_text(json.dumps(workshop))
            plan, elapsed, _ = run_cli([str(src)], time_limit)
        ours = workshop_metrics(workshop, plan["rounds"])
        rows.append(
            {
                "scenario": label,
                "solver": "sache",
                "bound": bound,
                "seconds": round(elapsed, 2),
                **ours,
            }
        )
        for strategy in ("random", "move-on"):
            metrics = workshop_metrics(workshop, baseline_workshop(workshop, strategy))
            rows.append({"scenario": label, "solver": strategy, "bound": bound, **metrics})
    return rows


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("data_dir", nargs="?", default=str(ROOT.parent / "shared" / "data"))
    parser.add_argument("--time-limit", type=float, default=60.0)
    parser.add_argument("--baseline-time", type=float, default=10.0)
    parser.add_argument("--max-players", type=int, default=1000)
    parser.add_argument("--skip-golfer", action="store_true")
    args = parser.parse_args()
    golfer = (
        []
        if args.skip_golfer
        else golfer_rows(Path(args.data_dir), args.time_limit, args.baseline_time, args.max_players)
    )
    workshop = workshop_rows(30.0)
    hosted = hosted_rows(30.0)
    out = ROOT / "bench" / "out"
    out.mkdir(parents=True, exist_ok=True)
    (out / "rotations.json").write_text(
        json.dumps({"golfer": golfer, "workshop": workshop, "hosted": hosted}, indent=1)
    )
    if golfer:
        print(
            "| g-s-w (best known) | players | ours: repeats at best w | ours: most rounds w/o repeats | ours: s | method | baseline tabu: repeats at best w | baseline: s |"
        )
        print("|---|---|---|---|---|---|---|---|")
        for r in golfer:
            print(
                f"| {r['instance']} | {r['players']} | {r['repeats_at_best']} | {r['rounds_without_repeats']} | {r['seconds']} | {r['method']} "
                f"| {r['baseline_repeats_at_best']} | {r['baseline_seconds']} |"
            )
        hit = [
            r
            for r in golfer
            if r["players"] <= 32 and r["repeats_at_best"] == 0 and r["seconds"] <= 60
        ]
        small = [r for r in golfer if r["players"] <= 32]
        print(
            f"\nbest known w reached within 60 s for {len(hit)} of {len(small)} instances with g·s <= 32"
        )
    print(
        "\n| workshop | solver | repeated pairs | min sectors at a table | tables below 3 sectors | area repeats | overfull tables | s |"
    )
    print("|---|---|---|---|---|---|---|---|")
    for r in workshop:
        print(
            f"| {r['scenario']} | {r['solver']} | {r['repeated_pairs']} | {r['min_sectors_at_table']} | {r['tables_below_3_sectors']} "
            f"| {r['area_repeats']} | {r['overfull_tables']} | {r.get('seconds', '')} |"
        )

    print(
        "\n| hosted workshop | solver | repeated pairs | lower bound | area repeats | overfull tables | s |"
    )
    print("|---|---|---|---|---|---|---|")
    for r in hosted:
        print(
            f"| {r['scenario']} | {r['solver']} | {r['repeated_pairs']} | {r['bound']} "
            f"| {r['area_repeats']} | {r['overfull_tables']} | {r.get('seconds', '')} |"
        )


if __name__ == "__main__":
    main()
