"""Command line of the matching engine.

``python -m sache.engine.matching rank --orgs ORGS.jsonl --queries QUERIES.jsonl
[--history PROJECTS.jsonl] [--exclude-coordinator] --top 100 --out RANKING.jsonl``

Input records follow ``shared/data/matching/README.md`` (CORDIS: ``profile``,
``type``, ``country``, ``n_train_projects``; queries: ``text``, ``topics``,
``coordinator``); product-shaped records (``texts`` with ``language``,
``kind``, ``region``, ``sectors``, ``competences``, ...) are read as well.
Output: one line per query, ``{"query_id": ..., "ranking": [org ids]}``.
The ``relevant`` field of queries is never read.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections.abc import Iterable, Iterator, Mapping, Sequence
from pathlib import Path
from typing import Any

from sache.engine.embeddings import CachedEncoder, VectorCache, load_encoder
from sache.engine.matching.index import MatchingIndex
from sache.engine.matching.records import LocalizedText, MatchQuery, OrgRecord
from sache.engine.matching.text import guess_language

__all__ = ["main", "org_from_json", "query_from_json", "read_jsonl", "build_index"]


def read_jsonl(path: str | Path) -> Iterator[dict[str, Any]]:
    """Yield the JSON objects of a JSON-lines file, skipping blank lines."""
    with open(path, encoding="utf-8") as lines:
        for number, line in enumerate(lines, start=1):
            if not line.strip():
                continue
            try:
                yield json.loads(line)
            except json.JSONDecodeError as error:
                raise ValueError(
                    f"{path}, line {number}: not a JSON object ({error.msg})"
                ) from None


def _texts(record: Mapping[str, Any], *fields: str) -> tuple[LocalizedText, ...]:
    texts = []
    for item in record.get("texts", ()):
        if isinstance(item, str):
            texts.append(LocalizedText(item, guess_language(item)))
        elif item.get("text"):
            texts.append(
                LocalizedText(item["text"], item.get("language") or guess_language(item["text"]))
            )
    for name in fields:
        text = record.get(name)
        if text:
            texts.append(LocalizedText(text, record.get("language") or guess_language(text)))
    return tuple(texts)


def _coordinates(record: Mapping[str, Any]) -> tuple[float, float] | None:
    value = record.get("coordinates")
    if value and len(value) == 2:
        return (float(value[0]), float(value[1]))
    return None


def org_from_json(
    record: Mapping[str, Any], *, tags: Iterable[str] = (), track_record: int | None = None
) -> OrgRecord:
    """An :class:`OrgRecord` from a CORDIS or product-shaped JSON object."""
    if track_record is None:
        track_record = int(record.get("n_train_projects", record.get("track_record", 0)) or 0)
    return OrgRecord(
        id=str(record["id"]),
        kind=str(record.get("kind") or record.get("type") or ""),
        name=str(record.get("name") or ""),
        sectors=tuple(record.get("sectors", ())),
        region=str(record.get("region") or record.get("country") or ""),
        coordinates=_coordinates(record),
        languages=tuple(record.get("languages", ())),
        texts=_texts(record, "profile", "text"),
        competences=tuple(record.get("competences", ())),
        published=bool(record.get("published", True)),
        member_ids=tuple(str(m) for m in record.get("member_ids", ())),
        track_record=track_record,
        tags=tuple(sorted(set(tags) | set(record.get("tags", ())))),
    )


def query_from_json(record: Mapping[str, Any], *, posted_by_coordinator: bool) -> MatchQuery:
    """A :class:`MatchQuery` from a query object; ``relevant`` is not read.

    The coordinator names the asking organisation only with
    ``posted_by_coordinator`` (the ``--exclude-coordinator`` variant); in the
    plain variant the query is anonymous text.
    """
    org_id = record.get("org_id")
    if posted_by_coordinator and record.get("coordinator"):
        org_id = record["coordinator"]
    return MatchQuery(
        id=str(record["id"]),
        texts=_texts(record, "text"),
        org_id=str(org_id) if org_id else None,
        kind=str(record.get("kind") or ""),
        sectors=tuple(record.get("sectors", ())),
        region=str(record.get("region") or ""),
        coordinates=_coordinates(record),
        languages=tuple(record.get("languages", ())),
        competences=tuple(record.get("competences", ())),
        tags=tuple(record.get("topics", record.get("tags", ()))),
    )


def build_index(
    orgs: Iterable[Mapping[str, Any]],
    history: Iterable[Mapping[str, Any]] = (),
    *,
    encoder: str = "auto",
    cache: str | None = None,
    threads: int | None = None,
    weights: Mapping[str, float] | None = None,
) -> MatchingIndex:
    """Index organisations and their collaboration history from JSON objects."""
    projects = list(history)
    tags_of: dict[str, set[str]] = {}
    for project in projects:
        for org_id in project.get("orgs", ()):
            tags_of.setdefault(str(org_id), set()).update(project.get("topics", ()))
    text_encoder = None
    if encoder != "none":
        text_encoder = CachedEncoder(load_encoder(encoder, num_threads=threads), VectorCache(cache))
    index = MatchingIndex(text_encoder, weights=weights)
    index.add_many(org_from_json(r, tags=tags_of.get(str(r["id"]), ())) for r in orgs)
    for project in projects:
        index.add_collaboration(str(org_id) for org_id in project.get("orgs", ()))
    if text_encoder is not None and cache:
        text_encoder.cache.save()
    return index


def _rank(args: argparse.Namespace) -> int:
    started = time.perf_counter()
    history = list(read_jsonl(args.history)) if args.history else []
    index = build_index(
        read_jsonl(args.orgs), history, encoder=args.encoder, cache=args.cache, threads=args.threads
    )
    indexed = time.perf_counter()
    queries = [
        query_from_json(record, posted_by_coordinator=args.exclude_coordinator)
        for record in read_jsonl(args.queries)
    ]
    with open(args.out, "w", encoding="utf-8") as out:
        for query in queries:
            ranking = index.rank(
                query, top=args.top, explain=False, exposure_weight=args.exposure_weight
            )
            line = {"query_id": query.id, "ranking": [r.org_id for r in ranking]}
            out.write(json.dumps(line) + "\n")
    if index.encoder is not None and args.cache:
        index.encoder.cache.save()
    finished = time.perf_counter()
    print(
        f"indexed {len(index)} organisations in {indexed - started:.1f} s, ranked "
        f"{len(queries)} queries in {finished - indexed:.1f} s "
        f"({1000 * (finished - indexed) / max(len(queries), 1):.1f} ms/query)",
        file=sys.stderr,
    )
    return 0


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m sache.engine.matching", description="Partner matching engine."
    )
    commands = parser.add_subparsers(dest="command", required=True)
    rank = commands.add_parser("rank", help="rank organisations for each query")
    rank.add_argument("--orgs", required=True, help="organisations, JSON lines")
    rank.add_argument("--queries", required=True, help="queries, JSON lines")
    rank.add_argument("--history", help="earlier projects, JSON lines with 'orgs' and 'topics'")
    rank.add_argument(
        "--exclude-coordinator",
        action="store_true",
        help="treat each query's coordinator as the asking organisation and leave it out",
    )
    rank.add_argument("--top", type=int, default=100, help="ranking length")
    rank.add_argument("--out", required=True, help="output JSON lines")
    rank.add_argument(
        "--encoder", default="auto", help="auto, e5, use, hashing, none or a model directory"
    )
    rank.add_argument("--cache", help="vector cache file (.npz) to reuse and update")
    rank.add_argument("--threads", type=int, help="threads of the text encoder")
    rank.add_argument(
        "--exposure-weight", type=float, default=0.0, help="exposure control strength (0: off)"
    )
    args = parser.parse_args(argv)
    try:
        return _rank(args)
    except (OSError, ValueError) as error:
        print(f"error: {error}", file=sys.stderr)
        return 2
    except KeyError as error:
        print(f"error: a record lacks the field {error}", file=sys.stderr)
        return 2
