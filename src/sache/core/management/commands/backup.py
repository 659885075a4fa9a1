"""``sache backup``: one archive with every record of the hub and its uploaded files."""

from __future__ import annotations

import io
import tarfile
import tempfile
from pathlib import Path

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand
from django.utils import timezone

# Rebuilt on their own (content types, permissions), or transient (sessions,
# login-attempt records, finished task results): not part of a backup.
EXCLUDED = ["contenttypes", "auth.permission", "sessions", "axes", "django_tasks_database"]


class Command(BaseCommand):
    help = "Write a backup archive (.tar.gz) of the database records and uploaded files."

    def add_arguments(self, parser) -> None:
        parser.add_argument("--output", "-o", help="Archive path (default: var/backups/sache-<time>.tar.gz).")

    def handle(self, *args, output: str | None, **options) -> None:
        target = Path(output) if output else Path(settings.VAR_DIR) / "backups" / f"sache-{timezone.now():%Y%m%d-%H%M%S}.tar.gz"
        target.parent.mkdir(parents=True, exist_ok=True)
        with tempfile.TemporaryDirectory() as workdir:
            data_path = Path(workdir) / "data.json"
            call_command(
                "dumpdata", *[f"--exclude={label}" for label in EXCLUDED],
                natural_foreign=True, indent=None, output=str(data_path), verbosity=0,
            )
            with tarfile.open(target, "w:gz") as archive:
                archive.add(data_path, arcname="data.json")
                manifest = f"sache backup\ncreated {timezone.now().isoformat()}\n".encode()
                info = tarfile.TarInfo("MANIFEST")
                info.size = len(manifest)
                archive.addfile(info, io.BytesIO(manifest))
                media = Path(settings.MEDIA_ROOT)
                if media.exists():
                    archive.add(media, arcname="media")
        self.stdout.write(f"Backup written to {target}")
