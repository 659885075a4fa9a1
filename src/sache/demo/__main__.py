"""Command line: ``python -m sache.demo --orgs 1000 --seed 1 [--out hub.jsonl]``.

Writes one JSON object per record (``{"type": "org", ...fields}``) to the
output file or standard output; ``--summary`` prints record counts and the
generation time instead.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections import Counter
from dataclasses import asdict

from sache.demo.generator import iter_hub

__all__ = ["main"]

_TYPE_NAMES = {"OrgRecord": "org", "PersonRecord": "person", "NeedRecord": "need", "OfferRecord": "offer",
               "AssetRecord": "asset", "ProductRecord": "product"}


def main(argv: list[str] | None = None) -> int:
    """Parse arguments, generate the hub and write it; returns the exit status."""
    parser = argparse.ArgumentParser(prog="python -m sache.demo", description=__doc__.split("\n\n")[0])
    parser.add_argument("--orgs", type=int, default=1000, help="number of organisations (default 1000)")
    parser.add_argument("--seed", type=int, default=1, help="random seed (default 1)")
    parser.add_argument("--out", help="JSON lines file to write (default: standard output)")
    parser.add_argument("--summary", action="store_true", help="print counts and time instead of records")
    args = parser.parse_args(argv)

    started = time.perf_counter()
    if args.summary:
        counts = Counter(_TYPE_NAMES[type(record).__name__] for record in iter_hub(args.orgs, args.seed))
        elapsed = time.perf_counter() - started
        print(json.dumps({"orgs": args.orgs, "seed": args.seed, "counts": dict(sorted(counts.items())),
                          "records": sum(counts.values()), "seconds": round(elapsed, 2)}))
        return 0
    stream = open(args.out, "w", encoding="utf-8") if args.out else sys.stdout  # noqa: SIM115
    try:
        for record in iter_hub(args.orgs, args.seed):
            row = {"type": _TYPE_NAMES[type(record).__name__], **asdict(record)}
            stream.write(json.dumps(row, ensure_ascii=False))
            stream.write("\n")
    finally:
        if args.out:
            stream.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
