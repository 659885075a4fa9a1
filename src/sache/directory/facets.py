"""Facets of the browse pages: how each filters a queryset, counts its values and labels them.

Counts are disjunctive: a facet's counts are taken over the records that match the
query and every *other* selected facet, so each count is exactly the total the list
shows once that value is chosen instead of the facet's current selection.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field

from django.db.models import Count, Exists, OuterRef, Q, QuerySet
from django.db.models.functions import Substr

from sache.directory.models import OrganisationFacetValue
from sache.directory.regions import get_region, region_name


@dataclass(frozen=True)
class FacetValue:
    value: str
    label: str
    count: int
    selected: bool


@dataclass(frozen=True)
class FieldFacet:
    """Values of one column (kind, language, status...), labelled by the column's choices."""

    param: str
    title: str
    field: str
    labels: Callable[[str, str], str] | None = None

    def apply(self, queryset: QuerySet, values: Sequence[str]) -> QuerySet:
        return queryset.filter(**{f"{self.field}__in": values})

    # Every record has exactly one value, so counts over a base set add up to its size.
    single_valued = True

    def counts(self, queryset: QuerySet) -> dict[str, int]:
        rows = queryset.order_by().values_list(self.field).annotate(n=Count("pk"))
        return {value or "": n for value, n in rows}

    def memberships(self, model, using: str = "default") -> Iterable[tuple[int, str]]:
        """``(id, value)`` of every record of ``model``, for the in-memory index (``facet_index``)."""
        return model._default_manager.using(using).order_by().values_list("pk", self.field)

    def label(self, value: str, language: str, model) -> str:
        if self.labels is not None:
            return self.labels(value, language)
        choices = dict(model._meta.get_field(self.field).choices or [])
        return str(choices.get(value, value))

    def valid(self, value: str) -> bool:
        return bool(value)


@dataclass(frozen=True)
class RegionFacet:
    """NUTS 2 regions (the first four characters of the NUTS 3 code)."""

    param: str
    title: str
    field: str = "region"
    single_valued = True

    def apply(self, queryset: QuerySet, values: Sequence[str]) -> QuerySet:
        condition = Q()
        for value in values:
            condition |= Q(**{f"{self.field}__startswith": value})
        return queryset.filter(condition)

    def counts(self, queryset: QuerySet) -> dict[str, int]:
        rows = (
            queryset.order_by().annotate(nuts2=Substr(self.field, 1, 4)).values_list("nuts2").annotate(n=Count("pk"))
        )
        return dict(rows)

    def memberships(self, model, using: str = "default") -> Iterable[tuple[int, str]]:
        rows = model._default_manager.using(using).order_by().values_list("pk", self.field)
        return ((pk, region[:4]) for pk, region in rows)

    def label(self, value: str, language: str, model) -> str:
        return f"{region_name(value, language)} ({value})"

    def valid(self, value: str) -> bool:
        region = get_region(value)
        return region is not None and region.level == 2


@dataclass(frozen=True)
class FacetRowFacet:
    """Multi-valued attributes of organisations mirrored into ``OrganisationFacetValue`` rows."""

    param: str
    title: str
    kinds: tuple[str, ...]
    labels: Callable[[str, str], str]
    organisation_field: str = "pk"
    known: Callable[[str], bool] = field(default=lambda value: True)
    single_valued = False

    def apply(self, queryset: QuerySet, values: Sequence[str]) -> QuerySet:
        # EXISTS probes the (organisation, facet, value) index for each candidate; an IN list
        # would first collect every organisation with the value (tens of thousands).
        rows = OrganisationFacetValue.objects.filter(
            organisation_id=OuterRef(self.organisation_field), facet__in=self.kinds, value__in=values
        )
        return queryset.filter(Exists(rows))

    def counts(self, queryset: QuerySet) -> dict[str, int]:
        # Joined from the filtered records, so the database walks only their facet rows.
        path = "facet_values" if self.organisation_field == "pk" else f"{self.organisation_field.removesuffix('_id')}__facet_values"
        rows = (
            queryset.order_by()
            .filter(**{f"{path}__facet__in": self.kinds})
            .values_list(f"{path}__value")
            .annotate(n=Count("pk"))
        )
        return dict(rows)

    def memberships(self, model, using: str = "default") -> Iterable[tuple[int, str]]:
        if self.organisation_field != "pk":
            msg = "only organisations' own facet rows are indexed"
            raise NotImplementedError(msg)
        rows = OrganisationFacetValue.objects.using(using).filter(facet__in=self.kinds)
        return rows.order_by().values_list("organisation_id", "value")

    def label(self, value: str, language: str, model) -> str:
        return self.labels(value, language)

    def valid(self, value: str) -> bool:
        return self.known(value)


def facet_values(facet, counts: dict[str, int], selected: Sequence[str], *, language: str, model, limit: int = 30) -> list[FacetValue]:
    """Values to show: the most frequent first, selected ones always (with their count, even zero)."""
    ranked = sorted(((value, n) for value, n in counts.items() if value), key=lambda item: (-item[1], item[0]))[:limit]
    shown = dict(ranked)
    for value in selected:
        shown.setdefault(value, counts.get(value, 0))
    return [
        FacetValue(value=value, label=facet.label(value, language, model), count=count, selected=value in selected)
        for value, count in sorted(shown.items(), key=lambda item: (-item[1], item[0]))
    ]
