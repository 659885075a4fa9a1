"""Compile every .po catalogue into .mo without GNU gettext.

Django's ``compilemessages`` needs ``msgfmt``; a fresh laptop may not have it,
so ``make demo`` uses this pure-Python equivalent (polib).
"""

from __future__ import annotations

from pathlib import Path

import polib
from django.conf import settings
from django.core.management.base import BaseCommand

import sache


class Command(BaseCommand):
    help = "Compile the translation catalogues (.po) into binary form (.mo)."

    def handle(self, *args, **options) -> None:
        compiled = 0
        package_dir = Path(sache.__file__).parent
        locale_dirs = [Path(path) for path in settings.LOCALE_PATHS] + sorted(package_dir.glob("*/locale"))
        for locale_dir in locale_dirs:
            for po_path in sorted(locale_dir.glob("*/LC_MESSAGES/*.po")):
                catalogue = polib.pofile(str(po_path))
                mo_path = po_path.with_suffix(".mo")
                # Fuzzy entries are guesses by the merge tool, not translations.
                for entry in catalogue.fuzzy_entries():
                    entry.msgstr = ""
                    entry.msgstr_plural = dict.fromkeys(entry.msgstr_plural, "")
                catalogue.save_as_mofile(str(mo_path))
                compiled += 1
        self.stdout.write(f"Compiled {compiled} catalogue(s).")
