"""A queued job whose every completion leaves one row: the counter of the exactly-once check.

``record_job(key=...)`` writes one audit entry ``bench.load.job`` with its key, unless
one exists already (a job re-run after its worker was killed between committing and
being marked finished finds its row and stops). ``work_ms`` keeps each job busy for a
moment so that a worker killed during the run dies in the middle of one. Under
SQLite the IMMEDIATE transaction serialises the check and the write; under PostgreSQL a
job is claimed by one worker at a time (``SELECT … SKIP LOCKED``).
"""

from __future__ import annotations

import time

from django.db import transaction

from sache.core.models import ActivityLog
from sache.core.services import log_action
from sache.core.tasks import task

ACTION = "bench.load.job"


@task()
def record_job(*, key: str, work_ms: int = 0) -> bool:
    """Record ``key`` once; returns False when it was already recorded."""
    if _recorded(key):
        return False
    time.sleep(work_ms / 1000)  # the job's "work", outside any transaction (no lock held meanwhile)
    with transaction.atomic():
        if _recorded(key):
            return False
        log_action(None, ACTION, data={"key": key})
    return True


def _recorded(key: str) -> bool:
    return ActivityLog.objects.filter(action=ACTION, data__key=key).exists()


def recorded_keys() -> list[str]:
    return list(ActivityLog.objects.filter(action=ACTION).values_list("data__key", flat=True))
