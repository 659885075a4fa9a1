import importlib.util
from datetime import timedelta

import pytest
from django.core import mail
from django.core.exceptions import ValidationError
from django.utils import timezone

from sache.events.enums import MeetingStatus, RunStatus, ScheduleStatus
from sache.events.models import AgendaFeed, ScheduleRun
from sache.events.selectors import registration_for_feed
from sache.events.services import schedule as services
from tests.factories.accounts import make_user
from tests.factories.directory import make_member, make_organisation
from tests.factories.events import make_event, make_meeting, make_registration

pytestmark = [pytest.mark.integration, pytest.mark.django_db]


def test_start_schedule_run_needs_slots_and_tables():
    with pytest.raises(ValidationError):
        services.start_schedule_run(make_event(slots=0, tables=2), actor=None)
    with pytest.raises(ValidationError):
        services.start_schedule_run(make_event(slots=2, tables=0), actor=None)


def test_start_schedule_run_refuses_a_second_run_while_one_is_active():
    event = make_event(slots=2, tables=1)
    ScheduleRun.objects.create(event=event, objective_kind=event.objective, status=RunStatus.RUNNING)

    with pytest.raises(ValidationError):
        services.start_schedule_run(event, actor=None)


def test_start_schedule_run_marks_runs_after_publication_as_incremental():
    event = make_event(slots=2, tables=1, schedule_status=ScheduleStatus.PRELIMINARY)

    run = services.start_schedule_run(event, actor=None, allow_moves=True)

    assert (run.incremental, run.allow_moves, run.status) == (True, True, RunStatus.QUEUED)


def test_publish_schedule_snapshots_slots_and_notifies_only_changed_agendas(django_capture_on_commit_callbacks):
    event = make_event(slots=3, tables=2)
    first, second, third, fourth = (make_registration(event) for _ in range(4))
    for registration in (first, second, third, fourth):
        make_member(registration.organisation, make_user(email=f"{registration.pk}@example.org"))
    slot0, slot1, _slot2 = event.slots.all()
    table = event.tables.first()
    unchanged = make_meeting(first, second, slot=slot0, table=table, published_slot=slot0, published_table=table)
    moved = make_meeting(third, fourth, slot=slot1, table=table, published_slot=slot0, published_table=table)

    with django_capture_on_commit_callbacks(execute=True):
        changed = services.publish_schedule(event, actor=None, final=True)

    moved.refresh_from_db()
    unchanged.refresh_from_db()
    event.refresh_from_db()
    assert changed == [third.pk, fourth.pk]
    assert (moved.published_slot, unchanged.published_slot, event.schedule_status) == (slot1, slot0, ScheduleStatus.FINAL)
    assert sorted(message.to[0] for message in mail.outbox) == [f"{third.pk}@example.org", f"{fourth.pk}@example.org"]
    assert all(str(slot1) in message.body for message in mail.outbox)


def test_publish_schedule_removes_cancelled_meetings_from_agendas():
    event = make_event(slots=1, tables=1)
    slot = event.slots.get()
    meeting = make_meeting(make_registration(event), make_registration(event), status=MeetingStatus.CANCELLED, published_slot=slot)

    services.publish_schedule(event, actor=None, final=False)

    meeting.refresh_from_db()
    assert meeting.published_slot is None


def test_agenda_feed_token_is_stored_hashed_and_a_new_one_revokes_the_old():
    registration = make_registration(make_event())
    user = make_user()
    make_member(registration.organisation, user)

    old = services.create_agenda_feed(registration, actor=user)
    new = services.create_agenda_feed(registration, actor=user)

    assert list(AgendaFeed.objects.filter(token_hash__in=[old, new])) == []
    assert (registration_for_feed(old), registration_for_feed(new)) == (None, registration)
    assert services.revoke_agenda_feeds(registration, actor=user) == 1
    assert registration_for_feed(new) is None


def test_agenda_feed_stops_working_when_the_user_leaves_the_organisation():
    registration = make_registration(make_event())
    user = make_user()
    membership = make_member(registration.organisation, user)
    token = services.create_agenda_feed(registration, actor=user)

    membership.delete()

    assert registration_for_feed(token) is None


ENGINE = importlib.util.find_spec("sache.engine.meetings") is not None


@pytest.mark.skipif(not ENGINE, reason="needs the meeting engine (sache.engine.meetings)")
def test_compute_schedule_of_an_impossible_event_explains_it_in_names_and_keeps_the_old_slots():
    event = make_event(slots=1, tables=1, time_limit=5)
    busy = make_registration(event, make_organisation(name="Muzeum Zamkowe"))
    slot = event.slots.get()
    kept = make_meeting(busy, make_registration(event), slot=slot)
    make_meeting(busy, make_registration(event))

    run = services.compute_schedule_now(event, actor=None)

    kept.refresh_from_db()
    assert (run.status, run.solver_status, kept.slot) == (RunStatus.FINISHED, "infeasible", slot)
    assert "Muzeum Zamkowe" in run.explanation


@pytest.mark.skipif(not ENGINE, reason="needs the meeting engine (sache.engine.meetings)")
def test_compute_schedule_places_every_meeting_without_double_booking_and_keeps_locked_ones():
    event = make_event(slots=4, tables=2, time_limit=10)
    people = [make_registration(event) for _ in range(4)]
    slot_objects = list(event.slots.all())
    locked = make_meeting(people[0], people[1], slot=slot_objects[3], published_slot=slot_objects[3])
    for a, b in ((0, 2), (0, 3), (1, 2), (1, 3), (2, 3)):
        make_meeting(people[a], people[b])

    run = services.compute_schedule_now(event, actor=None)

    placed = list(event.meetings.values_list("requester_id", "recipient_id", "slot_id", "table_id"))
    busy = [(person, slot) for a, b, slot, _table in placed for person in (a, b)]
    tables = [(slot, table) for _a, _b, slot, table in placed]
    locked.refresh_from_db()
    assert (run.status, run.scheduled_count, run.meetings_total) == (RunStatus.FINISHED, 6, 6)
    assert len(set(busy)) == len(busy)
    assert len(set(tables)) == len(tables)
    assert locked.slot == slot_objects[3]


def test_start_schedule_run_gives_up_a_run_whose_worker_died():
    event = make_event(slots=2, tables=1, time_limit=10)
    stale = ScheduleRun.objects.create(
        event=event, objective_kind=event.objective, status=RunStatus.RUNNING, created_at=timezone.now() - timedelta(minutes=3)
    )

    run = services.start_schedule_run(event, actor=None)

    stale.refresh_from_db()
    assert (stale.status, run.status) == (RunStatus.FAILED, RunStatus.QUEUED)
