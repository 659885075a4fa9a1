"""Writes on the schedule: running the solver, publishing agendas, calendar feeds."""

from __future__ import annotations

import hashlib
import secrets
import time
from datetime import timedelta
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from sache.core.services import log_action
from sache.events import adapters
from sache.events.enums import MeetingStatus, RunStatus, ScheduleStatus, SolverStatus
from sache.events.models import AgendaFeed, Event, Meeting, Registration, ScheduleRun
from sache.events.services import notices


def start_schedule_run(event: Event, *, actor: Any, allow_moves: bool = False) -> ScheduleRun:
    """Queue a "schedule all" run for ``event``; the solver runs in the background.

    Refused while another run of the event is queued or running (runs older than three time
    limits are marked failed first), and when the event has no slots or tables. Enqueues ``task_compute_schedule`` after commit.
    Logs ``events.schedule.requested``.
    """
    from sache.events.tasks import task_compute_schedule  # leaf: tasks import the services

    if not event.slots.exists():
        raise ValidationError(_("Set up the slot grid before scheduling."))
    if not event.tables.exists():
        raise ValidationError(_("Set up the tables before scheduling."))
    with transaction.atomic():
        active = ScheduleRun.objects.filter(event=event, status__in=[RunStatus.QUEUED, RunStatus.RUNNING])
        # A worker that died mid-run leaves its run "running" forever; after three time
        # limits (and two minutes of queueing) it is given up so the operator can retry.
        stale_before = timezone.now() - timedelta(seconds=3 * event.time_limit + 120)
        active.filter(created_at__lt=stale_before).update(
            status=RunStatus.FAILED, finished_at=timezone.now(), explanation="Given up: no answer from the worker."
        )
        if active.exists():
            raise ValidationError(_("A schedule run is already in progress."))
        run = ScheduleRun.objects.create(
            event=event,
            objective_kind=event.objective,
            incremental=event.schedule_status != ScheduleStatus.NONE,
            allow_moves=allow_moves,
            requested_by=actor if getattr(actor, "pk", None) else None,
        )
        transaction.on_commit(lambda: task_compute_schedule.enqueue(run_id=run.pk))
    log_action(event, "events.schedule.requested", actor=actor, data={"run": run.pk, "allow_moves": allow_moves})
    return run


def compute_schedule_now(event: Event, *, actor: Any, seed: int = 0) -> ScheduleRun:
    """Create a run for ``event`` and solve it in this process (demo loader, command line).

    Same side effects as :func:`compute_schedule`; logs ``events.schedule.requested`` first.
    """
    run = ScheduleRun.objects.create(
        event=event,
        objective_kind=event.objective,
        incremental=event.schedule_status != ScheduleStatus.NONE,
        requested_by=actor if getattr(actor, "pk", None) else None,
    )
    log_action(event, "events.schedule.requested", actor=actor, data={"run": run.pk, "allow_moves": False})
    return compute_schedule(run, seed=seed)


def compute_schedule(run: ScheduleRun, *, seed: int = 0) -> ScheduleRun:
    """Solve ``run``'s event and store the slots and tables on its meetings.

    Marks the run running, then finished (with objective, bound, status, unscheduled meetings
    and their reasons) or failed (with the error in ``explanation``; meetings untouched).
    Published agendas do not change here: ``publish_schedule`` does that.
    Logs ``events.schedule.computed`` or ``events.schedule.failed``.
    """
    event = run.event
    run.status = RunStatus.RUNNING
    run.save(update_fields=["status"])
    started = time.perf_counter()
    try:
        data = adapters.build_input(event, allow_moves=run.allow_moves)
        outcome = adapters.solve(data, time_limit=event.time_limit, seed=seed)
    except (adapters.SchedulerUnavailable, ValueError) as error:
        run.status = RunStatus.FAILED
        run.explanation = str(error)
        run.seconds = time.perf_counter() - started
        run.finished_at = timezone.now()
        run.save(update_fields=["status", "explanation", "seconds", "finished_at"])
        log_action(event, "events.schedule.failed", data={"run": run.pk, "error": str(error)[:500]})
        return run
    if outcome.status == SolverStatus.INFEASIBLE:
        counts = {"scheduled": 0, "moved": 0}
    else:
        counts = adapters.store_outcome(event, data, outcome)
    run.status = RunStatus.FINISHED
    run.solver_status = outcome.status
    run.objective = outcome.objective
    run.bound = outcome.bound
    run.meetings_total = len(data.meetings)
    run.scheduled_count = counts["scheduled"]
    run.moved_count = counts["moved"]
    run.breaks_total = sum(outcome.breaks.values()) if outcome.breaks else None
    run.unscheduled = [{"meeting": meeting_id, "reason": reason} for meeting_id, reason in sorted(outcome.unscheduled.items())]
    run.explanation = outcome.explanation
    run.seconds = time.perf_counter() - started
    run.finished_at = timezone.now()
    run.save()
    log_action(
        event,
        "events.schedule.computed",
        data={"run": run.pk, "status": run.solver_status, "objective": run.objective, "bound": run.bound},
    )
    return run


def publish_schedule(event: Event, *, actor: Any, final: bool, notify: bool = True) -> list[int]:
    """Publish the current slots and tables as the (preliminary or final) agendas.

    Every participant whose agenda differs from what they were last shown gets a change
    notice after commit (unless ``notify`` is false, as for demo data). Returns the ids
    of those registrations.
    Logs ``events.schedule.published``.
    """
    changed: set[int] = set()
    with transaction.atomic():
        meetings = list(Meeting.objects.filter(event=event).exclude(published_slot=None, slot=None))
        for meeting in meetings:
            slot_id = meeting.slot_id if meeting.status == MeetingStatus.ACCEPTED else None
            table_id = meeting.table_id if slot_id is not None else None
            if (meeting.published_slot_id, meeting.published_table_id) != (slot_id, table_id):
                changed.update({meeting.requester_id, meeting.recipient_id})
                meeting.published_slot_id = slot_id
                meeting.published_table_id = table_id
        Meeting.objects.bulk_update(meetings, ["published_slot", "published_table"])
        event.schedule_status = ScheduleStatus.FINAL if final else ScheduleStatus.PRELIMINARY
        event.save(update_fields=["schedule_status"])
        if notify:
            notices.notify_agenda_changes(event, registration_ids=changed)
    log_action(event, "events.schedule.published", actor=actor, data={"final": final, "changed": len(changed)})
    return sorted(changed)


def hash_feed_token(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def create_agenda_feed(registration: Registration, *, actor: Any) -> str:
    """Issue a new secret feed address for ``registration`` and revoke the actor's older ones.

    Returns the token; only its SHA-256 is stored, so it is shown once.
    Logs ``events.feed.created``.
    """
    token = secrets.token_urlsafe(32)
    with transaction.atomic():
        AgendaFeed.objects.filter(registration=registration, user=actor, revoked_at=None).update(revoked_at=timezone.now())
        feed = AgendaFeed.objects.create(registration=registration, user=actor, token_hash=hash_feed_token(token))
    log_action(feed, "events.feed.created", actor=actor)
    return token


def revoke_agenda_feeds(registration: Registration, *, actor: Any) -> int:
    """Revoke the actor's feed addresses for ``registration``; returns how many. Logs ``events.feed.revoked``."""
    count = AgendaFeed.objects.filter(registration=registration, user=actor, revoked_at=None).update(revoked_at=timezone.now())
    if count:
        log_action(registration, "events.feed.revoked", actor=actor, data={"count": count})
    return count
