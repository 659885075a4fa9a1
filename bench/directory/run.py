"""Server time of the directory's search list page (a query plus two facets).

Renders ``/organisations/?q=<word>&<facet>=<value>&<facet>=<value>`` in-process
through Django's test client (middleware, selectors, templates: everything but the
network) for many varied queries, and reports p50/p95/max in milliseconds.

The database must already hold the demo hub::

    DATABASE_URL=sqlite:////abs/path/bench.sqlite3 sache migrate
    DATABASE_URL=sqlite:////abs/path/bench.sqlite3 sache seed-demo --orgs 100000 --seed 2026
    DATABASE_URL=sqlite:////abs/path/bench.sqlite3 python bench/directory/run.py --requests 400

Query words are drawn (with a fixed seed) from the search documents of random
organisations, so they range from very common ("muzeum") to rare (a surname);
facet pairs are drawn from the values the unfiltered page offers.
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import sys
import time
from dataclasses import replace
from urllib.parse import parse_qs, urlsplit

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "sache.config.settings.dev")
# DEBUG off: no query log kept in memory, templates cached, as in production.
os.environ["DEBUG"] = "0"
os.environ.setdefault("SECRET_KEY", "bench-only-" + "x" * 50)
os.environ.setdefault("ALLOWED_HOSTS", "testserver")
os.environ.setdefault("LOG_LEVEL", "WARNING")

import django  # noqa: E402

django.setup()

from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402

from sache.directory import facet_index, selectors  # noqa: E402
from sache.directory.models import Organisation  # noqa: E402
from sache.directory.text import tokens  # noqa: E402

FACET_PAIRS = [("kind", "region"), ("sector", "language"), ("kind", "sector"), ("region", "language")]


def _words(rng: random.Random, count: int) -> list[str]:
    ids = list(Organisation.objects.filter(publication="published").values_list("id", flat=True))
    sample = rng.sample(ids, min(len(ids), count))
    documents = dict(Organisation.objects.filter(id__in=sample).values_list("id", "search_document"))
    words = []
    for org_id in sample:
        candidates = [word for word in tokens(documents[org_id]) if len(word) >= 4]
        if candidates:
            words.append(rng.choice(candidates))
    return words


def _urls(rng: random.Random, count: int) -> list[str]:
    """A word, then two facet values a visitor could click on that word's result page."""
    urls = []
    for index, word in enumerate(_words(rng, count)):
        first, second = FACET_PAIRS[index % len(FACET_PAIRS)]
        facets = {facet.param: facet.values for facet in selectors.browse("organisation", None, query=word).facets}
        if not facets[first] or not facets[second]:
            first, second = "kind", "language"
        pick = {name: rng.choice(facets[name]).value if facets[name] else "" for name in (first, second)}
        urls.append(f"/organisations/?q={word}&{first}={pick[first]}&{second}={pick[second]}")
    return urls


def _percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--requests", type=int, default=400)
    parser.add_argument("--warmup", type=int, default=30)
    parser.add_argument("--seed", type=int, default=11)
    parser.add_argument("--sqlite-cache-mb", type=int, default=0, help="try a larger SQLite page cache (and mmap)")
    parser.add_argument(
        "--baseline",
        action="store_true",
        help="also time every URL with the facet counts in SQL (one pass per facet), interleaved, as a baseline",
    )
    args = parser.parse_args(argv)
    if args.sqlite_cache_mb and connection.vendor == "sqlite":
        with connection.cursor() as cursor:
            cursor.execute(f"PRAGMA cache_size=-{args.sqlite_cache_mb * 1024}")
            cursor.execute(f"PRAGMA mmap_size={args.sqlite_cache_mb * 1024 * 1024}")

    rng = random.Random(args.seed)
    organisations = Organisation.objects.count()
    urls = _urls(rng, args.requests + args.warmup)
    # Picking the URLs ran every word once: forget the index and its cached matches, so
    # only words that really come back within the run are served from memory.
    facet_index.clear()
    words = [parse_qs(urlsplit(url).query)["q"][0] for url in urls]
    repeated = sum(word in words[:index] for index, word in enumerate(words) if index >= args.warmup)
    client = Client()
    indexed = selectors.BROWSE["organisation"]
    variants = {"indexed": indexed}
    if args.baseline:
        variants["sql-counts"] = replace(indexed, indexed=False)
    timings = {name: [] for name in variants}
    cpu = {name: [] for name in variants}
    totals = []
    for index, url in enumerate(urls):
        # Alternate which variant goes first, so neither always meets a cache the other warmed.
        names = list(variants) if index % 2 == 0 else list(reversed(variants))
        for name in names:
            selectors.BROWSE["organisation"] = variants[name]
            try:
                start, start_cpu = time.perf_counter(), time.process_time()
                response = client.get(url)
                elapsed = (time.perf_counter() - start) * 1000
                elapsed_cpu = (time.process_time() - start_cpu) * 1000
            finally:
                selectors.BROWSE["organisation"] = indexed
            if response.status_code != 200:
                print(f"{url} -> {response.status_code}", file=sys.stderr)
                return 1
            if index >= args.warmup:
                timings[name].append(elapsed)
                cpu[name].append(elapsed_cpu)
        if index >= args.warmup:
            query = parse_qs(urlsplit(url).query)
            totals.append(
                selectors.browse("organisation", None, query=query.pop("q")[0], params=query).results.count()
            )
    print(f"database: {connection.vendor}, organisations: {organisations}, requests: {len(totals)}")
    print(f"results per query: median {statistics.median(totals):.0f}, max {max(totals)}, zero {totals.count(0)}")
    print(f"words already searched earlier in the run (warm-up included): {repeated}")
    for name in variants:
        print(
            f"[{name}] server time ms: p50 {_percentile(timings[name], 0.5):.1f}  "
            f"p95 {_percentile(timings[name], 0.95):.1f}  max {max(timings[name]):.1f}  "
            f"mean {statistics.fmean(timings[name]):.1f}"
        )
        # CPU time of this process (Django and, on SQLite, the database): the part a busy machine cannot inflate.
        print(f"[{name}] process CPU ms: p50 {_percentile(cpu[name], 0.5):.1f}  p95 {_percentile(cpu[name], 0.95):.1f}")
    print(f"load average: {' '.join(f'{value:.2f}' for value in os.getloadavg())}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
