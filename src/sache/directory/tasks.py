"""Background work of the directory: thin wrappers around services."""

from __future__ import annotations

import logging

from sache.core.tasks import task
from sache.directory import services
from sache.directory.models import Organisation

logger = logging.getLogger(__name__)


@task()
def task_refresh_organisation(*, organisation_id: int) -> int | None:
    organisation = Organisation.objects.filter(pk=organisation_id).first()
    if organisation is None:
        logger.info("organisation vanished before refresh", extra={"organisation_id": organisation_id})
        return None
    services.refresh_organisation(organisation)
    return organisation.completeness
