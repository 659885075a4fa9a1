"""Okapi BM25 over lemmas, with add, update and removal of single documents.

Problem
-------
Given documents ``d`` (bags of lemmas) and a query ``q``, score

.. math::

    \\mathrm{BM25}(q, d) = \\sum_{t \\in q} \\mathrm{idf}(t)
        \\frac{f(t, d) (k_1 + 1)}{f(t, d) + k_1 (1 - b + b |d| / \\overline{|d|})},
    \\qquad \\mathrm{idf}(t) = \\ln\\left(1 + \\frac{N - n(t) + 0.5}{n(t) + 0.5}\\right)

(the non-negative idf of Lucene). Documents are stored as rows; the index keeps
one posting list per term, so adding, changing or removing a document touches
only that document's terms. Scoring a query costs
``O(sum of the query terms' posting lengths)`` with numpy.

References
----------
.. [1] S. Robertson and H. Zaragoza, "The Probabilistic Relevance Framework:
   BM25 and Beyond", Foundations and Trends in Information Retrieval 3(4), 2009.
"""

from __future__ import annotations

import math
from collections import Counter

import numpy as np

__all__ = ["BM25Index"]


class BM25Index:
    """An incremental BM25 index whose documents are identified by row numbers.

    Parameters
    ----------
    k1, b : float
        BM25 term-frequency saturation and length normalisation.

    Examples
    --------
    >>> index = BM25Index()
    >>> index.set_document(0, ["castle", "museum", "castle"])
    >>> index.set_document(1, ["game", "studio"])
    >>> [round(s, 3) for s in index.score(["castle"], n_rows=2).tolist()]
    [0.902, 0.0]
    """

    def __init__(self, k1: float = 1.2, b: float = 0.75) -> None:
        self.k1 = k1
        self.b = b
        self._postings: dict[str, dict[int, int]] = {}
        self._arrays: dict[str, tuple[np.ndarray, np.ndarray]] = {}
        self._documents: dict[int, Counter[str]] = {}
        self._lengths: dict[int, int] = {}
        self._total_length = 0
        self._length_array: np.ndarray | None = None

    def __len__(self) -> int:
        return len(self._documents)

    def __contains__(self, row: int) -> bool:
        return row in self._documents

    def terms_of(self, row: int) -> Counter[str]:
        """Term frequencies of the document at ``row`` (empty if absent)."""
        return self._documents.get(row, Counter())

    def set_document(self, row: int, terms: list[str]) -> None:
        """Add the document at ``row``, replacing any document already there."""
        self.remove_document(row)
        counts = Counter(terms)
        self._documents[row] = counts
        self._lengths[row] = sum(counts.values())
        self._total_length += self._lengths[row]
        for term, count in counts.items():
            self._postings.setdefault(term, {})[row] = count
            self._arrays.pop(term, None)
        self._length_array = None

    def remove_document(self, row: int) -> None:
        """Remove the document at ``row``; nothing happens if there is none."""
        counts = self._documents.pop(row, None)
        if counts is None:
            return
        self._total_length -= self._lengths.pop(row)
        for term in counts:
            posting = self._postings[term]
            del posting[row]
            if not posting:
                del self._postings[term]
            self._arrays.pop(term, None)
        self._length_array = None

    def document_frequency(self, term: str) -> int:
        return len(self._postings.get(term, ()))

    def idf(self, term: str) -> float:
        n_docs = len(self._documents)
        df = self.document_frequency(term)
        return math.log(1.0 + (n_docs - df + 0.5) / (df + 0.5))

    def _posting_arrays(self, term: str) -> tuple[np.ndarray, np.ndarray]:
        arrays = self._arrays.get(term)
        if arrays is None:
            posting = self._postings[term]
            rows = np.fromiter(posting.keys(), dtype=np.int64, count=len(posting))
            counts = np.fromiter(posting.values(), dtype=np.float32, count=len(posting))
            arrays = (rows, counts)
            self._arrays[term] = arrays
        return arrays

    def _lengths_by_row(self, n_rows: int) -> np.ndarray:
        if self._length_array is None or len(self._length_array) < n_rows:
            lengths = np.zeros(max(n_rows, 1 + max(self._lengths, default=0)), dtype=np.float32)
            for row, length in self._lengths.items():
                lengths[row] = length
            self._length_array = lengths
        return self._length_array

    def score(self, query_terms: list[str], n_rows: int) -> np.ndarray:
        """BM25 score of every row ``0 .. n_rows - 1`` (zero for empty rows).

        Parameters
        ----------
        query_terms : list of str
            Query lemmas; repeated terms count once.
        n_rows : int
            Length of the returned array.

        Returns
        -------
        numpy.ndarray
            float32 scores.
        """
        scores = np.zeros(n_rows, dtype=np.float32)
        if not self._documents:
            return scores
        lengths = self._lengths_by_row(n_rows)
        average_length = self._total_length / len(self._documents) or 1.0
        for term in set(query_terms):
            if term not in self._postings:
                continue
            rows, counts = self._posting_arrays(term)
            norm = self.k1 * (1.0 - self.b + self.b * lengths[rows] / average_length)
            contribution = self.idf(term) * counts * (self.k1 + 1.0) / (counts + norm)
            # Rows are unique within one posting list, so plain fancy-index
            # addition is exact (and far faster than np.add.at).
            scores[rows] += contribution.astype(np.float32)
        return scores

    def term_contributions(self, query_terms: list[str], row: int) -> dict[str, float]:
        """Each shared term's share of the BM25 score of one document (for explanations)."""
        counts = self._documents.get(row)
        if not counts:
            return {}
        average_length = self._total_length / len(self._documents) or 1.0
        norm = self.k1 * (1.0 - self.b + self.b * self._lengths[row] / average_length)
        return {
            term: self.idf(term) * counts[term] * (self.k1 + 1.0) / (counts[term] + norm)
            for term in set(query_terms)
            if term in counts
        }
