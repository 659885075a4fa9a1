"""Facet counts from bitmaps held in memory: one Python integer per facet value, bit *n* = record id *n*.

A list page with a query and two selected facets needs four disjunctive facet counts
and a total. In SQL each count walks every matching record again (12,000 rows for a
common word, five times per page). Here the matching ids are fetched once (from the
full-text index) and turned into a bitmap; every count is then ``(base & value).bit_count()``
over 100,000-bit integers: about a microsecond per value, whatever the number of matches.

The index holds every record of the model (published or not) with its facet values and
is rebuilt, per process, when :class:`~sache.directory.models.DirectoryVersion` has a new
token, which database triggers set on every write that could change it. Visibility is
applied per request (published records, plus the viewer's own, or everything for
operators), so one index serves every viewer.
"""

from __future__ import annotations

import threading
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

from django.db import connections
from django.db.models import Model

from sache.directory.enums import Publication
from sache.directory.search import VERSION_TABLE

# Positions of the set bits of every byte value, to list the ids of a bitmap byte by byte.
_BITS = tuple(tuple(bit for bit in range(8) if byte >> bit & 1) for byte in range(256))


def bitmap(ids: Iterable[int]) -> int:
    """The bitmap of ``ids`` (non-negative integers)."""
    buffer = bytearray()
    for pk in ids:
        position = pk >> 3
        if position >= len(buffer):
            buffer.extend(bytes(position + 1 - len(buffer) + 1024))
        buffer[position] |= 1 << (pk & 7)
    return int.from_bytes(buffer, "little")


def ids_of(bits: int) -> list[int]:
    """The ids in ``bits``, ascending."""
    ids: list[int] = []
    data = bits.to_bytes((bits.bit_length() + 7) // 8, "little")
    for position, byte in enumerate(data):
        if byte:
            base = position << 3
            ids.extend(base + bit for bit in _BITS[byte])
    return ids


@dataclass(frozen=True)
class FacetIndex:
    """Bitmaps of one model: every record, the published ones, and each value of each facet."""

    every: int
    published: int
    values: Mapping[str, Mapping[str, int]]

    def visible(self, *, everything: bool, own_ids: Iterable[int] = ()) -> int:
        """What a viewer may see: everything (operators), or published records plus their own."""
        if everything:
            return self.every
        own = bitmap(own_ids) & self.every
        return self.published | own

    def union(self, param: str, values: Sequence[str]) -> int:
        """Records with any of ``values`` of facet ``param`` (a facet's selected values are alternatives)."""
        bits = 0
        facet = self.values.get(param, {})
        for value in values:
            bits |= facet.get(value, 0)
        return bits

    def counts(self, param: str, base: int) -> dict[str, int]:
        """Number of records of ``base`` per value of facet ``param`` (values with none left out)."""
        counts = {}
        for value, bits in self.values.get(param, {}).items():
            count = (bits & base).bit_count()
            if count:
                counts[value] = count
        return counts


def build_index(model: type[Model], facets: Sequence, using: str = "default") -> FacetIndex:
    """Read every record of ``model`` and its values of ``facets`` (each facet lists its ``memberships``)."""
    manager = model._default_manager.using(using)
    rows = list(manager.order_by().values_list("pk", "publication"))
    every = bitmap(pk for pk, _publication in rows)
    published = bitmap(pk for pk, publication in rows if publication == Publication.PUBLISHED)
    values: dict[str, dict[str, int]] = {}
    for facet in facets:
        by_value: dict[str, list[int]] = {}
        for pk, value in facet.memberships(model, using):
            by_value.setdefault(value or "", []).append(pk)
        values[facet.param] = {value: bitmap(ids) for value, ids in by_value.items()}
    return FacetIndex(every=every, published=published, values=values)


_lock = threading.Lock()
# (database alias, database name, model label) -> (version token, index)
_indexes: dict[tuple[str, str, str], tuple[int, FacetIndex]] = {}


def version_token(using: str = "default") -> int | None:
    """The current ``DirectoryVersion`` token; ``None`` before the first write (or after a flush)."""
    with connections[using].cursor() as cursor:
        cursor.execute(f"SELECT token FROM {VERSION_TABLE} WHERE id = 1")  # noqa: S608 (a constant)
        row = cursor.fetchone()
    return None if row is None else row[0]


def index_for(model: type[Model], facets: Sequence, using: str = "default") -> FacetIndex:
    """The index of ``model``, rebuilt if the data changed since this process last built it.

    The token is read before the records, so an index is never newer-looking than its
    data: a write committed in between only costs one extra rebuild.
    """
    token = version_token(using)
    key = (using, str(connections[using].settings_dict["NAME"]), model._meta.label)
    cached = _indexes.get(key)
    if token is not None and cached is not None and cached[0] == token:
        return cached[1]
    with _lock:
        cached = _indexes.get(key)
        if token is not None and cached is not None and cached[0] == token:
            return cached[1]
        index = build_index(model, facets, using)
        if token is not None:
            _indexes[key] = (token, index)
        return index


def clear() -> None:
    """Forget every index of this process (tests, benchmarks)."""
    _indexes.clear()
