"""``sache rebuild_search_index``: rebuild the directory's full-text index from the stored search documents."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand
from django.db import connection

from sache.directory.search import rebuild_search_indexes


class Command(BaseCommand):
    help = "Recreate missing search triggers and rebuild the SQLite FTS5 tables (PostgreSQL indexes need nothing)."

    def handle(self, *args: Any, **options: Any) -> None:
        rebuild_search_indexes()
        self.stdout.write(f"Search index rebuilt ({connection.vendor}).")
