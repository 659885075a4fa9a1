"""Recommendations for the caller's own organisations, from the matching engine, and verdicts on them."""

from django.core.exceptions import PermissionDenied
from django.http import HttpRequest
from ninja import Field, Query, Router, Schema

from sache.api.v1.auth import WRITE_AUTH
from sache.api.v1.errors import WRITE_ERRORS, ApiValidationError
from sache.api.v1.schemas import RecommendationOut, VerdictIn, VerdictOut
from sache.directory import rules, selectors
from sache.matching import selectors as matching
from sache.matching.models import Surface
from sache.matching.services import record_impressions, record_verdict

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


@router.post(
    "/verdicts", response={200: VerdictOut, **WRITE_ERRORS}, auth=WRITE_AUTH,
    summary="Mark a recommendation useful or not",
)
def post_verdict(request: HttpRequest, payload: VerdictIn) -> dict:
    """Tell the hub whether a recommendation was useful, for later evaluation of the matching.

    The same rules as reading recommendations: only for your own organisation.
    One verdict per person and recommendation; posting again replaces it.
    """
    organisation = selectors.get_organisation_for(request.user, payload.organisation)
    if not rules.can_edit_organisation(request.user, organisation):
        raise PermissionDenied
    suggested = selectors.organisations_visible_to(request.user).filter(slug=payload.suggested).first()
    try:
        if suggested is None:
            raise matching.UnknownSuggestion
        target = matching.verdict_target(request.user, f"organisation:{organisation.pk}", organisation_id=suggested.pk)
    except matching.UnknownSuggestion:
        raise ApiValidationError([("suggested", f"No organisation {payload.suggested!r} that could be recommended to you.")]) from None
    feedback = record_verdict(
        target, useful=payload.useful, rank=payload.rank, score=payload.score, actor=request.user, surface=Surface.API
    )
    return {
        "organisation": organisation.slug, "suggested": suggested.slug, "useful": feedback.useful,
        "rank": feedback.rank, "score": feedback.score, "created_at": feedback.created_at,
    }
