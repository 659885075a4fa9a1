"""Writes of the directory. Every change to an organisation or its records goes through here.

Each write recomputes the record's derived fields (``documents.py``) and logs a
``directory.*`` entry in the activity log. Search indexes follow the rows on
their own (see ``search.py``).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.db.models import Model
from django.utils import timezone
from django.utils.text import slugify

from sache.core.models import ActivityLog
from sache.core.services import log_action
from sache.directory import documents
from sache.directory.enums import Publication
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
from sache.directory.text import fold

# Slugs that would collide with the fixed paths under /organisations/.
RESERVED_SLUGS = frozenset({"new", "export", "import"})
RECORD_KINDS: dict[type[Model], str] = {Need: "need", Offer: "offer", HeritageAsset: "asset", DigitalProduct: "product"}


def _derive(organisation: Organisation, descriptions: Sequence[str], *, people_count: int) -> None:
    organisation.search_document = documents.organisation_document(
        name=organisation.name,
        city=organisation.city,
        region=organisation.region,
        descriptions=descriptions,
        tags=organisation.tags,
        competences=organisation.competences,
    )
    organisation.completeness = documents.profile_completeness(
        descriptions=descriptions,
        heritage_domains=organisation.heritage_domains,
        creative_domains=organisation.creative_domains,
        competences=organisation.competences,
        languages=organisation.languages,
        website=organisation.website,
        city=organisation.city,
        size_band=organisation.size_band,
        people_count=people_count,
    )


def _facet_rows(organisation: Organisation) -> list[tuple[str, str]]:
    return documents.facet_rows(
        heritage_domains=organisation.heritage_domains,
        creative_domains=organisation.creative_domains,
        languages=organisation.languages,
        competences=organisation.competences,
    )


def refresh_organisation(organisation: Organisation) -> Organisation:
    """Recompute the derived fields of ``organisation``: search document, completeness, facet rows.

    Writes the organisation's derived columns and replaces its facet rows.
    Call it after any change to the profile, its descriptions or its people.
    """
    descriptions = list(organisation.descriptions.order_by("-is_primary", "language").values_list("text", flat=True))
    _derive(organisation, descriptions, people_count=organisation.people.count())
    organisation.updated_at = timezone.now()
    with transaction.atomic():
        organisation.save(update_fields=["search_document", "completeness", "updated_at"])
        OrganisationFacetValue.objects.filter(organisation=organisation).delete()
        OrganisationFacetValue.objects.bulk_create(
            OrganisationFacetValue(organisation=organisation, facet=facet, value=value)
            for facet, value in _facet_rows(organisation)
        )
    return organisation


def _slug_base(name: str) -> str:
    # fold() first: slugify drops letters NFKD cannot decompose ("Łańcut" would become "ancut").
    return slugify(fold(name))[:100] or "organisation"


def unique_slug(name: str, *, exclude_pk: int | None = None) -> str:
    base = _slug_base(name)
    taken = Organisation.objects.filter(slug__startswith=base)
    if exclude_pk is not None:
        taken = taken.exclude(pk=exclude_pk)
    used = set(taken.values_list("slug", flat=True)) | RESERVED_SLUGS
    slug, suffix = base, 2
    while slug in used:
        slug, suffix = f"{base}-{suffix}", suffix + 1
    return slug


def _set_descriptions(
    organisation: Organisation, descriptions: Mapping[str, str], main_language: str, *, new: bool = False
) -> None:
    """Make the stored descriptions equal ``descriptions`` (empty texts remove a language), writing only changes."""
    texts = {language: text.strip() for language, text in descriptions.items() if text and text.strip()}
    main = main_language if main_language in texts else next(iter(texts), "")
    stored = {} if new else {d.language: d for d in organisation.descriptions.all()}
    gone = [d.pk for language, d in stored.items() if language not in texts]
    if gone:
        OrganisationDescription.objects.filter(pk__in=gone).delete()
    added = []
    for language, text in texts.items():
        description = stored.get(language)
        if description is None:
            added.append(OrganisationDescription(organisation=organisation, language=language, text=text, is_primary=language == main))
        elif (description.text, description.is_primary) != (text, language == main):
            description.text, description.is_primary = text, language == main
            description.save(update_fields=["text", "is_primary"])
    OrganisationDescription.objects.bulk_create(added)


@transaction.atomic
def create_organisation(
    *, actor: Any, fields: Mapping[str, Any], descriptions: Mapping[str, str], main_language: str = "", as_member: bool = True
) -> Organisation:
    """Create an organisation as a draft with its descriptions.

    With ``as_member`` (and an actor who is not an operator) the actor becomes its first
    member and manager. Writes the organisation, descriptions, person and facet rows;
    logs ``directory.organisation.created``.
    """
    values = dict(fields)
    values.setdefault("publication", Publication.DRAFT)
    organisation = Organisation(slug=unique_slug(values["name"]), **values)
    organisation.save()
    _set_descriptions(organisation, descriptions, main_language, new=True)
    if as_member and getattr(actor, "is_authenticated", False) and not getattr(actor, "is_operator", False):
        first, _space, last = (actor.get_full_name() or actor.email).partition(" ")
        Person.objects.create(
            organisation=organisation, user=actor, first_name=first, last_name=last or "-", email=actor.email, is_admin=True
        )
    refresh_organisation(organisation)
    log_action(organisation, "directory.organisation.created", actor=actor)
    return organisation


@transaction.atomic
def create_organisations(
    entries: Sequence[tuple[Mapping[str, Any], Mapping[str, str], str]], *, actor: Any
) -> list[Organisation]:
    """Create many organisations at once, e.g. from an import: ``(fields, descriptions, main_language)`` each.

    Same derived fields as :func:`create_organisation`, written with one insert per
    table instead of a dozen queries per organisation; nobody becomes a member.
    Logs ``directory.organisation.created`` for each organisation.
    """
    used = set(Organisation.objects.values_list("slug", flat=True)) | RESERVED_SLUGS
    organisations, texts_by_org = [], []
    for fields, descriptions, main_language in entries:
        values = dict(fields)
        values.setdefault("publication", Publication.DRAFT)
        base = _slug_base(values["name"])
        slug, suffix = base, 2
        while slug in used:
            slug, suffix = f"{base}-{suffix}", suffix + 1
        used.add(slug)
        texts = {language: text.strip() for language, text in descriptions.items() if text and text.strip()}
        main = main_language if main_language in texts else next(iter(texts), "")
        ordered = sorted(texts.items(), key=lambda item: (item[0] != main, item[0]))
        organisation = Organisation(slug=slug, **values)
        _derive(organisation, [text for _language, text in ordered], people_count=0)
        organisations.append(organisation)
        texts_by_org.append((ordered, main))
    Organisation.objects.bulk_create(organisations)
    OrganisationDescription.objects.bulk_create(
        OrganisationDescription(organisation=organisation, language=language, text=text, is_primary=language == main)
        for organisation, (ordered, main) in zip(organisations, texts_by_org, strict=True)
        for language, text in ordered
    )
    OrganisationFacetValue.objects.bulk_create(
        OrganisationFacetValue(organisation=organisation, facet=facet, value=value)
        for organisation in organisations
        for facet, value in _facet_rows(organisation)
    )
    content_type = ContentType.objects.get_for_model(Organisation)
    ActivityLog.objects.bulk_create(
        ActivityLog(
            actor=actor if getattr(actor, "is_authenticated", False) else None,
            action="directory.organisation.created",
            content_type=content_type,
            object_id=str(organisation.pk),
        )
        for organisation in organisations
    )
    return organisations


@transaction.atomic
def update_organisation(
    organisation: Organisation, *, actor: Any, fields: Mapping[str, Any], descriptions: Mapping[str, str] | None = None, main_language: str = ""
) -> Organisation:
    """Change the profile fields (and, when given, replace the descriptions).

    Writes the organisation and its derived fields; logs ``directory.organisation.updated``
    with the names of the changed fields.
    """
    changed = [name for name, value in fields.items() if getattr(organisation, name) != value]
    for name, value in fields.items():
        setattr(organisation, name, value)
    if "name" in changed:
        organisation.slug = unique_slug(organisation.name, exclude_pk=organisation.pk)
    organisation.save()
    if descriptions is not None:
        _set_descriptions(organisation, descriptions, main_language)
    refresh_organisation(organisation)
    log_action(organisation, "directory.organisation.updated", actor=actor, data={"fields": changed})
    return organisation


@transaction.atomic
def delete_organisation(organisation: Organisation, *, actor: Any) -> None:
    """Delete the organisation with its people, needs, offers, assets and products; logs the deletion."""
    log_action(None, "directory.organisation.deleted", actor=actor, data={"id": organisation.pk, "name": organisation.name})
    organisation.delete()


def set_organisation_publication(organisation: Organisation, *, publication: str, actor: Any) -> Organisation:
    """Publish or unpublish; logs ``directory.organisation.published``/``unpublished``. No-op when unchanged."""
    if organisation.publication == publication:
        return organisation
    organisation.publication = publication
    organisation.updated_at = timezone.now()
    organisation.save(update_fields=["publication", "updated_at"])
    action = "published" if publication == Publication.PUBLISHED else "unpublished"
    log_action(organisation, f"directory.organisation.{action}", actor=actor)
    return organisation


@transaction.atomic
def merge_organisations(kept: Organisation, *, duplicate: Organisation, actor: Any) -> Organisation:
    """Move everything of ``duplicate`` to ``kept`` and delete ``duplicate``.

    People, needs, offers, assets and products move over; descriptions in languages
    ``kept`` lacks move too; list fields are united; empty fields of ``kept`` take the
    duplicate's values; a user who is a member of both stays one member. The external id
    of ``kept`` wins. Logs ``directory.organisation.merged`` on ``kept``.
    """
    if kept.pk == duplicate.pk:
        raise ValueError("An organisation cannot be merged into itself.")
    both = set(kept.people.filter(user__isnull=False).values_list("user_id", flat=True))
    duplicate.people.filter(user_id__in=both).delete()
    moved = {"people": duplicate.people.update(organisation=kept)}
    for model in (Need, Offer, HeritageAsset, DigitalProduct):
        moved[RECORD_KINDS[model]] = model.objects.filter(organisation=duplicate).update(organisation=kept)
    kept_languages = set(kept.descriptions.values_list("language", flat=True))
    duplicate.descriptions.exclude(language__in=kept_languages).update(organisation=kept, is_primary=False)
    for name in ("heritage_domains", "creative_domains", "languages", "competences", "tags"):
        setattr(kept, name, list(dict.fromkeys([*getattr(kept, name), *getattr(duplicate, name)])))
    for name in ("city", "website", "size_band", "latitude", "longitude", "founded"):
        if getattr(kept, name) in ("", None):
            setattr(kept, name, getattr(duplicate, name))
    if not kept.logo and duplicate.logo:
        kept.logo = duplicate.logo
    external_id = duplicate.external_id
    duplicate_name, duplicate_id = duplicate.name, duplicate.pk
    duplicate.delete()
    if not kept.external_id and external_id:
        kept.external_id = external_id
    kept.save()
    refresh_organisation(kept)
    log_action(
        kept,
        "directory.organisation.merged",
        actor=actor,
        data={"duplicate_id": duplicate_id, "duplicate_name": duplicate_name, "moved": moved},
    )
    return kept


# --- People --------------------------------------------------------------------


@transaction.atomic
def save_person(person: Person, *, actor: Any, fields: Mapping[str, Any]) -> Person:
    """Create (unsaved ``person``) or update a person; records when contact consent was given.

    Refreshes the organisation's completeness; logs ``directory.person.saved``.
    """
    created = person.pk is None
    for name, value in fields.items():
        setattr(person, name, value)
    if person.consent_contact and person.consent_recorded_at is None:
        person.consent_recorded_at = timezone.now()
    if not person.consent_contact:
        person.consent_recorded_at = None
    person.save()
    refresh_organisation(person.organisation)
    log_action(person, "directory.person.created" if created else "directory.person.updated", actor=actor)
    return person


@transaction.atomic
def delete_person(person: Person, *, actor: Any) -> None:
    """Remove a person (and so their membership); refreshes completeness and logs it."""
    organisation = person.organisation
    log_action(organisation, "directory.person.deleted", actor=actor, data={"person_id": person.pk})
    person.delete()
    refresh_organisation(organisation)


# --- Needs, offers, heritage assets, digital products ---------------------------


def record_document(record: Model) -> str:
    """The search document of a need, offer, asset or product (computed in ``documents.py``)."""
    if isinstance(record, Need):
        return documents.need_document(title=record.title, description=record.description, competences=record.competences)
    if isinstance(record, Offer):
        return documents.offer_document(title=record.title, description=record.description, competences=record.competences)
    if isinstance(record, HeritageAsset):
        return documents.asset_document(
            title=record.title, description=record.description, period=record.period, place=record.place
        )
    return documents.product_document(title=record.title, description=record.description, audience=record.audience)


@transaction.atomic
def save_record(record: Model, *, actor: Any, fields: Mapping[str, Any], images: Sequence[tuple[Any, str]] = ()) -> Model:
    """Create (unsaved ``record`` with its organisation set) or update a need, offer, asset or product.

    Writes the record with its search document; for assets adds ``images``
    (file, caption) pairs. Logs ``directory.<kind>.created``/``updated``.
    """
    created = record.pk is None
    for name, value in fields.items():
        setattr(record, name, value)
    record.search_document = record_document(record)
    record.updated_at = timezone.now()
    record.save()
    if isinstance(record, HeritageAsset):
        start = record.images.count()
        for offset, (image, caption) in enumerate(images):
            record.images.create(image=image, caption=caption, position=start + offset)
    kind = RECORD_KINDS[type(record)]
    log_action(record, f"directory.{kind}.{'created' if created else 'updated'}", actor=actor)
    return record


@transaction.atomic
def delete_record(record: Model, *, actor: Any) -> None:
    """Delete a need, offer, asset or product; logs ``directory.<kind>.deleted`` on its organisation."""
    kind = RECORD_KINDS[type(record)]
    log_action(record.organisation, f"directory.{kind}.deleted", actor=actor, data={"id": record.pk, "title": record.title})
    record.delete()


def set_record_publication(record: Model, *, publication: str, actor: Any) -> Model:
    """Publish or unpublish a need, offer, asset or product; logs it. No-op when unchanged."""
    if record.publication == publication:
        return record
    record.publication = publication
    record.updated_at = timezone.now()
    record.save(update_fields=["publication", "updated_at"])
    kind = RECORD_KINDS[type(record)]
    action = "published" if publication == Publication.PUBLISHED else "unpublished"
    log_action(record, f"directory.{kind}.{action}", actor=actor)
    return record
