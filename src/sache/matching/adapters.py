"""Directory rows ⇄ matching-engine records."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable

from sache.directory.enums import OrganisationKind, Publication, sector_group_of
from sache.directory.models import Need, Offer, Organisation, Person
from sache.engine.matching import LocalizedText, MatchQuery, OrgRecord
from sache.engine.matching.text import guess_language


def engine_kind(kind: str) -> str:
    """The engine's complementarity label: heritage, creative, technology or support."""
    if kind == OrganisationKind.TECHNOLOGY_PROVIDER:
        return "technology"
    return str(sector_group_of(kind))


def organisation_records(organisations: Iterable[Organisation]) -> list[OrgRecord]:
    """Records with each organisation's descriptions, offers and needs as texts in their languages."""
    organisations = list(organisations)
    ids = [organisation.pk for organisation in organisations]
    texts: dict[int, list[LocalizedText]] = defaultdict(list)
    for organisation in organisations:
        for description in organisation.descriptions.all():
            texts[organisation.pk].append(LocalizedText(description.text, description.language))
    for model in (Offer, Need):
        for owner, language, title, description in (
            model.objects.published().filter(organisation_id__in=ids)
            .order_by("organisation_id", "id").values_list("organisation_id", "language", "title", "description")
        ):
            texts[owner].append(LocalizedText(f"{title}. {description}", language))
    return [
        OrgRecord(
            id=str(organisation.pk),
            kind=engine_kind(organisation.kind),
            name=organisation.name,
            sectors=tuple(organisation.heritage_domains) + tuple(organisation.creative_domains),
            region=organisation.region,
            coordinates=(organisation.latitude, organisation.longitude) if organisation.latitude is not None and organisation.longitude is not None else None,
            languages=tuple(organisation.languages),
            texts=_one_text_per_language(texts[organisation.pk]),
            competences=tuple(organisation.competences),
            published=organisation.publication == Publication.PUBLISHED,
        )
        for organisation in organisations
    ]


def _one_text_per_language(texts: list[LocalizedText]) -> tuple[LocalizedText, ...]:
    """Join an organisation's texts language by language.

    One vector per language keeps the profile's meaning while encoding (about
    20 texts a second with the bundled model on two cores) stays proportional
    to organisations, not to every need and offer they ever posted.
    """
    by_language: dict[str, list[str]] = {}
    for text in texts:
        by_language.setdefault(text.language, []).append(text.text)
    return tuple(LocalizedText("\n".join(parts), language) for language, parts in by_language.items())


def need_query(need: Need) -> MatchQuery:
    return MatchQuery(
        id=f"need:{need.pk}",
        texts=(LocalizedText(f"{need.title}. {need.description}", need.language),),
        org_id=str(need.organisation_id),
        competences=tuple(need.competences),
    )


def organisation_query(organisation: Organisation) -> MatchQuery:
    """Partners for the organisation as a whole: its own record in the index supplies the rest."""
    return MatchQuery(id=f"organisation:{organisation.pk}", org_id=str(organisation.pk))


def need_records(needs: Iterable[Need]) -> list[OrgRecord]:
    """Open needs as records of an index of needs (for "needs you could answer")."""
    return [
        OrgRecord(
            id=str(need.pk),
            kind=engine_kind(need.organisation.kind),
            name=need.title,
            sectors=tuple(need.organisation.heritage_domains) + tuple(need.organisation.creative_domains),
            region=need.organisation.region,
            coordinates=(need.organisation.latitude, need.organisation.longitude) if need.organisation.latitude is not None and need.organisation.longitude is not None else None,
            languages=tuple(need.organisation.languages),
            texts=(LocalizedText(f"{need.title}. {need.description}", need.language),),
            competences=tuple(need.competences),
        )
        for need in needs
    ]


def offering_query(organisation: Organisation, record: OrgRecord) -> MatchQuery:
    """What a creative organisation can do, as a query against the needs index."""
    return MatchQuery(
        id=f"offering:{organisation.pk}",
        texts=record.texts,
        kind=record.kind,
        sectors=record.sectors,
        region=record.region,
        coordinates=record.coordinates,
        languages=record.languages,
        competences=record.competences,
    )


def reviewer_records(reviewers: Iterable) -> list[OrgRecord]:
    """One engine record per reviewer (id: the user's pk): what they and their organisations do.

    Texts are the reviewer's role and skills and the texts of every
    organisation they belong to (descriptions, offers, needs); competences,
    sectors and languages are the union of theirs and their organisations'.
    """
    reviewers = list(reviewers)
    people: dict[int, list[Person]] = defaultdict(list)
    for person in Person.objects.filter(user__in=reviewers).select_related("organisation").order_by("pk"):
        people[person.user_id].append(person)
    organisations = {person.organisation_id: person.organisation for persons in people.values() for person in persons}
    by_org = {int(record.id): record for record in organisation_records(
        Organisation.objects.prefetch_related("descriptions").filter(pk__in=organisations).order_by("pk")
    )}
    records = []
    for reviewer in reviewers:
        texts: list[LocalizedText] = []
        competences: list[str] = []
        sectors: list[str] = []
        languages: list[str] = []
        for person in people.get(reviewer.pk, []):
            own = " ".join(part for part in [person.role, ", ".join(person.skills or [])] if part)
            if own:
                texts.append(LocalizedText(own, guess_language(own)))
            competences += [str(skill) for skill in person.skills or []]
            languages += list(person.languages or [])
            record = by_org.get(person.organisation_id)
            if record is not None:
                texts += record.texts
                competences += record.competences
                sectors += record.sectors
                languages += record.languages
        records.append(
            OrgRecord(
                id=str(reviewer.pk),
                name=str(getattr(reviewer, "full_name", "") or ""),
                texts=tuple(texts),
                competences=tuple(dict.fromkeys(competences)),
                sectors=tuple(dict.fromkeys(sectors)),
                languages=tuple(dict.fromkeys(languages)),
            )
        )
    return records
