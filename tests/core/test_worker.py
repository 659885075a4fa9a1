"""A real worker process takes a task from the database queue and runs it."""

import os
import subprocess
import sys

import pytest
from django.db import connection

from sache.core.tasks import TaskResultStatus
from sache.directory.tasks import task_refresh_organisation
from tests.factories.directory import make_organisation

pytestmark = [pytest.mark.integration, pytest.mark.slow]


def _database_url() -> str:
    db = connection.settings_dict
    if db["ENGINE"].endswith("sqlite3"):
        return f"sqlite:///{db['NAME']}"
    host = db["HOST"] or "127.0.0.1"
    port = db["PORT"] or 5432
    credentials = db["USER"] + (f":{db['PASSWORD']}" if db["PASSWORD"] else "")
    return f"postgres://{credentials}@{host}:{port}/{db['NAME']}"


@pytest.mark.django_db(transaction=True)
def test_worker_process_runs_a_queued_task_once(settings):
    settings.TASKS = {"default": {**settings.TASKS["default"], "BACKEND": "django_tasks_db.DatabaseBackend"}}
    organisation = make_organisation(description=("pl", "Muzeum regionalne z bogatą kolekcją ikon i rzemiosła ludowego."))
    organisation.completeness = 0
    organisation.save(update_fields=["completeness"])

    result = task_refresh_organisation.enqueue(organisation_id=organisation.pk)
    assert result.status == TaskResultStatus.READY

    env = dict(os.environ, DJANGO_SETTINGS_MODULE="sache.config.settings.test", TASKS_BACKEND="database", DATABASE_URL=_database_url())
    worker = subprocess.run(
        [sys.executable, "-m", "sache", "worker", "--batch", "--interval", "0.1"],
        env=env, capture_output=True, text=True, timeout=120,
    )

    assert worker.returncode == 0, worker.stderr
    result.refresh()
    organisation.refresh_from_db()
    assert result.status == TaskResultStatus.SUCCESSFUL
    assert result.return_value == organisation.completeness
    assert organisation.completeness > 0
