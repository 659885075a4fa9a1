"""Writes of the API app: personal tokens."""

from __future__ import annotations

import secrets
from typing import Any

from django.utils import timezone

from sache.accounts.models import hash_token
from sache.api.models import ApiToken
from sache.core.services import log_action

TOKEN_PREFIX = "sache_"


def create_api_token(user: Any, *, name: str) -> tuple[ApiToken, str]:
    """Create a token for ``user``; returns it with the raw secret, which is never stored.

    Logs ``api.token.created``.
    """
    raw = TOKEN_PREFIX + secrets.token_urlsafe(32)
    token = ApiToken.objects.create(user=user, name=name, prefix=raw[: len(TOKEN_PREFIX) + 4], token_hash=hash_token(raw))
    log_action(token, "api.token.created", actor=user, data={"name": name})
    return token, raw


def revoke_api_token(token: ApiToken, *, actor: Any) -> ApiToken:
    """Revoke at once: the next request with it is refused. Logs ``api.token.revoked``."""
    if token.revoked_at is None:
        token.revoked_at = timezone.now()
        token.save(update_fields=["revoked_at"])
        log_action(token, "api.token.revoked", actor=actor)
    return token


def user_for_token(raw: str) -> Any | None:
    """The active user a raw token belongs to, or None. Records when the token was last used."""
    token = ApiToken.objects.select_related("user").filter(token_hash=hash_token(raw), revoked_at__isnull=True).first()
    if token is None or not token.user.is_active:
        return None
    now = timezone.now()
    # Writing on every request would serialise API traffic on one row; once a minute is enough to show use.
    if token.last_used_at is None or (now - token.last_used_at).total_seconds() > 60:
        ApiToken.objects.filter(pk=token.pk).update(last_used_at=now)
    return token.user
