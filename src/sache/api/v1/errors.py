"""Errors of the API and their documented responses."""

from __future__ import annotations

from sache.api.v1.schemas import ErrorOut


class ApiValidationError(Exception):
    """Input that the hub's forms rejected; ``details`` is a list of (field, message)."""

    def __init__(self, details: list[tuple[str, str]]) -> None:
        super().__init__("validation failed")
        self.details = details


READ_ERRORS = {401: ErrorOut, 404: ErrorOut, 422: ErrorOut, 429: ErrorOut}
WRITE_ERRORS = {401: ErrorOut, 403: ErrorOut, 404: ErrorOut, 422: ErrorOut, 429: ErrorOut}
