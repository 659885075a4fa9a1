"""Generator of overloaded matchmaking events (more accepted requests than fit).

``python bench/meetings/generate.py PARTICIPANTS OUT.json [--seed N] [--variant V]``

Every participant sends 10 requests; targets are drawn with popularity that
decays with rank (a few sought-after institutions receive many requests, as at
real brokerage events); a pair requested both ways becomes one meeting of higher
weight. Request priority: 3 (must meet, 20 %), 2 (30 %), 1 (50 %). 16 slots,
tables = participants / 4. 70 % of participants stay all day, 15 % only the
morning (slots 0-7), 15 % only the afternoon (8-15); each accepts at most 6-12
meetings. Meetings are listed in request order (first come, first served).
"""

from __future__ import annotations

import argparse
import json
import random

SLOTS = 16
REQUESTS_EACH = 10


VARIANTS = ("standard", "tight-tables", "windows", "per-slot-tables", "big-caps", "forbidden")


def generate_event(participants: int, *, seed: int = 0, variant: str = "standard") -> dict:
    """The event as JSON-ready dict (``mode`` is ``max_weight``).

    ``variant`` other than ``standard`` changes one feature of the issue's
    generator, to test robustness (not part of the issue's targets):
    ``tight-tables`` participants / 6 tables; ``windows`` half the participants
    available in one random window of 3-16 slots (instead of morning/afternoon);
    ``per-slot-tables`` a random table count per slot between P/8 and P/3;
    ``big-caps`` caps of 8-16 meetings; ``forbidden`` three random forbidden slots each.
    """
    event = _standard_event(participants, seed=seed)
    rng = random.Random(seed + 99)
    size = participants
    if variant == "tight-tables":
        event["tables"] = max(1, size // 6)
    elif variant == "windows":
        event["available_slots"] = {}
        for person in range(size):
            if rng.random() < 0.5:
                first = rng.randrange(0, SLOTS - 4)
                last = rng.randrange(first + 3, SLOTS + 1)
                event["available_slots"][str(person)] = list(range(first, last))
    elif variant == "per-slot-tables":
        event["tables"] = [rng.randint(max(1, size // 8), max(1, size // 3)) for _ in range(SLOTS)]
    elif variant == "big-caps":
        event["max_meetings"] = {str(person): rng.randint(8, 16) for person in range(size)}
    elif variant == "forbidden":
        event["forbidden_slots"] = {
            str(person): rng.sample(range(SLOTS), 3) for person in range(size)
        }
    elif variant != "standard":
        raise ValueError(f"variant must be one of {VARIANTS}, not {variant!r}")
    if variant != "standard":
        event["name"] += f"-{variant}"
    return event


def _standard_event(participants: int, *, seed: int) -> dict:
    rng = random.Random(seed)
    popularity = [1.0 / (rank + 1) ** 0.6 for rank in range(participants)]
    rng.shuffle(popularity)
    people = list(range(participants))
    requests = []
    for sender in people:
        targets = set()
        while len(targets) < min(REQUESTS_EACH, participants - 1):
            target = rng.choices(people, weights=popularity)[0]
            if target != sender:
                targets.add(target)
        for target in sorted(targets):
            priority = rng.choices((3, 2, 1), weights=(0.2, 0.3, 0.5))[0]
            requests.append((rng.random(), sender, target, priority))
    requests.sort()
    meetings: dict[tuple[int, int], dict] = {}
    for _, sender, target, priority in requests:
        pair = (min(sender, target), max(sender, target))
        if pair in meetings:
            meetings[pair]["weight"] = min(4, max(meetings[pair]["weight"], priority) + 1)
        else:
            meetings[pair] = {"id": len(meetings), "a": sender, "b": target, "weight": priority}
    available = {}
    for person in people:
        draw = rng.random()
        if draw < 0.15:
            available[str(person)] = list(range(SLOTS // 2))
        elif draw < 0.30:
            available[str(person)] = list(range(SLOTS // 2, SLOTS))
    return {
        "name": f"overloaded-{participants}-seed{seed}",
        "mode": "max_weight",
        "participants": participants,
        "slots": SLOTS,
        "tables": max(1, participants // 4),
        "sessions": {},
        "meetings": list(meetings.values()),
        "forbidden_slots": {},
        "available_slots": available,
        "max_meetings": {str(p): rng.randint(6, 12) for p in people},
        "precedences": [],
        "fairness_d": None,
    }


if __name__ == "__main__":
    parser = argparse.ArgumentParser()
    parser.add_argument("participants", type=int)
    parser.add_argument("out")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--variant", choices=VARIANTS, default="standard")
    args = parser.parse_args()
    with open(args.out, "w") as handle:
        json.dump(generate_event(args.participants, seed=args.seed, variant=args.variant), handle)
