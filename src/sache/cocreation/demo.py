"""Demo activity of co-creation: a finished World Café in Rzeszów with a published Conclusions report.

Called by ``sache seed-demo`` after the directory is loaded. Five thematic areas, about
thirty participants from the demo hub (the demo logins' people among them) registered
through the event, three rounds planned by the rotation engine, sixty contributions in
Polish, English and five more languages, dot-votes, a theme synthesis and published
conclusions. Idempotent: the event is keyed by its slug and each stage runs only once.
Deterministic for a seed.
"""

from __future__ import annotations

import random
from datetime import UTC, datetime, timedelta
from typing import Any

from django.db import connection, transaction
from tqdm import tqdm

from sache.cocreation import services
from sache.cocreation.demo_texts import AREAS, INTRODUCTION
from sache.cocreation.enums import RunStatus, Sector, sector_of_kind
from sache.cocreation.models import Contribution, ThemeRun, Vote, Workshop, WorkshopTable
from sache.directory.enums import Publication
from sache.directory.models import Person
from sache.events.enums import EventFormat, EventKind, EventPublication, RegistrationStatus
from sache.events.models import Event, Registration

DEMO_SLUG = "rzeszow-world-cafe-heritage-meets-creative-2026"
DEMO_ACCOUNT_EMAILS = ("museum@demo.sache.example.org", "studio@demo.sache.example.org")
# Participants per sector: about thirty, every table can mix all four.
SECTOR_QUOTAS = {Sector.HERITAGE: 10, Sector.CREATIVE: 8, Sector.TECHNOLOGY: 6, Sector.PUBLIC: 6}
TABLE_SEATS = 7
ROUNDS = 3
DEMO_ITERATIONS = 5000
# 10:00 in Warsaw (CET) on the day of the café, which lies in the past: the workshop is finished.
STARTS_AT = datetime(2026, 3, 19, 9, 0, tzinfo=UTC)


def _event() -> Event:
    event = Event.objects.filter(slug=DEMO_SLUG).first()
    if event is None:
        event = Event.objects.create(
            slug=DEMO_SLUG,
            title="World Café Rzeszów: Dziedzictwo spotyka kreatywność",
            kind=EventKind.WORKSHOP,
            format=EventFormat.ON_SITE,
            language="pl",
            description=(
                "Kawiarnia obywatelska dla muzeów, firm kreatywnych i technologicznych oraz administracji: "
                "pięć stołów tematycznych, trzy rundy rozmów, wspólne wnioski dla programu."
            ),
            venue="Wojewódzki Dom Kultury w Rzeszowie",
            address="ul. Okrzei 7, 35-959 Rzeszów",
            publication=EventPublication.PUBLISHED,
            registration_open=False,
        )
    return event


def _people(seed: int) -> list[Person]:
    """Demo logins' people first, then Podkarpackie people by sector quota, then others."""
    rng = random.Random(seed)
    chosen: list[Person] = list(
        Person.objects.filter(user__email__in=DEMO_ACCOUNT_EMAILS).select_related("organisation").order_by("id")
    )
    used_orgs = {person.organisation_id for person in chosen}
    counts = dict.fromkeys(SECTOR_QUOTAS, 0)
    for person in chosen:
        counts[sector_of_kind(person.organisation.kind)] += 1
    candidates = list(
        Person.objects.filter(organisation__publication=Publication.PUBLISHED)
        .select_related("organisation")
        .order_by("organisation__external_id", "organisation_id", "id")
    )
    rng.shuffle(candidates)
    candidates.sort(key=lambda person: not person.organisation.region.startswith("PL82"))
    for person in candidates:
        sector = sector_of_kind(person.organisation.kind)
        if person.organisation_id in used_orgs or counts[sector] >= SECTOR_QUOTAS[sector]:
            continue
        chosen.append(person)
        used_orgs.add(person.organisation_id)
        counts[sector] += 1
    return chosen


def _setup(event: Event, seed: int) -> Workshop:
    workshop = Workshop.objects.filter(event=event).first()
    if workshop is None:
        workshop = services.create_workshop(event, actor=None, rounds=ROUNDS, round_minutes=25, starts_at=STARTS_AT, region="PL823")
    if not workshop.participants.exists():
        people = _people(seed)
        for person in people:
            registration, _ = Registration.objects.get_or_create(
                event=event, organisation=person.organisation, defaults={"status": RegistrationStatus.APPROVED}
            )
            registration.representatives.add(person)
        services.import_participants_from_registrations(workshop, actor=None)
    if not workshop.areas.exists():
        participants = list(workshop.participants.select_related("person__organisation").order_by("id"))
        # Hosts: heritage and public people first, they know the questions best; never a demo login.
        hosts = [p for p in participants if p.sector in {Sector.HERITAGE, Sector.PUBLIC} and p.person.user_id is None][: len(AREAS)]
        for index, (title, question, _themes) in enumerate(AREAS):
            host = hosts[index] if index < len(hosts) else None
            area = services.add_thematic_area(workshop, actor=None, title=title, question=question, host=host)
            services.add_workshop_table(workshop, actor=None, name=f"Stół {index + 1}", capacity=TABLE_SEATS, area=area)
    return workshop


def _plan(workshop: Workshop, seed: int) -> str:
    plan = workshop.plans.filter(status=RunStatus.FINISHED).first()
    if plan is None:
        seats = sum(WorkshopTable.objects.filter(workshop=workshop).values_list("capacity", flat=True))
        if workshop.participants.count() > seats:
            return "rotation not planned: more participants than seats"
        services.check_rotation_input(workshop)
        plan = workshop.plans.create(seed=seed)
        # A fixed number of annealing moves (well inside the time limit) keeps the demo the same
        # for a seed on any machine, and takes about a second and a half.
        plan = services.compute_rotation_plan(plan, time_limit=60.0, iterations=DEMO_ITERATIONS)
    return f"{plan.repeated_pairs} repeated pairs, sector mix {plan.sector_mix:.2f}" if plan.status == RunStatus.FINISHED else plan.explanation


def _contributions(workshop: Workshop, seed: int) -> int:
    if workshop.contributions.exists():
        return 0
    rng = random.Random(seed + 11)
    areas = list(workshop.areas.order_by("position", "id"))
    participants = list(workshop.participants.order_by("id"))
    sectors = [p.sector for p in participants] or [""]
    rows = []
    for area, (_title, _question, themes) in zip(areas, AREAS, strict=False):
        for theme in themes:
            for language, kind, text in theme:
                rows.append(
                    Contribution(
                        workshop=workshop, area=area, round_number=rng.randint(1, ROUNDS), kind=kind,
                        language=language, text=text, sector=rng.choice(sectors),
                        created_at=STARTS_AT + timedelta(minutes=rng.randint(5, 25 * ROUNDS)),
                    )
                )
    Contribution.objects.bulk_create(rows)
    contributions = list(workshop.contributions.order_by("id"))
    # Dots: every participant gives four; the first theme of each area is the crowd favourite.
    weights = [3 if (index % 12) < 4 else 1 for index in range(len(contributions))]
    votes = []
    for participant in participants:
        picked: set[int] = set()
        while len(picked) < min(4, len(contributions)):
            picked.add(rng.choices(range(len(contributions)), weights=weights)[0])
        votes += [Vote(contribution=contributions[index], participant=participant) for index in sorted(picked)]
    Vote.objects.bulk_create(votes)
    return len(rows)


def _conclusions(workshop: Workshop) -> str:
    conclusions = getattr(workshop, "conclusions", None)
    if conclusions is not None and conclusions.is_published:
        return "conclusions already published"
    run = workshop.theme_runs.filter(status=RunStatus.FINISHED).first()
    if run is None:
        run = services.compute_theme_synthesis(ThemeRun.objects.create(workshop=workshop))
    if run.status != RunStatus.FINISHED:
        return f"conclusions not drafted: {run.explanation}"
    title = f"Wnioski: {workshop.event.title}"
    lines = run.draft.splitlines()
    body = "\n".join([f"# {title}", "", INTRODUCTION, "", *lines[1:]])
    conclusions = services.save_conclusions(workshop, actor=None, title=title, body=body, language="pl")
    services.publish_conclusions(conclusions, actor=None)
    return f"conclusions published with {len(run.result.get('themes', []))} themes"


def load_demo(*, seed: int, stdout: Any, progress: bool) -> None:
    steps = ["workshop", "rotations", "contributions", "conclusions"]
    with (
        tqdm(total=len(steps), desc="cocreation", unit="steps", disable=not progress, leave=True) as bar,
        transaction.atomic(),
    ):
        workshop = _setup(_event(), seed)
        bar.update(1)
        plan_line = _plan(workshop, seed)
        bar.update(1)
        created = _contributions(workshop, seed)
        bar.update(1)
        conclusions_line = _conclusions(workshop)
        bar.update(1)
    connection.check_constraints()
    stdout.write(
        f"Demo workshop {workshop.event.title}: {workshop.participants.count()} participants, "
        f"{created} new contributions; {plan_line}; {conclusions_line}."
    )
