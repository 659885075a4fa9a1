import pytest

from sache.events import adapters
from sache.events.enums import (
    FORCED_WEIGHT,
    MeetingStatus,
    Priority,
    RegistrationStatus,
    ScheduleObjective,
    Session,
)
from sache.events.models import Meeting
from tests.factories.events import make_event, make_meeting, make_registration

pytestmark = [pytest.mark.integration, pytest.mark.django_db]


def test_build_input_maps_rows_to_positions():
    event = make_event(slots=4, tables=2, objective=ScheduleObjective.OVERLOADED, default_max_meetings=3)
    first, second, third = (make_registration(event) for _ in range(3))
    make_registration(event, status=RegistrationStatus.PENDING)
    slots = list(event.slots.all())
    slots[3].session = Session.AFTERNOON
    slots[3].save()
    tables = list(event.tables.all())
    second.max_meetings = 1
    second.save()
    third.unavailable_slots.add(slots[0], slots[2])
    accepted = make_meeting(first, second, priority=Priority.NICE, session=Session.MORNING)
    forced = make_meeting(third, first, forced=True, fixed_slot=slots[1], published_slot=slots[1], published_table=tables[1])
    make_meeting(second, third, status=MeetingStatus.REQUESTED)

    data = adapters.build_input(event)

    assert data.participants == (first.pk, second.pk, third.pk)
    assert data.slot_ids == tuple(slot.pk for slot in slots)
    assert (data.morning, data.afternoon, data.tables) == ((0, 1, 2), (3,), 2)
    assert data.meetings == (
        adapters.MeetingInput(id=accepted.pk, a=0, b=1, session="am", fixed_slot=None, weight=1, priority=Priority.NICE),
        adapters.MeetingInput(id=forced.pk, a=2, b=0, session="any", fixed_slot=1, weight=FORCED_WEIGHT, priority=Priority.WANT),
    )
    assert data.forbidden == {2: (0, 2)}
    assert data.max_meetings == {0: 3, 1: 1, 2: 3}
    assert data.locked == {forced.pk: (1, 1)}
    assert adapters.to_instance_json(data)["locked"] == [{"meeting": str(forced.pk), "slot": 1, "table": 1}]
    assert adapters.to_instance_json(data)["mode"] == "max_weight"


def test_build_input_unlocks_published_meetings_when_moves_are_allowed_and_drops_caps_in_all_mode():
    event = make_event(slots=2, tables=1)
    first, second = make_registration(event), make_registration(event)
    make_meeting(first, second, published_slot=event.slots.first())

    data = adapters.build_input(event, allow_moves=True)

    assert (data.locked, data.max_meetings, data.allow_moves) == ({}, {}, True)


def test_store_outcome_writes_slots_tables_reasons_and_counts_moves():
    event = make_event(slots=2, tables=1)
    first, second, third = (make_registration(event) for _ in range(3))
    slot0, slot1 = event.slots.all()
    table = event.tables.get()
    moved = make_meeting(first, second, published_slot=slot0)
    dropped = make_meeting(second, third, slot=slot0, table=table)
    data = adapters.build_input(event, allow_moves=True)
    outcome = adapters.SchedulingOutcome(
        status="optimal", objective=0, bound=0,
        slots={moved.pk: slot1.pk}, tables={moved.pk: table.pk},
        unscheduled={dropped.pk: "no common free slot"}, breaks={},
    )

    counts = adapters.store_outcome(event, data, outcome)

    assert counts == {"scheduled": 1, "moved": 1}
    assert list(Meeting.objects.order_by("id").values_list("slot_id", "table_id", "unscheduled_reason")) == [
        (slot1.pk, table.pk, ""),
        (None, None, "no common free slot"),
    ]


def _small_input():
    event = make_event(slots=4, tables=2, fairness=1)
    first, second, third = (make_registration(event) for _ in range(3))
    third.unavailable_slots.add(event.slots.get(index=0))
    one = make_meeting(first, second, fixed_slot=event.slots.get(index=2))
    two = make_meeting(first, third)
    three = make_meeting(second, third, session=Session.MORNING)
    return event, (first, second, third), (one, two, three), adapters.build_input(event)


def test_to_instance_json_uses_the_published_instance_format():
    _event, _registrations, (one, two, three), data = _small_input()

    instance = adapters.to_instance_json(data)

    assert {key: instance[key] for key in ("participants", "slots", "tables", "sessions", "forbidden_slots", "fairness_d", "mode")} == {
        "participants": 3, "slots": 4, "tables": 2, "sessions": {"am": [0, 1, 2, 3], "pm": []},
        "forbidden_slots": {"2": [0]}, "fairness_d": 1, "mode": "min_breaks",
    }
    assert (instance["locked"], instance["allow_moves"]) == ([], False)
    assert instance["meetings"] == [
        {"id": str(one.pk), "a": 0, "b": 1, "session": "any", "weight": 2, "priority": 2, "fixed_slot": 2},
        {"id": str(two.pk), "a": 0, "b": 2, "session": "any", "weight": 2, "priority": 2},
        {"id": str(three.pk), "a": 1, "b": 2, "session": "am", "weight": 2, "priority": 2},
    ]


def test_from_schedule_json_maps_positions_back_and_counts_breaks():
    event, (first, second, third), (one, two, three), data = _small_input()
    slots = list(event.slots.all())
    tables = list(event.tables.all())
    answer = {
        "slots": {str(one.pk): 2, str(two.pk): 0},
        "tables": {str(one.pk): 1, str(two.pk): 0},
        "objective": 1, "bound": 1, "status": "optimal",
        "unscheduled": [{"id": str(three.pk), "reason": "participant 2 has no common free slot with participant 1"}],
    }

    outcome = adapters.from_schedule_json(data, answer)

    assert outcome == adapters.SchedulingOutcome(
        status="optimal", objective=1, bound=1,
        slots={one.pk: slots[2].pk, two.pk: slots[0].pk},
        tables={one.pk: tables[1].pk, two.pk: tables[0].pk},
        unscheduled={three.pk: f"{third.organisation.name} has no common free slot with {second.organisation.name}"},
        breaks={first.pk: 1, second.pk: 0, third.pk: 0},
    )


def test_breaks_per_participant_counts_gaps_not_the_slots_between_them():
    _event, _registrations, (one, two, three), data = _small_input()

    assert adapters.breaks_per_participant(data, {one.pk: 0, two.pk: 3, three.pk: 1}) == {0: 1, 1: 0, 2: 1}
