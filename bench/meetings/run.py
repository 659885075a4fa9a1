"""B2B benchmark: every instance of ``shared/data/b2b/instances`` through the command line.

``python bench/meetings/run.py [DATA_DIR] [--time-limit 60] [--only NAME_PART]``
runs ``python -m sache.engine.meetings`` on each instance, checks the schedule
with ``check.py`` and compares with the published optimum (read here, never by
the solver). Prints a markdown table and a summary.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
sys.path.insert(0, str(HERE))

from check import check  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("data", nargs="?", default=str(ROOT.parent / "shared" / "data"))
    parser.add_argument("--time-limit", type=float, default=60.0)
    parser.add_argument("--only", default="", help="run only instances whose name contains this")
    parser.add_argument("--exclude", default=None, help="skip instances whose name contains this")
    args = parser.parse_args()
    folder = Path(args.data) / "b2b" / "instances"
    files = sorted(
        p
        for p in folder.glob("*.json")
        if p.name != "index.json"
        and args.only in p.name
        and not (args.exclude and args.exclude in p.name)
    )
    print(f"load average at start: {' '.join(f'{x:.1f}' for x in os.getloadavg())}\n")
    print("| instance | ours | bound | status | published | paper MaxSAT s | our s | check |")
    print("|---|---|---|---|---|---|---|---|")
    hits = originals = original_hits = 0
    for path in files:
        instance = json.loads(path.read_text())
        known = instance["known_best"]
        with tempfile.TemporaryDirectory() as tmp:
            out = Path(tmp) / "schedule.json"
            started = time.monotonic()
            subprocess.run(
                [
                    sys.executable,
                    "-m",
                    "sache.engine.meetings",
                    str(path),
                    "--out",
                    str(out),
                    "--time-limit",
                    str(args.time_limit),
                ],
                check=True,
                capture_output=True,
                env={"PYTHONPATH": str(ROOT / "src")},
            )
            seconds = time.monotonic() - started
            result = json.loads(out.read_text())
        if result["status"] == "infeasible":
            verdict, ours = "-", "infeasible"
            hit = known["status"] == "infeasible"
        elif result["slots"]:
            errors, breaks, _ = check(instance, result, require_all=True)
            verdict = "ok" if not errors else "FAIL: " + errors[0]
            ours = breaks
            hit = (
                not errors
                and known["status"] == "optimal"
                and breaks == known["value"]
                and result["status"] == "optimal"
            )
        else:
            verdict, ours, hit = "-", "none", False
        hit = hit and seconds <= args.time_limit + 5
        hits += hit
        if path.name.endswith(".original.json"):
            originals += 1
            original_hits += hit
        published = known["value"] if known["status"] == "optimal" else "infeasible"
        print(
            f"| {path.stem} | {ours} | {result['bound']} | {result['status']} | {published} | "
            f"{known.get('solve_time_s_paper')} | {seconds:.1f} | {verdict}{'' if hit else ' (miss)'} |",
            flush=True,
        )
    print(
        f"\nproven published optimum or infeasibility: {hits}/{len(files)}; originals {original_hits}/{originals}"
    )
    print(f"load average at the end: {' '.join(f'{x:.1f}' for x in os.getloadavg())}")


if __name__ == "__main__":
    main()
