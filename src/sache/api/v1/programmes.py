"""Programmes the hub runs: public, like its events and calls."""

from django.db.models import QuerySet
from django.http import HttpRequest
from ninja import Router
from ninja.pagination import paginate

from sache.api.v1.errors import READ_ERRORS
from sache.api.v1.pagination import BoundedLimitOffset
from sache.api.v1.schemas import ProgrammeOut
from sache.programmes import selectors
from sache.programmes.models import Programme

router = Router(tags=["programmes"])


@router.get("", response={200: list[ProgrammeOut], **READ_ERRORS}, summary="Programmes")
@paginate(BoundedLimitOffset)
def list_programmes(request: HttpRequest) -> QuerySet[Programme]:
    return selectors.programmes()


@router.get("/{code}", response={200: ProgrammeOut, **READ_ERRORS}, summary="One programme")
def get_programme(request: HttpRequest, code: str) -> Programme:
    return selectors.get_programme(code)
