"""Server time of the insight dashboards on a large hub, and the PDF report's render time.

Usage (from the repository root; the database must already hold a hub, e.g.
``sache seed-demo --orgs 100000 --seed 1``):

    DATABASE_URL=sqlite:////tmp/hub100k.sqlite3 .venv/bin/python bench/insights/run.py [--partnerships 3000] [--requests 40]

It first adds generated partnership activity (idempotent: skipped when the hub
already has that many partnerships), then times each dashboard page in-process
(Django test client, so the figure is server time without network) over varied
filters, and renders the PDF report. Prints a Markdown table.
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


def add_activity(partnerships: int, seed: int) -> None:
    from sache.accounts.models import User
    from sache.directory.enums import CREATIVE_KINDS, HERITAGE_KINDS
    from sache.directory.models import Organisation
    from sache.partnerships import services
    from sache.partnerships.enums import STAGE_ORDER, OutcomeKind
    from sache.partnerships.models import Partnership

    existing = Partnership.objects.count()
    if existing >= partnerships:
        print(f"hub already has {existing} partnerships")
        return
    rng = random.Random(seed)
    heritage = list(Organisation.objects.filter(kind__in=HERITAGE_KINDS, publication="published").values_list("id", flat=True)[:20000])
    creative = list(Organisation.objects.filter(kind__in=CREATIVE_KINDS, publication="published").values_list("id", flat=True)[:20000])
    actor = User.objects.filter(is_operator=True).first()
    started = time.perf_counter()
    for number in range(existing, partnerships):
        lead = Organisation.objects.get(pk=rng.choice(heritage))
        partner = Organisation.objects.get(pk=rng.choice(creative))
        partnership = services.open_partnership(title=f"Pilot {number}", lead=lead, partners=[partner], actor=actor)
        for _step in range(rng.choice([0, 0, 1, 1, 2, 3, 4])):
            for code in services.missing_required_items(partnership):
                services.set_checklist_item(partnership, code, done=True, actor=actor)
            partnership = services.advance_stage(partnership, actor=actor)
        if partnership.stage in (STAGE_ORDER[3], STAGE_ORDER[4]):
            services.record_outcome(partnership, kind=OutcomeKind.PRODUCT, description="App", actor=actor)
    print(f"added {partnerships - existing} partnerships in {time.perf_counter() - started:.0f} s")


def time_pages(requests: int, seed: int) -> list[tuple[str, float, float, float]]:
    from django.test import Client

    from sache.accounts.models import User

    client = Client()
    operator, _created = User.objects.get_or_create(email="bench-operator@example.org", defaults={"is_operator": True})
    client.force_login(operator)
    rng = random.Random(seed)
    regions = ["", "PL", "PL82", "PL823", "SK04", "HU31", "CZ08", "AT", "DE2"]
    periods = [("", ""), ("2024-01-01", "2024-12-31"), ("2025-06-01", ""), ("", "2025-05-31")]
    pages = {"dashboard": "/insights/", "network": "/insights/network/", "map": "/insights/map/"}
    rows = []
    for name, url in pages.items():
        client.get(url)  # warm-up: imports, template compilation
        samples = []
        for _request in range(requests):
            start, end = rng.choice(periods)
            params = {"region": rng.choice(regions), "start": start, "end": end}
            began = time.perf_counter()
            response = client.get(url, params)
            samples.append((time.perf_counter() - began) * 1000)
            assert response.status_code == 200, (url, response.status_code)
        samples.sort()
        rows.append((name, statistics.median(samples), samples[int(0.95 * (len(samples) - 1))], max(samples)))
    began = time.perf_counter()
    response = client.get("/insights/report.pdf")
    assert response.status_code == 200
    rows.append(("PDF report", (time.perf_counter() - began) * 1000, float("nan"), float("nan")))
    return rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--partnerships", type=int, default=3000)
    parser.add_argument("--requests", type=int, default=40)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    import django

    django.setup()
    from django.db import connection

    from sache.directory.models import Organisation

    add_activity(args.partnerships, args.seed)
    print(f"database: {connection.vendor}, organisations: {Organisation.objects.count()}")
    print("| page | p50 ms | p95 ms | max ms |\n|---|---|---|---|")
    for name, p50, p95, worst in time_pages(args.requests, args.seed):
        print(f"| {name} | {p50:.0f} | {p95:.0f} | {worst:.0f} |")


if __name__ == "__main__":
    main()
