"""Validators of directory fields."""

from __future__ import annotations

import re

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

# rightsstatements.org statements and Creative Commons licences or public-domain tools.
RIGHTS_URI = re.compile(
    r"^https?://(rightsstatements\.org/vocab/[A-Za-z-]+/1\.0/?"
    r"|creativecommons\.org/(licenses/[a-z-]+/\d\.\d(/[a-z]{2})?|publicdomain/(zero|mark)/1\.0)/?)$"
)


def validate_rights_uri(value: str) -> None:
    """Accept a rightsstatements.org or Creative Commons URI.

    >>> validate_rights_uri("http://rightsstatements.org/vocab/InC/1.0/")
    >>> validate_rights_uri("https://creativecommons.org/licenses/by-sa/4.0/")
    >>> validate_rights_uri("https://example.org/my-licence")
    Traceback (most recent call last):
    ...
    django.core.exceptions.ValidationError: ['Give a rightsstatements.org or Creative Commons URI, e.g. http://rightsstatements.org/vocab/InC/1.0/ or https://creativecommons.org/licenses/by/4.0/.']
    """
    if not RIGHTS_URI.match(value.strip()):
        raise ValidationError(
            _(
                "Give a rightsstatements.org or Creative Commons URI, e.g. "
                "http://rightsstatements.org/vocab/InC/1.0/ or https://creativecommons.org/licenses/by/4.0/."
            ),
            code="rights_uri",
        )
