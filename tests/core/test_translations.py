"""Every interface string has a Polish translation."""

import ast
import re
from pathlib import Path

import polib
import pytest
from django.utils import translation

import sache

pytestmark = pytest.mark.unit

CATALOGUES = sorted(Path(sache.__file__).parent.glob("*/locale/pl/LC_MESSAGES/django.po"))


def test_there_are_polish_catalogues():
    assert len(CATALOGUES) >= 3


@pytest.mark.parametrize("path", CATALOGUES, ids=lambda path: path.parts[-5])
def test_polish_catalogue_is_complete(path):
    catalogue = polib.pofile(str(path))

    untranslated = [entry.msgid for entry in catalogue if not entry.translated() and not entry.obsolete]

    assert untranslated == []


@pytest.mark.parametrize("path", CATALOGUES, ids=lambda path: path.parts[-5])
def test_polish_translations_keep_their_placeholders(path):
    import re

    placeholder = re.compile(r"%\(\w+\)s|\{\w*\}")
    catalogue = polib.pofile(str(path))

    mismatched = [
        entry.msgid
        for entry in catalogue.translated_entries()
        if not entry.msgid_plural and sorted(placeholder.findall(entry.msgid)) != sorted(placeholder.findall(entry.msgstr))
    ]

    assert mismatched == []


# String literals passed straight to gettext in Python and to {% translate %} in templates. The
# catalogue test above only sees what was extracted; this one catches strings that were never
# extracted (a `make messages` forgotten after a change), without needing GNU gettext in CI.
_PYTHON_CALL = re.compile(r"""\b(?:_|_lazy|gettext|gettext_lazy)\(\s*(?P<q>["'])(?P<text>(?:\\.|(?!(?P=q)).)*)(?P=q)\s*[,)]""")
_TEMPLATE_TAG = re.compile(r"""\{%\s*translate\s+(?P<q>["'])(?P<text>(?:(?!(?P=q)).)*)(?P=q)(?P<rest>[^%]*)%\}""")


def _source_strings() -> dict[str, str]:
    root = Path(sache.__file__).parent
    found: dict[str, str] = {}
    for path in root.rglob("*.py"):
        if "engine" in path.parts or "migrations" in path.parts:
            continue
        for match in _PYTHON_CALL.finditer(path.read_text(encoding="utf-8")):
            found.setdefault(ast.literal_eval(match["q"] + match["text"] + match["q"]), str(path.relative_to(root)))
    for path in root.rglob("templates/**/*.html"):
        for match in _TEMPLATE_TAG.finditer(path.read_text(encoding="utf-8")):
            if "context" not in match["rest"]:
                found.setdefault(match["text"], str(path.relative_to(root)))
    return found


def test_every_literal_interface_string_has_a_polish_translation():
    translated: set[str] = set()
    for path in CATALOGUES:
        translated.update(entry.msgid for entry in polib.pofile(str(path)).translated_entries() if not entry.msgctxt)

    with translation.override("pl"):
        # Django's own catalogues cover strings such as language names in settings.
        missing = {
            text: where
            for text, where in _source_strings().items()
            if text and text not in translated and translation.gettext(text) == text
        }

    assert missing == {}
