"""Server time of every insight page on a large hub, the PDF report's render time and the refresh.

Usage (from the repository root; the database must hold a demo hub with its generated
activity, which ``sache seed-demo`` adds in proportion to ``--orgs``):

    DATABASE_URL=sqlite:////work/cache/hub100k.sqlite3 sache seed-demo --orgs 100000 --seed 1 --no-progress
    DATABASE_URL=sqlite:////work/cache/hub100k.sqlite3 .venv/bin/python bench/insights/run.py [--requests 60] [--refresh]

``--refresh`` first times ``refresh_insights()`` (the background task's work). Each page
is then requested in-process through the Django test client (server time without the
network) with filters drawn at random, with a fixed seed, from the filter form's own
choices: no filter, a period, a country or NUTS 2 region, or both. The baseline in the
same run is the old way, counting live over the domain tables (a few requests).
Prints Markdown tables and the load average.
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "src"))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "sache.config.settings.dev")
os.environ.setdefault("LOG_LEVEL", "WARNING")

PERIODS = [("", ""), ("2024-01-01", "2024-12-31"), ("2025-06-01", ""), ("", "2025-05-31"), ("2025-03-15", "2025-11-20")]


def _filters(rng: random.Random, count: int) -> list[dict[str, str]]:
    from sache.insights.filters import InsightFilterForm

    form = InsightFilterForm()
    choices = [code for code, _label in form.fields["region"].choices]
    regions = ["", "", "PL", "PL82", *rng.sample([code for code in choices if code], 6)]
    programmes = [str(code) for code, _label in form.fields["programme"].choices if code]
    found = []
    for _index in range(count):
        start, end = rng.choice(PERIODS)
        # A third of the filters choose a programme (when the hub has any).
        programme = rng.choice(programmes) if programmes and rng.random() < 1 / 3 else ""
        found.append({key: value for key, value in {"region": rng.choice(regions), "start": start, "end": end, "programme": programme}.items() if value})
    return found


def _programme_filters(rng: random.Random, count: int) -> list[dict[str, str]]:
    """Filters that always choose a programme (and, like the others, a period and a region at random)."""
    from sache.insights.filters import InsightFilterForm

    programmes = [str(code) for code, _label in InsightFilterForm().fields["programme"].choices if code]
    return [{**params, "programme": rng.choice(programmes)} for params in _filters(rng, count)] if programmes else []


def _percentile(samples: list[float], share: float) -> float:
    ordered = sorted(samples)
    return ordered[min(len(ordered) - 1, int(round(share * (len(ordered) - 1))))]


def time_pages(requests: int, seed: int, *, cold: bool) -> list[tuple[str, float, float, float, float, float]]:
    """``cold``: empty the cache before every request, so each one computes its page from the aggregates."""
    from django.core.cache import cache
    from django.test import Client

    from sache.accounts.models import User
    from sache.insights.models import NetworkNode

    client = Client(HTTP_HOST="localhost")
    operator, _created = User.objects.get_or_create(email="bench-operator@example.org", defaults={"is_operator": True})
    client.force_login(operator)
    rng = random.Random(seed)
    filters = _filters(rng, requests)
    with_programme = _programme_filters(random.Random(seed + 7), requests) or filters
    busiest = list(NetworkNode.objects.order_by("-degree").values_list("organisation_id", "name")[:200])
    pages = {
        "dashboard /insights/": lambda i: ("/insights/", filters[i]),
        "dashboard, programme filter": lambda i: ("/insights/", with_programme[i]),
        "network /insights/network/": lambda i: ("/insights/network/", filters[i]),
        "network, search ?q=": lambda i: ("/insights/network/", {"q": rng.choice(busiest)[1].split()[0][:6]}),
        "network, focus ?focus=": lambda i: ("/insights/network/", {"focus": str(rng.choice(busiest)[0])}),
        "network, programme filter": lambda i: ("/insights/network/", with_programme[i]),
        "map /insights/map/": lambda i: ("/insights/map/", filters[i]),
        "export CSV (region table)": lambda i: ("/insights/export/organisations-by-region.csv", filters[i]),
        "export XLSX (meetings)": lambda i: ("/insights/export/meetings.xlsx", filters[i]),
    }
    rows = []
    for name, make in pages.items():
        url, params = make(0)
        client.get(url, params)  # warm-up: imports, template compilation
        wall, cpu = [], []
        for index in range(requests):
            url, params = make(index)
            if cold:
                cache.clear()
            began, began_cpu = time.perf_counter(), time.process_time()
            response = client.get(url, params)
            wall.append((time.perf_counter() - began) * 1000)
            cpu.append((time.process_time() - began_cpu) * 1000)
            assert response.status_code == 200, (url, params, response.status_code)
        rows.append((name, statistics.median(wall), _percentile(wall, 0.95), max(wall), statistics.median(cpu), _percentile(cpu, 0.95)))
    reports = []
    report_filters = [{}, {"region": "PL82"}, {"start": "2025-01-01", "end": "2025-12-31"}, *with_programme[:1]]
    for params in report_filters:
        cache.clear()
        began, began_cpu = time.perf_counter(), time.process_time()
        response = client.get("/insights/report.pdf", params)
        assert response.status_code == 200 and response.content.startswith(b"%PDF")
        reports.append(((time.perf_counter() - began) * 1000, (time.process_time() - began_cpu) * 1000))
    rows.append((f"PDF report ({len(report_filters)} filters)", statistics.median(w for w, _c in reports), max(w for w, _c in reports), max(w for w, _c in reports),
                 statistics.median(c for _w, c in reports), max(c for _w, c in reports)))
    return rows


def time_live_baseline(count: int, seed: int) -> tuple[float, float]:
    """The dashboard's tables counted live over the domain tables (the way before aggregates)."""
    from sache.insights import selectors
    from sache.insights.filters import InsightFilterForm

    samples = []
    for params in _filters(random.Random(seed + 1), count):
        flt = InsightFilterForm(params).to_filter()
        began = time.perf_counter()
        selectors.dashboard_tables(flt)
        selectors.headline(flt)
        samples.append((time.perf_counter() - began) * 1000)
    return statistics.median(samples), max(samples)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--requests", type=int, default=60)
    parser.add_argument("--baseline", type=int, default=5, help="live-count dashboards to time as the baseline (0: skip)")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--refresh", action="store_true", help="time a full refresh of the aggregate tables first")
    parser.add_argument("--parts", action="store_true", help="time a refresh of each part alone (what one kind of write asks for), then stop")
    args = parser.parse_args()
    import django

    django.setup()
    from django.db import connection

    from sache.directory.models import Organisation
    from sache.events.models import Meeting
    from sache.insights.models import InsightFact, NetworkEdge
    from sache.insights.refresh import current_state, refresh_insights
    from sache.partnerships.models import Partnership

    print(f"database: {connection.vendor}; organisations {Organisation.objects.count():,}, meetings {Meeting.objects.count():,}, "
          f"partnerships {Partnership.objects.count():,}; load average {os.getloadavg()[0]:.1f}")
    if args.parts:
        from sache.insights.refresh import EVERYTHING

        print("\n| part refreshed alone | wall s | CPU s |\n|---|---|---|")
        for part in sorted(EVERYTHING):
            began, began_cpu = time.perf_counter(), time.process_time()
            refresh_insights(only={part})
            print(f"| {part} | {time.perf_counter() - began:.1f} | {time.process_time() - began_cpu:.1f} |")
        print(f"\nload average after: {' '.join(f'{value:.1f}' for value in os.getloadavg())}")
        return
    if args.refresh or current_state() is None or current_state().refreshed_at is None:
        began, began_cpu = time.perf_counter(), time.process_time()
        state = refresh_insights()
        print(f"refresh: {time.perf_counter() - began:.1f} s wall, {time.process_time() - began_cpu:.1f} s CPU, "
              f"{state.facts:,} facts, {NetworkEdge.objects.count():,} network edges; load average {os.getloadavg()[0]:.1f}")
    else:
        print(f"aggregates: {InsightFact.objects.count():,} facts, refreshed {current_state().refreshed_at:%Y-%m-%d %H:%M}")
    for cold in (True, False):
        print("\n" + ("Cold: cache emptied before every request (each page computed from the aggregate tables)" if cold
                      else "Warm: pages cached per refresh, as in production (the first request per filter computes it)"))
        print(f"load average before: {os.getloadavg()[0]:.1f}")
        print("\n| page | p50 ms | p95 ms | max ms | CPU p50 / p95 ms |\n|---|---|---|---|---|")
        for name, p50, p95, worst, cpu50, cpu95 in time_pages(args.requests, args.seed, cold=cold):
            print(f"| {name} | {p50:.0f} | {p95:.0f} | {worst:.0f} | {cpu50:.0f} / {cpu95:.0f} |")
        print(f"\nload average after the pages: {' '.join(f'{value:.1f}' for value in os.getloadavg())}")
    if args.baseline:
        p50, worst = time_live_baseline(args.baseline, args.seed)
        print(f"baseline, dashboard counted live ({args.baseline} filters): p50 {p50:.0f} ms, max {worst:.0f} ms; "
              f"load average {os.getloadavg()[0]:.1f}")


if __name__ == "__main__":
    main()
