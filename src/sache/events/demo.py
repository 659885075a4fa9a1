"""Demo activity of events: one matchmaking event in Rzeszów with requests and a schedule.

Called by ``sache seed-demo`` after the directory is loaded. Idempotent: the event is
keyed by its slug, registrations by organisation, and requests are created once; the
demo logins' organisations (museum@ and studio@) always take part and meet each other.
Deterministic for a seed.
"""

from __future__ import annotations

import random
from datetime import date, time
from typing import Any

from django.db import connection, transaction
from tqdm import tqdm

from sache.directory.enums import CREATIVE_KINDS, HERITAGE_KINDS, Publication
from sache.directory.models import Organisation, Person
from sache.events.enums import (
    EventFormat,
    EventKind,
    EventPublication,
    MeetingStatus,
    Priority,
    RegistrationStatus,
    RunStatus,
)
from sache.events.models import Event, Meeting, Registration
from sache.events.services import events as event_services
from sache.events.services import schedule as schedule_services

DEMO_SLUG = "rzeszow-heritage-meets-creative-2026"
DEMO_ACCOUNT_EMAILS = ("museum@demo.sache.example.org", "studio@demo.sache.example.org")
PARTICIPANTS = 36
TABLES = 12


def _demo_organisations(seed: int) -> list[Organisation]:
    """About half heritage institutions, half creative firms, Podkarpackie first."""
    rng = random.Random(seed)
    published = Organisation.objects.filter(publication=Publication.PUBLISHED).order_by("external_id", "id")
    heritage = list(published.filter(kind__in=HERITAGE_KINDS).values_list("id", "region"))
    creative = list(published.filter(kind__in=CREATIVE_KINDS).values_list("id", "region"))
    chosen: list[int] = []
    for pool in (heritage, creative):
        local = [pk for pk, region in pool if region.startswith("PL82")]
        others = [pk for pk, region in pool if not region.startswith("PL82")]
        rng.shuffle(local)
        rng.shuffle(others)
        chosen.extend((local + others)[: PARTICIPANTS // 2])
    account_orgs = Person.objects.filter(user__email__in=DEMO_ACCOUNT_EMAILS).values_list("organisation_id", flat=True)
    ids = list(dict.fromkeys([*account_orgs, *chosen]))
    by_id = Organisation.objects.in_bulk(ids)
    return [by_id[pk] for pk in ids if pk in by_id]


def _event() -> Event:
    event = Event.objects.filter(slug=DEMO_SLUG).first()
    if event is not None:
        return event
    event = Event.objects.create(
        slug=DEMO_SLUG,
        title="Rzeszów: Heritage meets Creative 2026",
        kind=EventKind.MATCHMAKING,
        format=EventFormat.HYBRID,
        language="pl",
        description=(
            "Spotkania B2B instytucji dziedzictwa Podkarpacia z firmami kreatywnymi i technologicznymi: "
            "krótkie prezentacje, a potem zaplanowane rozmowy 1:1 przy stolikach."
        ),
        venue="Zamek Lubomirskich",
        address="pl. Śreniawitów 3, 35-959 Rzeszów",
        online_url="https://meet.example.org/rzeszow-b2b",
        publication=EventPublication.PUBLISHED,
        default_max_meetings=10,
    )
    event_services.set_slot_grid(
        event,
        actor=None,
        days=[date(2026, 5, 14)],
        day_start=time(9, 0),
        day_end=time(17, 0),
        slot_minutes=20,
        breaks=[(time(12, 0), time(13, 0))],
    )
    event_services.set_tables(event, actor=None, count=TABLES, room_name="Sala Balowa")
    return event


def _register(event: Event, organisations: list[Organisation]) -> tuple[list[Registration], set[int]]:
    existing = {registration.organisation_id: registration for registration in event.registrations.all()}
    new = [
        Registration(event=event, organisation=organisation, status=RegistrationStatus.APPROVED, motivation="")
        for organisation in organisations
        if organisation.pk not in existing
    ]
    Registration.objects.bulk_create(new)
    people = Person.objects.filter(organisation__in=[registration.organisation for registration in new])
    by_org: dict[int, list[Person]] = {}
    for person in people:
        by_org.setdefault(person.organisation_id, []).append(person)
    for registration in Registration.objects.filter(event=event, organisation__in=[r.organisation for r in new]):
        registration.representatives.set(by_org.get(registration.organisation_id, [])[:2])
    approved = event.registrations.filter(status=RegistrationStatus.APPROVED).select_related("organisation").order_by("id")
    return list(approved), {registration.pk for registration in approved if registration.organisation_id not in existing}


def _requests(event: Event, registrations: list[Registration], new_ids: set[int], seed: int) -> int:
    """Each new participant asks 3-5 complementary participants; about 70 % accept, 15 % decline.

    On a re-run only participants registered by this run ask, so nothing is added twice.
    """
    rng = random.Random(seed + 5)
    existing = list(Meeting.objects.filter(event=event).values_list("requester_id", "recipient_id"))
    pairs = {frozenset(pair) for pair in existing}
    heritage = [r for r in registrations if r.organisation.kind in HERITAGE_KINDS]
    creative = [r for r in registrations if r.organisation.kind not in HERITAGE_KINDS]
    meetings = []
    accounts = [r for r in registrations if r.organisation.people.filter(user__email__in=DEMO_ACCOUNT_EMAILS).exists()]
    if len(accounts) == 2 and frozenset(r.pk for r in accounts) not in pairs:
        pairs.add(frozenset(r.pk for r in accounts))
        meetings.append(
            Meeting(event=event, requester=accounts[1], recipient=accounts[0], status=MeetingStatus.ACCEPTED,
                    priority=Priority.MUST, message="Chcemy pokazać prototyp przewodnika AR po Państwa zbiorach.")
        )
    for registration in registrations:
        if registration.pk not in new_ids:
            continue
        pool = creative if registration in heritage else heritage
        wanted = rng.randint(3, 5) + (3 if registration in accounts else 0)
        for partner in rng.sample(pool, min(wanted, len(pool))):
            pair = frozenset((registration.pk, partner.pk))
            if pair in pairs:
                continue
            pairs.add(pair)
            roll = rng.random()
            status = MeetingStatus.ACCEPTED if roll < 0.7 else MeetingStatus.DECLINED if roll < 0.85 else MeetingStatus.REQUESTED
            meetings.append(
                Meeting(event=event, requester=registration, recipient=partner, status=status,
                        priority=rng.choice([Priority.NICE, Priority.WANT, Priority.WANT, Priority.MUST]))
            )
    Meeting.objects.bulk_create(meetings)
    return len(meetings)


def schedule_demo_event(event: Event, *, seed: int) -> str:
    """Compute and publish the demo schedule (preliminary) with the meeting engine.

    Returns a line for the console. Without the engine the event keeps its requests
    and the line says so; re-running seed-demo then schedules it.
    """
    if event.meetings.filter(status=MeetingStatus.ACCEPTED, published_slot__isnull=False).exists():
        return "schedule already published"
    run = schedule_services.compute_schedule_now(event, actor=None, seed=seed)
    if run.status != RunStatus.FINISHED:
        return f"schedule not computed: {run.explanation}"
    schedule_services.publish_schedule(event, actor=None, final=False, notify=False)
    return f"schedule {run.solver_status}: {run.scheduled_count}/{run.meetings_total} meetings, {run.breaks_total} breaks"


def load_demo(*, seed: int, stdout: Any, progress: bool) -> None:
    steps = ["event", "registrations", "requests", "schedule"]
    with tqdm(total=len(steps), desc="events", unit="steps", disable=not progress, leave=True) as bar:
        with transaction.atomic():
            event = _event()
            bar.update(1)
            registrations, new_ids = _register(event, _demo_organisations(seed))
            bar.update(1)
            created = _requests(event, registrations, new_ids, seed)
            bar.update(1)
        line = schedule_demo_event(event, seed=seed)
        bar.update(1)
    # Fire PostgreSQL's deferred foreign-key checks now: a caller that empties the tables in
    # the same transaction (the seed-demo tests flush between runs) cannot truncate tables
    # with checks still pending.
    connection.check_constraints()
    stdout.write(f"Demo event {event.title}: {len(registrations)} participants, {created} new requests; {line.rstrip('.')}.")
