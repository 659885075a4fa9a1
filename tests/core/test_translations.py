"""Every interface string has a Polish translation."""

from pathlib import Path

import polib
import pytest

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
