"""Benchmark of theme synthesis: adjusted Rand index against a hand-made grouping.

    python bench/themes/run.py [CONTRIBUTIONS.jsonl ...] [--encoders e5,hashing]

Each contributions file (default: ``contributions.jsonl`` and
``heldout.jsonl`` beside this script) holds World Café notes with a ``theme``
field, the grouping a facilitator would make. The runner calls the command
line of ``sache.engine.themes`` (the contract the app relies on), which never
sees the ``theme`` field's meaning (unknown fields are ignored), and reports
the adjusted Rand index (ARI) per area, the mean over areas and the time.

Then, for smaller areas, the same notes restricted to Polish and English
and to Polish, English and German (8 to 22 notes per area; e5 only).

Rows per encoder:

* ``ours``: the default pipeline (language centring, k by the mean silhouette);
* ``Mojena k``: the same with k by Mojena's stopping rule;
* ``no language centring``: the same without removing language means;
* ``ours, k given``: the true number of themes per area is passed in, to
  show what choosing k costs;
* baselines that need no encoder: ``one theme per language`` (what raw
  multilingual embeddings tend to produce) and ``one theme per area``.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from collections import Counter, defaultdict
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
sys.path.insert(0, str(ROOT / "src"))

from sache.engine.themes import adjusted_rand_index  # noqa: E402


def read_records(path: Path) -> list[dict]:
    return [
        json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()
    ]


def run_cli(path: Path, encoder: str, extra: list[str]) -> tuple[dict[str, str], float]:
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "themes.json"
        env = dict(os.environ, PYTHONPATH=str(ROOT / "src"), OMP_NUM_THREADS="1")
        started = time.perf_counter()
        subprocess.run(
            [
                sys.executable,
                "-m",
                "sache.engine.themes",
                str(path),
                "--out",
                str(out),
                "--encoder",
                encoder,
                *extra,
            ],
            check=True,
            env=env,
            stderr=subprocess.DEVNULL,
        )
        seconds = time.perf_counter() - started
        return json.loads(out.read_text(encoding="utf-8"))["assignments"], seconds


def scores(
    records: list[dict], predicted: dict[str, str]
) -> tuple[dict[str, float], dict[str, int]]:
    by_area: dict[str, list[dict]] = defaultdict(list)
    for record in records:
        by_area[record["area"]].append(record)
    ari = {
        area: adjusted_rand_index([r["theme"] for r in rows], [predicted[r["id"]] for r in rows])
        for area, rows in by_area.items()
    }
    themes = {area: len({predicted[r["id"]] for r in rows}) for area, rows in by_area.items()}
    return ari, themes


def format_row(
    name: str, ari: dict[str, float], themes: dict[str, int], seconds: float | None
) -> str:
    cells = " | ".join(f"{ari[a]:.3f} ({themes[a]})" for a in ari)
    mean = sum(ari.values()) / len(ari)
    time_cell = "" if seconds is None else f"{seconds:.1f}"
    return f"| {name} | {cells} | **{mean:.3f}** | {time_cell} |"


def subset_report(path: Path, records: list[dict], areas: list[str], languages: tuple) -> None:
    subset = [r for r in records if r["language"] in languages]
    sizes = ", ".join(f"{a} {sum(r['area'] == a for r in subset)}" for a in areas)
    print(f"\n{path.name} restricted to {', '.join(languages)}: notes per area {sizes}\n")
    print("| method | " + " | ".join(areas) + " | mean ARI | seconds |")
    print("|---" * (len(areas) + 3) + "|")
    with tempfile.TemporaryDirectory() as tmp:
        subset_path = Path(tmp) / f"{path.stem}-{'-'.join(languages)}.jsonl"
        subset_path.write_text(
            "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in subset), encoding="utf-8"
        )
        for name, extra in (("e5: ours", []), ("e5: Mojena k", ["--rule", "mojena"])):
            predicted, seconds = run_cli(subset_path, "e5", extra)
            ari, themes = scores(subset, predicted)
            print(format_row(name, ari, themes, seconds))


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("files", nargs="*", type=Path)
    parser.add_argument("--encoders", default="e5,hashing")
    args = parser.parse_args()
    files = args.files or [
        p for p in (HERE / "contributions.jsonl", HERE / "heldout.jsonl") if p.exists()
    ]
    for path in files:
        records = read_records(path)
        areas = list(dict.fromkeys(r["area"] for r in records))
        true_k = {area: len({r["theme"] for r in records if r["area"] == area}) for area in areas}
        languages = Counter(r["language"] for r in records)
        print(
            f"\n### {path.name}: {len(records)} contributions, {len(areas)} areas, "
            f"languages {dict(languages.most_common())}\n"
        )
        print(
            "ARI per area (themes found in brackets); true themes per area: "
            + ", ".join(f"{a} {true_k[a]}" for a in areas)
            + "\n"
        )
        print("| method | " + " | ".join(areas) + " | mean ARI | seconds |")
        print("|---" * (len(areas) + 3) + "|")
        for encoder in args.encoders.split(","):
            predicted, seconds = run_cli(path, encoder, [])
            ari, themes = scores(records, predicted)
            print(format_row(f"{encoder}: ours", ari, themes, seconds))
            predicted, seconds = run_cli(path, encoder, ["--rule", "mojena"])
            ari, themes = scores(records, predicted)
            print(format_row(f"{encoder}: Mojena k", ari, themes, seconds))
            predicted, seconds = run_cli(path, encoder, ["--keep-language-means"])
            ari, themes = scores(records, predicted)
            print(format_row(f"{encoder}: no language centring", ari, themes, seconds))
            if len(set(true_k.values())) == 1:
                k = str(next(iter(true_k.values())))
                predicted, seconds = run_cli(path, encoder, ["--themes", k])
                ari, themes = scores(records, predicted)
                print(format_row(f"{encoder}: ours, k = {k} given", ari, themes, seconds))
        by_language = {r["id"]: f"{r['area']}/{r['language']}" for r in records}
        ari, themes = scores(records, by_language)
        print(format_row("baseline: one theme per language", ari, themes, None))
        one = {r["id"]: r["area"] for r in records}
        ari, themes = scores(records, one)
        print(format_row("baseline: one theme per area", ari, themes, None))
        if "e5" in args.encoders.split(","):
            for languages in (("en", "pl"), ("de", "en", "pl")):
                subset_report(path, records, areas, languages)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
