"""The matching index: organisations in, ranked and explained partners out.

Problem
-------
Given organisations ``O`` (texts in several languages, kind, sectors, region,
coordinates, working languages, competences, track record, published flag,
members) and a history of collaborations (projects as sets of organisations),
rank the published organisations for a query ``q`` (a need, an offer or an
organisation) by

.. math::

    s(q, o) = \\sum_f w_f \\, x_f(q, o)

over features ``x_f``: BM25 over lemmas in each text's language
(``lexical``), the cosine of multilingual dense embeddings (``dense``), the
same two for the best single unit of the profile (a paragraph: an earlier
project, an offer; ``lexical_max``, ``dense_max``), pseudo-relevance
feedback from the best text matches on both sides (``lexical_feedback``,
``dense_feedback``), the organisation's track record, partners of the best textual matches and of the
asking organisation in the collaboration graph, a short random walk over
that graph from the best text matches (``text_walk``), shared programme tags, kind
priors and complementarity, sectors, region, distance, common working
languages and competences. The weights ``w`` are fitted on data
(:mod:`sache.engine.matching.fitting`, ``bench/matching/fit_weights.py``).

Constraints: an organisation never receives itself or its own members (or
the network it is a member of); unpublished organisations never appear to
others; explanations name only facts present in both profiles.

Complexity: adding one organisation costs the encoding of its unseen
sentences plus ``O(terms + d^2)`` index updates. Up to ``EXACT_UP_TO``
organisations a query costs one encoding, a ``O(n d)`` matrix-vector
product, BM25 over the query terms' postings and ``O(n)`` vectorised feature
arithmetic. Above, it runs in two stages: (1) text candidates from BM25
postings and a ``O(n k)`` product with a ``k``-dimensional projection of the
vectors (leading eigenvectors of their second-moment matrix), plus the rows
with the best prior and the asker's graph neighbours; (2) every feature for
those ``c`` candidates only, ``O(c d)``. The mean and spread of a query's
cosines over all rows, which standardise ``dense``, come from running first
and second moments of the vectors in ``O(d^2)``.
``text_walk`` adds three sparse products over the collaboration graph,
``O(rows + edges)``, in either mode (the matrix is built once per graph change).

References
----------
.. [1] S. Robertson and H. Zaragoza, "The Probabilistic Relevance Framework:
   BM25 and Beyond", 2009.
.. [2] L. Wang et al., "Multilingual E5 Text Embeddings", arXiv:2402.05672, 2024.
.. [3] D. Liben-Nowell and J. Kleinberg, "The link-prediction problem for
   social networks", JASIST 58(7), 2007 (common neighbours).
.. [4] V. Lavrenko and W. B. Croft, "Relevance-based language models",
   SIGIR 2001 (pseudo-relevance feedback, here over the collaboration graph).
.. [5] T. H. Haveliwala, "Topic-sensitive PageRank", WWW 2002 (a walk
   restarted from query-dependent seeds; here truncated to three steps).
"""

from __future__ import annotations

import contextlib
import math
import re
import threading
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np

from sache.engine.embeddings import CachedEncoder, TextEncoder
from sache.engine.matching.exposure import gini
from sache.engine.matching.lexical import BM25Index
from sache.engine.matching.records import (
    LocalizedText,
    MatchQuery,
    OrgRecord,
    Reason,
    Recommendation,
)
from sache.engine.matching.text import lemmas, split_sentences, tokenize
from sache.engine.matching.weights import ASKER_WEIGHTS, DEFAULT_WEIGHTS, FEATURE_NAMES

__all__ = ["MatchingIndex", "COMPLEMENTARY_KINDS", "normalise_tag", "EXACT_UP_TO", "CANDIDATES"]

# Pairs of product kinds that make a heritage/creative collaboration; the
# engine treats the relation as symmetric.
COMPLEMENTARY_KINDS = frozenset(
    {
        frozenset({"heritage", "creative"}),
        frozenset({"heritage", "technology"}),
        frozenset({"heritage", "research"}),
        frozenset({"creative", "technology"}),
    }
)

_YEAR = re.compile(r"\b(19|20)\d\d\b")
_EARTH_RADIUS_KM = 6371.0
# Textual matches whose partners feed the graph feature; ten is about one
# consortium, the size the signal is meant to find.
_GRAPH_SEEDS = 10
# The random walk over the collaboration graph (``text_walk``) starts from a
# wider set of text matches, each weighted by exp((score - best) / T): a
# temperature of 0.1 on the lexical scale (1 = the best match) lets the
# seeds close to the best dominate without ignoring the rest.
_WALK_SEEDS = 50
_WALK_TEMPERATURE = 0.1
# Steps of the walk (partners, their partners, theirs), counted alike: three
# steps reach the earlier partners of a consortium's members' partners
# (bench/matching/README.md: one or two steps did no better out of fold).
_WALK_STEPS = 3
_WALK_DECAY = 1.0
# On CORDIS the best BM25 match covers 14-36 % of the query's idf mass (10th
# to 90th percentile 17-36 %); accidental cross-language overlaps stay below
# about 12 % (bench/matching/README.md).
_LEXICAL_FLOOR = 0.15
# Terms taken from the best text matches for lexical feedback (RM3 uses 10-50).
_FEEDBACK_TERMS = 20
# Up to this many organisations every feature is computed for every row (a
# query then costs a few milliseconds per thousand rows); above, two stages.
EXACT_UP_TO = 20_000
# Text candidates of the two-stage ranking: the second stage needs the best
# few dozen, and at 100,000 organisations the 2,000 best by text hold the
# one-stage top 10 (bench/matching/speed.py measures the agreement).
CANDIDATES = 2_000
# Rows with the best query-independent prior (track record, kind) that join
# the candidates, so that a strong prior without text still competes.
_PRIOR_CANDIDATES = 200
# Dimension of the low-precision copy of the vectors used by the first stage:
# the matrix-vector product over every row is memory-bound (about 40 ms for
# 100,000 x 96 float32 on the loaded 2-core host), so fewer bytes, less time;
# exact vectors re-score the candidates.
SKETCH_DIMENSION = 48
# BLAS threads while a query is ranked. Its products are matrix-vector over at
# most a few hundred thousand rows, memory-bound: a second OpenBLAS thread only
# adds synchronisation, and on the shared 2-core host its spinning workers made
# one ranking at 100,000 organisations cost 16.6 ms of CPU instead of 3.8 ms
# (33 ms wall instead of 8 ms, load 5.5; bench/matching/README.md). ``None``
# leaves the process's setting alone.
QUERY_BLAS_THREADS: int | None = 1
_NO_UNITS = np.zeros(0, dtype=np.int64)
# Paragraphs (blank-line separated) are the units of a profile: an earlier
# project, an offer, a need.
_PARAGRAPH = re.compile(r"\n\s*\n")


class _BlasLimit:
    """One BLAS thread count while any query runs in the process, restored after the last.

    BLAS has one process-wide setting: rankings that overlap in several
    threads share one limit, set by the first to start and restored by the
    last to finish (nested ``threadpoolctl`` limits would restore out of order).
    """

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._active = 0
        self._controller: Any = None
        self._saved: Any = None

    @contextlib.contextmanager
    def __call__(self, threads: int | None) -> Iterator[None]:
        if threads is None:
            yield
            return
        with self._lock:
            if self._controller is None:
                try:
                    from threadpoolctl import ThreadpoolController
                except ImportError:  # pragma: no cover - depends on the installation
                    self._controller = False
                else:
                    self._controller = ThreadpoolController().select(user_api="blas")
            if self._controller and self._active == 0:
                self._saved = self._controller.limit(limits=threads)
            self._active += 1
        try:
            yield
        finally:
            with self._lock:
                self._active -= 1
                if self._active == 0 and self._saved is not None:
                    self._saved.restore_original_limits()
                    self._saved = None


_blas_threads = _BlasLimit()


@dataclass
class _TextStage:
    """The textual scores of one query for a set of rows."""

    rows: np.ndarray
    query_terms: list[str]
    lexical: np.ndarray
    dense: np.ndarray
    vector: np.ndarray | None
    mean: float
    spread: float


def normalise_tag(tag: str) -> str:
    """Drop years and programme prefixes so that recurring calls share a tag.

    Examples
    --------
    >>> normalise_tag("HORIZON-CL2-2024-HERITAGE-01-02")
    'CL2-HERITAGE-01-02'
    """
    tag = _YEAR.sub("", tag.upper().removeprefix("HORIZON-"))
    return "-".join(part for part in re.split(r"[-_\s]+", tag) if part)


def _tag_family(tag: str) -> str:
    parts = normalise_tag(tag).split("-")
    return "-".join(part for part in parts if not part.isdigit())


def _region_prefixes(region: str) -> list[str]:
    region = region.strip().upper()
    # NUTS codes nest by prefix: country (2 letters), then one character per level.
    return [region[:length] for length in range(2, len(region) + 1)]


def _folded(values: Iterable[str]) -> set[str]:
    return {value.strip().casefold() for value in values if value and value.strip()}


class _FacetIndex:
    """Rows per facet value, for vectorised overlap counts."""

    def __init__(self) -> None:
        self._rows: dict[str, set[int]] = {}
        self._arrays: dict[str, np.ndarray] = {}
        self._values: dict[int, set[str]] = {}
        self._size_array: np.ndarray | None = None

    def set_values(self, row: int, values: Iterable[str]) -> None:
        self.remove(row)
        values = set(values)
        if not values:
            return
        self._values[row] = values
        self._size_array = None
        for value in values:
            self._rows.setdefault(value, set()).add(row)
            self._arrays.pop(value, None)

    def remove(self, row: int) -> None:
        if row in self._values:
            self._size_array = None
        for value in self._values.pop(row, ()):
            rows = self._rows[value]
            rows.discard(row)
            if not rows:
                del self._rows[value]
            self._arrays.pop(value, None)

    def values_of(self, row: int) -> set[str]:
        return self._values.get(row, set())

    def overlap(self, values: Iterable[str], n_rows: int) -> np.ndarray:
        counts = np.zeros(n_rows, dtype=np.float32)
        for value in set(values):
            if value not in self._rows:
                continue
            rows = self._arrays.get(value)
            if rows is None:
                rows = np.fromiter(self._rows[value], dtype=np.int64)
                self._arrays[value] = rows
            counts[rows] += 1.0
        return counts

    def sizes(self, n_rows: int) -> np.ndarray:
        if self._size_array is None or len(self._size_array) != n_rows:
            sizes = np.zeros(n_rows, dtype=np.float32)
            for row, values in self._values.items():
                if row < n_rows:
                    sizes[row] = len(values)
            self._size_array = sizes
        return self._size_array


    def overlap_rows(self, values: Iterable[str], rows: np.ndarray, position: np.ndarray) -> np.ndarray:
        """Overlap counts for ``rows`` only; ``position[row]`` is the row's index in ``rows`` or -1.

        Costs the query values' posting lengths, not the number of rows.
        """
        counts = np.zeros(len(rows), dtype=np.float32)
        for value in set(values):
            if value not in self._rows:
                continue
            members = self._arrays.get(value)
            if members is None:
                members = np.fromiter(self._rows[value], dtype=np.int64)
                self._arrays[value] = members
            where = position[members]
            counts[where[where >= 0]] += 1.0
        return counts


class MatchingIndex:
    """An updatable index of organisations that ranks partners for a query.

    Parameters
    ----------
    encoder : TextEncoder, optional
        Dense text encoder; wrapped in a :class:`~sache.engine.embeddings.CachedEncoder`
        unless it already is one. Without an encoder the dense features are zero.
    weights : mapping of str to float, optional
        Feature weights for anonymous queries; default
        :data:`~sache.engine.matching.weights.DEFAULT_WEIGHTS` (fitted on the
        CORDIS dev split where the data has the feature).
    asker_weights : mapping of str to float, optional
        Feature weights for queries with an ``org_id``; default
        :data:`~sache.engine.matching.weights.ASKER_WEIGHTS`.
    exact_up_to : int
        Up to this many rows every feature is computed for every row. Above
        it a query is answered in two stages: text candidates from the whole
        index (BM25 postings and a low-dimensional copy of the vectors), then
        every feature for those candidates only.
    candidates : int
        Text candidates of the two-stage ranking.

    Notes
    -----
    Thread-safe for one writer and many readers through one lock: the
    background indexer and request threads may share an index.

    Examples
    --------
    >>> from sache.engine.embeddings import HashingEncoder
    >>> index = MatchingIndex(HashingEncoder(dimension=256))
    >>> index.add_many([
    ...     OrgRecord("studio", kind="creative", texts=(LocalizedText("We build augmented reality guides"),)),
    ...     OrgRecord("bakery", kind="other", texts=(LocalizedText("We bake bread and cakes"),)),
    ... ])
    >>> query = MatchQuery("need", texts=(LocalizedText("augmented reality guide for a castle"),))
    >>> [r.org_id for r in index.rank(query, top=2)]
    ['studio', 'bakery']
    """

    def __init__(
        self,
        encoder: TextEncoder | None = None,
        *,
        weights: Mapping[str, float] | None = None,
        asker_weights: Mapping[str, float] | None = None,
        exact_up_to: int = EXACT_UP_TO,
        candidates: int = CANDIDATES,
    ) -> None:
        if encoder is not None and not isinstance(encoder, CachedEncoder):
            encoder = CachedEncoder(encoder)
        self.encoder: CachedEncoder | None = encoder
        self.weights = dict(DEFAULT_WEIGHTS if weights is None else weights)
        self.asker_weights = dict(ASKER_WEIGHTS if asker_weights is None else asker_weights)
        self.exact_up_to = exact_up_to
        self.candidates = candidates
        # BLAS threads while ranking (see QUERY_BLAS_THREADS).
        self.query_blas_threads = QUERY_BLAS_THREADS
        dimension = encoder.dimension if encoder is not None else 0
        self._dimension = dimension
        self._lock = threading.RLock()
        self._records: list[OrgRecord | None] = []
        self._row_of: dict[str, int] = {}
        self._free_rows: list[int] = []
        self._vectors = np.zeros((0, dimension), dtype=np.float32)
        # Running first and second moments of the live rows' vectors: the
        # mean and spread of a query's cosines over the whole index follow
        # from them in O(d^2), with no pass over the rows.
        self._vector_sum = np.zeros(dimension, dtype=np.float64)
        self._vector_gram = np.zeros((dimension, dimension), dtype=np.float64)
        # Low-dimensional copy of the vectors (projection on the leading
        # eigenvectors of the Gram matrix) for the first stage of big indexes.
        self._basis: np.ndarray | None = None
        self._sketch = np.zeros((0, 0), dtype=np.float32)
        self._sketch_rows = 0
        # Units of profiles (paragraphs: earlier projects, offers, needs),
        # deduplicated across organisations, with their own vectors and BM25:
        # the best single unit of a long profile is a feature next to the
        # profile as a whole, which dilutes one matching project among many.
        self._unit_of: dict[str, int] = {}
        self._unit_refs: list[int] = []
        self._unit_text: list[str] = []
        self._free_units: list[int] = []
        self._unit_vectors = np.zeros((0, dimension), dtype=np.float32)
        self._unit_lexical = BM25Index()
        self._row_units: list[np.ndarray] = []
        self._alive = np.zeros(0, dtype=bool)
        self._published = np.zeros(0, dtype=bool)
        self._track = np.zeros(0, dtype=np.float32)
        self._coordinates = np.full((0, 2), np.nan, dtype=np.float64)
        self._exposure = np.zeros(0, dtype=np.float64)
        self._kind_codes = np.zeros(0, dtype=np.int32)
        self._kinds: dict[str, int] = {"": 0}
        self._lexical = BM25Index()
        self._tags = _FacetIndex()
        self._tag_families = _FacetIndex()
        self._sectors = _FacetIndex()
        self._languages = _FacetIndex()
        self._competences = _FacetIndex()
        self._regions = _FacetIndex()
        self._partners: dict[str, Counter[str]] = {}
        # Row-normalised transition matrix of the collaboration graph over
        # rows (transposed, CSR), built on first use and dropped when the
        # graph or the rows of organisations with history change.
        self._walk_matrix: Any = None
        self._members_of: dict[str, set[str]] = {}
        self._prior_rows: dict[tuple, np.ndarray] = {}

    # -- building -----------------------------------------------------------

    def __len__(self) -> int:
        return len(self._row_of)

    def __contains__(self, org_id: str) -> bool:
        return org_id in self._row_of

    def record(self, org_id: str) -> OrgRecord:
        """The stored record of ``org_id`` (``KeyError`` if absent)."""
        record = self._records[self._row_of[org_id]]
        assert record is not None
        return record

    def row_ids(self) -> list[str | None]:
        """The organisation id of every row of :meth:`features` (``None`` for empty rows)."""
        ids: list[str | None] = [None] * len(self._alive)
        for org_id, row in self._row_of.items():
            ids[row] = org_id
        return ids

    def _grow(self, n_rows: int) -> None:
        capacity = len(self._alive)
        if n_rows <= capacity:
            return
        new_capacity = max(n_rows, 2 * capacity, 16)
        extra = new_capacity - capacity

        def pad(array: np.ndarray, fill: float | bool | int) -> np.ndarray:
            shape = (extra, *array.shape[1:])
            return np.concatenate([array, np.full(shape, fill, dtype=array.dtype)])

        self._vectors = pad(self._vectors, 0.0)
        if self._basis is not None:
            self._sketch = pad(self._sketch, 0.0)
        self._alive = pad(self._alive, False)
        self._published = pad(self._published, False)
        self._track = pad(self._track, 0.0)
        self._coordinates = pad(self._coordinates, np.nan)
        self._exposure = pad(self._exposure, 0.0)
        self._kind_codes = pad(self._kind_codes, 0)
        self._row_units.extend(_NO_UNITS for _ in range(extra))

    def _encode_orgs(
        self, orgs: Sequence[OrgRecord]
    ) -> tuple[np.ndarray, list[list[tuple[str, str]]], list[np.ndarray]]:
        """Profile vectors (mean of sentence vectors), each org's units (text, language), unit vectors."""
        dimension = self._dimension
        vectors = np.zeros((len(orgs), dimension), dtype=np.float32)
        units_per_org = [
            [
                (part.strip(), text.language)
                for text in org.texts
                for part in _PARAGRAPH.split(text.text)
                if part.strip()
            ]
            for org in orgs
        ]
        sentences_per_unit = [
            [split_sentences(unit) for unit, _ in units] for units in units_per_org
        ]
        if self.encoder is None:
            return vectors, units_per_org, [np.zeros((len(u), dimension), np.float32) for u in units_per_org]
        flat = [s for units in sentences_per_unit for unit in units for s in unit]
        encoded = self.encoder.encode(flat)
        unit_vectors = []
        start = 0
        for position, units in enumerate(sentences_per_unit):
            own = np.zeros((len(units), dimension), dtype=np.float32)
            first = start
            for number, sentences in enumerate(units):
                if sentences:
                    own[number] = encoded[start : start + len(sentences)].mean(axis=0)
                start += len(sentences)
            if start > first:
                # The mean of sentence vectors keeps every earlier project or
                # offer of a long profile in view, where one 512-token window
                # would see only the first.
                vectors[position] = encoded[first:start].mean(axis=0)
            unit_vectors.append(_normalised(own))
        return _normalised(vectors), units_per_org, unit_vectors

    def add(self, org: OrgRecord) -> None:
        """Add ``org`` or replace the organisation with the same id."""
        self.add_many([org])

    def add_many(self, orgs: Iterable[OrgRecord]) -> None:
        """Add or replace several organisations, encoding their texts in batches.

        Texts already seen by the encoder's cache cost no encoding.
        """
        orgs = list(orgs)
        if not orgs:
            return
        vectors, units, unit_vectors = self._encode_orgs(orgs)
        unit_terms = [[lemmas(unit, language) for unit, language in own] for own in units]
        with self._lock:
            replaced = [self._row_of[org.id] for org in orgs if org.id in self._row_of]
            if any(org.id in self._partners and org.id not in self._row_of for org in orgs):
                self._walk_matrix = None
            if replaced:
                self._add_moments(self._vectors[replaced], sign=-1.0)
            rows = []
            for org, vector, own, own_vectors, terms in zip(
                orgs, vectors, units, unit_vectors, unit_terms, strict=True
            ):
                ids = self._unit_ids(own, own_vectors, terms)
                rows.append(self._store(org, vector, [t for unit in terms for t in unit], ids))
            self._add_moments(vectors, sign=1.0)
            if self._basis is not None:
                self._sketch[rows] = vectors @ self._basis
            self._prior_rows.clear()

    def _add_moments(self, vectors: np.ndarray, *, sign: float) -> None:
        if not self._dimension or not len(vectors):
            return
        block = vectors.astype(np.float64)
        self._vector_sum += sign * block.sum(axis=0)
        self._vector_gram += sign * (block.T @ block)

    def _unit_ids(
        self, units: list[tuple[str, str]], vectors: np.ndarray, terms: list[list[str]]
    ) -> np.ndarray:
        """Numbers of the units (shared by every profile that has the same paragraph)."""
        ids = []
        for (unit, _), vector, unit_terms in zip(units, vectors, terms, strict=True):
            number = self._unit_of.get(unit)
            if number is None:
                if self._free_units:
                    number = self._free_units.pop()
                    self._unit_refs[number] = 0
                    self._unit_text[number] = unit
                else:
                    number = len(self._unit_refs)
                    self._unit_refs.append(0)
                    self._unit_text.append(unit)
                self._unit_of[unit] = number
                if number >= len(self._unit_vectors):
                    grown = np.zeros(
                        (max(16, 2 * len(self._unit_vectors)), self._dimension), dtype=np.float32
                    )
                    grown[: len(self._unit_vectors)] = self._unit_vectors
                    self._unit_vectors = grown
                self._unit_vectors[number] = vector
                self._unit_lexical.set_document(number, unit_terms)
            ids.append(number)
        ids = sorted(set(ids))
        for number in ids:
            self._unit_refs[number] += 1
        return np.asarray(ids, dtype=np.int64)

    def _release_units(self, row: int) -> None:
        for number in self._row_units[row].tolist():
            self._unit_refs[number] -= 1
            if self._unit_refs[number] == 0:
                del self._unit_of[self._unit_text[number]]
                self._unit_lexical.remove_document(number)
                self._unit_vectors[number] = 0.0
                self._free_units.append(number)
        self._row_units[row] = _NO_UNITS

    def _store(self, org: OrgRecord, vector: np.ndarray, terms: list[str], units: np.ndarray) -> int:
        if org.id in self._row_of:
            row = self._row_of[org.id]
            self._forget_members(self._records[row])
            self._release_units(row)
        elif self._free_rows:
            row = self._free_rows.pop()
        else:
            row = len(self._records)
            self._records.append(None)
            self._grow(row + 1)
        self._row_of[org.id] = row
        self._records[row] = org
        self._vectors[row] = vector
        self._row_units[row] = units
        self._alive[row] = True
        self._published[row] = org.published
        self._track[row] = math.log1p(max(org.track_record, 0))
        self._coordinates[row] = org.coordinates if org.coordinates else (np.nan, np.nan)
        self._kind_codes[row] = self._kinds.setdefault(org.kind, len(self._kinds))
        self._lexical.set_document(row, terms)
        self._tags.set_values(row, {normalise_tag(tag) for tag in org.tags})
        self._tag_families.set_values(row, {_tag_family(tag) for tag in org.tags})
        self._sectors.set_values(row, _folded(org.sectors))
        self._languages.set_values(row, _folded(org.languages))
        self._competences.set_values(row, _folded(org.competences))
        self._regions.set_values(row, _region_prefixes(org.region))
        for member in org.member_ids:
            self._members_of.setdefault(member, set()).add(org.id)
        return row

    def _forget_members(self, org: OrgRecord | None) -> None:
        if org is None:
            return
        for member in org.member_ids:
            networks = self._members_of.get(member)
            if networks is not None:
                networks.discard(org.id)
                if not networks:
                    del self._members_of[member]

    def remove(self, org_id: str) -> None:
        """Remove an organisation; nothing happens if it is not indexed.

        Its earlier collaborations stay in the graph: they still link the
        partners it had.
        """
        with self._lock:
            row = self._row_of.pop(org_id, None)
            if row is None:
                return
            if org_id in self._partners:
                self._walk_matrix = None
            self._add_moments(self._vectors[[row]], sign=-1.0)
            self._forget_members(self._records[row])
            self._records[row] = None
            self._alive[row] = False
            self._published[row] = False
            self._vectors[row] = 0.0
            if self._basis is not None:
                self._sketch[row] = 0.0
            self._release_units(row)
            self._exposure[row] = 0.0
            self._lexical.remove_document(row)
            for facet in (
                self._tags,
                self._tag_families,
                self._sectors,
                self._languages,
                self._competences,
                self._regions,
            ):
                facet.remove(row)
            self._free_rows.append(row)
            self._prior_rows.clear()

    def add_collaboration(self, org_ids: Iterable[str]) -> None:
        """Record one earlier collaboration (a project) between organisations."""
        members = sorted(set(org_ids))
        with self._lock:
            if len(members) > 1:
                self._walk_matrix = None
            for org_id in members:
                partners = self._partners.setdefault(org_id, Counter())
                for other in members:
                    if other != org_id:
                        partners[other] += 1

    def partners_of(self, org_id: str) -> Counter[str]:
        """Earlier partners of ``org_id`` with the number of shared collaborations."""
        return Counter(self._partners.get(org_id, Counter()))

    # -- ranking ------------------------------------------------------------

    def _resolve(self, query: MatchQuery) -> MatchQuery:
        if query.org_id is None or query.org_id not in self._row_of:
            return query
        org = self.record(query.org_id)
        return MatchQuery(
            id=query.id,
            texts=query.texts or org.texts,
            org_id=query.org_id,
            kind=query.kind or org.kind,
            sectors=query.sectors or org.sectors,
            region=query.region or org.region,
            coordinates=query.coordinates or org.coordinates,
            languages=query.languages or org.languages,
            competences=query.competences or org.competences,
            tags=query.tags,
        )

    def _query_vector(self, query: MatchQuery) -> np.ndarray | None:
        if self.encoder is None:
            return None
        texts = [text.text for text in query.texts if text.text.strip()]
        if not texts:
            return None
        row = self._row_of.get(query.org_id) if query.org_id is not None else None
        if row is not None and query.texts == self._records[row].texts:
            # "Partners for this organisation": its stored profile vector
            # serves, where encoding a long profile would take seconds.
            stored = self._vectors[row]
            return stored if float(np.linalg.norm(stored)) > 0 else None
        vectors = self.encoder.encode(texts, as_query=True)
        vector = vectors.mean(axis=0)
        norm = float(np.linalg.norm(vector))
        return vector / norm if norm > 0 else None

    def _cosine_moments(self, vector: np.ndarray) -> tuple[float, float]:
        """Mean and standard deviation of ``vector``'s cosine over the live rows."""
        n_live = len(self._row_of)
        if not n_live:
            return 0.0, 1.0
        q = vector.astype(np.float64)
        mean = float(q @ self._vector_sum) / n_live
        second = float(q @ self._vector_gram @ q) / n_live
        return mean, math.sqrt(max(second - mean * mean, 0.0)) or 1.0

    def _ensure_sketch(self) -> None:
        """(Re)build the low-dimensional copy when the index has doubled since the last one."""
        n_live = len(self._row_of)
        if self._basis is not None and n_live < 2 * self._sketch_rows:
            return
        # Leading eigenvectors of the second-moment matrix keep most of the
        # inner products of e5 vectors, which share a few dominant directions.
        eigenvalues, eigenvectors = np.linalg.eigh(self._vector_gram)
        keep = min(SKETCH_DIMENSION, self._dimension)
        self._basis = np.ascontiguousarray(eigenvectors[:, ::-1][:, :keep]).astype(np.float32)
        self._sketch = self._vectors @ self._basis
        self._sketch_rows = n_live

    def _graph_scores(self, seed_ids: Sequence[str]) -> dict[int, float]:
        """Partners of the seeds, weighted by log(1 + shared projects), averaged over seeds."""
        scores: dict[int, float] = {}
        if not seed_ids:
            return scores
        for seed in seed_ids:
            for partner, count in self._partners.get(seed, {}).items():
                row = self._row_of.get(partner)
                if row is not None:
                    scores[row] = scores.get(row, 0.0) + math.log1p(count)
        return {row: value / len(seed_ids) for row, value in scores.items()}

    def _walk(self, seed_rows: np.ndarray, seed_weights: np.ndarray) -> np.ndarray:
        """Where a random walk from the seeds over the collaboration graph goes, for every row.

        Each step moves an organisation's mass to its partners in
        proportion to log(1 + shared projects), so a seed with a large
        network spreads thinly; the visits of step ``s`` count
        ``_WALK_DECAY ** (s - 1)``. The result is scaled by its maximum
        (1 = the most visited organisation).
        """
        n_rows = len(self._alive)
        if self._walk_matrix is None or self._walk_matrix.shape[0] != n_rows:
            import scipy.sparse as sparse  # slow import, once

            sources, targets, values = [], [], []
            for org_id, partners in self._partners.items():
                row = self._row_of.get(org_id)
                if row is None:
                    continue
                for partner, count in partners.items():
                    other = self._row_of.get(partner)
                    if other is not None:
                        sources.append(row)
                        targets.append(other)
                        values.append(math.log1p(count))
            weights = np.asarray(values, dtype=np.float64)
            sources_array = np.asarray(sources, dtype=np.int64)
            degree = np.bincount(sources_array, weights=weights, minlength=n_rows)
            if len(weights):
                weights = weights / degree[sources_array]
            # Transposed: visits = matrix @ mass.
            self._walk_matrix = sparse.csr_matrix(
                (weights, (np.asarray(targets, dtype=np.int64), sources_array)),
                shape=(n_rows, n_rows),
            )
        mass = np.zeros(n_rows, dtype=np.float64)
        mass[seed_rows] = seed_weights / max(float(seed_weights.sum()), 1e-12)
        visits = np.zeros(n_rows, dtype=np.float64)
        for step in range(_WALK_STEPS):
            mass = self._walk_matrix @ mass
            visits += _WALK_DECAY**step * mass
        top = float(visits.max())
        return (visits / top).astype(np.float32) if top > 0 else visits.astype(np.float32)

    def _excluded_rows(self, query: MatchQuery, exclude: Iterable[str]) -> list[int]:
        excluded = set(exclude)
        if query.org_id is not None:
            excluded.add(query.org_id)
            excluded |= self._members_of.get(query.org_id, set())
            if query.org_id in self._row_of:
                excluded |= set(self.record(query.org_id).member_ids)
        return [self._row_of[org_id] for org_id in excluded if org_id in self._row_of]

    def features(self, query: MatchQuery) -> dict[str, np.ndarray]:
        """Every feature of every row for ``query`` (rows of removed orgs are zero).

        Returns
        -------
        dict of str to numpy.ndarray
            One float32 array of length ``capacity`` per name in
            :data:`~sache.engine.matching.weights.FEATURE_NAMES` (and one
            per ``kind:`` prior).
        """
        with self._lock:
            resolved = self._resolve(query)
            rows = np.arange(len(self._alive))
            features = self._features(resolved, self._text_stage(resolved, rows), None)
            for name, values in features.items():
                features[name] = np.where(self._alive, values, 0.0).astype(np.float32)
            return features

    def _text_stage(self, query: MatchQuery, rows: np.ndarray | None) -> _TextStage:
        """Lexical and dense scores of ``rows`` (``None``: text candidates of a big index)."""
        weights = self.asker_weights if query.org_id is not None else self.weights
        n_rows = len(self._alive)
        query_terms = [t for text in query.texts for t in lemmas(text.text, text.language)]
        bm25 = self._lexical.score(query_terms, n_rows)
        # Scaled by the best match, unless even the best match covers little
        # of the query's idf mass: then the overlap is accidental (a Polish
        # need against English profiles shares only names and acronyms) and
        # must not outweigh the dense signal.
        query_idf = sum(self._lexical.idf(term) for term in set(query_terms))
        scale = max(float(bm25.max()) if n_rows else 0.0, _LEXICAL_FLOOR * query_idf)
        vector = self._query_vector(query)
        mean, spread = (0.0, 1.0) if vector is None else self._cosine_moments(vector)
        def text_of(rows: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
            lexical = bm25[rows] / scale if scale > 0 else np.zeros(len(rows), dtype=np.float32)
            if vector is not None:
                dense = (self._vectors[rows] @ vector - mean) / spread
            else:
                dense = np.zeros(len(rows), dtype=np.float32)
            return lexical.astype(np.float32), dense.astype(np.float32)

        if rows is not None:
            lexical, dense = text_of(rows)
            return _TextStage(rows, query_terms, lexical, dense, vector, mean, spread)
        rows = self._text_candidates(query, weights, bm25, scale, vector, mean, spread)
        lexical, dense = text_of(rows)
        # The partners of the best text matches score on ``text_partners``
        # without text of their own: they join the candidates.
        text_score = weights.get("lexical", 1.0) * lexical + weights.get("dense", 1.0) * np.maximum(dense, 0.0)
        seeds = rows[np.argsort(-text_score, kind="stable")[:_GRAPH_SEEDS]]
        partners = self._graph_scores([self._records[row].id for row in seeds if self._records[row]])
        extra = np.setdiff1d(np.fromiter(partners, dtype=np.int64, count=len(partners)), rows)
        extra = extra[self._alive[extra]]
        if len(extra):
            more_lexical, more_dense = text_of(extra)
            rows = np.concatenate([rows, extra])
            lexical = np.concatenate([lexical, more_lexical])
            dense = np.concatenate([dense, more_dense])
        return _TextStage(rows, query_terms, lexical, dense, vector, mean, spread)

    def _text_candidates(
        self,
        query: MatchQuery,
        weights: Mapping[str, float],
        bm25: np.ndarray,
        scale: float,
        vector: np.ndarray | None,
        mean: float,
        spread: float,
    ) -> np.ndarray:
        """Rows worth every feature: the best by text, by prior, and the graph's neighbours."""
        n_rows = len(self._alive)
        score = weights.get("lexical", 1.0) * bm25 / scale if scale > 0 else np.zeros(n_rows, np.float32)
        if vector is not None:
            self._ensure_sketch()
            # Only rows ever used: the product is memory-bound, bytes are time.
            used = len(self._records)
            approximate = np.zeros(n_rows, dtype=np.float32)
            approximate[:used] = (self._sketch[:used] @ (self._basis.T @ vector) - mean) / spread
            score = score + weights.get("dense", 1.0) * np.maximum(approximate, 0.0)
        k = min(self.candidates, n_rows)
        chosen = [np.argpartition(-score, k - 1)[:k], self._prior_candidates(weights)]
        if query.org_id is not None:
            # Earlier partners and their partners carry weight without text.
            graph = self._graph_scores([query.org_id])
            neighbours = list(self._partners.get(query.org_id, {}))
            graph.update(self._graph_scores(neighbours[:_GRAPH_SEEDS * 5]))
            chosen.append(np.fromiter(graph, dtype=np.int64, count=len(graph)))
        rows = np.unique(np.concatenate(chosen))
        return rows[self._alive[rows]]

    def _prior_candidates(self, weights: Mapping[str, float]) -> np.ndarray:
        """The rows with the best query-independent score (track record, kind priors)."""
        key = tuple(sorted((n, w) for n, w in weights.items() if n == "track_record" or n.startswith("kind:")))
        rows = self._prior_rows.get(key)
        if rows is None:
            prior = weights.get("track_record", 0.0) * self._track.copy()
            for kind, code in self._kinds.items():
                prior += weights.get(f"kind:{kind}", 0.0) * (self._kind_codes == code)
            prior[~self._alive] = -np.inf
            k = min(_PRIOR_CANDIDATES, len(prior))
            rows = np.argpartition(-prior, k - 1)[:k] if k else np.zeros(0, dtype=np.int64)
            self._prior_rows[key] = rows
        return rows

    def _features(
        self, query: MatchQuery, stage: _TextStage, needed: Iterable[str] | None = None
    ) -> dict[str, np.ndarray]:
        # ``needed`` skips features without weight: each costs time per query.
        wanted = None if needed is None else set(needed)

        def want(name: str) -> bool:
            return wanted is None or name in wanted

        rows = stage.rows
        n = len(rows)
        zeros = np.zeros(n, dtype=np.float32)
        features: dict[str, np.ndarray] = dict.fromkeys(FEATURE_NAMES, zeros)
        features["lexical"] = stage.lexical
        features["dense"] = stage.dense
        features["track_record"] = self._track[rows]
        weights = self.asker_weights if query.org_id is not None else self.weights
        position = np.full(len(self._alive), -1, dtype=np.int64)
        position[rows] = np.arange(n)

        def on_rows(scores: dict[int, float]) -> np.ndarray:
            values = np.zeros(n, dtype=np.float32)
            for row, value in scores.items():
                if position[row] >= 0:
                    values[position[row]] = value
            return values

        text_score = weights.get("lexical", 1.0) * stage.lexical + weights.get(
            "dense", 1.0
        ) * np.maximum(stage.dense, 0.0)
        text_score = np.where(self._alive[rows], text_score, -np.inf)
        n_seeds = min(_GRAPH_SEEDS, int(np.isfinite(text_score).sum()))
        seed_rows = rows[np.argsort(-text_score, kind="stable")[:n_seeds]] if n_seeds else rows[:0]
        if n_seeds:
            seed_ids = [self._records[row].id for row in seed_rows if self._records[row]]
            features["text_partners"] = on_rows(self._graph_scores(seed_ids))

        if want("text_walk"):
            finite = np.isfinite(text_score)
            k = min(_WALK_SEEDS, int(finite.sum()))
            if k:
                best = np.argpartition(-np.where(finite, text_score, -np.inf), k - 1)[:k]
                scores = text_score[best]
                walk = self._walk(rows[best], np.exp((scores - scores.max()) / _WALK_TEMPERATURE))
                features["text_walk"] = walk[rows]

        if stage.vector is not None and want("dense_max"):
            best = self._best_unit(rows, lambda ids: self._unit_vectors[ids] @ stage.vector)
            # On the scale of ``dense``: the same query's moments over profiles.
            features["dense_max"] = ((best - stage.mean) / stage.spread).astype(np.float32)
        if want("lexical_max"):
            unit_bm25 = self._unit_lexical.score(stage.query_terms, len(self._unit_refs))
            top = float(unit_bm25.max()) if len(unit_bm25) else 0.0
            query_idf = sum(self._unit_lexical.idf(t) for t in set(stage.query_terms))
            scale = max(top, _LEXICAL_FLOOR * query_idf)
            if scale > 0:
                features["lexical_max"] = (
                    self._best_unit(rows, lambda ids: unit_bm25[ids]) / scale
                ).astype(np.float32)
        if stage.vector is not None and len(seed_rows) and want("dense_feedback"):
            # Pseudo-relevance feedback (Rocchio): move the query towards the
            # centroid of its best text matches, which brings in partners that
            # describe the same work in other words.
            centroid = self._vectors[seed_rows].mean(axis=0)
            expanded = stage.vector + centroid
            expanded = expanded / (float(np.linalg.norm(expanded)) or 1.0)
            mean, spread = self._cosine_moments(expanded)
            features["dense_feedback"] = ((self._vectors[rows] @ expanded - mean) / spread).astype(np.float32)
        if len(seed_rows) and want("lexical_feedback"):
            features["lexical_feedback"] = self._lexical_feedback(stage, seed_rows, rows)

        if query.org_id is not None and (want("partners") or want("partners_of_partners")):
            features["partners"] = on_rows(self._graph_scores([query.org_id]))
            neighbours = list(self._partners.get(query.org_id, {}))
            if neighbours:
                features["partners_of_partners"] = on_rows(self._graph_scores(neighbours))

        if query.tags and (want("tags") or want("tag_family")):
            tags = {normalise_tag(tag) for tag in query.tags}
            families = {_tag_family(tag) for tag in query.tags}
            features["tags"] = np.minimum(self._tags.overlap_rows(tags, rows, position), 1.0)
            features["tag_family"] = np.minimum(
                self._tag_families.overlap_rows(families, rows, position), 1.0
            )

        def jaccard(facet: _FacetIndex, values: set[str]) -> np.ndarray:
            if not values:
                return zeros
            overlap = facet.overlap_rows(values, rows, position)
            union = facet.sizes(len(self._alive))[rows] + len(values) - overlap
            return np.where(union > 0, overlap / np.maximum(union, 1.0), 0.0).astype(np.float32)

        if want("sectors"):
            features["sectors"] = jaccard(self._sectors, _folded(query.sectors))
        if want("languages"):
            features["languages"] = jaccard(self._languages, _folded(query.languages))
        if want("competences"):
            features["competences"] = jaccard(self._competences, _folded(query.competences))

        if query.region and (want("same_country") or want("same_region")):
            prefixes = _region_prefixes(query.region)
            shared = self._regions.overlap_rows(prefixes, rows, position)
            features["same_country"] = (shared >= 1).astype(np.float32)
            features["same_region"] = (shared >= 2).astype(np.float32)

        if query.coordinates is not None and want("nearby"):
            coordinates = self._coordinates[rows]
            distance = _haversine_km(query.coordinates, (coordinates[:, 0], coordinates[:, 1]))
            # Within a day's return trip (about 100 km) counts as near.
            features["nearby"] = np.nan_to_num(np.exp(-distance / 100.0), nan=0.0).astype(np.float32)

        kind_codes = self._kind_codes[rows]
        if query.kind and want("complementary_kinds"):
            complementary = np.array(
                [frozenset({query.kind, kind}) in COMPLEMENTARY_KINDS for kind in self._kinds],
                dtype=np.float32,
            )
            features["complementary_kinds"] = complementary[kind_codes]
        for kind, code in self._kinds.items():
            if kind and want(f"kind:{kind}"):
                features[f"kind:{kind}"] = (kind_codes == code).astype(np.float32)
        return features

    def _best_unit(
        self, rows: np.ndarray, unit_scores: Callable[[np.ndarray], np.ndarray]
    ) -> np.ndarray:
        """For each row, the best ``unit_scores`` among its units (0 for rows without units).

        Each distinct unit is scored once: profiles share paragraphs (the
        same project in every partner's profile).
        """
        lists = [self._row_units[row] for row in rows]
        lengths = np.fromiter((len(ids) for ids in lists), dtype=np.int64, count=len(lists))
        best = np.zeros(len(rows), dtype=np.float32)
        if not lengths.sum():
            return best
        distinct, inverse = np.unique(np.concatenate(lists), return_inverse=True)
        values = np.asarray(unit_scores(distinct), dtype=np.float32)[inverse]
        has = lengths > 0
        starts = np.concatenate([[0], np.cumsum(lengths)[:-1]])
        best[has] = np.maximum.reduceat(values, starts[has])
        return best

    def _lexical_feedback(self, stage: _TextStage, seed_rows: np.ndarray, rows: np.ndarray) -> np.ndarray:
        """BM25 of the terms that characterise the best text matches (RM3-style expansion)."""
        query_terms = set(stage.query_terms)
        weight: Counter[str] = Counter()
        for row in seed_rows:
            counts = self._lexical.terms_of(int(row))
            total = sum(counts.values()) or 1
            for term, count in counts.items():
                if term not in query_terms:
                    weight[term] += count / total * self._lexical.idf(term)
        terms = [term for term, _ in weight.most_common(_FEEDBACK_TERMS)]
        if not terms:
            return np.zeros(len(rows), dtype=np.float32)
        scores = self._lexical.score(terms, len(self._alive))
        top = float(scores.max())
        return (scores[rows] / top).astype(np.float32) if top > 0 else np.zeros(len(rows), np.float32)

    def score(self, query: MatchQuery) -> np.ndarray:
        """The combined score of every row (``-inf`` for rows that may not be shown)."""
        with self._lock, _blas_threads(self.query_blas_threads):
            resolved = self._resolve(query)
            rows, scores = self._score(resolved, (), exact=True)
            total = np.full(len(self._alive), -np.inf, dtype=np.float32)
            total[rows] = scores
            return total

    def _score(
        self, query: MatchQuery, exclude: Iterable[str], *, exact: bool = False
    ) -> tuple[np.ndarray, np.ndarray]:
        """Candidate rows and their combined scores (``-inf`` for rows that may not be shown)."""
        weights = self.asker_weights if query.org_id is not None else self.weights
        exact = exact or len(self._row_of) <= self.exact_up_to or not self._dimension
        stage = self._text_stage(query, np.flatnonzero(self._alive) if exact else None)
        features = self._features(query, stage, [name for name, weight in weights.items() if weight])
        rows = stage.rows
        total = np.zeros(len(rows), dtype=np.float32)
        for name, weight in weights.items():
            if weight and name in features:
                total += weight * features[name]
        visible = self._alive[rows] & self._published[rows]
        total[~visible] = -np.inf
        excluded = np.zeros(len(self._alive), dtype=bool)
        excluded[self._excluded_rows(query, exclude)] = True
        total[excluded[rows]] = -np.inf
        return rows, total

    def rank(
        self,
        query: MatchQuery,
        *,
        top: int = 10,
        exclude: Iterable[str] = (),
        explain: bool = True,
        exposure_weight: float = 0.0,
        record_exposure: bool = True,
        exact: bool = False,
    ) -> list[Recommendation]:
        """The ``top`` best partners for ``query``, best first.

        Parameters
        ----------
        query : MatchQuery
        top : int
            Number of recommendations at most.
        exclude : iterable of str
            Organisation ids never to return (for example, already partners).
        explain : bool
            Attach :class:`Reason` chips (costs a little time per result).
        exposure_weight : float
            Exposure control: subtract ``exposure_weight * log(1 + e)`` from
            the score of an organisation already shown with exposure ``e``
            (the sum of ``1 / log2(1 + rank)`` over earlier rankings), and
            add this ranking's exposure. Zero keeps rankings independent.
        record_exposure : bool
            With ``exposure_weight``, add this ranking's exposure; ``False``
            when the caller shows only some of the results and records those
            with :meth:`record_exposure`.
        exact : bool
            Compute every feature for every row even in a big index (the
            one-stage ranking; for measuring the two-stage one against it).

        Returns
        -------
        list of Recommendation
            Ties are broken by organisation id, so a fixed index gives the
            same ranking every time.
        """
        with self._lock, _blas_threads(self.query_blas_threads):
            resolved = self._resolve(query)
            rows, scores = self._score(resolved, exclude, exact=exact)
            if exposure_weight:
                scores = scores - exposure_weight * np.log1p(self._exposure[rows])
            finite = np.isfinite(scores)
            rows, scores = rows[finite], scores[finite]
            top = min(top, len(rows))
            if top <= 0:
                return []
            if top < len(rows):
                # Keep every row tied with the cut-off so ids can break the tie.
                cut = np.partition(scores, len(rows) - top)[len(rows) - top]
                keep = scores >= cut
                rows, scores = rows[keep], scores[keep]
            order = sorted(
                range(len(rows)), key=lambda i: (-scores[i], self._records[rows[i]].id)
            )[:top]
            chosen = [(int(rows[i]), float(scores[i])) for i in order]
            if exposure_weight and record_exposure:
                for position, (row, _) in enumerate(chosen):
                    self._exposure[row] += 1.0 / math.log2(position + 2)
            if explain:
                # Lemmas and written forms of the query, once for all results.
                query_terms = [
                    t for text in resolved.texts for t in lemmas(text.text, text.language)
                ]
                written = _surface_forms(resolved.texts)
            return [
                Recommendation(
                    org_id=self._records[row].id,
                    score=score,
                    reasons=self._explain(resolved, row, query_terms, written) if explain else (),
                )
                for row, score in chosen
            ]

    def record_exposure(self, org_ids: Sequence[str]) -> None:
        """Add the exposure of one ranking as shown (best first) to its organisations."""
        with self._lock:
            for position, org_id in enumerate(org_ids):
                row = self._row_of.get(org_id)
                if row is not None:
                    self._exposure[row] += 1.0 / math.log2(position + 2)

    def exposure_gini(self) -> float:
        """Gini coefficient of the exposure accumulated by ``rank(..., exposure_weight=...)``."""
        with self._lock:
            return gini([float(self._exposure[row]) for row in self._row_of.values()])

    def reset_exposure(self) -> None:
        """Forget the exposure accumulated by ``rank(..., exposure_weight=...)``."""
        with self._lock:
            self._exposure[:] = 0.0

    # -- explanations -------------------------------------------------------

    def _explain(
        self, query: MatchQuery, row: int, query_terms: list[str], written: dict[str, str]
    ) -> tuple[Reason, ...]:
        org = self._records[row]
        assert org is not None
        reasons: list[Reason] = []

        competences = _shared_labels(query.competences, org.competences)
        if competences:
            reasons.append(
                Reason(
                    "competences",
                    "shared competences: " + ", ".join(competences),
                    tuple(competences),
                )
            )

        phrases = self._matched_phrases(query_terms, written, row)
        if phrases:
            reasons.append(Reason("phrases", "both mention " + ", ".join(phrases), tuple(phrases)))

        sectors = _shared_labels(query.sectors, org.sectors)
        if sectors:
            reasons.append(Reason("sectors", "same sectors: " + ", ".join(sectors), tuple(sectors)))

        if query.kind and org.kind and frozenset({query.kind, org.kind}) in COMPLEMENTARY_KINDS:
            reasons.append(
                Reason(
                    "kinds", f"complementary: {query.kind} and {org.kind}", (query.kind, org.kind)
                )
            )

        if query.region and org.region:
            shared = _common_prefix(query.region.upper(), org.region.upper())
            if len(shared) >= 2:
                label = "same region" if len(shared) > 2 else "same country"
                reasons.append(Reason("region", f"{label}: {shared}", (shared,)))

        if query.coordinates is not None and org.coordinates is not None:
            km = _haversine_km(query.coordinates, org.coordinates)
            if km <= 150:
                reasons.append(Reason("distance", f"{round(km)} km away", (str(round(km)),)))

        languages = _shared_labels(query.languages, org.languages)
        if languages:
            reasons.append(
                Reason("languages", "common languages: " + ", ".join(languages), tuple(languages))
            )

        if query.org_id is not None:
            partners = self._partners.get(query.org_id, Counter())
            if partners.get(org.id):
                reasons.append(
                    Reason("worked_together", "worked together before", (query.org_id, org.id))
                )
            common = sorted(set(partners) & set(self._partners.get(org.id, Counter())))
            if common:
                names = [self._name(other) for other in common[:3]]
                reasons.append(
                    Reason(
                        "partners", "earlier partners in common: " + ", ".join(names), tuple(common)
                    )
                )

        if query.tags:
            tags = sorted({normalise_tag(t) for t in query.tags} & self._tags.values_of(row))
            if tags:
                reasons.append(
                    Reason(
                        "tags", "earlier work under the same call: " + ", ".join(tags), tuple(tags)
                    )
                )
        return tuple(reasons)

    def _name(self, org_id: str) -> str:
        row = self._row_of.get(org_id)
        record = self._records[row] if row is not None else None
        return record.name if record is not None and record.name else org_id

    def _matched_phrases(
        self, query_terms: list[str], written: dict[str, str], row: int, limit: int = 3
    ) -> list[str]:
        contributions = self._lexical.term_contributions(query_terms, row)
        best = sorted(contributions, key=lambda term: (-contributions[term], term))[:limit]
        return [written.get(term, term) for term in best]


def _normalised(vectors: np.ndarray) -> np.ndarray:
    norms = np.linalg.norm(vectors, axis=1, keepdims=True)
    norms[norms == 0] = 1.0
    return (vectors / norms).astype(np.float32)


def _haversine_km(origin: tuple[float, float], target: tuple) -> Any:
    """Great-circle distance in km; ``target`` may hold arrays of latitudes and longitudes."""
    lat1, lon1 = np.radians(origin[0]), np.radians(origin[1])
    lat2, lon2 = np.radians(target[0]), np.radians(target[1])
    haversine = (
        np.sin((lat2 - lat1) / 2) ** 2
        + np.cos(lat1) * np.cos(lat2) * np.sin((lon2 - lon1) / 2) ** 2
    )
    distance = 2 * _EARTH_RADIUS_KM * np.arcsin(np.sqrt(np.clip(haversine, 0.0, 1.0)))
    return float(distance) if np.ndim(distance) == 0 else distance


def _surface_forms(texts: Sequence[LocalizedText]) -> dict[str, str]:
    """The most frequent written form of each lemma, to show words people wrote."""
    forms: dict[str, Counter[str]] = {}
    for text in texts:
        for token in tokenize(text.text):
            for lemma in lemmas(token, text.language):
                forms.setdefault(lemma, Counter())[token] += 1
    return {lemma: counter.most_common(1)[0][0] for lemma, counter in forms.items()}


def _shared_labels(first: Iterable[str], second: Iterable[str]) -> list[str]:
    wanted = _folded(first)
    return sorted({label.strip() for label in second if label.strip().casefold() in wanted})


def _common_prefix(first: str, second: str) -> str:
    length = 0
    for a, b in zip(first, second, strict=False):
        if a != b:
            break
        length += 1
    return first[:length]
