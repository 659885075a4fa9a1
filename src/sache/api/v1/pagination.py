"""Limit/offset pages with bounds stated in the OpenAPI document."""

from ninja import Field, Schema
from ninja.pagination import LimitOffsetPagination


class BoundedLimitOffset(LimitOffsetPagination):
    """At most 100 items a page; offsets past a million are refused as invalid (422), not sent to the database."""

    class Input(Schema):
        limit: int = Field(20, ge=1, le=100)
        offset: int = Field(0, ge=0, le=1_000_000)
