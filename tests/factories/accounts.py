from __future__ import annotations

import itertools

from sache.accounts.models import User

_counter = itertools.count(1)
PASSWORD = "correct-horse-battery-staple"


def make_user(*, email: str | None = None, password: str = PASSWORD, **fields) -> User:
    email = email or f"user{next(_counter)}@example.org"
    return User.objects.create_user(email, password, **fields)


def make_operator(**fields) -> User:
    return make_user(is_operator=True, **fields)
