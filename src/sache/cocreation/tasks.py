"""Background work of co-creation workshops: thin wrappers around services, given ids."""

from __future__ import annotations

import logging

from sache.cocreation import services
from sache.cocreation.models import RotationPlan, ThemeRun
from sache.core.tasks import task

logger = logging.getLogger(__name__)


@task()
def task_compute_rotation_plan(*, plan_id: int) -> str | None:
    plan = RotationPlan.objects.select_related("workshop").filter(pk=plan_id).first()
    if plan is None:
        logger.info("rotation plan vanished before it started", extra={"plan_id": plan_id})
        return None
    return services.compute_rotation_plan(plan).status


@task()
def task_compute_theme_synthesis(*, run_id: int) -> str | None:
    run = ThemeRun.objects.select_related("workshop__event").filter(pk=run_id).first()
    if run is None:
        logger.info("theme run vanished before it started", extra={"run_id": run_id})
        return None
    return services.compute_theme_synthesis(run).status
