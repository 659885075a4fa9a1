"""Small, fast versions of bench/load: no lost or duplicated meeting request, queued work done once.

The benchmark (``bench/load/run.py``) runs hundreds of participants for minutes against
gunicorn; these run a handful for seconds against the test server, so CI proves the
same properties on every change.
"""

from __future__ import annotations

import asyncio
import os
import socket
import subprocess
import sys
from collections import Counter

import pytest
from bench.load.jobs import record_job, recorded_keys
from bench.load.loadgen import run_load
from django.core.management import call_command
from django.test import Client, override_settings

from sache.core.taskqueue import requeue_orphaned_tasks, worker_id_for
from sache.core.tasks import TaskResultStatus, task_backends
from sache.events.models import Meeting
from sache.events.services.meetings import ACTIVE
from tests.factories.accounts import make_user
from tests.factories.directory import make_member, make_organisation
from tests.factories.events import make_event, make_registration

pytestmark = [pytest.mark.integration, pytest.mark.django_db(transaction=True)]

DATABASE_QUEUE = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["default", "matching", "mail"]}}


def test_meeting_requests_in_the_database_equal_those_acknowledged(live_server, monkeypatch):
    monkeypatch.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
    event = make_event(slots=4, tables=2)
    users = []
    for number in range(8):
        organisation = make_organisation(name=f"Uczestnik {number}")
        user = make_user()
        registration = make_registration(event, organisation)
        registration.representatives.add(make_member(organisation, user))
        client = Client()
        client.force_login(user)
        users.append({"session": client.cookies["sessionid"].value, "registration": registration.pk})

    stats = asyncio.run(run_load(live_server.url, {"event": event.slug, "users": users}, duration=4.0,
                                 think=(0.0, 0.1), behind_https_proxy=False, double_sends=0.5))

    meetings = list(Meeting.objects.filter(event=event).values_list("requester_id", "recipient_id", "status"))
    live_pairs = Counter(frozenset((a, b)) for a, b, status in meetings if status in ACTIVE)
    assert stats.errors == []
    assert stats.acknowledged > 0
    assert len(meetings) == stats.acknowledged
    assert stats.double_sends > 0
    assert max(live_pairs.values()) == 1  # a request sent twice at once is stored once


def _dead_pid() -> int:
    process = subprocess.Popen([sys.executable, "-c", "pass"])
    process.wait()
    return process.pid


@pytest.fixture
def database_queue(settings):
    settings.TASKS_BACKEND = "database"
    with override_settings(TASKS=DATABASE_QUEUE):
        yield task_backends["default"]


def test_work_of_a_killed_worker_is_done_exactly_once_after_a_restart(database_queue):
    from django_tasks_db.models import DBTaskResult

    keys = [f"job-{number}" for number in range(6)]
    ids = {key: record_job.enqueue(key=key).id for key in keys}
    dead = worker_id_for(socket.gethostname(), _dead_pid())
    # Killed in the middle of job-0 (nothing committed) and of job-1 after its row was
    # committed but before the queue heard of it: both are left "running" for ever.
    record_job.call(key="job-1")
    for key in ("job-0", "job-1"):
        DBTaskResult.objects.get(pk=ids[key]).claim(dead)

    call_command("worker", batch=True, interval=0)

    statuses = Counter(DBTaskResult.objects.values_list("status", flat=True))
    assert sorted(recorded_keys()) == keys  # every job once: none lost, none twice
    assert statuses == {TaskResultStatus.SUCCESSFUL: len(keys)}


def test_tasks_of_a_live_worker_are_left_alone(database_queue):
    from django_tasks_db.models import DBTaskResult

    result = record_job.enqueue(key="busy")
    DBTaskResult.objects.get(pk=result.id).claim(worker_id_for(socket.gethostname(), os.getpid()))

    assert requeue_orphaned_tasks(socket.gethostname()) == 0
    assert DBTaskResult.objects.get(pk=result.id).status == TaskResultStatus.RUNNING
