"""The controlled vocabularies in ``data/*.json``: codes with labels in every content language."""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path

DATA_DIR = Path(__file__).with_name("data")
HERITAGE_DOMAINS = "heritage_domains"
CREATIVE_DOMAINS = "creative_domains"
COMPETENCES = "competences"


@cache
def vocabulary(name: str) -> dict[str, dict[str, str]]:
    """Labels by language for each code of the vocabulary ``name``, in file order."""
    items = json.loads((DATA_DIR / f"{name}.json").read_text(encoding="utf-8"))
    return {item["code"]: item["labels"] for item in items}


def label(name: str, code: str, language: str) -> str:
    """The label of ``code`` in ``language``, falling back to English, then to the code itself.

    >>> label("heritage_domains", "archaeology", "pl")
    'Archeologia'
    >>> label("heritage_domains", "no_such_code", "pl")
    'no_such_code'
    """
    labels = vocabulary(name).get(code)
    if labels is None:
        return code
    return labels.get(language) or labels.get("en") or code


@cache
def choices(name: str, language: str) -> list[tuple[str, str]]:
    """``(code, label)`` pairs sorted by label in ``language``."""
    return sorted(
        ((code, label(name, code, language)) for code in vocabulary(name)), key=lambda pair: pair[1].casefold()
    )


def label_any(code: str, language: str) -> str:
    """Label of a sector code from either domain vocabulary."""
    for name in (HERITAGE_DOMAINS, CREATIVE_DOMAINS):
        if code in vocabulary(name):
            return label(name, code, language)
    return code
