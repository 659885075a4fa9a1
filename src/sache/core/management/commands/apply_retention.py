"""``sache apply-retention``: erase long-unused accounts and prune old audit entries."""

from __future__ import annotations

from datetime import timedelta

from django.conf import settings
from django.core.management.base import BaseCommand
from django.utils import timezone

from sache.accounts.privacy import accounts_past_retention, erase_account
from sache.core.models import ActivityLog


class Command(BaseCommand):
    help = "Apply the retention settings: erase inactive accounts, delete audit entries past their keeping time."

    def add_arguments(self, parser) -> None:
        parser.add_argument("--dry-run", action="store_true", help="Only report what would be done.")

    def handle(self, *args, dry_run: bool, **options) -> None:
        accounts = accounts_past_retention()
        cutoff = timezone.now() - timedelta(days=settings.SACHE_RETENTION_ACTIVITY_LOG_DAYS)
        old_entries = ActivityLog.objects.filter(created_at__lt=cutoff)
        self.stdout.write(f"{len(accounts)} account(s) inactive for over {settings.SACHE_RETENTION_INACTIVE_DAYS} days; "
                          f"{old_entries.count()} audit entries older than {settings.SACHE_RETENTION_ACTIVITY_LOG_DAYS} days.")
        if dry_run:
            return
        for user in accounts:
            erase_account(user, actor=None)
        deleted, _detail = old_entries.delete()
        self.stdout.write(f"Erased {len(accounts)} account(s), deleted {deleted} audit entries.")
