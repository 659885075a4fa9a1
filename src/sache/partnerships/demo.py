"""Demo partnerships: twelve collaborations covering every stage of the navigator.

Called by ``sache seed-demo`` after the directory, events, workshops and calls are
loaded. Two partnerships per stage (explore, align, co-create, pilot, sustain and
ended), each with its checklist ticked as far as it got, milestones (reached or due),
documents and — from the pilot on — outcomes; half of those from the pilot on are
published in the showcase (every partner agreed). The demo logins' museum and
studio work together in two of them. Idempotent: partnerships are keyed by title.
Deterministic for a seed: partners are drawn from the directory in external-id order.
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import timedelta
from decimal import Decimal
from typing import Any

from django.db import connection, transaction
from django.utils import timezone
from tqdm import tqdm

from sache.directory.enums import CREATIVE_KINDS, HERITAGE_KINDS, Publication
from sache.directory.models import Organisation
from sache.partnerships import services
from sache.partnerships.enums import STAGE_ORDER, EndReason, Origin, OutcomeKind, Stage
from sache.partnerships.models import Partnership, StageTransition

DEMO_ACCOUNT_EMAILS = ("museum@demo.sache.example.org", "studio@demo.sache.example.org")


@dataclass(frozen=True)
class Story:
    title: str
    summary: str
    stage: str
    origin: str
    origin_detail: str
    milestones: tuple[str, ...]
    outcomes: tuple[tuple[str, str, int | None], ...] = ()
    end_reason: str = ""
    published: bool = False
    with_demo_accounts: bool = False


STORIES = [
    Story("Zamek w kieszeni: przewodnik AR po komnatach", "Przewodnik w rozszerzonej rzeczywistości po apartamentach zamku, "
          "z rekonstrukcjami wnętrz z XVIII wieku.", Stage.PILOT, Origin.MEETING, "Rzeszów: Dziedzictwo spotyka kreatywnych 2026",
          ("Skan 3D trzech komnat", "Scenariusz narracji", "Test z grupą szkolną"),
          ((OutcomeKind.PRODUCT, "Aplikacja AR w sklepach z aplikacjami", None), (OutcomeKind.AUDIENCE, "Użytkownicy w pierwszym miesiącu", 4200)),
          published=True, with_demo_accounts=True),
    Story("Gra miejska: śladami rzemieślników", "Gra terenowa łącząca archiwalne fotografie warsztatów z zadaniami dla rodzin.",
          Stage.EXPLORE, Origin.RECOMMENDATION, "Rekomendacja dopasowania", ("Spotkanie w archiwum", "Wybór dziesięciu lokalizacji"),
          with_demo_accounts=True),
    Story("Dźwięki klasztoru: audioprzewodnik binauralny", "Nagrania binauralne przestrzeni klasztornych jako audioprzewodnik.",
          Stage.EXPLORE, Origin.WORKSHOP, "World Café Rzeszów 2026", ("Wizyta studyjna", "Lista nagrań")),
    Story("Cyfrowy herbarz regionu", "Wspólna baza herbów i pieczęci z opisem w czterech językach.",
          Stage.ALIGN, Origin.MANUAL, "", ("Umowa o prawach do skanów", "Podział ról")),
    Story("Teatr cieni online", "Warsztaty teatru cieni transmitowane do szkół z interaktywną sceną.",
          Stage.ALIGN, Origin.MEETING, "Rzeszów: Dziedzictwo spotyka kreatywnych 2026", ("Plan transmisji", "Licencje na muzykę")),
    Story("Skarby z magazynu: kolekcja 3D", "Udostępnienie stu obiektów z magazynu jako modeli 3D na licencji CC BY.",
          Stage.COCREATE, Origin.CALL, "Pilotaże 2025: dziedzictwo × sektor kreatywny", ("Digitalizacja 100 obiektów", "Prototyp przeglądarki")),
    Story("Festiwal w VR", "Wirtualna scena festiwalu folkowego dla widzów z zagranicy.",
          Stage.COCREATE, Origin.MEETING, "Rzeszów: Dziedzictwo spotyka kreatywnych 2026", ("Nagranie 360°", "Prototyp sceny")),
    Story("Mapa drewnianej architektury", "Interaktywna mapa cerkwi i kościołów drewnianych z trasami rowerowymi.",
          Stage.PILOT, Origin.CALL, "Pilotaże 2025: dziedzictwo × sektor kreatywny", ("Dane 120 obiektów", "Pilotaż z biurem turystycznym"),
          ((OutcomeKind.SERVICE, "Serwis z trasami", None), (OutcomeKind.AUDIENCE, "Odwiedziny serwisu", 15300))),
    Story("Muzealna escape room", "Pokój zagadek oparty na historii kolekcji, prowadzony przez muzeum i studio gier.",
          Stage.SUSTAIN, Origin.MEETING, "Rzeszów: Dziedzictwo spotyka kreatywnych 2026", ("Otwarcie pokoju", "Sezon letni", "Model biletowy"),
          ((OutcomeKind.PRODUCT, "Pokój zagadek w muzeum", None), (OutcomeKind.REVENUE, "Przychód z biletów w pierwszym roku", 68000),
           (OutcomeKind.JOBS, "Nowe etaty prowadzących", 2)),
          published=True),
    Story("Archiwum głosów: historia mówiona w podcastach", "Seria podcastów z nagrań historii mówionej z archiwum regionalnego.",
          Stage.SUSTAIN, Origin.RECOMMENDATION, "Rekomendacja dopasowania", ("Pierwszy sezon", "Umowa z rozgłośnią"),
          ((OutcomeKind.PRODUCT, "Podcast, dwa sezony", None), (OutcomeKind.AUDIENCE, "Odsłuchy", 52000),
           (OutcomeKind.FUNDING, "Grant na trzeci sezon", 40000)),
          published=True),
    Story("Haft w aplikacji do nauki", "Aplikacja ucząca wzorów haftu regionalnego; zakończona zgodnie z planem.",
          Stage.ENDED, Origin.WORKSHOP, "World Café Rzeszów 2026", ("Biblioteka wzorów", "Wydanie aplikacji"),
          ((OutcomeKind.PRODUCT, "Aplikacja do nauki haftu", None), (OutcomeKind.AUDIENCE, "Pobrania", 8700)),
          end_reason=EndReason.COMPLETED, published=True),
    Story("Planszówka o twierdzy", "Gra planszowa o historii twierdzy; partnerzy nie znaleźli finansowania druku.",
          Stage.ENDED, Origin.MANUAL, "", ("Prototyp gry", "Testy z graczami"), end_reason=EndReason.NO_FUNDING),
]


def _partners(seed: int) -> tuple[list[Organisation], list[Organisation], list[Organisation]]:
    rng = random.Random(f"{seed}-partnerships")
    published = Organisation.objects.filter(publication=Publication.PUBLISHED).order_by("external_id", "id")
    heritage = list(published.filter(kind__in=HERITAGE_KINDS)[:400])
    creative = list(published.filter(kind__in=CREATIVE_KINDS)[:400])
    rng.shuffle(heritage)
    rng.shuffle(creative)
    accounts = list(
        Organisation.objects.filter(people__user__email__in=DEMO_ACCOUNT_EMAILS).order_by("external_id", "id").distinct()
    )
    return heritage, creative, accounts


def _walk_to(partnership: Partnership, story: Story, *, started: Any) -> Partnership:
    """Tick the checklist and advance stage by stage up to the story's stage (or end it)."""
    target = story.stage if story.stage != Stage.ENDED else (Stage.PILOT if story.end_reason == EndReason.COMPLETED else Stage.COCREATE)
    steps = STAGE_ORDER.index(target)
    for _step in range(steps):
        for code in services.missing_required_items(partnership):
            services.set_checklist_item(partnership, code, done=True, actor=None)
        partnership = services.advance_stage(partnership, actor=None)
    if story.stage == Stage.ENDED:
        partnership = services.end_partnership(partnership, reason=story.end_reason, actor=None)
    # Spread the history over the past months so trends and "stage since" look lived-in.
    transitions = list(partnership.transitions.order_by("at", "id"))
    for index, transition in enumerate(transitions):
        StageTransition.objects.filter(pk=transition.pk).update(at=started + timedelta(days=45 * index))
    Partnership.objects.filter(pk=partnership.pk).update(
        created_at=started, stage_changed_at=started + timedelta(days=45 * (len(transitions) - 1))
    )
    partnership.refresh_from_db()
    return partnership


def _story(story: Story, index: int, lead: Organisation, partners: list[Organisation], seed: int) -> bool:
    if Partnership.objects.filter(title=story.title).exists():
        return False
    rng = random.Random(f"{seed}-{index}")
    today = timezone.localdate()
    started = timezone.now() - timedelta(days=60 + 45 * (STAGE_ORDER.index(story.stage) if story.stage in STAGE_ORDER else 4) + rng.randrange(30))
    partnership = services.open_partnership(
        title=story.title, summary=story.summary, lead=lead, partners=partners, actor=None,
        language="pl", origin=story.origin, origin_detail=story.origin_detail,
    )
    partnership = _walk_to(partnership, story, started=started)
    position = STAGE_ORDER.index(story.stage) if story.stage in STAGE_ORDER else len(STAGE_ORDER)
    for number, title in enumerate(story.milestones):
        due = (started + timedelta(days=40 * (number + 1))).date()
        milestone = services.add_milestone(partnership, title=title, due_date=due, actor=None)
        if due < today and (number < position or story.stage == Stage.ENDED):
            services.complete_milestone(milestone, actor=None, on=due)
    services.add_document(partnership, title="Karta partnerstwa (PDF)", url=f"https://example.org/demo/partnerstwo-{index + 1}.pdf", actor=None)
    for number, (kind, description, value) in enumerate(story.outcomes):
        services.record_outcome(
            partnership, kind=kind, description=description, actor=None,
            value=Decimal(value) if value is not None else None, achieved_on=today - timedelta(days=20 + 15 * number),
        )
    if story.published:
        for member in partnership.members.all():
            services.set_publication_consent(partnership, member.organisation, agreed=True, actor=None)
    return True


def load_demo(*, seed: int, stdout: Any, progress: bool) -> None:
    heritage, creative, accounts = _partners(seed)
    if len(heritage) < 2 or len(creative) < 2:
        stdout.write("Demo partnerships: skipped (too few organisations).")
        return
    created = 0
    with tqdm(total=len(STORIES), desc="partnerships", unit="partnerships", disable=not progress, leave=True) as bar, transaction.atomic():
        for index, story in enumerate(STORIES):
            lead = heritage[index % len(heritage)]
            partners = [creative[index % len(creative)]]
            if index % 3 == 2:
                partners.append(creative[(index + 7) % len(creative)])
            if story.with_demo_accounts and len(accounts) >= 2:
                museum = next((o for o in accounts if o.kind in HERITAGE_KINDS), None)
                studio = next((o for o in accounts if o.kind in CREATIVE_KINDS), None)
                if museum is not None and studio is not None:
                    lead, partners = museum, [studio]
            created += _story(story, index, lead, partners, seed)
            bar.update(1)
    connection.check_constraints()
    stdout.write(
        f"Demo partnerships: {created} new; "
        f"{Partnership.objects.filter(title__in=[s.title for s in STORIES], published_at__isnull=False).count()} in the showcase."
    )


__all__ = ["STORIES", "load_demo"]
