"""``sache seed-demo``: build a deterministic, realistic demo hub.

Same ``--seed`` and ``--orgs`` give identical rows; running it again adds nothing
twice (records are keyed by their external ids). ``--with-accounts`` adds one
login per role and prints them.
"""

from __future__ import annotations

import importlib
import random
from collections.abc import Iterable, Sequence
from datetime import UTC, datetime, timedelta
from typing import Any

from django.core.management.base import BaseCommand, CommandParser
from django.db import transaction
from django.utils.text import slugify
from tqdm import tqdm

from sache.accounts.models import User
from sache.core.bulk import insert_instances
from sache.demo import generate_hub
from sache.directory import documents
from sache.directory.enums import CREATIVE_KINDS, OrganisationKind, Publication
from sache.directory.models import (
    DigitalProduct,
    HeritageAsset,
    Need,
    Offer,
    Organisation,
    OrganisationDescription,
    OrganisationFacetValue,
    Person,
)
from sache.directory.search import rebuild_search_indexes

DEMO_PASSWORD = "demo-sache-2026"
DEMO_ACCOUNTS = [
    # email, full name, role description, how to set it up
    ("operator@demo.sache.example.org", "Olga Operatorka", "operator"),
    ("museum@demo.sache.example.org", "Marek Muzealny", "museum member"),
    ("studio@demo.sache.example.org", "Stella Studio", "creative-firm member"),
    ("reviewer@demo.sache.example.org", "Roman Recenzent", "reviewer"),
]
BATCH = 5000
# Apps whose demo activity builds on the directory, in dependency order.
DEMO_APPS = ["matching", "events", "cocreation", "calls", "partnerships", "programmes", "insights"]
# Demo records get creation dates spread over the programme's life so trends have a shape.
HISTORY_START = datetime(2024, 1, 8, 9, 0, tzinfo=UTC)
HISTORY_DAYS = 1000


def _chunks(items: Sequence[Any], size: int) -> Iterable[Sequence[Any]]:
    for start in range(0, len(items), size):
        yield items[start : start + size]


class Command(BaseCommand):
    help = "Load a deterministic demo hub (organisations, people, needs, offers, assets, products)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--orgs", type=int, default=200, help="Number of organisations (default 200).")
        parser.add_argument("--seed", type=int, default=2026, help="Random seed; equal seeds give equal hubs.")
        parser.add_argument("--with-accounts", action="store_true", help="Create one demo login per role.")
        parser.add_argument("--no-progress", action="store_true", help="Do not print progress bars.")

    def handle(self, *args: Any, orgs: int, seed: int, with_accounts: bool, no_progress: bool, **options: Any) -> None:
        self.progress = not no_progress
        hub = generate_hub(orgs=orgs, seed=seed)
        clock = random.Random(seed)
        existing = set(Organisation.objects.filter(external_id__isnull=False).values_list("external_id", flat=True))
        new_orgs = [record for record in hub.orgs if record.external_id not in existing]
        dates = {record.external_id: self._date(clock) for record in hub.orgs}
        if new_orgs:
            self._load(hub, new_orgs, dates)
            rebuild_search_indexes()  # FTS5 rebuild and planner statistics after the bulk load
        self.stdout.write(f"Demo hub: {len(new_orgs)} new organisations ({len(hub.orgs) - len(new_orgs)} already there).")
        if with_accounts:
            self._accounts()
        self._load_app_demos(seed)

    def _load_app_demos(self, seed: int) -> None:
        """Let each app add its own demo activity (events, workshops, calls...) on top of the directory.

        An app takes part by providing ``sache.<app>.demo.load_demo(*, seed, stdout, progress)``,
        which must be idempotent like this command.
        """
        for app in DEMO_APPS:
            try:
                module = importlib.import_module(f"sache.{app}.demo")
            except ModuleNotFoundError as error:
                if error.name not in {f"sache.{app}", f"sache.{app}.demo"}:
                    raise
                continue
            module.load_demo(seed=seed, stdout=self.stdout, progress=self.progress)

    @staticmethod
    def _date(clock: random.Random) -> datetime:
        return HISTORY_START + timedelta(days=clock.randrange(HISTORY_DAYS), minutes=clock.randrange(600))

    def _bar(self, total: int, label: str) -> tqdm:
        return tqdm(total=total, desc=label, unit="rows", disable=not self.progress, leave=True)

    @transaction.atomic
    def _load(self, hub: Any, new_orgs: list[Any], dates: dict[str, datetime]) -> None:
        wanted = {record.external_id for record in new_orgs}
        people_by_org: dict[str, int] = {}
        for person in hub.people:
            people_by_org[person.org_external_id] = people_by_org.get(person.org_external_id, 0) + 1

        used_slugs = set(Organisation.objects.values_list("slug", flat=True))
        organisations = []
        descriptions_by_org: dict[str, list[tuple[str, str]]] = {}
        for record in new_orgs:
            slug = base = slugify(record.name)[:100] or "organisation"
            suffix = 2
            while slug in used_slugs:
                slug = f"{base}-{suffix}"
                suffix += 1
            used_slugs.add(slug)
            texts = [text for _language, text in record.descriptions]
            descriptions_by_org[record.external_id] = list(record.descriptions)
            organisations.append(
                Organisation(
                    external_id=record.external_id,
                    slug=slug,
                    name=record.name,
                    kind=record.kind,
                    heritage_domains=list(record.heritage_domains),
                    creative_domains=list(record.creative_domains),
                    region=record.region,
                    city=record.city,
                    latitude=record.latitude,
                    longitude=record.longitude,
                    size_band=record.size_band,
                    languages=list(record.languages),
                    website=record.website,
                    competences=list(record.competences),
                    tags=list(record.tags),
                    founded=record.founded,
                    publication=record.status,
                    completeness=documents.profile_completeness(
                        descriptions=texts,
                        heritage_domains=record.heritage_domains,
                        creative_domains=record.creative_domains,
                        competences=record.competences,
                        languages=record.languages,
                        website=record.website,
                        city=record.city,
                        size_band=record.size_band,
                        people_count=people_by_org.get(record.external_id, 0),
                    ),
                    search_document=documents.organisation_document(
                        name=record.name,
                        city=record.city,
                        region=record.region,
                        descriptions=texts,
                        tags=record.tags,
                        competences=record.competences,
                    ),
                    created_at=dates[record.external_id],
                    updated_at=dates[record.external_id],
                )
            )
        with self._bar(len(organisations), "organisations") as bar:
            for chunk in _chunks(organisations, BATCH):
                insert_instances(Organisation, chunk)
                bar.update(len(chunk))
        ids = dict(Organisation.objects.filter(external_id__in=wanted).values_list("external_id", "id"))

        descriptions = [
            OrganisationDescription(organisation_id=ids[external_id], language=language, text=text, is_primary=index == 0)
            for external_id, entries in descriptions_by_org.items()
            for index, (language, text) in enumerate(entries)
        ]
        facets = [
            OrganisationFacetValue(organisation_id=ids[record.external_id], facet=facet, value=value)
            for record in new_orgs
            for facet, value in documents.facet_rows(
                heritage_domains=record.heritage_domains,
                creative_domains=record.creative_domains,
                languages=record.languages,
                competences=record.competences,
            )
        ]
        people = [
            Person(
                organisation_id=ids[record.org_external_id],
                external_id=record.external_id,
                first_name=record.first_name,
                last_name=record.last_name,
                email=record.email,
                role=record.role,
                skills=list(record.skills),
                languages=list(record.languages),
                phone=record.phone,
                consent_contact=record.consent_contact,
                consent_recorded_at=dates[record.org_external_id] if record.consent_contact else None,
            )
            for record in hub.people
            if record.org_external_id in wanted
        ]
        self._bulk(OrganisationDescription, descriptions, "descriptions")
        self._bulk(OrganisationFacetValue, facets, "facets")
        self._bulk(Person, people, "people")

        def shared(record: Any) -> dict[str, Any]:
            """Fields every need, offer, asset and product record carries the same way."""
            created = dates[record.org_external_id]
            return {
                "organisation_id": ids[record.org_external_id],
                "external_id": record.external_id,
                "language": record.language,
                "title": record.title,
                "description": record.description,
                "created_at": created,
                "updated_at": created,
            }

        assets = [
            HeritageAsset(
                **shared(record),
                kind=record.kind,
                period=record.period,
                place=record.place,
                rights_uri=record.rights_uri,
                reuse_conditions=record.reuse_conditions,
                search_document=documents.asset_document(title=record.title, description=record.description, period=record.period, place=record.place),
            )
            for record in hub.assets
            if record.org_external_id in wanted
        ]
        self._bulk(HeritageAsset, assets, "heritage assets")
        asset_ids = dict(
            HeritageAsset.objects.filter(organisation_id__in=ids.values()).values_list("external_id", "id")
        )
        needs = [
            Need(
                **shared(record),
                competences=list(record.competences),
                budget_band=record.budget_band,
                timeframe=record.timeframe,
                status=record.status,
                asset_id=asset_ids.get(record.asset_external_id) if record.asset_external_id else None,
                search_document=documents.need_document(title=record.title, description=record.description, competences=record.competences),
            )
            for record in hub.needs
            if record.org_external_id in wanted
        ]
        offers = [
            Offer(
                **shared(record),
                competences=list(record.competences),
                portfolio_links=list(record.portfolio_links),
                price_band=record.price_band,
                search_document=documents.offer_document(title=record.title, description=record.description, competences=record.competences),
            )
            for record in hub.offers
            if record.org_external_id in wanted
        ]
        products = [
            DigitalProduct(
                **shared(record),
                category=record.category,
                audience=record.audience,
                price_band=record.price_band,
                references=list(record.references),
                search_document=documents.product_document(title=record.title, description=record.description, audience=record.audience),
            )
            for record in hub.products
            if record.org_external_id in wanted
        ]
        self._bulk(Need, needs, "needs")
        self._bulk(Offer, offers, "offers")
        self._bulk(DigitalProduct, products, "digital products")

    def _bulk(self, model: type, rows: list[Any], label: str) -> None:
        with self._bar(len(rows), label) as bar:
            for chunk in _chunks(rows, BATCH):
                insert_instances(model, chunk)
                bar.update(len(chunk))

    def _accounts(self) -> None:
        museum = (
            Organisation.objects.filter(kind=OrganisationKind.MUSEUM, publication=Publication.PUBLISHED, region__startswith="PL82")
            .order_by("external_id")
            .first()
        )
        studio = (
            Organisation.objects.filter(kind__in=CREATIVE_KINDS, publication=Publication.PUBLISHED)
            .order_by("external_id")
            .first()
        )
        self.stdout.write(f"\nDemo logins (password for all: {DEMO_PASSWORD}):")
        for email, full_name, role in DEMO_ACCOUNTS:
            user, created = User.objects.get_or_create(email=email, defaults={"full_name": full_name})
            if created:
                user.set_password(DEMO_PASSWORD)
            if role == "operator":
                user.is_operator = True
                user.is_staff = True
            if role == "reviewer":
                user.is_reviewer = True
            user.save()
            organisation = {"museum member": museum, "creative-firm member": studio}.get(role)
            if organisation is not None:
                first, _sep, last = full_name.partition(" ")
                Person.objects.get_or_create(
                    organisation=organisation,
                    user=user,
                    defaults={"first_name": first, "last_name": last, "email": email, "role": role, "is_admin": True},
                )
            where = f" at {organisation.name}" if organisation is not None else ""
            self.stdout.write(f"  {role:<22} {email}{where}")
