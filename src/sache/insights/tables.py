"""A dashboard table: what the page shows, the chart draws and the exports write."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Row:
    code: str
    label: str
    value: float | int


@dataclass(frozen=True)
class Table:
    key: str
    title: str
    value_label: str
    rows: list[Row]
    chart: str = "bar"  # bar | line | funnel
    note: str = ""
    extra_columns: list[str] = field(default_factory=list)

    @property
    def total(self) -> float:
        return sum(row.value for row in self.rows)

    @property
    def is_empty(self) -> bool:
        return not any(row.value for row in self.rows)
