"""Published conclusions of co-creation workshops (World Café): the public record of what was agreed."""
# No "from __future__ import annotations": django-ninja reads the annotations at import time.

import re
from datetime import date

from django.db.models import QuerySet
from django.http import HttpRequest
from ninja import Field, Query, Router, Schema
from ninja.pagination import paginate
from pydantic import field_validator

from sache.api.v1.errors import READ_ERRORS
from sache.api.v1.pagination import BoundedLimitOffset
from sache.api.v1.schemas import ConclusionsOut
from sache.cocreation import selectors
from sache.cocreation.models import Conclusions

router = Router(tags=["co-creation"])
ISO_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")


class ConclusionsFilters(Schema):
    workshop: str = Field("", description="Slug of the workshop (its event).")
    language: str = Field("", description="Language of the conclusions' text, e.g. pl, en.")
    region: str = Field("", description="NUTS code; matches the workshops in that region and every region below it.")
    held_from: date | None = Field(None, description="Workshops held on or after this day (first round, else publication).")
    held_to: date | None = Field(None, description="Workshops held on or before this day.")

    @field_validator("held_from", "held_to", mode="before")
    @classmethod
    def _calendar_day(cls, value: object) -> object:
        # Pydantic would also read "0" or "1700000000" as a Unix time; the document promises a date.
        if isinstance(value, str) and not ISO_DAY.fullmatch(value):
            raise ValueError("Give a day as YYYY-MM-DD.")
        return value


@router.get("", response={200: list[ConclusionsOut], **READ_ERRORS}, summary="Published workshop conclusions")
@paginate(BoundedLimitOffset)
def list_conclusions(request: HttpRequest, filters: Query[ConclusionsFilters]) -> QuerySet[Conclusions]:
    """Only published conclusions of published workshops, for every caller: drafts never appear here."""
    return selectors.published_conclusions(
        workshop=filters.workshop, language=filters.language, region=filters.region,
        held_from=filters.held_from, held_to=filters.held_to,
    )


@router.get("/{slug}", response={200: ConclusionsOut, **READ_ERRORS}, summary="The published conclusions of one workshop")
def get_conclusions(request: HttpRequest, slug: str) -> Conclusions:
    return selectors.get_published_conclusions(slug)
