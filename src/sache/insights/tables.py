"""A dashboard table: what the page shows, the chart draws and the exports write."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from functools import partial
from types import ModuleType
from typing import Any

from sache.directory.enums import FacetKind


@dataclass(frozen=True)
class Row:
    code: str
    label: str
    value: float | int
    # Further numbers of the row, one per ``Table.extra_columns`` (shown and exported, not drawn).
    extra: tuple[float | int, ...] = ()


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


# Dashboard tables in page order: the key used in export URLs, the name of the function that
# builds it and its keyword arguments. :mod:`sache.insights.selectors` (live counts) and
# :mod:`sache.insights.aggregates` (the refreshed facts) each define every function named here.
TABLES: list[tuple[str, str, dict[str, Any]]] = [
    ("organisations-by-kind", "organisations_by_kind", {}),
    ("organisations-by-sector", "organisations_by_sector", {}),
    ("organisations-by-region", "organisations_by_region", {}),
    ("organisations-by-heritage-domains", "organisations_by_domain", {"facet": FacetKind.HERITAGE_DOMAIN}),
    ("organisations-by-creative-domains", "organisations_by_domain", {"facet": FacetKind.CREATIVE_DOMAIN}),
    ("profile-completeness", "profile_completeness", {}),
    ("new-organisations", "new_organisations_per_month", {}),
    ("opportunities", "opportunities", {}),
    ("recommendations", "recommendations", {}),
    ("recommendations-over-time", "recommendations_over_time", {}),
    ("meetings", "meetings", {}),
    ("calls", "calls", {}),
    ("workshops", "workshops", {}),
    ("partnerships-by-stage", "partnerships_by_stage", {}),
    ("partnership-funnel", "partnership_funnel", {}),
    ("outcomes", "outcome_totals", {}),
]


def table_builders(module: ModuleType) -> dict[str, Callable[..., Table]]:
    """key -> builder for one source module; a missing function fails at import, not on a page."""
    return {key: partial(getattr(module, name), **kwargs) if kwargs else getattr(module, name) for key, name, kwargs in TABLES}
