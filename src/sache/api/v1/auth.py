"""Who is calling: a personal token (``Authorization: Bearer …``) or the browser session.

Reads are open to anonymous callers and show them what an anonymous visitor of
the web pages sees; writes need a token, or a session plus its CSRF token.
"""

from __future__ import annotations

from typing import Any

from django.contrib.auth.models import AnonymousUser
from django.http import HttpRequest
from ninja.security import APIKeyCookie, HttpBearer

from sache.api.services import user_for_token


class TokenAuth(HttpBearer):
    openapi_scheme = "bearer"

    def authenticate(self, request: HttpRequest, token: str) -> Any | None:
        user = user_for_token(token)
        if user is not None:
            request.user = user
        return user


class SessionAuth(APIKeyCookie):
    """The logged-in browser session; ninja checks the CSRF token for unsafe methods."""

    param_name = "sessionid"

    def authenticate(self, request: HttpRequest, key: str | None) -> Any | None:
        user = getattr(request, "user", None)
        return user if user is not None and user.is_authenticated else None


def caller(request: HttpRequest) -> Any:
    """The user behind a read request, anonymous when it carries no valid credentials."""
    header = request.headers.get("Authorization", "")
    if header.lower().startswith("bearer "):
        user = user_for_token(header.split(" ", 1)[1].strip())
        return user if user is not None else AnonymousUser()
    user = getattr(request, "user", None)
    return user if user is not None else AnonymousUser()


WRITE_AUTH = [TokenAuth(), SessionAuth()]
