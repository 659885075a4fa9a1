"""NUTS 2021 regions of the programme's countries, read once from the bundled CSV.

Source: Eurostat NUTS 2021 classification, labels restored to their national
spelling (see ``data/README.md``).
"""

from __future__ import annotations

import csv
from dataclasses import dataclass
from functools import cache
from pathlib import Path

DATA_FILE = Path(__file__).with_name("data") / "nuts2021.csv"


@dataclass(frozen=True)
class Region:
    code: str
    level: int
    country: str
    name: str
    name_en: str

    @property
    def parent_code(self) -> str | None:
        return self.code[:-1] if self.level > 0 else None


@cache
def regions() -> dict[str, Region]:
    with DATA_FILE.open(encoding="utf-8", newline="") as handle:
        return {
            row["code"]: Region(row["code"], int(row["level"]), row["country"], row["name"], row["name_en"])
            for row in csv.DictReader(handle)
        }


def get_region(code: str) -> Region | None:
    return regions().get(code)


def region_name(code: str, language: str = "pl") -> str:
    region = regions().get(code)
    if region is None:
        return code
    return region.name_en if language == "en" else region.name


def region_path(code: str) -> list[Region]:
    """The region and its ancestors, country first (``PL823`` → Polska, Makroregion..., Podkarpackie, Rzeszowski)."""
    table = regions()
    return [table[code[:length]] for length in range(2, len(code) + 1) if code[:length] in table]


def region_choices(level: int | None = 3, language: str = "pl") -> list[tuple[str, str]]:
    return [
        (region.code, f"{region.code} {region.name_en if language == 'en' else region.name}")
        for region in regions().values()
        if level is None or region.level == level
    ]
