"""Recommendations for the caller's own organisations, from the matching engine."""

from django.core.exceptions import PermissionDenied
from django.http import HttpRequest
from ninja import Field, Query, Router, Schema

from sache.api.v1.auth import WRITE_AUTH
from sache.api.v1.errors import WRITE_ERRORS
from sache.api.v1.schemas import RecommendationOut
from sache.directory import rules, selectors
from sache.matching import selectors as matching
from sache.matching.models import Surface
from sache.matching.services import record_impressions

router = Router(tags=["matching"])


class RecommendationFilters(Schema):
    organisation: str = Field(description="Slug of one of your organisations.")
    top: int = Field(6, ge=1, le=20)


@router.get(
    "", response={200: list[RecommendationOut], **WRITE_ERRORS}, auth=WRITE_AUTH,
    summary="Suggested partners for one of your organisations",
)
def recommendations(request: HttpRequest, filters: Query[RecommendationFilters]) -> list[dict]:
    """Members (and operators) get suggestions for their organisation, with the reasons for each."""
    organisation = selectors.get_organisation_for(request.user, filters.organisation)
    if not rules.can_edit_organisation(request.user, organisation):
        raise PermissionDenied
    suggestions = matching.suggested_partners_for_organisation(organisation, request.user, top=filters.top)
    record_impressions(Surface.API, len(suggestions))
    return [
        {
            "organisation": s.organisation.slug, "name": s.organisation.name, "kind": s.organisation.kind,
            "rank": s.rank, "score": s.score, "reasons": s.reasons,
        }
        for s in suggestions
    ]
