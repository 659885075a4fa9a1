"""``sache restore``: replace the hub's records and files with those of a backup archive.

All or nothing: the database is emptied and loaded in one transaction, so a
broken archive leaves the hub as it was.
"""

from __future__ import annotations

import shutil
import tarfile
import tempfile
from pathlib import Path

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction


class Command(BaseCommand):
    help = "Restore a backup archive written by `sache backup` (replaces all current data)."

    def add_arguments(self, parser) -> None:
        parser.add_argument("archive", help="Path of the .tar.gz archive.")
        parser.add_argument("--yes", action="store_true", help="Do not ask for confirmation.")

    def handle(self, *args, archive: str, yes: bool, **options) -> None:
        path = Path(archive)
        if not path.is_file():
            raise CommandError(f"No archive at {path}.")
        if not yes and input("This replaces every record of the hub. Type 'yes' to continue: ").strip() != "yes":
            raise CommandError("Restore cancelled.")
        with tempfile.TemporaryDirectory() as workdir, tarfile.open(path, "r:gz") as tar:
            names = tar.getnames()
            if "data.json" not in names:
                raise CommandError("This archive has no data.json: it was not written by `sache backup`.")
            tar.extractall(workdir, filter="data")
            with transaction.atomic():
                call_command("flush", interactive=False, verbosity=0)
                call_command("loaddata", str(Path(workdir) / "data.json"), verbosity=0)
            media_backup = Path(workdir) / "media"
            if media_backup.exists():
                media_root = Path(settings.MEDIA_ROOT)
                shutil.rmtree(media_root, ignore_errors=True)
                shutil.copytree(media_backup, media_root)
        self.stdout.write(f"Restored {path}")
