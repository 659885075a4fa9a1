"""Independent checker of a meeting schedule (shares no code with the engine).

``python bench/meetings/check.py INSTANCE.json SCHEDULE.json`` prints the
violations (none: "ok"), the breaks and the scheduled weight.
"""

from __future__ import annotations

import json
import sys
from collections import Counter, defaultdict


def check(instance: dict, schedule: dict, *, require_all: bool) -> tuple[list[str], int, int]:
    """Violations, total breaks and scheduled weight of ``schedule`` for ``instance``."""
    errors = []
    slots_total = instance["slots"]
    tables = instance["tables"]
    per_slot = tables if isinstance(tables, list) else [tables] * slots_total
    sessions = instance.get("sessions") or {}
    forbidden = {int(k): set(v) for k, v in (instance.get("forbidden_slots") or {}).items()}
    available = {int(k): set(v) for k, v in (instance.get("available_slots") or {}).items()}
    cap = {int(k): v for k, v in (instance.get("max_meetings") or {}).items()}
    given = {str(k): v for k, v in schedule["slots"].items()}
    table_of = {str(k): v for k, v in schedule.get("tables", {}).items()}
    busy = defaultdict(list)
    per_slot_count = Counter()
    tables_used = defaultdict(list)
    weight = 0
    for meeting in instance["meetings"]:
        key = str(meeting["id"])
        if key not in given:
            if require_all:
                errors.append(f"meeting {key} unscheduled")
            continue
        slot = given[key]
        weight += meeting.get("weight", meeting.get("priority", 1))
        if not 0 <= slot < slots_total:
            errors.append(f"meeting {key} slot {slot} out of range")
        session = meeting.get("session", "any")
        if session != "any" and slot not in sessions[session]:
            errors.append(f"meeting {key} slot {slot} outside session {session}")
        if meeting.get("fixed_slot") is not None and slot != meeting["fixed_slot"]:
            errors.append(f"meeting {key} not at its fixed slot")
        for person in (meeting["a"], meeting["b"]):
            if slot in forbidden.get(person, ()):
                errors.append(f"meeting {key}: slot {slot} forbidden for {person}")
            if person in available and slot not in available[person]:
                errors.append(f"meeting {key}: {person} not available in slot {slot}")
            busy[person].append(slot)
        per_slot_count[slot] += 1
        if key in table_of:
            tables_used[slot].append(table_of[key])
    for person, taken in busy.items():
        if len(taken) != len(set(taken)):
            errors.append(f"participant {person} double-booked")
        if person in cap and len(taken) > cap[person]:
            errors.append(f"participant {person} over the maximum of meetings")
    for slot, count in per_slot_count.items():
        if count > per_slot[slot]:
            errors.append(f"slot {slot}: {count} meetings for {per_slot[slot]} tables")
    for slot, used in tables_used.items():
        if len(used) != len(set(used)) or any(not 0 <= t < per_slot[slot] for t in used):
            errors.append(f"slot {slot}: tables clash or out of range")
    if table_of and set(table_of) != set(given):
        errors.append("not every scheduled meeting has a table")
    position = {str(m["id"]): given.get(str(m["id"])) for m in instance["meetings"]}
    for before, after in instance.get("precedences", ()):
        first, second = position.get(str(before)), position.get(str(after))
        if first is not None and second is not None and not first < second:
            errors.append(f"precedence {before} < {after} violated")
    breaks = {}
    for person in range(instance["participants"]):
        taken = sorted(busy.get(person, ()))
        breaks[person] = sum(1 for x, y in zip(taken, taken[1:], strict=False) if y - x > 1)
    spread = instance.get("fairness_d")
    fairness_applies = require_all and spread is not None and breaks
    if fairness_applies and max(breaks.values()) - min(breaks.values()) > spread:
        errors.append(f"fairness: breaks range {min(breaks.values())}..{max(breaks.values())}")
    return errors, sum(breaks.values()), weight


if __name__ == "__main__":
    with open(sys.argv[1]) as a, open(sys.argv[2]) as b:
        found, total, value = check(json.load(a), json.load(b), require_all=True)
    print("\n".join(found) or "ok", f"breaks={total} weight={value}")
