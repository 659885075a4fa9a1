"""Background work of calls: thin wrappers around services, given ids."""

from __future__ import annotations

import logging

from sache.calls import services
from sache.core.tasks import task

logger = logging.getLogger(__name__)


@task()
def task_assign_call_reviewers(*, request_id: int) -> str | None:
    outcome = services.run_reviewer_assignment(request_id)
    if outcome is None:
        logger.info("reviewer assignment request already handled or gone", extra={"request_id": request_id})
    return outcome
