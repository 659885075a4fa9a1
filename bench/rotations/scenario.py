"""Synthetic mixed-sector World Café used by the rotation benchmark.

60 participants from 4 sectors (unequal shares, as at real events), 5 thematic
areas with two tables of 6 each, 5 rounds, one host per table; every
non-host lists two preferred areas.  Generated from a seed, so nothing is
copied from evaluation data.
"""

from __future__ import annotations

import random

SECTORS = {"heritage": 20, "creative": 18, "technology": 12, "public": 10}
AREAS = ["audiences", "digitisation", "funding", "skills", "tourism"]


def mixed_sector_workshop(seed: int = 0, *, hosts: bool = True) -> dict[str, object]:
    """The scenario as the JSON document the command line reads."""
    rng = random.Random(seed)
    sectors = [sector for sector, count in SECTORS.items() for _ in range(count)]
    rng.shuffle(sectors)
    tables = [{"id": f"{area}-{k}", "area": area, "capacity": 6} for area in AREAS for k in (1, 2)]
    participants = []
    for i, sector in enumerate(sectors):
        person: dict[str, object] = {
            "id": f"p{i:02d}",
            "sector": sector,
            "preferences": rng.sample(AREAS, 2),
        }
        if hosts and i < len(tables):
            person["host_of"] = tables[i]["id"]
        participants.append(person)
    return {"rounds": 5, "tables": tables, "participants": participants}
