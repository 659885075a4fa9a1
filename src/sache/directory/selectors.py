"""Reads of the directory, always filtered by what the viewer may see."""

from __future__ import annotations

from typing import Any

from django.db.models import Q, QuerySet
from django.http import Http404

from sache.directory.enums import Publication
from sache.directory.models import DigitalProduct, HeritageAsset, Need, Offer, Organisation

RECORD_MODELS = {"need": Need, "offer": Offer, "asset": HeritageAsset, "product": DigitalProduct}


def member_organisation_ids(user: Any) -> set[int]:
    if not getattr(user, "is_authenticated", False):
        return set()
    return set(user.memberships.values_list("organisation_id", flat=True))


def organisations_visible_to(user: Any) -> QuerySet[Organisation]:
    """Published organisations, plus drafts of the viewer's own; operators see all."""
    queryset = Organisation.objects.all()
    if getattr(user, "is_operator", False):
        return queryset
    own = member_organisation_ids(user)
    return queryset.filter(Q(publication=Publication.PUBLISHED) | Q(id__in=own))


def get_organisation_for(user: Any, slug: str) -> Organisation:
    organisation = organisations_visible_to(user).filter(slug=slug).first()
    if organisation is None:
        raise Http404
    return organisation


def records_visible_to(model_name: str, user: Any) -> QuerySet:
    """Published records of published organisations, plus the viewer's own; operators see all."""
    model = RECORD_MODELS[model_name]
    queryset = model.objects.select_related("organisation")
    if getattr(user, "is_operator", False):
        return queryset
    own = member_organisation_ids(user)
    return queryset.filter(
        Q(publication=Publication.PUBLISHED, organisation__publication=Publication.PUBLISHED) | Q(organisation_id__in=own)
    )


def get_record_for(model_name: str, user: Any, pk: int):
    record = records_visible_to(model_name, user).filter(pk=pk).first()
    if record is None:
        raise Http404
    return record


def organisation_page(organisation: Organisation, user: Any) -> dict[str, Any]:
    return {
        "organisation": organisation,
        "descriptions": list(organisation.descriptions.all()),
        "people": list(organisation.people.all()),
        "needs": list(records_visible_to("need", user).filter(organisation=organisation)),
        "offers": list(records_visible_to("offer", user).filter(organisation=organisation)),
        "assets": list(records_visible_to("asset", user).filter(organisation=organisation)),
        "products": list(records_visible_to("product", user).filter(organisation=organisation)),
    }
