"""Recovery of the database task queue after a worker died mid-task.

django-tasks-db marks a task running when a worker claims it and finished when the
worker is done; a worker killed in between leaves the row running and nobody takes it
again. ``sache worker`` names its workers ``host:pid`` and, on start, hands the tasks
of dead workers on its own host back to the queue. Tasks are therefore delivered at
least once; those whose effect must happen once check for it first (for example
``calls.services.run_reviewer_assignment``).
"""

from __future__ import annotations

import os

from django.db import transaction

from sache.core.tasks import TaskResultStatus


def worker_id_for(host: str, pid: int) -> str:
    return f"{host[:50]}:{pid}"


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)  # signal 0: only asks whether the process exists
    except ProcessLookupError:
        return False
    except PermissionError:  # exists, owned by someone else
        return True
    return True


def requeue_orphaned_tasks(host: str) -> int:
    """Put back in the queue the running tasks whose worker on ``host`` no longer exists."""
    from django_tasks_db.models import DBTaskResult  # noqa: PLC0415 (only with the database backend)

    prefix = f"{host[:50]}:"
    requeued = 0
    with transaction.atomic():
        for result in DBTaskResult.objects.select_for_update().filter(status=TaskResultStatus.RUNNING):
            last = (result.worker_ids or [""])[-1]
            if not last.startswith(prefix) or not last[len(prefix):].isdigit():
                continue  # another host's worker, or one not started by ``sache worker``
            if _alive(int(last[len(prefix):])):
                continue
            result.status = TaskResultStatus.READY
            result.started_at = None
            result.save(update_fields=["status", "started_at"])
            requeued += 1
    return requeued
