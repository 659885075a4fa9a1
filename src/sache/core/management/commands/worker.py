"""``sache worker``: run a background-task worker for the configured queue backend."""

from __future__ import annotations

import os
import socket

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError

from sache.core.taskqueue import requeue_orphaned_tasks, worker_id_for


class Command(BaseCommand):
    help = "Run a worker that executes queued background tasks (database queue or RQ)."

    def add_arguments(self, parser) -> None:
        parser.add_argument("--queue-name", default="*", help="Queue(s) to work on, comma-separated; * for all.")
        parser.add_argument("--batch", action="store_true", help="Exit when the queue is empty.")
        parser.add_argument("--interval", type=float, default=1.0, help="Seconds between polls of an empty queue.")

    def handle(self, *args, queue_name: str, batch: bool, interval: float, **options) -> None:
        backend = settings.TASKS_BACKEND
        if backend == "database":
            # A worker killed mid-task (power cut, OOM killer, kill -9) leaves its task marked
            # running for ever. Workers are named host:pid, so a new worker on the same host
            # puts the tasks of dead ones back in the queue before it starts.
            requeued = requeue_orphaned_tasks(socket.gethostname())
            if requeued:
                self.stderr.write(f"Requeued {requeued} task(s) left running by a worker that is gone.")
            worker_id = worker_id_for(socket.gethostname(), os.getpid())
            call_command("db_worker", queue_name=queue_name, batch=batch, interval=interval, worker_id=worker_id)
        elif backend == "rq":
            queues = settings.TASKS["default"]["QUEUES"] if queue_name == "*" else queue_name.split(",")
            call_command("rqworker", *queues, burst=batch)
        else:
            raise CommandError(
                f"TASKS_BACKEND={backend!r} runs tasks inline; a worker is needed only with 'database' or 'rq'."
            )
