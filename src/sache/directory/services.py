"""Writes of the directory. Every change to an organisation goes through here."""

from __future__ import annotations

from django.db import transaction
from django.utils import timezone

from sache.directory import documents
from sache.directory.models import Organisation, OrganisationFacetValue


def refresh_organisation(organisation: Organisation) -> Organisation:
    """Recompute the derived fields of ``organisation``: search document, completeness, facet rows.

    Writes the organisation's derived columns and replaces its facet rows.
    Call it after any change to the profile, its descriptions or its people.
    """
    descriptions = list(organisation.descriptions.order_by("-is_primary", "language").values_list("text", flat=True))
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
        people_count=organisation.people.count(),
    )
    organisation.updated_at = timezone.now()
    rows = documents.facet_rows(
        heritage_domains=organisation.heritage_domains,
        creative_domains=organisation.creative_domains,
        languages=organisation.languages,
        competences=organisation.competences,
    )
    with transaction.atomic():
        organisation.save(update_fields=["search_document", "completeness", "updated_at"])
        OrganisationFacetValue.objects.filter(organisation=organisation).delete()
        OrganisationFacetValue.objects.bulk_create(
            OrganisationFacetValue(organisation=organisation, facet=facet, value=value) for facet, value in rows
        )
    return organisation
