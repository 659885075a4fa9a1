"""Whatever the event, the stored schedule double-books nobody, fits the tables and keeps
published meetings where participants saw them (adapter + engine, through the database)."""

import itertools
from collections import Counter

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from sache.events.enums import MeetingStatus, RunStatus, ScheduleObjective
from sache.events.models import Meeting
from sache.events.services import schedule as services
from tests.factories.events import make_event, make_meeting, make_registration

pytestmark = [pytest.mark.integration, pytest.mark.django_db]

events = st.fixed_dictionaries(
    {
        "participants": st.integers(2, 6),
        "slots": st.integers(1, 5),
        "tables": st.integers(1, 3),
        "overloaded": st.booleans(),
        "pairs": st.lists(st.tuples(st.integers(0, 5), st.integers(0, 5)), max_size=10),
        "published": st.integers(0, 3),
    }
)


@settings(max_examples=12, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(spec=events)
def test_stored_schedule_never_double_books_fits_tables_and_keeps_published_meetings(spec):
    objective = ScheduleObjective.OVERLOADED if spec["overloaded"] else ScheduleObjective.ALL_MEETINGS
    event = make_event(slots=spec["slots"], tables=spec["tables"], time_limit=3, objective=objective)
    people = [make_registration(event) for _ in range(spec["participants"])]
    pairs = {tuple(sorted(pair)) for pair in spec["pairs"] if pair[0] != pair[1] and max(pair) < len(people)}
    meetings = [make_meeting(people[a], people[b]) for a, b in sorted(pairs)]
    slots, tables = list(event.slots.all()), list(event.tables.all())
    published = {}
    for meeting, (slot, table) in zip(meetings[: spec["published"]], itertools.product(slots, tables), strict=False):
        busy = {p for m in published.values() if m[0] == slot for p in m[2]}
        if {meeting.requester_id, meeting.recipient_id} & busy:
            continue
        Meeting.objects.filter(pk=meeting.pk).update(published_slot=slot, published_table=table)
        published[meeting.pk] = (slot, table, {meeting.requester_id, meeting.recipient_id})

    run = services.compute_schedule_now(event, actor=None)

    placed = list(Meeting.objects.filter(event=event, status=MeetingStatus.ACCEPTED, slot__isnull=False).values_list("pk", "requester_id", "recipient_id", "slot_id", "table_id"))
    assert run.status == RunStatus.FINISHED
    people_in_slots = Counter((person, slot) for _pk, a, b, slot, _table in placed for person in (a, b))
    assert max(people_in_slots.values(), default=0) <= 1
    per_slot = Counter(slot for _pk, _a, _b, slot, _table in placed)
    assert max(per_slot.values(), default=0) <= spec["tables"]
    assert len({(slot, table) for _pk, _a, _b, slot, table in placed}) == len(placed)
    if run.solver_status != "infeasible":
        where = {pk: (slot, table) for pk, _a, _b, slot, table in placed}
        assert {pk: where.get(pk) for pk in published} == {pk: (slot.pk, table.pk) for pk, (slot, table, _p) in published.items()}
