"""Demo activity for the dashboards, in proportion to the size of the hub, then a refresh.

Called by ``sache seed-demo`` last, after the directory and the other apps' hand-made
demo records. A programme that has run for almost three years with N organisations
has held matchmaking events, started partnerships and received applications; this
adds, for N published organisations:

* ``N // 2000`` (at least one) past and coming matchmaking events with slots and
  tables, about 0.3·N registrations and 0.6·N meeting requests (accepted, scheduled,
  held, no-show, declined) and feedback on held meetings;
* ``N // 25`` (at least eight) partnerships walked through the navigator's stages with
  checklist, transitions, milestones and outcomes, a few published;
* ``N // 50`` (at least four) applications to one generated call per programme year,
  with decisions in the closed ones;
* ``N // 5000`` (at least one) World Café workshops with 18–35 participants from the
  directory and their notes.

Rows are bulk-inserted (100,000 organisations: about 200,000 rows). Deterministic
for a seed; idempotent: the events are keyed by slug and the whole batch is written
in one transaction, so a second run adds nothing. The aggregate tables are rebuilt
at the end so the dashboards open filled.
"""

from __future__ import annotations

import random
from datetime import UTC, datetime, timedelta
from decimal import Decimal
from typing import Any

from django.db import connection, transaction
from django.utils import timezone
from tqdm import tqdm

from sache.calls.enums import ApplicationStatus
from sache.calls.enums import Outcome as CallOutcome
from sache.calls.models import Application, Call, Decision
from sache.cocreation.enums import sector_of_kind
from sache.cocreation.models import Contribution, ThematicArea, Workshop, WorkshopParticipant
from sache.directory.enums import CREATIVE_KINDS, HERITAGE_KINDS, Publication
from sache.directory.models import Organisation, Person
from sache.events.enums import (
    Attendance,
    EventFormat,
    EventKind,
    EventPublication,
    MeetingStatus,
    RegistrationStatus,
    ScheduleStatus,
)
from sache.events.models import Event, Meeting, MeetingFeedback, Registration, Slot, Table
from sache.matching.models import SuggestionFeedback, SuggestionImpressions, Surface
from sache.partnerships.enums import CHECKLIST, STAGE_ORDER, EndReason, Origin, OutcomeKind, Stage
from sache.partnerships.models import (
    ChecklistItem,
    Milestone,
    Outcome,
    Partnership,
    PartnershipMember,
    StageTransition,
)

SLUG_PREFIX = "demo-activity-"
HISTORY_START = datetime(2024, 1, 8, 9, 0, tzinfo=UTC)
HISTORY_DAYS = 1000
BATCH = 2000
SLOTS = 16
TABLES = 20
TOWNS = ["Rzeszów", "Kraków", "Lublin", "Košice", "Debrecen", "Ostrava", "Ljubljana", "Zagreb", "Graz", "Regensburg", "Trieste", "Brno"]
IDEAS = [
    "Przewodnik AR", "Audioprzewodnik", "Gra miejska", "Kolekcja 3D online", "Escape room", "Podcast z archiwum",
    "Aplikacja dla szkół", "Wirtualny spacer", "Interaktywna mapa", "Warsztaty VR", "Katalog otwartych zbiorów", "Sklep z replikami",
]
STAGE_WEIGHTS = [(Stage.EXPLORE, 30), (Stage.ALIGN, 20), (Stage.COCREATE, 15), (Stage.PILOT, 12), (Stage.SUSTAIN, 8), (Stage.ENDED, 15)]


def _weighted(rng: random.Random, pairs: list[tuple[Any, int]]) -> Any:
    return rng.choices([value for value, _weight in pairs], weights=[weight for _value, weight in pairs])[0]


def _bulk(model: type, rows: list[Any]) -> list[Any]:
    return model.objects.bulk_create(rows, batch_size=BATCH)


def _organisations() -> tuple[list[int], list[int], list[int], dict[int, str]]:
    rows = list(
        Organisation.objects.filter(publication=Publication.PUBLISHED)
        .order_by("external_id", "id").values_list("id", "kind", "name")
    )
    heritage = [pk for pk, kind, _name in rows if kind in HERITAGE_KINDS]
    creative = [pk for pk, kind, _name in rows if kind in CREATIVE_KINDS]
    return [pk for pk, _kind, _name in rows], heritage, creative, {pk: name for pk, _kind, name in rows}


def _events(rng: random.Random, everyone: list[int], count: int, now: datetime, bar: tqdm) -> int:
    per_event = max(12, min(len(everyone), int(0.3 * len(everyone)) // count))
    meetings_made = 0
    for number in range(count):
        day = HISTORY_START + timedelta(days=int((number + 0.5) * HISTORY_DAYS / count))
        town = TOWNS[number % len(TOWNS)]
        event = Event.objects.create(
            slug=f"{SLUG_PREFIX}{number + 1:03d}", title=f"{town}: Dziedzictwo × kreatywni, spotkania B2B {number + 1}",
            kind=EventKind.MATCHMAKING, format=EventFormat.ON_SITE, language="pl", publication=EventPublication.PUBLISHED,
            registration_open=day > now, requests_open=day > now, default_max_meetings=8,
            schedule_status=ScheduleStatus.FINAL if day < now else ScheduleStatus.NONE, created_at=day - timedelta(days=60),
        )
        slots = _bulk(Slot, [
            Slot(event=event, index=index, session="am" if index < SLOTS // 2 else "pm",
                 starts_at=day + timedelta(minutes=30 * index), ends_at=day + timedelta(minutes=30 * index + 20))
            for index in range(SLOTS)
        ])
        tables = _bulk(Table, [Table(event=event, number=index + 1) for index in range(TABLES)])
        chosen = rng.sample(everyone, min(per_event, len(everyone)))
        registrations = _bulk(Registration, [
            Registration(event=event, organisation_id=pk, status=RegistrationStatus.APPROVED,
                         created_at=day - timedelta(days=rng.randrange(10, 50)), decided_at=day - timedelta(days=5))
            for pk in chosen
        ])
        pairs: set[tuple[int, int]] = set()
        wanted = 2 * len(registrations)
        while len(pairs) < wanted and len(registrations) > 1:
            a, b = rng.sample(range(len(registrations)), 2)
            if (b, a) not in pairs:
                pairs.add((a, b))
        meetings = []
        past = day < now
        for a, b in sorted(pairs):
            status = _weighted(rng, [(MeetingStatus.ACCEPTED, 65), (MeetingStatus.REQUESTED, 12), (MeetingStatus.DECLINED, 18), (MeetingStatus.CANCELLED, 5)])
            if not past and status == MeetingStatus.ACCEPTED and rng.random() < 0.5:
                status = MeetingStatus.REQUESTED
            slot = table = None
            attendance = Attendance.UNKNOWN
            if status == MeetingStatus.ACCEPTED and rng.random() < 0.85:
                slot, table = rng.choice(slots), rng.choice(tables)
                if past:
                    attendance = Attendance.HELD if rng.random() < 0.9 else Attendance.NO_SHOW
            requested = day - timedelta(days=rng.randrange(3, 30), minutes=rng.randrange(600))
            meetings.append(Meeting(
                event=event, requester=registrations[a], recipient=registrations[b], status=status, slot=slot, table=table,
                published_slot=slot, published_table=table, attendance=attendance, created_at=requested,
                responded_at=requested + timedelta(days=1) if status != MeetingStatus.REQUESTED else None,
            ))
        meetings = _bulk(Meeting, meetings)
        _bulk(MeetingFeedback, [
            MeetingFeedback(meeting=meeting, registration=meeting.requester, wants_to_continue=rng.random() < 0.45,
                            created_at=day + timedelta(hours=8))
            for meeting in meetings
            if meeting.attendance == Attendance.HELD and rng.random() < 0.5
        ])
        meetings_made += len(meetings)
        bar.update(1)
    return meetings_made


def _partnerships(rng: random.Random, heritage: list[int], creative: list[int], names: dict[int, str], count: int, now: datetime) -> int:
    today = now.date()
    stories = []
    for number in range(count):
        lead = rng.choice(heritage)
        partners = [rng.choice(creative)]
        if rng.random() < 0.25:
            partners.append(rng.choice(creative + heritage))
        partners = [pk for pk in dict.fromkeys(partners) if pk != lead]
        stage = _weighted(rng, STAGE_WEIGHTS)
        started = HISTORY_START + timedelta(days=rng.randrange(HISTORY_DAYS - 60), minutes=rng.randrange(600))
        walked = STAGE_ORDER[: STAGE_ORDER.index(stage) + 1] if stage != Stage.ENDED else STAGE_ORDER[: rng.randrange(1, 5)]
        times = [started + timedelta(days=40 * index + rng.randrange(20)) for index in range(len(walked) + (stage == Stage.ENDED))]
        times = [min(moment, now - timedelta(days=1)) for moment in times]
        idea = rng.choice(IDEAS)
        stories.append((number, lead, partners, stage, walked, times, idea))
    partnerships = _bulk(Partnership, [
        Partnership(
            title=f"{idea}: {names[lead]}"[:200], summary="", language="pl",
            origin=rng.choice([Origin.MEETING, Origin.MEETING, Origin.RECOMMENDATION, Origin.WORKSHOP, Origin.CALL, Origin.MANUAL]),
            stage=stage, end_reason=rng.choice([EndReason.COMPLETED, EndReason.NO_FUNDING, EndReason.PRIORITIES, EndReason.FIT]) if stage == Stage.ENDED else "",
            created_at=times[0], stage_changed_at=times[-1],
        )
        for _number, lead, _partners, stage, _walked, times, idea in stories
    ])
    members, checklist, transitions, milestones, outcomes = [], [], [], [], []
    published = []
    for partnership, (_number, lead, partners, stage, walked, times, _idea) in zip(partnerships, stories, strict=True):
        publish = stage in (Stage.PILOT, Stage.SUSTAIN) and rng.random() < 0.3
        members.append(PartnershipMember(partnership=partnership, organisation_id=lead, is_lead=True, agreed_to_publish=publish, joined_at=times[0]))
        members.extend(PartnershipMember(partnership=partnership, organisation_id=pk, agreed_to_publish=publish, joined_at=times[0]) for pk in partners)
        passed = set(walked[:-1]) if stage != Stage.ENDED else set(walked[:-1])
        for entry in CHECKLIST:
            done = entry.stage in passed and (entry.required or rng.random() < 0.6)
            checklist.append(ChecklistItem(partnership=partnership, code=entry.code, done=done, done_at=times[0] if done else None))
        previous = ""
        for index, to_stage in enumerate([*walked, *([Stage.ENDED] if stage == Stage.ENDED else [])]):
            transitions.append(StageTransition(partnership=partnership, from_stage=previous, to_stage=to_stage, at=times[min(index, len(times) - 1)]))
            previous = to_stage
        for index in range(2):
            due = (times[0] + timedelta(days=60 * (index + 1))).date()
            milestones.append(Milestone(partnership=partnership, title=["Pierwsze spotkanie robocze", "Prototyp gotowy"][index], due_date=due,
                                        done_at=due if due < today and rng.random() < 0.7 else None))
        if stage in (Stage.PILOT, Stage.SUSTAIN) or (stage == Stage.ENDED and Stage.PILOT in walked):
            achieved = min(times[-1].date() + timedelta(days=rng.randrange(5, 60)), today)
            outcomes.append(Outcome(partnership=partnership, kind=rng.choice([OutcomeKind.PRODUCT, OutcomeKind.SERVICE]), description="Wdrożenie pilotażowe", achieved_on=achieved))
            outcomes.append(Outcome(partnership=partnership, kind=OutcomeKind.AUDIENCE, description="Odbiorcy pilotażu", value=Decimal(rng.randrange(200, 20000)), achieved_on=achieved))
            if stage == Stage.SUSTAIN:
                outcomes.append(Outcome(partnership=partnership, kind=OutcomeKind.JOBS, description="Nowe miejsca pracy", value=Decimal(rng.randrange(1, 4)), achieved_on=achieved))
                outcomes.append(Outcome(partnership=partnership, kind=OutcomeKind.REVENUE, description="Przychód", value=Decimal(rng.randrange(5, 200) * 1000), achieved_on=achieved))
        if publish:
            published.append((partnership.pk, times[-1]))
    for model, rows in ((PartnershipMember, members), (ChecklistItem, checklist), (StageTransition, transitions), (Milestone, milestones), (Outcome, outcomes)):
        _bulk(model, rows)
    for pk, moment in published:
        Partnership.objects.filter(pk=pk).update(published_at=moment)
    return len(partnerships)


def _applications(rng: random.Random, heritage: list[int], creative: list[int], count: int, now: datetime) -> int:
    years = [2024, 2025, 2026]
    made = 0
    for index, year in enumerate(years):
        opens = datetime(year, 2, 1, 9, 0, tzinfo=UTC)
        closes = datetime(year, 4, 30, 16, 0, tzinfo=UTC)
        call = Call.objects.create(
            title=f"Nabór pilotaży {year}: dziedzictwo i kreatywność (program)", language="pl", budget=Decimal(400000 + 100000 * index),
            opens_at=opens, closes_at=closes, created_at=opens - timedelta(days=30),
        )
        share = count // len(years) + (1 if index < count % len(years) else 0)
        applications = []
        for _number in range(share):
            status = _weighted(rng, [(ApplicationStatus.SUBMITTED, 85), (ApplicationStatus.WITHDRAWN, 5), (ApplicationStatus.DRAFT, 10)])
            created = opens + timedelta(days=rng.randrange(60), minutes=rng.randrange(600))
            submitted = created + timedelta(days=rng.randrange(1, 25)) if status != ApplicationStatus.DRAFT else None
            if submitted is not None:
                submitted = min(submitted, closes - timedelta(hours=1))
            applications.append(Application(
                call=call, lead_id=rng.choice(heritage + creative), title=f"{rng.choice(IDEAS)} ({rng.choice(TOWNS)})",
                requested_amount=Decimal(rng.randrange(10, 60) * 1000), status=status, created_at=created, updated_at=submitted or created,
                submitted_at=submitted,
            ))
        applications = _bulk(Application, applications)
        made += len(applications)
        if closes + timedelta(days=60) < now:
            submitted_ones = [a for a in applications if a.status == ApplicationStatus.SUBMITTED]
            _bulk(Decision, [
                Decision(application=application, outcome=_weighted(rng, [(CallOutcome.FUNDED, 25), (CallOutcome.RESERVE, 10), (CallOutcome.REJECTED, 65)]),
                         amount=application.requested_amount, rank=rank + 1, decided_at=closes + timedelta(days=45))
                for rank, application in enumerate(submitted_ones)
            ])
    return made


AREAS = [
    ("Otwarte zbiory", "Jak udostępnić zbiory twórcom bez utraty kontroli nad prawami?"),
    ("Nowa publiczność", "Kogo jeszcze nie ma w naszych salach i co by go przyciągnęło?"),
    ("Wspólne produkty", "Jaki produkt cyfrowy moglibyśmy zbudować razem w pół roku?"),
]
NOTES = [
    "Udostępnić skany w wysokiej rozdzielczości na licencji CC BY.", "Wspólny kalendarz wydarzeń dla szkół.",
    "Gra mobilna na podstawie legend regionu.", "Rezydencje dla twórców w magazynach muzeum.",
    "Prosta umowa wzorcowa o prawach do zasobów.", "Przewodnik audio nagrany przez mieszkańców.",
    "Wirtualna wystawa z obiektów, których nie pokazujemy.", "Wspólny wniosek o grant na pilotaż AR.",
]


def _workshops(rng: random.Random, count: int, now: datetime) -> tuple[int, int]:
    """Co-creation workshops (World Café) with participants from the directory and their notes."""
    people = list(
        Person.objects.filter(organisation__publication=Publication.PUBLISHED)
        .order_by("external_id", "id").values_list("id", "organisation__kind", "organisation__region")[:20000]
    )
    if len(people) < 12:
        return 0, 0
    contributions_made = 0
    for number in range(count):
        day = HISTORY_START + timedelta(days=int((number + 0.3) * HISTORY_DAYS / count), hours=1)
        chosen = rng.sample(people, min(len(people), rng.randrange(18, 36)))
        town = TOWNS[(number + 5) % len(TOWNS)]
        event = Event.objects.create(
            slug=f"{SLUG_PREFIX}workshop-{number + 1:03d}", title=f"{town}: World Café dziedzictwa i kreatywności {number + 1}",
            kind=EventKind.WORKSHOP, format=EventFormat.ON_SITE, language="pl", publication=EventPublication.PUBLISHED,
            registration_open=day > now, requests_open=False, created_at=day - timedelta(days=45),
        )
        workshop = Workshop.objects.create(event=event, rounds=3, round_minutes=20, starts_at=day, region=chosen[0][2],
                                           current_round=3 if day < now else 0, created_at=day - timedelta(days=45))
        areas = _bulk(ThematicArea, [ThematicArea(workshop=workshop, title=title, question=question, position=index)
                                     for index, (title, question) in enumerate(AREAS)])
        _bulk(WorkshopParticipant, [WorkshopParticipant(workshop=workshop, person_id=pk, sector=sector_of_kind(kind)) for pk, kind, _region in chosen])
        if day < now:
            notes = [
                Contribution(workshop=workshop, area=rng.choice(areas), round_number=rng.randrange(1, 4), language="pl",
                             text=rng.choice(NOTES), sector=sector_of_kind(rng.choice(chosen)[1]), created_at=day + timedelta(minutes=rng.randrange(60)))
                for _note in range(int(1.5 * len(chosen)))
            ]
            _bulk(Contribution, notes)
            contributions_made += len(notes)
    return count, contributions_made


# Suggestions a day on each surface at the end of the history (a hub grows into its use).
SHOWN_PER_DAY = {"organisation": 60, "need": 25, "needs": 15, "event": 30, "api": 8}
USEFUL_SHARE = 0.04  # of shown suggestions, verdicts on organisation pages


def _recommendations(rng: random.Random, days: int, now: datetime) -> tuple[int, int]:
    """Daily counters of suggestions shown over the last ``days`` days, and verdicts of the demo logins.

    Returns (suggestions shown, verdicts). Skipped when counters exist (idempotent).
    """
    if SuggestionImpressions.objects.exists():
        return 0, 0
    today = timezone.localdate(now)
    counters = []
    for back in range(days):
        growth = 0.3 + 0.7 * (days - back) / days
        for surface, daily in SHOWN_PER_DAY.items():
            shown = int(rng.gauss(daily * growth, daily * 0.2))
            if shown > 0:
                counters.append(SuggestionImpressions(day=today - timedelta(days=back), surface=surface, lists=max(1, shown // 6), shown=shown))
    SuggestionImpressions.objects.bulk_create(counters, batch_size=2000)
    users = list(Person.objects.filter(user__email__endswith="@demo.sache.example.org").values_list("user_id", "organisation_id"))
    candidates = list(Organisation.objects.filter(publication=Publication.PUBLISHED).order_by("pk").values_list("pk", flat=True)[:400])
    verdicts = []
    for user_id, organisation_id in users:
        for rank, suggested in enumerate(rng.sample(candidates, min(12, len(candidates))), start=1):
            if suggested == organisation_id:
                continue
            verdicts.append(SuggestionFeedback(
                user_id=user_id, subject=f"organisation:{organisation_id}", suggested_id=suggested, surface=Surface.ORGANISATION,
                useful=rng.random() < 0.7,
                rank=(rank - 1) % 6 + 1, score=round(rng.uniform(0.3, 0.9), 3), created_at=now - timedelta(days=rng.randrange(days)),
            ))
    SuggestionFeedback.objects.bulk_create(verdicts, ignore_conflicts=True)
    return sum(counter.shown for counter in counters), len(verdicts)


def load_demo(*, seed: int, stdout: Any, progress: bool) -> None:
    from sache.insights.refresh import refresh_insights

    everyone, heritage, creative, names = _organisations()
    if Event.objects.filter(slug__startswith=SLUG_PREFIX).exists() or len(heritage) < 2 or len(creative) < 2:
        line = "Demo activity: already there." if heritage and creative else "Demo activity: skipped (too few organisations)."
    else:
        rng = random.Random(f"{seed}-insights-activity")
        now = timezone.now()
        events = max(1, len(everyone) // 2000)
        with tqdm(total=events + 2, desc="activity", unit="steps", disable=not progress, leave=True) as bar, transaction.atomic():
            meetings = _events(rng, everyone, events, now, bar)
            partnerships = _partnerships(rng, heritage, creative, names, max(8, len(everyone) // 25), now)
            bar.update(1)
            applications = _applications(rng, heritage, creative, max(4, len(everyone) // 50), now)
            workshops, contributions = _workshops(rng, max(1, len(everyone) // 5000), now)
            bar.update(1)
        connection.check_constraints()
        line = (f"Demo activity: events {events} (meeting requests {meetings}), partnerships {partnerships}, "
                f"applications {applications}, workshops {workshops} (contributions {contributions}).")
    stdout.write(line)
    shown, verdicts = _recommendations(random.Random(f"{seed}-recommendations"), 365, timezone.now())
    if shown:
        stdout.write(f"Demo recommendations: {shown} suggestions shown over a year, {verdicts} verdicts.")
    # The generated activity joins the demo programmes like the rest (records without one only).
    from sache.programmes.demo import link_activity

    link_activity()
    state = refresh_insights()
    stdout.write(f"Insights refreshed: {state.facts} facts in {state.seconds:.1f} s.")
