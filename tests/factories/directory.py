from __future__ import annotations

import itertools

from sache.directory import services
from sache.directory.enums import OrganisationKind, Publication
from sache.directory.models import Need, Offer, Organisation, OrganisationDescription, Person

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
    return Need.objects.create(organisation=organisation, **fields)


def make_offer(organisation: Organisation, **fields) -> Offer:
    fields.setdefault("title", "AR guides for heritage sites")
    fields.setdefault("description", "We build augmented reality guides for castles and museums.")
    fields.setdefault("language", "en")
    return Offer.objects.create(organisation=organisation, **fields)
