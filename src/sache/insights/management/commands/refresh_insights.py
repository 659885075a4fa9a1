"""``sache refresh-insights``: rebuild the aggregate tables the dashboards read.

Writes already queue a refresh in the background; run this after bulk imports and
from a schedule (for example every hour from cron or a systemd timer) so that the
figures are never older than that even if the task queue was down.
``--if-stale`` recomputes only what writes since the last refresh changed, and the
recommendation figures when more suggestions were shown since (page views count them
without asking for a refresh); it does nothing when neither happened.
"""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandParser
from django.utils import timezone
from tqdm import tqdm

from sache.insights.models import PendingRefresh
from sache.insights.refresh import (
    REFRESH_STEPS,
    current_state,
    refresh_insights,
    suggestions_shown_since_refresh,
)


class Command(BaseCommand):
    help = "Rebuild the aggregate tables behind the insight dashboards."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--no-progress", action="store_true", help="Do not print a progress bar.")
        parser.add_argument("--if-stale", action="store_true", help="Skip when nothing changed since the last refresh.")

    def handle(self, *args: Any, no_progress: bool, if_stale: bool, **options: Any) -> None:
        state = current_state()
        only = None
        if if_stale and state is not None and state.refreshed_at is not None:
            only = set(PendingRefresh.objects.values_list("part", flat=True)) if state.dirty_since is not None else set()
            if suggestions_shown_since_refresh():
                only.add("recommendations")
            if not only:
                self.stdout.write(f"Insights are up to date (as of {timezone.localtime(state.refreshed_at):%Y-%m-%d %H:%M}).")
                return
        with tqdm(total=REFRESH_STEPS, desc="insights", unit="steps", disable=no_progress, leave=True) as bar:
            def step(label: str) -> None:
                bar.set_postfix_str(label)
                bar.update(1)

            state = refresh_insights(progress=step, only=only)
        self.stdout.write(f"Insights refreshed: {state.facts} facts in {state.seconds:.1f} s.")
