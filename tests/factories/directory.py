from __future__ import annotations

import itertools

from sache.directory import services
from sache.directory.enums import AssetKind, OrganisationKind, ProductCategory, Publication
from sache.directory.models import (
    DigitalProduct,
    HeritageAsset,
    Need,
    Offer,
    Organisation,
    OrganisationDescription,
    Person,
)

_counter = itertools.count(1)


def make_organisation(
    *,
    name: str | None = None,
    kind: str = OrganisationKind.MUSEUM,
    publication: str = Publication.PUBLISHED,
    region: str = "PL823",
    city: str = "Rzeszów",
    description: tuple[str, str] | None = None,
    **fields,
) -> Organisation:
    number = next(_counter)
    organisation = Organisation.objects.create(
        name=name or f"Organisation {number}",
        slug=f"organisation-{number}",
        kind=kind,
        publication=publication,
        region=region,
        city=city,
        **fields,
    )
    if description:
        OrganisationDescription.objects.create(
            organisation=organisation, language=description[0], text=description[1], is_primary=True
        )
    return services.refresh_organisation(organisation)


def make_member(organisation: Organisation, user) -> Person:
    return Person.objects.create(organisation=organisation, user=user, first_name="Anna", last_name="Nowak")


def make_need(organisation: Organisation, **fields) -> Need:
    fields.setdefault("title", "Przewodnik AR po zamku")
    fields.setdefault("description", "Szukamy studia, które przygotuje przewodnik w rozszerzonej rzeczywistości.")
    fields.setdefault("language", "pl")
    return _indexed(Need.objects.create(organisation=organisation, **fields))


def make_offer(organisation: Organisation, **fields) -> Offer:
    fields.setdefault("title", "AR guides for heritage sites")
    fields.setdefault("description", "We build augmented reality guides for castles and museums.")
    fields.setdefault("language", "en")
    return _indexed(Offer.objects.create(organisation=organisation, **fields))


def make_asset(organisation: Organisation, **fields) -> HeritageAsset:
    fields.setdefault("title", "Kolekcja powozów")
    fields.setdefault("description", "Ponad sto powozów i sań z XVIII i XIX wieku.")
    fields.setdefault("language", "pl")
    fields.setdefault("kind", AssetKind.COLLECTION_ITEM)
    fields.setdefault("rights_uri", "http://rightsstatements.org/vocab/InC/1.0/")
    return _indexed(HeritageAsset.objects.create(organisation=organisation, **fields))


def make_product(organisation: Organisation, **fields) -> DigitalProduct:
    fields.setdefault("title", "Ticketing for small museums")
    fields.setdefault("description", "Online ticket sales with timed entry and school group booking.")
    fields.setdefault("language", "en")
    fields.setdefault("category", ProductCategory.TICKETING)
    return _indexed(DigitalProduct.objects.create(organisation=organisation, **fields))


def make_person(organisation: Organisation, **fields) -> Person:
    fields.setdefault("first_name", "Jan")
    fields.setdefault("last_name", "Kowalski")
    return Person.objects.create(organisation=organisation, **fields)


def make_record(kind: str, organisation: Organisation, **fields):
    maker = {"need": make_need, "offer": make_offer, "asset": make_asset, "product": make_product}[kind]
    return maker(organisation, **fields)


def _indexed(record):
    """Store the search document the services would compute."""
    record.search_document = services.record_document(record)
    record.save(update_fields=["search_document"])
    return record
