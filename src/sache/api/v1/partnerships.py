"""Published partnerships: the public showcase as data."""


from django.db.models import QuerySet
from django.http import HttpRequest
from ninja import Router
from ninja.pagination import paginate

from sache.api.v1.errors import READ_ERRORS
from sache.api.v1.pagination import BoundedLimitOffset
from sache.api.v1.schemas import PartnershipOut
from sache.partnerships import selectors
from sache.partnerships.models import Partnership

router = Router(tags=["partnerships"])


@router.get("", response={200: list[PartnershipOut], **READ_ERRORS}, summary="Published partnerships")
@paginate(BoundedLimitOffset)
def list_partnerships(request: HttpRequest) -> QuerySet[Partnership]:
    """Partnerships every partner agreed to show in the public showcase."""
    return selectors.published_partnerships().select_related("programme")


@router.get("/{partnership_id}", response={200: PartnershipOut, **READ_ERRORS}, summary="One published partnership")
def get_partnership(request: HttpRequest, partnership_id: int) -> Partnership:
    return selectors.get_published_partnership(partnership_id)
