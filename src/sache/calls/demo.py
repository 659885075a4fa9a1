"""Demo activity of calls: a closed call with applications, reviews, a ranking and decisions, and an open call.

Called by ``sache seed-demo`` after the directory is loaded. Idempotent: calls are
keyed by title, applications by (call, lead), reviewer accounts by email; a second
run adds nothing. Deterministic for a seed (dates are relative to the day of the run).
The demo reviewer (reviewer@demo.sache.example.org) gets assignments in the closed
call (reviewed) and keeps one unsubmitted review to try the reviewer pages.
"""

from __future__ import annotations

import random
from datetime import timedelta
from decimal import Decimal
from typing import Any

from django.contrib.auth import get_user_model
from django.db import connection, transaction
from django.utils import timezone
from tqdm import tqdm

from sache.calls import services
from sache.calls.enums import ApplicationStatus, QuestionKind
from sache.calls.models import (
    Application,
    ApplicationPartner,
    Call,
    Criterion,
    Review,
    ReviewAssignment,
)
from sache.directory.enums import CREATIVE_KINDS, HERITAGE_KINDS, Publication
from sache.directory.models import Organisation, Person

CLOSED_TITLE = "Pilotaże 2025: dziedzictwo × sektor kreatywny"
OPEN_TITLE = "Pilotaże 2026: cyfrowe doświadczenia dziedzictwa"
DEMO_REVIEWER = "reviewer@demo.sache.example.org"
PANEL = 6
CLOSED_APPLICATIONS = 14
OPEN_APPLICATIONS = 4
PROJECTS = [
    "Gra miejska w rozszerzonej rzeczywistości", "Wirtualny spacer po skansenie", "Cyfrowe archiwum pieśni ludowych",
    "Podcast o rzemiośle regionu", "Interaktywna mapa szlaku zamków", "Druk 3D kopii zabytków dla niewidomych",
    "Aplikacja audioprzewodnika", "Escape room w dawnej synagodze", "Kolekcja wzorów haftu jako otwarte dane",
    "Komiks o historii twierdzy", "Projekcje mappingowe na fasadzie ratusza", "Wystawa VR o drewnianych cerkwiach",
    "Gra planszowa o szlaku naftowym", "Filmy 360° o tradycyjnych zawodach", "Sklep z pamiątkami projektowanymi przez artystów",
    "Czatbot kustosza", "Edukacyjne warsztaty kodowania w muzeum", "Nowe życie tkanin z kolekcji",
]
CRITERIA = [
    ("Jakość i innowacyjność", "Czy pomysł jest nowy dla regionu i dobrze przemyślany?", 3, 5),
    ("Wpływ na instytucję i firmę", "Czy obie strony coś trwale zyskają?", 2, 5),
    ("Wykonalność i budżet", "Czy plan, zespół i koszty są realistyczne?", 2, 5),
]


def _call(title: str, *, closed: bool, now) -> Call:
    call = Call.objects.filter(title=title).first()
    if call is not None:
        return call
    opens, closes = (now - timedelta(days=120), now - timedelta(days=45)) if closed else (now - timedelta(days=7), now + timedelta(days=45))
    call = Call.objects.create(
        title=title, language="pl", budget=Decimal(200_000 if closed else 300_000), opens_at=opens, closes_at=closes,
        description=(
            "Nabór na pilotażowe działania konsorcjów instytucji dziedzictwa i firm kreatywnych. "
            "Dofinansowanie do 40 000 EUR na projekt trwający najwyżej 9 miesięcy."
        ),
        lead_region_prefixes=["PL"], min_partners=1, max_partners=4, reviews_per_application=3, max_reviewer_load=10,
        feedback_template=(
            "Szanowni Państwo ({organisation}),\n\ndziękujemy za wniosek „{application}” w naborze „{call}”.\n"
            "Decyzja: {decision}. Miejsce w rankingu: {rank} z {total}, ocena {score}.\n"
        ),
    )
    call.questions.create(position=0, label="Opis projektu", kind=QuestionKind.TEXT, max_length=3000)
    call.questions.create(position=1, label="Czas trwania (miesiące)", kind=QuestionKind.NUMBER, min_value=1, max_value=9)
    call.questions.create(position=2, label="Główna grupa odbiorców", kind=QuestionKind.CHOICE,
                          choices=["dzieci i młodzież", "turyści", "mieszkańcy regionu", "osoby z niepełnosprawnościami"])
    call.questions.create(position=3, label="Harmonogram (PDF)", kind=QuestionKind.FILE, required=False,
                          max_file_size_kb=2048, file_types=["pdf"])
    for position, (name, guidance, weight, scale) in enumerate(CRITERIA):
        Criterion.objects.create(call=call, position=position, name=name, guidance=guidance, weight=weight, scale_max=scale)
    return call


def _panel() -> list[Any]:
    user_model = get_user_model()
    panel = []
    for number in range(1, PANEL + 1):
        user, created = user_model.objects.get_or_create(
            email=f"panel{number}@demo.sache.example.org",
            defaults={"full_name": f"Ekspert {number}", "is_reviewer": True},
        )
        if created:
            user.set_unusable_password()
            user.save()
        panel.append(user)
    demo = user_model.objects.filter(email=DEMO_REVIEWER).first()
    return [demo, *panel] if demo else panel


def _consortia(rng: random.Random, count: int, exclude: set[int]) -> list[tuple[Organisation, Organisation]]:
    published = Organisation.objects.filter(publication=Publication.PUBLISHED, region__startswith="PL").order_by("external_id", "id")
    heritage = [o for o in published.filter(kind__in=HERITAGE_KINDS) if o.pk not in exclude]
    creative = list(published.filter(kind__in=CREATIVE_KINDS))
    rng.shuffle(heritage)
    if not creative:
        return []
    return [(lead, rng.choice(creative)) for lead in heritage[:count]]


def _application(call: Call, lead: Organisation, partner: Organisation, seed: int, *, submit: bool) -> tuple[Application, bool]:
    existing = Application.objects.filter(call=call, lead=lead).first()
    if existing is not None:
        return existing, False
    rng = random.Random(f"{seed}-{call.title}-{lead.external_id or lead.name}")
    title = rng.choice(PROJECTS)
    questions = list(call.questions.all())
    answers = {
        str(questions[0].pk): f"{title}: {lead.name} i {partner.name} wspólnie przygotują pilotaż dla zwiedzających.",
        str(questions[1].pk): str(rng.randint(4, 9)),
        str(questions[2].pk): rng.choice(questions[2].choices),
    }
    application = Application.objects.create(
        call=call, lead=lead, title=title, answers=answers, requested_amount=Decimal(rng.randrange(15_000, 40_001, 500)),
    )
    ApplicationPartner.objects.create(application=application, organisation=partner, confirmed_at=call.opens_at + timedelta(days=3))
    if submit:
        application.status = ApplicationStatus.SUBMITTED
        application.submitted_at = call.opens_at + timedelta(days=rng.randint(10, 60))
        application.save(update_fields=["status", "submitted_at"])
    return application, True


def _reviews(call: Call, rng: random.Random) -> int:
    """Submit every review of the closed call, except one of the demo reviewer's (left to try)."""
    created = 0
    criteria = list(call.criteria.all())
    left_open = False
    for assignment in ReviewAssignment.objects.filter(application__call=call, conflict_declared=False).select_related(
        "reviewer", "application").order_by("application__pk", "reviewer__email"):
        if Review.objects.filter(assignment=assignment).exists():
            continue
        if assignment.reviewer.email == DEMO_REVIEWER and not left_open:
            left_open = True
            continue
        bias = (sum(map(ord, assignment.reviewer.email)) % 3) - 1  # a harsh, a neutral and a lenient reviewer
        quality = rng.randint(1, 5)
        scores = {str(c.pk): max(0, min(c.scale_max, quality + rng.randint(-1, 1) + bias)) for c in criteria}
        services.save_review(assignment, scores=scores, comments=rng.choice([
            "Dobrze opisane korzyści dla obu partnerów.", "Budżet wymaga doprecyzowania.",
            "Ciekawy pomysł, ale harmonogram jest napięty.", "Bardzo mocne zaangażowanie społeczności lokalnej.",
        ]), submit=True, actor=assignment.reviewer)
        created += 1
    return created


def load_demo(*, seed: int, stdout: Any, progress: bool) -> None:
    rng = random.Random(seed)
    now = timezone.now()
    steps = ["calls", "applications", "assignment", "reviews", "decisions"]
    with tqdm(total=len(steps), desc="calls", unit="steps", disable=not progress, leave=True) as bar, transaction.atomic():
        closed, open_call = _call(CLOSED_TITLE, closed=True, now=now), _call(OPEN_TITLE, closed=False, now=now)
        bar.update(1)
        panel = _panel()
        account_orgs = set(Person.objects.filter(user__email__endswith="@demo.sache.example.org").values_list("organisation_id", flat=True))
        new = 0
        for lead, partner in _consortia(random.Random(f"{seed}-closed"), CLOSED_APPLICATIONS, account_orgs):
            new += _application(closed, lead, partner, seed, submit=True)[1]
        museum = Organisation.objects.filter(pk__in=account_orgs, kind__in=HERITAGE_KINDS).order_by("pk").first()
        studio = Organisation.objects.filter(pk__in=account_orgs, kind__in=CREATIVE_KINDS).order_by("pk").first()
        pairs = _consortia(random.Random(f"{seed}-open"), OPEN_APPLICATIONS, account_orgs)
        if museum is not None and studio is not None:
            pairs = [(museum, studio), *pairs]
        for index, (lead, partner) in enumerate(pairs):
            new += _application(open_call, lead, partner, seed, submit=index % 2 == 1)[1]
        bar.update(1)
        assigned = closed.applications.filter(assignments__isnull=False).exists()
        if not assigned and closed.applications.exists() and len(panel) >= closed.reviews_per_application:
            demo = next((u for u in panel if u.email == DEMO_REVIEWER), None)
            if demo is not None:
                for application in closed.applications.order_by("pk")[:3]:
                    try:
                        services.assign_reviewer_manually(application, reviewer=demo, actor=None)
                    except services.CallError:
                        continue
            services.assign_call_reviewers(closed, reviewers=panel, actor=None)
        bar.update(1)
        reviews = _reviews(closed, rng)
        bar.update(1)
        decisions = 0
        if not any(hasattr(a, "decision") for a in closed.applications.all()):
            decisions = len(services.decide_call(closed, actor=None))
        bar.update(1)
    connection.check_constraints()
    stdout.write(f"Demo calls: {new} new applications, {reviews} new reviews, {decisions} decisions.")
