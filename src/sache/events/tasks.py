"""Background work of events: thin wrappers around services, given ids."""

from __future__ import annotations

import logging

from sache.core.tasks import task
from sache.events.models import ScheduleRun
from sache.events.services import notices, schedule

logger = logging.getLogger(__name__)


@task()
def task_compute_schedule(*, run_id: int) -> str | None:
    run = ScheduleRun.objects.select_related("event").filter(pk=run_id).first()
    if run is None:
        logger.info("schedule run vanished before it started", extra={"run_id": run_id})
        return None
    return schedule.compute_schedule(run).status


@task(queue_name="mail")
def task_send_notice(
    *,
    kind: str,
    meeting_id: int | None = None,
    registration_id: int | None = None,
    event_id: int | None = None,
    registration_ids: list[int] | None = None,
) -> int:
    return notices.send_notice(
        kind,
        meeting_id=meeting_id,
        registration_id=registration_id,
        event_id=event_id,
        registration_ids=registration_ids or (),
    )
