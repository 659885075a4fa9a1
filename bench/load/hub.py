"""Database side of the load benchmark: build the event, and count what arrived.

``python bench/load/hub.py seed --users N --out FILE`` (Django settings from the
environment) creates a published event with N approved participants (one organisation,
user and directory person each) and logs every user in (sessions written to the
database, no password hashing on the clock). It writes the sessions and registration
ids to FILE. ``hub.py enqueue --jobs M --job-ms T --seed FILE`` queues M ``record_job`` jobs.

``python bench/load/hub.py check --seed FILE`` prints, as JSON, what the database holds:
meeting requests of the event, pairs with more than one live meeting, the task queue by
status and the exactly-once counters of the jobs.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path[:0] = [str(ROOT / "src"), str(ROOT)]
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "sache.config.settings.production")

import django  # noqa: E402

django.setup()

from bench.load.jobs import record_job, recorded_keys  # noqa: E402
from django.contrib.auth import get_user_model  # noqa: E402
from django.db import transaction  # noqa: E402
from django.test import Client  # noqa: E402

from sache.directory.enums import OrganisationKind, Publication  # noqa: E402
from sache.directory.models import Organisation, Person  # noqa: E402
from sache.events.enums import EventPublication, RegistrationStatus  # noqa: E402
from sache.events.models import Event, Meeting, Registration  # noqa: E402
from sache.events.services.meetings import ACTIVE  # noqa: E402

SLUG = "load-test-matchmaking"


def seed(users: int, out: Path) -> None:
    User = get_user_model()  # noqa: N806
    kinds = [OrganisationKind.MUSEUM, OrganisationKind.CREATIVE_BUSINESS]
    with transaction.atomic():
        event = Event.objects.create(slug=SLUG, title="Load test matchmaking", publication=EventPublication.PUBLISHED)
        people = []
        for number in range(users):
            organisation = Organisation.objects.create(
                name=f"Load organisation {number:03d}", slug=f"load-organisation-{number:03d}",
                kind=kinds[number % 2], publication=Publication.PUBLISHED, region="PL823", city="Rzeszów",
            )
            user = User.objects.create_user(f"load{number:03d}@example.org", None)  # unusable password
            person = Person.objects.create(organisation=organisation, user=user, first_name="Load", last_name=f"{number:03d}")
            registration = Registration.objects.create(event=event, organisation=organisation, status=RegistrationStatus.APPROVED)
            registration.representatives.add(person)
            people.append((user, registration))
    sessions = []
    for user, registration in people:
        client = Client()
        client.force_login(user)
        sessions.append({"session": client.cookies["sessionid"].value, "registration": registration.pk})
    out.write_text(json.dumps({"event": SLUG, "users": sessions}))


def enqueue(jobs: int, job_ms: int, seed_file: Path) -> None:
    for number in range(jobs):
        record_job.enqueue(key=f"job-{number:05d}", work_ms=job_ms)
    seeded = json.loads(seed_file.read_text())
    seed_file.write_text(json.dumps({**seeded, "jobs": jobs}))


def check(seed_file: Path) -> dict:
    from django_tasks_db.models import DBTaskResult  # noqa: PLC0415

    seeded = json.loads(seed_file.read_text())
    event = Event.objects.get(slug=seeded["event"])
    meetings = list(Meeting.objects.filter(event=event).values_list("requester_id", "recipient_id", "status"))
    live = Counter(frozenset((a, b)) for a, b, status in meetings if status in ACTIVE)
    results = DBTaskResult.objects.all()
    by_task: dict[str, Counter] = {}
    for path, status in results.values_list("task_path", "status"):
        by_task.setdefault(path.rsplit(".", 1)[-1], Counter())[status] += 1
    keys = recorded_keys()
    return {
        "meetings": len(meetings),
        "pairs_with_two_live_meetings": sum(1 for count in live.values() if count > 1),
        "tasks": {name: dict(counter) for name, counter in sorted(by_task.items())},
        "redelivered_tasks": sum(1 for ids in results.values_list("worker_ids", flat=True) if len(ids or []) > 1),
        "jobs_queued": seeded["jobs"],
        "job_rows": len(keys),
        "job_distinct_keys": len(set(keys)),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    sub = parser.add_subparsers(dest="command", required=True)
    seeding = sub.add_parser("seed")
    seeding.add_argument("--users", type=int, default=200)
    seeding.add_argument("--out", type=Path, required=True)
    queueing = sub.add_parser("enqueue")
    queueing.add_argument("--jobs", type=int, default=200)
    queueing.add_argument("--job-ms", type=int, default=500)
    queueing.add_argument("--seed", type=Path, required=True)
    checking = sub.add_parser("check")
    checking.add_argument("--seed", type=Path, required=True)
    args = parser.parse_args()
    if args.command == "seed":
        seed(args.users, args.out)
    elif args.command == "enqueue":
        enqueue(args.jobs, args.job_ms, args.seed)
    else:
        print(json.dumps(check(args.seed)))  # noqa: T201


if __name__ == "__main__":
    main()
