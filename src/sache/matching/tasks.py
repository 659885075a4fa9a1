"""Background work of the matching app."""

from __future__ import annotations

from sache.core.tasks import task
from sache.matching import services


@task(queue_name="matching")
def task_refresh_matching_profile(*, organisation_id: int) -> None:
    services.refresh_matching_profile(organisation_id)
