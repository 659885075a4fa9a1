"""Theme synthesis of World Café contributions across languages.

Problem
-------
A co-creation workshop collects short contributions (an idea, need, obstacle
or recommendation) at the tables of a few thematic areas, in any of the
programme's languages. For every area, group the contributions into themes
that cut across languages, label each theme with key phrases, pick the
contributions that represent it, and rank the themes by dot-votes and by how
many sectors raised them: the draft of the workshop's written conclusions.

Inputs
    Contributions as plain records: ``id``, ``area``, ``text``, ``language``
    (ISO 639-1), and optionally ``round``, ``kind``, ``votes``, ``sector`` and
    ``author``; a :class:`~sache.engine.embeddings.TextEncoder`.
Constraints
    A theme never crosses areas; every contribution with text belongs to
    exactly one theme; apart from the order of the areas (first appearance),
    the result depends only on the input set, not on its order.
Objective
    Themes that agree with how a facilitator would group the notes, measured
    by the adjusted Rand index against a hand-made grouping
    (``bench/themes``).

Method
------
1. Encode every text once, with the symmetric ("query") side of the encoder,
   as E5's authors advise for clustering [1]_.
2. Remove the language identity from the vectors. Multilingual sentence
   embeddings carry a strong language component, so that on raw vectors the
   notes of one language cluster together whatever they say. Subtracting the
   mean vector of each language makes the representation far more language
   neutral [2]_. The means are taken within the area and shrunk towards the
   area mean with a pseudo-count, so that a language with one note is not
   reduced to nothing.
3. Cluster the area with average-linkage (UPGMA) agglomerative clustering on
   cosine distances [3]_ and cut the dendrogram at the number of themes ``k``
   that maximises the mean silhouette [4]_, for ``2 <= k <= n // 2`` (a theme
   is something raised at least twice on average). Mojena's stopping rule on
   the merge heights [8]_ (constant 1.25 [9]_) is the alternative; it was
   slightly better on the two full benchmark workshops but under-split areas
   of 8 to 22 notes (``bench/themes/README.md``), and small areas are common.
   Deterministic: no random initialisation, contributions in id order.
4. Key phrases: lemmatised unigrams and bigrams (``simplemma`` [5]_; the
   lemmatiser is pluggable), scored per theme by class-based TF-IDF within the
   area [6]_, counted once per contribution, and kept in their own language.
   In a cross-lingual theme each language has few notes and many words tie,
   so the best candidates are re-ranked by the cosine similarity of their
   vectors to the theme's notes in the same language, as KeyBERT does [10]_.
   A theme is labelled in two of its languages (the operator's preferred
   ones first, then the most frequent), and every phrase says which.
5. Representatives: the contributions nearest to the theme centroid, one per
   language of the theme first.
6. Ranking within an area: by total votes, then by distinct sectors, then by
   size; a second rank orders by distinct sectors first.

Complexity: encoding is linear in the total text length (and usually cached);
clustering an area of ``n`` contributions costs ``O(n**3)`` time for the
linkage (and for the silhouette scan, if chosen) and ``O(n**2)`` memory; key
phrases are linear in the number of tokens plus one encoding of at most ten
candidate phrases per theme and label language. The first use of a language
loads its lemma dictionary (seconds per language).

References
----------
.. [1] L. Wang et al., "Multilingual E5 Text Embeddings: A Technical Report",
   arXiv:2402.05672, 2024.
.. [2] J. Libovický, R. Rosa and A. Fraser, "On the Language Neutrality of
   Pre-trained Multilingual Representations", Findings of EMNLP 2020.
.. [3] R. R. Sokal and C. D. Michener, "A statistical method for evaluating
   systematic relationships", University of Kansas Science Bulletin 38, 1958.
.. [4] P. J. Rousseeuw, "Silhouettes: a graphical aid to the interpretation
   and validation of cluster analysis", J. Comput. Appl. Math. 20, 1987.
.. [5] A. Barbaresi, "Simplemma: a simple multilingual lemmatizer for
   Python", Zenodo, 2023. doi:10.5281/zenodo.4673264
.. [6] M. Grootendorst, "BERTopic: Neural topic modeling with a class-based
   TF-IDF procedure", arXiv:2203.05794, 2022.
.. [7] L. Hubert and P. Arabie, "Comparing partitions", Journal of
   Classification 2, 1985.
.. [8] R. Mojena, "Hierarchical grouping methods and stopping rules: an
   evaluation", The Computer Journal 20(4), 1977.
.. [9] G. W. Milligan and M. C. Cooper, "An examination of procedures for
   determining the number of clusters in a data set", Psychometrika 50, 1985.
.. [10] M. Grootendorst, "KeyBERT: Minimal keyword extraction with BERT",
   Zenodo, 2020. doi:10.5281/zenodo.4461265
"""

from __future__ import annotations

import argparse
import json
import math
import re
import sys
from collections import Counter
from collections.abc import Callable, Hashable, Iterable, Mapping, Sequence
from dataclasses import asdict, dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

import numpy as np

from sache.engine.embeddings import CachedEncoder, TextEncoder, VectorCache, load_encoder

__all__ = [
    "LANGUAGE_PSEUDO_COUNT",
    "MOJENA_DEVIATIONS",
    "Contribution",
    "KeyPhrase",
    "Theme",
    "ThemeSynthesis",
    "Lemmatiser",
    "synthesise_themes",
    "average_linkage",
    "cut_dendrogram",
    "silhouette_score",
    "silhouette_cluster_count",
    "mojena_cluster_count",
    "cluster_themes",
    "theme_key_phrases",
    "simplemma_lemmatiser",
    "conclusions_markdown",
    "adjusted_rand_index",
    "read_contributions",
    "main",
]

# How many contributions' worth of weight the area mean gets when a language's
# mean is estimated: a lone note in a rare language keeps three quarters of
# its difference from the area mean instead of being cancelled out entirely.
LANGUAGE_PSEUDO_COUNT = 3.0

# Mojena's stopping rule: a merge this many standard deviations above the mean
# merge height is one too many (the constant recommended by Milligan and Cooper).
MOJENA_DEVIATIONS = 1.25

Lemmatiser = Callable[[str, str], str]
"""``(token, language) -> lemma``; tokens arrive case-folded."""


@dataclass(frozen=True, slots=True)
class Contribution:
    """One note written at a World Café table.

    ``kind`` is one of idea, need, obstacle, recommendation (not checked);
    ``votes`` counts dot-votes; ``sector`` is the author's sector (heritage,
    creative, technology, public, ...); ``round`` and ``author`` are carried
    for the app and not used by the synthesis.
    """

    id: str
    area: str
    text: str
    language: str = "und"
    round: int | None = None
    kind: str = "idea"
    votes: int = 0
    sector: str | None = None
    author: str | None = None

    @classmethod
    def from_mapping(cls, record: Mapping[str, Any]) -> Contribution:
        """Build from a dict, ignoring fields this module does not know (such as a gold label)."""
        round_ = record.get("round")
        return cls(
            id=str(record["id"]),
            area=str(record.get("area") or ""),
            text=str(record.get("text") or ""),
            # "pl-PL" and "PL" are both Polish: only the primary subtag matters here.
            language=str(record.get("language") or "und").lower().replace("_", "-").split("-")[0],
            round=int(round_) if round_ is not None else None,
            kind=str(record.get("kind") or "idea"),
            votes=int(record.get("votes") or 0),
            sector=None if record.get("sector") is None else str(record["sector"]),
            author=None if record.get("author") is None else str(record["author"]),
        )


@dataclass(frozen=True, slots=True)
class KeyPhrase:
    """A label phrase of a theme, in the language it was written in."""

    text: str
    language: str
    score: float


@dataclass(frozen=True, slots=True)
class Theme:
    """A group of contributions of one area that say the same thing.

    Attributes
    ----------
    id : str
        ``"<area>/<rank_by_votes>"``; stable only for the same input.
    contribution_ids : list of str
        Members, in id order.
    key_phrases : list of KeyPhrase
        Label, best first; each phrase carries its language.
    label_languages : list of str
        Languages the key phrases were chosen from.
    languages : dict of str to int
        Contributions per language, most frequent first.
    representative_ids : list of str
        Contributions nearest to the theme's centre, one per language first.
    votes : int
        Total dot-votes of the members.
    sectors : list of str
        Distinct sectors of the members' authors, sorted.
    kinds : dict of str to int
        Members per kind (idea, need, ...).
    rank_by_votes, rank_by_sectors : int
        1-based ranks within the area (votes, then sectors, then size; or
        sectors, then votes, then size).
    cohesion : float
        Mean cosine similarity of the members to their centroid in the
        language-centred space: near 1 for a tight theme.
    """

    id: str
    area: str
    contribution_ids: list[str]
    key_phrases: list[KeyPhrase]
    label_languages: list[str]
    languages: dict[str, int]
    representative_ids: list[str]
    votes: int
    sectors: list[str]
    kinds: dict[str, int]
    rank_by_votes: int
    rank_by_sectors: int
    cohesion: float

    @property
    def size(self) -> int:
        return len(self.contribution_ids)


@dataclass(frozen=True, slots=True)
class ThemeSynthesis:
    """Themes of every area, ordered by area and then by ``rank_by_votes``."""

    themes: list[Theme]
    encoder: str
    unthemed_ids: list[str] = field(default_factory=list)

    def assignments(self) -> dict[str, str]:
        """Theme id of every contribution that has one."""
        return {cid: theme.id for theme in self.themes for cid in theme.contribution_ids}

    def to_dict(self) -> dict[str, Any]:
        """Plain JSON-ready data."""
        return {
            "encoder": self.encoder,
            "themes": [asdict(theme) for theme in self.themes],
            "assignments": self.assignments(),
            "unthemed_ids": list(self.unthemed_ids),
        }


# --------------------------------------------------------------------------- clustering


def average_linkage(distances: np.ndarray) -> list[tuple[int, int, float]]:
    """Average-linkage (UPGMA) agglomerative clustering of a distance matrix.

    Parameters
    ----------
    distances : numpy.ndarray
        Symmetric ``(n, n)`` matrix of non-negative dissimilarities.

    Returns
    -------
    list of (int, int, float)
        The ``n - 1`` merges in order: ``(kept, absorbed, height)``, where the
        cluster represented by item ``absorbed`` joins the one represented by
        item ``kept`` (``kept < absorbed``) at average distance ``height``.

    Notes
    -----
    The naive algorithm: ``O(n**3)`` time, ``O(n**2)`` memory, which is
    instant for the tens or hundreds of notes of one area. Ties go to the
    lowest pair of indices, so the result is deterministic.

    References
    ----------
    .. [1] R. R. Sokal and C. D. Michener, 1958 (UPGMA).

    Examples
    --------
    >>> d = np.array([[0, 1, 6], [1, 0, 4], [6, 4, 0]], dtype=float)
    >>> average_linkage(d)
    [(0, 1, 1.0), (0, 2, 5.0)]
    """
    n = len(distances)
    work = np.array(distances, dtype=np.float64)
    np.fill_diagonal(work, np.inf)
    sizes = np.ones(n)
    merges: list[tuple[int, int, float]] = []
    for _ in range(n - 1):
        flat = int(np.argmin(work))
        a, b = divmod(flat, n)
        kept, absorbed = min(a, b), max(a, b)
        height = float(work[kept, absorbed])
        merged = (sizes[kept] * work[kept] + sizes[absorbed] * work[absorbed]) / (
            sizes[kept] + sizes[absorbed]
        )
        work[kept, :] = merged
        work[:, kept] = merged
        work[kept, kept] = np.inf
        work[absorbed, :] = np.inf
        work[:, absorbed] = np.inf
        sizes[kept] += sizes[absorbed]
        merges.append((kept, absorbed, height))
    return merges


def cut_dendrogram(merges: Sequence[tuple[int, int, float]], n: int, k: int) -> list[int]:
    """Flat clusters after the first ``n - k`` merges.

    Parameters
    ----------
    merges : sequence of (int, int, float)
        Output of :func:`average_linkage`.
    n : int
        Number of items.
    k : int
        Number of clusters wanted, ``1 <= k <= n``.

    Returns
    -------
    list of int
        Cluster label of every item, numbered ``0..k-1`` in order of first
        appearance.

    Examples
    --------
    >>> cut_dendrogram([(0, 1, 1.0), (0, 2, 5.0)], 3, 2)
    [0, 0, 1]
    """
    if not 1 <= k <= max(n, 1):
        raise ValueError(f"k must be between 1 and {n}, got {k}")
    parent = list(range(n))

    def find(item: int) -> int:
        while parent[item] != item:
            parent[item] = parent[parent[item]]
            item = parent[item]
        return item

    for kept, absorbed, _ in merges[: n - k]:
        parent[find(absorbed)] = find(kept)
    numbering: dict[int, int] = {}
    return [numbering.setdefault(find(item), len(numbering)) for item in range(n)]


def silhouette_score(distances: np.ndarray, labels: Sequence[int]) -> float:
    """Mean silhouette of a partition, with singletons scoring 0 (Rousseeuw 1987).

    Parameters
    ----------
    distances : numpy.ndarray
        Symmetric ``(n, n)`` distance matrix.
    labels : sequence of int
        Cluster label of every item; at least two distinct labels.

    Returns
    -------
    float
        In ``[-1, 1]``; higher means tighter, better separated clusters.

    References
    ----------
    .. [1] P. J. Rousseeuw, J. Comput. Appl. Math. 20, 1987.

    Examples
    --------
    >>> d = np.array([[0, 1, 4, 4], [1, 0, 4, 4], [4, 4, 0, 2], [4, 4, 2, 0]], dtype=float)
    >>> round(silhouette_score(d, [0, 0, 1, 1]), 4)
    0.625
    """
    label_array = np.asarray(labels)
    clusters, index = np.unique(label_array, return_inverse=True)
    if len(clusters) < 2:
        raise ValueError("the silhouette needs at least two clusters")
    membership = np.zeros((len(label_array), len(clusters)))
    membership[np.arange(len(label_array)), index] = 1.0
    counts = membership.sum(axis=0)
    totals = np.asarray(distances, dtype=np.float64) @ membership
    own_count = counts[index] - 1
    own = np.divide(
        totals[np.arange(len(label_array)), index],
        own_count,
        out=np.zeros(len(label_array)),
        where=own_count > 0,
    )
    mean_to_cluster = totals / counts
    mean_to_cluster[np.arange(len(label_array)), index] = np.inf
    nearest_other = mean_to_cluster.min(axis=1)
    denominator = np.maximum(own, nearest_other)
    scores = np.divide(
        nearest_other - own, denominator, out=np.zeros(len(label_array)), where=denominator > 0
    )
    scores[own_count == 0] = 0.0
    return float(scores.mean())


def silhouette_cluster_count(
    distances: np.ndarray,
    merges: Sequence[tuple[int, int, float]],
    *,
    max_clusters: int | None = None,
) -> int:
    """Number of clusters whose dendrogram cut has the highest mean silhouette.

    Parameters
    ----------
    distances : numpy.ndarray
        Symmetric ``(n, n)`` distance matrix, ``n >= 3``.
    merges : sequence of (int, int, float)
        Output of :func:`average_linkage` on ``distances``.
    max_clusters : int, optional
        Largest ``k`` tried; default ``n // 2`` (a cluster holds two items on
        average).

    Returns
    -------
    int
        ``k`` in ``2..max(2, max_clusters)``; ties go to the smaller ``k``.

    References
    ----------
    .. [1] P. J. Rousseeuw, J. Comput. Appl. Math. 20, 1987.

    Examples
    --------
    >>> points = np.array([0.0, 0.1, 5.0, 5.2, 9.0, 9.1])
    >>> d = np.abs(points[:, None] - points[None, :])
    >>> silhouette_cluster_count(d, average_linkage(d))
    3
    """
    n = len(distances)
    upper = max(2, min(n - 1, max_clusters if max_clusters is not None else n // 2))
    best_k, best_score = 2, -math.inf
    for k in range(2, upper + 1):
        score = silhouette_score(distances, cut_dendrogram(merges, n, k))
        if score > best_score + 1e-12:
            best_k, best_score = k, score
    return best_k


def mojena_cluster_count(
    merges: Sequence[tuple[int, int, float]], *, deviations: float = MOJENA_DEVIATIONS
) -> int:
    """Number of clusters by Mojena's upper-tail rule on the merge heights.

    Merging stops before the first merge whose height exceeds the mean of
    all merge heights by more than ``deviations`` sample standard deviations.

    Parameters
    ----------
    merges : sequence of (int, int, float)
        Output of :func:`average_linkage` (``n - 1`` merges, ``n >= 3``).
    deviations : float
        The rule's constant; 1.25 is the value Milligan and Cooper found best
        in their comparison of stopping rules.

    Returns
    -------
    int
        ``k`` in ``1..n``.

    Notes
    -----
    A merge that is unusually costly compared with all others joins two
    groups that do not belong together. ``O(n)`` given the merges.

    References
    ----------
    .. [1] R. Mojena, "Hierarchical grouping methods and stopping rules: an
       evaluation", The Computer Journal 20(4), 359-363, 1977.
    .. [2] G. W. Milligan and M. C. Cooper, "An examination of procedures for
       determining the number of clusters in a data set", Psychometrika 50,
       159-179, 1985.

    Examples
    --------
    >>> small = [(0, 1, 0.1), (2, 3, 0.1), (4, 5, 0.1), (0, 6, 0.1), (2, 7, 0.1)]
    >>> mojena_cluster_count(small + [(0, 2, 5.0), (0, 4, 5.0)])
    3
    """
    n = len(merges) + 1
    heights = np.array([height for *_, height in merges], dtype=np.float64)
    if len(heights) < 2:
        return n
    threshold = heights.mean() + deviations * heights.std(ddof=1)
    accepted = next((step for step, height in enumerate(heights) if height > threshold), n - 1)
    return n - accepted


def cluster_themes(
    distances: np.ndarray, *, n_clusters: int | None = None, rule: str = "silhouette"
) -> list[int]:
    """Average-linkage clusters of one area, cut where ``rule`` says.

    Parameters
    ----------
    distances : numpy.ndarray
        Symmetric ``(n, n)`` distance matrix.
    n_clusters : int, optional
        Fixed number of clusters (clipped to ``1..n``); skips the rule.
    rule : {"silhouette", "mojena"}
        :func:`silhouette_cluster_count` (default) or
        :func:`mojena_cluster_count`.

    Returns
    -------
    list of int
        Cluster label of every item, numbered in order of first appearance.

    Notes
    -----
    Below four items neither rule can tell structure from noise, so every
    item is its own cluster unless ``n_clusters`` is given.

    Examples
    --------
    >>> points = np.array([0.0, 0.1, 5.0, 5.2, 9.0, 9.1])
    >>> cluster_themes(np.abs(points[:, None] - points[None, :]))
    [0, 0, 1, 1, 2, 2]
    """
    if rule not in ("mojena", "silhouette"):
        raise ValueError(f"unknown rule {rule!r}: use mojena or silhouette")
    n = len(distances)
    if n == 0:
        return []
    merges = average_linkage(distances)
    if n_clusters is not None:
        return cut_dendrogram(merges, n, max(1, min(n, n_clusters)))
    if n < 4:
        return list(range(n))
    if rule == "mojena":
        k = mojena_cluster_count(merges)
    else:
        k = silhouette_cluster_count(distances, merges)
    return cut_dendrogram(merges, n, k)


def _remove_language_means(
    vectors: np.ndarray, languages: Sequence[str], pseudo_count: float = LANGUAGE_PSEUDO_COUNT
) -> np.ndarray:
    # Shrinking each language mean towards the overall mean keeps a lone note
    # in a rare language from being centred to (almost) zero.
    overall = vectors.mean(axis=0)
    centred = np.empty_like(vectors)
    language_array = np.asarray(languages)
    for language in sorted(set(languages)):
        rows = language_array == language
        count = float(rows.sum())
        mean = (vectors[rows].sum(axis=0) + pseudo_count * overall) / (count + pseudo_count)
        centred[rows] = vectors[rows] - mean
    norms = np.linalg.norm(centred, axis=1, keepdims=True)
    norms[norms == 0] = 1.0
    unit: np.ndarray = centred / norms
    return unit


# --------------------------------------------------------------------------- key phrases

_TOKEN = re.compile(r"[^\W_]+(?:[-'’][^\W_]+)*", re.UNICODE)

# Function words and workshop filler per language. Content words are never
# listed: c-TF-IDF already discounts words every theme uses.
_STOP_WORDS: dict[str, frozenset[str]] = {
    language: frozenset(words.split())
    for language, words in {
        "en": "a an and are as at be been but by can could do does for from get got has have how i if "
        "in into is it its just let like more most much must need no not of on one or our out "
        "over same so some such than that the their them then there these they this those to "
        "too up us very was we were what when where which while who why will with would you "
        "your also even only every each all any other own after before about because nobody "
        "something anyone everyone gave give should shall want wants make makes made take takes "
        "took look looks know knows see go goes many lot lots really still least people thing "
        "things",
        "pl": "a aby albo ale bo by być był była było czy dla do gdzie i ich im jak jakiś jako jest "
        "już każdy które który która lub ma mają mamy może można na nad nam nas nawet nie nic "
        "nich o od oraz po pod przez przy się są ta tak także tam te tego tej ten to tu tylko "
        "tym w we więc z za że żeby co coś ktoś sam sama samo swój jego jej on ona oni one my "
        "wy mieć chcieć musieć bez móc mogą musi muszą trzeba potrzebny potrzebne potrzebna "
        "potrzeba brak cały cała całe wszystko wszyscy bardzo więcej dużo mało jeden jedna "
        "jedno kilka nikt chce chcą zamiast taki nasz",
        "de": "aber alle als also am an auch auf aus bei bin bis da damit das dass dem den der des "
        "die doch du ein eine einem einen einer eines er es für gibt hat haben ich ihr im in "
        "ist ja jede jeder kein keine man mit muss nach nicht noch nur oder schon sein sich sie "
        "sind so uns unser unsere und viel vom von vor wenn wie wir wird zu zum zur zwischen "
        "sehr mehr werden können müssen dauern brauchen braucht fehlt fehlen geben soll sollen "
        "sollte kann will wollen ganz ganze immer etwas viele wenig durch ohne gegen über unter "
        "weniger",
        "hu": "a az azt be ez egy és hogy is kell kellene meg mi mint már még nem nekik van vagy volt "
        "vannak minden csak sem sok de ha itt ott mert aki ami amely lesz lenne nincs egyedül "
        "tudjuk tud tudnak tudni lehet túl így után között nagyon ezt nekünk",
        "cs": "a aby ale ani by co do i jak je jen jsou k ke kde když na nad než o od po pro při s se "
        "si tak také to u v ve z za že už být mít který která které jejich náš naše nebo jako "
        "jsme není mohou moci může musí muset potřebují potřebovat chtít chtějí víc více hodně "
        "málo bez podle každý všechny všichni jeden jedna tím nedá dá",
        "sk": "a aby ale ani by čo do i ako je len sú k ke kde keď na nad než o od po pre pri s sa si "
        "tak tiež to u v vo z za že už byť mať ktorý ktorá ktoré ich náš naše alebo inak nikto "
        "môžu môcť musia potrebujú potrebovať chcú viac veľa bez podľa každý všetky jeden",
        "it": "a ai al alla anche che chi con da dei del della delle di e è gli i il in la le lo ma "
        "non o per più se si su tra un una uno ogni come senza tutti tutto molto può possono "
        "bisogna serve servono",
        "sl": "a ali da do in iz je ki ko kot na ne o od pa po pri s se so še tudi v z za naš naša "
        "lahko morajo potrebujejo več brez vsak vse en ena",
        "hr": "a ali da do i iz je koji kao na ne o od po pri s sa se su što u za naš naša ili mogu "
        "moraju trebaju treba više bez svaki sve jedan jedna",
    }.items()
}

_SIMPLEMMA_CODES = {"hr": "hbs", "sr": "hbs", "bs": "hbs"}


@lru_cache(maxsize=200_000)
def simplemma_lemmatiser(token: str, language: str) -> str:
    """Dictionary lemma of a case-folded token, or the token itself.

    Parameters
    ----------
    token : str
        A case-folded word.
    language : str
        ISO 639-1 code; Croatian, Serbian and Bosnian use simplemma's
        Serbo-Croatian dictionary; unsupported codes return the token.

    Returns
    -------
    str
        The case-folded lemma.

    Notes
    -----
    The first call per language loads its dictionary (up to several seconds
    for Polish); results are memoised.

    Examples
    --------
    >>> simplemma_lemmatiser("museums", "en")
    'museum'
    """
    import simplemma

    try:
        return simplemma.lemmatize(token, lang=_SIMPLEMMA_CODES.get(language, language)).casefold()
    except ValueError:  # a language simplemma has no dictionary for
        return token


@dataclass(slots=True)
class _PhraseStats:
    contributions: set[int] = field(default_factory=set)
    surfaces: Counter[str] = field(default_factory=Counter)


def _display_form(lemmas: tuple[str, ...], surfaces: Counter[str]) -> str:
    # A single word reads best in its dictionary form ("rzemiosło", not the
    # genitive "rzemiosła"); a word pair keeps its written form, because
    # lemmatising both words breaks their agreement ("firma kreatywny").
    surface = min(surfaces, key=lambda text: (-surfaces[text], text))
    if len(lemmas) > 1 or lemmas[0] == surface.casefold():
        return surface
    if surface[:1].isupper():
        return lemmas[0][:1].upper() + lemmas[0][1:]
    return lemmas[0]


def _phrase_occurrences(
    text: str, language: str, lemmatiser: Lemmatiser
) -> list[tuple[tuple[str, ...], str]]:
    stop_words = _STOP_WORDS.get(language, frozenset())
    # Bigrams are only formed from words that are adjacent in the text, so a
    # dropped stop word breaks the phrase instead of gluing two ideas together.
    content: list[tuple[str, str] | None] = []
    for match in _TOKEN.finditer(text):
        surface = match.group(0)
        token = surface.casefold()
        if len(token) < 2 or token.isdigit() or token in stop_words:
            content.append(None)
            continue
        lemma = lemmatiser(token, language)
        content.append(None if lemma in stop_words else (lemma, surface))
    found: list[tuple[tuple[str, ...], str]] = []
    for position, item in enumerate(content):
        if item is None:
            continue
        found.append(((item[0],), item[1]))
        following = content[position + 1] if position + 1 < len(content) else None
        if following is not None and following[0] != item[0]:
            found.append(((item[0], following[0]), f"{item[1]} {following[1]}"))
    return found


def theme_key_phrases(
    texts: Sequence[str],
    languages: Sequence[str],
    labels: Sequence[Hashable],
    *,
    lemmatiser: Lemmatiser | None = None,
    max_phrases: int = 5,
    label_language_count: int = 2,
    encoder: TextEncoder | None = None,
    text_vectors: np.ndarray | None = None,
    candidate_count: int = 10,
    preferred_languages: Sequence[str] = (),
) -> dict[Hashable, tuple[list[KeyPhrase], list[str]]]:
    """Key phrases of every theme of one area by class-based TF-IDF.

    Parameters
    ----------
    texts, languages : sequence of str
        The contributions of one area and their ISO 639-1 codes.
    labels : sequence of hashable
        Theme of every contribution.
    lemmatiser : callable, optional
        ``(token, language) -> lemma``; default :func:`simplemma_lemmatiser`.
    max_phrases : int
        Phrases per theme.
    label_language_count : int
        A theme is labelled in this many of its languages: preferred ones
        first, then the most frequent.
    encoder : TextEncoder, optional
        With ``text_vectors``, re-rank each language's ``candidate_count``
        best c-TF-IDF phrases by cosine similarity between the phrase's vector
        and the mean vector of the theme's contributions in that language.
    text_vectors : numpy.ndarray, optional
        The encoder's vectors of ``texts`` (rows in the same order).
    candidate_count : int
        Phrases per theme and language that are re-ranked.
    preferred_languages : sequence of str
        Languages the reader prefers, best first: a theme that has
        contributions in one of them is labelled in it first.

    Returns
    -------
    dict
        For every theme: its key phrases (best first) and the languages they
        were chosen from.

    Notes
    -----
    A term is a lemmatised unigram, or a bigram used by at least two of the
    theme's contributions, together with its language. Its
    frequency in a theme is the number of the theme's contributions that use
    it, and its weight is ``tf / |theme| * log(1 + A / f)`` where ``f`` is its
    frequency in the whole area and ``A`` the average number of term
    occurrences per theme (Grootendorst 2022). A phrase that shares a lemma
    with a better one of the same language is skipped. A single word is shown
    as its lemma, a word pair in its most frequent written form. Every label language gets at least one
    phrase. A phrase's ``score`` is its c-TF-IDF weight, or its cosine
    similarity to the theme when an encoder re-ranks the candidates.

    References
    ----------
    .. [1] M. Grootendorst, "BERTopic: Neural topic modeling with a
       class-based TF-IDF procedure", arXiv:2203.05794, 2022.
    .. [2] M. Grootendorst, "KeyBERT: Minimal keyword extraction with BERT",
       Zenodo, 2020. doi:10.5281/zenodo.4461265

    Examples
    --------
    >>> phrases, langs = theme_key_phrases(
    ...     ["3D scanner for museums", "shared 3D scanner", "teachers need lesson plans"],
    ...     ["en", "en", "en"], [0, 0, 1], lemmatiser=lambda token, language: token,
    ... )[0]
    >>> [p.text for p in phrases][:2], langs
    (['3D scanner', 'museums'], ['en'])
    """
    lemmatise = lemmatiser or simplemma_lemmatiser
    theme_sizes: Counter[Hashable] = Counter(labels)
    theme_languages: dict[Hashable, Counter[str]] = {}
    for language, label in zip(languages, labels, strict=True):
        theme_languages.setdefault(label, Counter())[language] += 1
    label_languages_of: dict[Hashable, list[str]] = {}
    preference = {code: rank for rank, code in enumerate(preferred_languages)}
    for label, counts in theme_languages.items():
        # The operator's languages first, then the most frequent; ties in
        # alphabetical order for determinism.
        ordered = sorted(
            counts, key=lambda code: (preference.get(code, len(preference)), -counts[code], code)
        )
        label_languages_of[label] = ordered[:label_language_count]
    # Loading a lemma dictionary costs seconds; a language that labels no theme
    # only contributes to the term counts, for which its plain words will do.
    needed = {code for codes in label_languages_of.values() for code in codes}

    def lemmatise_needed(token: str, language: str) -> str:
        return lemmatise(token, language) if language in needed else token

    stats: dict[Hashable, dict[tuple[str, tuple[str, ...]], _PhraseStats]] = {}
    for row, (text, language, label) in enumerate(zip(texts, languages, labels, strict=True)):
        terms = stats.setdefault(label, {})
        for lemmas, surface in _phrase_occurrences(text, language, lemmatise_needed):
            entry = terms.setdefault((language, lemmas), _PhraseStats())
            entry.contributions.add(row)
            entry.surfaces[surface] += 1
    area_frequency: Counter[tuple[str, tuple[str, ...]]] = Counter()
    for terms in stats.values():
        for term, entry in terms.items():
            area_frequency[term] += len(entry.contributions)
    average_per_theme = sum(area_frequency.values()) / max(1, len(theme_sizes))

    # Candidates per theme: (score, words, language, lemmas, surface), best first.
    candidates: dict[Hashable, list[tuple[float, int, str, tuple[str, ...], str]]] = {}
    for label in theme_sizes:
        scored = []
        for (language, lemmas), entry in stats.get(label, {}).items():
            if language not in label_languages_of[label]:
                continue
            # A word pair written once is usually an accident of phrasing, not a theme.
            if len(lemmas) > 1 and len(entry.contributions) < 2:
                continue
            tf = len(entry.contributions) / theme_sizes[label]
            idf = math.log(1.0 + average_per_theme / area_frequency[(language, lemmas)])
            surface = _display_form(lemmas, entry.surfaces)
            # Longer phrases win ties: "3D scanner" says more than "scanner".
            scored.append((tf * idf, len(lemmas), language, lemmas, surface))
        scored.sort(key=lambda item: (-item[0], -item[1], item[2], item[3]))
        candidates[label] = scored
    if encoder is not None and text_vectors is not None:
        candidates = _rerank_by_meaning(
            candidates,
            encoder,
            np.asarray(text_vectors, dtype=np.float64),
            languages,
            labels,
            candidate_count,
        )

    result: dict[Hashable, tuple[list[KeyPhrase], list[str]]] = {}
    for label, scored in candidates.items():
        chosen: list[tuple[float, str, tuple[str, ...], str]] = []
        for language in label_languages_of[label]:
            for score, _, lang, lemmas, surface in scored:
                if lang == language:
                    chosen.append((score, lang, lemmas, surface))
                    break
        for score, _, lang, lemmas, surface in scored:
            if len(chosen) >= max_phrases:
                break
            if any(
                other_lang == lang and set(lemmas) & set(other_lemmas)
                for _, other_lang, other_lemmas, _ in chosen
            ):
                continue
            chosen.append((score, lang, lemmas, surface))
        chosen.sort(key=lambda item: (-item[0], item[1], item[2]))
        phrases = [
            KeyPhrase(text=surface, language=lang, score=round(float(score), 4))
            for score, lang, _, surface in chosen[:max_phrases]
        ]
        result[label] = (phrases, label_languages_of[label])
    return result


def _rerank_by_meaning(
    candidates: dict[Hashable, list[tuple[float, int, str, tuple[str, ...], str]]],
    encoder: TextEncoder,
    text_vectors: np.ndarray,
    languages: Sequence[str],
    labels: Sequence[Hashable],
    candidate_count: int,
) -> dict[Hashable, list[tuple[float, int, str, tuple[str, ...], str]]]:
    # In a cross-lingual theme each language often has one or two notes, so
    # every word of theirs has the same c-TF-IDF weight; closeness in meaning to
    # the theme's notes of the same language breaks those ties sensibly, as
    # BERTopic's KeyBERT-inspired representation does.
    shortlist: dict[Hashable, list[tuple[float, int, str, tuple[str, ...], str]]] = {}
    for label, scored in candidates.items():
        per_language: Counter[str] = Counter()
        kept = []
        for item in scored:
            if per_language[item[2]] < candidate_count:
                per_language[item[2]] += 1
                kept.append(item)
        shortlist[label] = kept
    surfaces = sorted({item[4] for kept in shortlist.values() for item in kept})
    if not surfaces:
        return shortlist
    phrase_vectors = dict(
        zip(
            surfaces,
            np.asarray(encoder.encode(surfaces, as_query=True), dtype=np.float64),
            strict=True,
        )
    )
    rows_of: dict[tuple[Hashable, str], list[int]] = {}
    for row, (label, language) in enumerate(zip(labels, languages, strict=True)):
        rows_of.setdefault((label, language), []).append(row)
    reranked = {}
    for label, kept in shortlist.items():
        centroids: dict[str, np.ndarray] = {}
        for language in {item[2] for item in kept}:
            rows = rows_of[(label, language)]
            centroid = text_vectors[rows].mean(axis=0)
            norm = float(np.linalg.norm(centroid))
            centroids[language] = centroid / norm if norm > 0 else centroid
        rescored = [
            (float(phrase_vectors[surface] @ centroids[language]), words, language, lemmas, surface)
            for _, words, language, lemmas, surface in kept
        ]
        order = {item[2:]: position for position, item in enumerate(kept)}
        rescored.sort(key=lambda item: (-round(item[0], 6), order[item[2:]]))
        reranked[label] = rescored
    return reranked


# --------------------------------------------------------------------------- synthesis


@dataclass(slots=True)
class _ThemeDraft:
    label: int
    rows: list[int]
    votes: int
    sectors: list[str]
    cohesion: float
    first_id: str


def _representatives(
    vectors: np.ndarray, rows: Sequence[int], languages: Sequence[str], limit: int
) -> list[int]:
    centroid = vectors[list(rows)].mean(axis=0)
    closeness = {row: float(vectors[row] @ centroid) for row in rows}
    by_closeness = sorted(rows, key=lambda row: (-closeness[row], row))
    counts = Counter(languages[row] for row in rows)
    chosen: list[int] = []
    for language in sorted(counts, key=lambda code: (-counts[code], code)):
        if len(chosen) >= limit:
            break
        chosen.append(next(row for row in by_closeness if languages[row] == language))
    chosen.sort(key=lambda row: (-closeness[row], row))
    chosen += [row for row in by_closeness if row not in chosen][: limit - len(chosen)]
    return chosen[:limit]


def synthesise_themes(
    contributions: Iterable[Contribution | Mapping[str, Any]],
    *,
    encoder: TextEncoder | None = None,
    n_themes: int | Mapping[str, int] | None = None,
    max_key_phrases: int = 5,
    max_representatives: int = 3,
    lemmatiser: Lemmatiser | None = None,
    remove_language_means: bool = True,
    rule: str = "silhouette",
    preferred_languages: Sequence[str] = (),
) -> ThemeSynthesis:
    """Group each area's contributions into ranked, labelled themes.

    Parameters
    ----------
    contributions : iterable of Contribution or mapping
        The workshop's notes; mappings are read with
        :meth:`Contribution.from_mapping` (unknown keys are ignored).
    encoder : TextEncoder, optional
        Default: ``load_encoder("auto")`` (bundled multilingual-e5-small, else
        character n-grams). Wrap it in a ``CachedEncoder`` to reuse vectors.
    n_themes : int or mapping of str to int, optional
        Number of themes for every area, or per area; by default chosen by
        ``rule``.
    max_key_phrases, max_representatives : int
        Label length and number of representative contributions per theme.
    lemmatiser : callable, optional
        ``(token, language) -> lemma``; default :func:`simplemma_lemmatiser`.
    remove_language_means : bool
        Centre each language before clustering (step 2 of the method); turn
        off only to measure what it brings.
    rule : {"silhouette", "mojena"}
        How the number of themes of an area is chosen (see
        :func:`cluster_themes`) when ``n_themes`` does not fix it.
    preferred_languages : sequence of str
        The operator's languages, best first: themes are labelled in them
        where they have contributions in them.

    Returns
    -------
    ThemeSynthesis
        Themes in order of area (first appearance) then ``rank_by_votes``;
        theme ids are ``"<area>/<rank_by_votes>"``. Contributions with empty
        text are listed in ``unthemed_ids``.

    Notes
    -----
    See the module docstring for the method. Areas come in order of first
    appearance; otherwise the result does not depend on the order of
    ``contributions``: each area is processed in id order.

    References
    ----------
    .. [1] J. Libovický et al., Findings of EMNLP 2020 (language centring).
    .. [2] M. Grootendorst, arXiv:2203.05794, 2022 (c-TF-IDF).

    Examples
    --------
    >>> from sache.engine.embeddings import HashingEncoder
    >>> notes = [
    ...     {"id": "1", "area": "a", "language": "en", "text": "shared 3D scanner", "votes": 2},
    ...     {"id": "2", "area": "a", "language": "en", "text": "a 3D scanner to share", "votes": 1},
    ...     {"id": "3", "area": "a", "language": "en", "text": "lesson plans for teachers"},
    ... ]
    >>> result = synthesise_themes(notes, encoder=HashingEncoder(), n_themes=2,
    ...                            lemmatiser=lambda token, language: token)
    >>> [(t.id, t.contribution_ids, t.votes) for t in result.themes]
    [('a/1', ['1', '2'], 3), ('a/2', ['3'], 0)]
    """
    records = [
        item if isinstance(item, Contribution) else Contribution.from_mapping(item)
        for item in contributions
    ]
    seen_ids: set[str] = set()
    for record in records:
        if record.id in seen_ids:
            raise ValueError(f"duplicate contribution id {record.id!r}")
        seen_ids.add(record.id)
    encoder = encoder if encoder is not None else load_encoder("auto")
    unthemed = sorted(record.id for record in records if not record.text.strip())
    records = [record for record in records if record.text.strip()]
    area_order = list(dict.fromkeys(record.area for record in records))
    if records:
        all_vectors = np.asarray(
            encoder.encode([record.text for record in records], as_query=True), dtype=np.float64
        )
    else:
        all_vectors = np.zeros((0, encoder.dimension))
    row_of = {record.id: row for row, record in enumerate(records)}

    themes: list[Theme] = []
    for area in area_order:
        members = sorted((r for r in records if r.area == area), key=lambda r: r.id)
        raw_vectors = all_vectors[[row_of[r.id] for r in members]]
        # Without language centring every note still shares the area mean, so
        # it is removed either way; only the per-language part is optional.
        vectors = _remove_language_means(
            raw_vectors,
            [r.language if remove_language_means else "" for r in members],
        )
        distances = np.clip(1.0 - vectors @ vectors.T, 0.0, 2.0)
        wanted = n_themes.get(area) if isinstance(n_themes, Mapping) else n_themes
        labels = cluster_themes(distances, n_clusters=wanted, rule=rule)
        languages = [r.language for r in members]
        phrases = theme_key_phrases(
            [r.text for r in members],
            languages,
            labels,
            lemmatiser=lemmatiser,
            max_phrases=max_key_phrases,
            encoder=encoder,
            text_vectors=raw_vectors,
            preferred_languages=preferred_languages,
        )
        drafts = []
        for label in sorted(set(labels)):
            rows = [row for row, value in enumerate(labels) if value == label]
            centroid = vectors[rows].mean(axis=0)
            norm = float(np.linalg.norm(centroid))
            cohesion = float((vectors[rows] @ centroid).mean() / norm) if norm > 0 else 0.0
            drafts.append(
                _ThemeDraft(
                    label=label,
                    rows=rows,
                    votes=sum(members[row].votes for row in rows),
                    sectors=sorted({sector for row in rows if (sector := members[row].sector)}),
                    cohesion=round(cohesion, 4),
                    first_id=members[rows[0]].id,
                )
            )
        by_votes = sorted(
            drafts, key=lambda d: (-d.votes, -len(d.sectors), -len(d.rows), d.first_id)
        )
        by_sectors = sorted(
            drafts, key=lambda d: (-len(d.sectors), -d.votes, -len(d.rows), d.first_id)
        )
        sector_rank = {draft.label: rank for rank, draft in enumerate(by_sectors, start=1)}
        for rank, draft in enumerate(by_votes, start=1):
            key_phrases, label_languages = phrases[draft.label]
            language_counts = Counter(languages[row] for row in draft.rows)
            themes.append(
                Theme(
                    id=f"{area}/{rank}",
                    area=area,
                    contribution_ids=[members[row].id for row in draft.rows],
                    key_phrases=key_phrases,
                    label_languages=label_languages,
                    languages=dict(sorted(language_counts.items(), key=lambda kv: (-kv[1], kv[0]))),
                    representative_ids=[
                        members[row].id
                        for row in _representatives(
                            vectors, draft.rows, languages, max_representatives
                        )
                    ],
                    votes=draft.votes,
                    sectors=draft.sectors,
                    kinds=dict(sorted(Counter(members[row].kind for row in draft.rows).items())),
                    rank_by_votes=rank,
                    rank_by_sectors=sector_rank[draft.label],
                    cohesion=draft.cohesion,
                )
            )
    return ThemeSynthesis(themes=themes, encoder=encoder.name, unthemed_ids=unthemed)


def conclusions_markdown(
    synthesis: ThemeSynthesis,
    contributions: Iterable[Contribution | Mapping[str, Any]],
    *,
    title: str = "Conclusions (draft)",
    area_titles: Mapping[str, str] | None = None,
) -> str:
    """A Markdown draft of the conclusions, for the operator to edit.

    Parameters
    ----------
    synthesis : ThemeSynthesis
        Output of :func:`synthesise_themes`.
    contributions : iterable of Contribution or mapping
        The same contributions (their texts are quoted).
    title : str
        First heading.
    area_titles : mapping of str to str, optional
        Heading of each area; the area key by default.

    Returns
    -------
    str
        One section per area, one numbered subsection per theme in
        ``rank_by_votes`` order: key phrases (with their languages), counts of
        contributions, votes and sectors, and the representative
        contributions quoted.

    Examples
    --------
    >>> from sache.engine.embeddings import HashingEncoder
    >>> notes = [{"id": "1", "area": "a", "language": "en", "text": "3D scanner", "votes": 2}]
    >>> result = synthesise_themes(notes, encoder=HashingEncoder(),
    ...                            lemmatiser=lambda token, language: token)
    >>> print(conclusions_markdown(result, notes, area_titles={"a": "Digital"}))
    # Conclusions (draft)
    <BLANKLINE>
    ## Digital
    <BLANKLINE>
    ### 1. scanner · 3D (en)
    <BLANKLINE>
    1 contribution, 2 votes, 0 sectors; languages: en 1
    <BLANKLINE>
    - "3D scanner" (en, idea, 2 votes)
    <BLANKLINE>
    """
    by_id = {
        record.id: record
        for record in (
            item if isinstance(item, Contribution) else Contribution.from_mapping(item)
            for item in contributions
        )
    }
    titles = area_titles or {}
    lines = [f"# {title}", ""]
    current_area = None
    for theme in synthesis.themes:
        if theme.area != current_area:
            current_area = theme.area
            lines += [f"## {titles.get(theme.area, theme.area)}", ""]
        phrases = " · ".join(phrase.text for phrase in theme.key_phrases) or theme.id
        lines += [f"### {theme.rank_by_votes}. {phrases} ({', '.join(theme.label_languages)})", ""]
        sectors = f"{len(theme.sectors)} sector{'s' if len(theme.sectors) != 1 else ''}"
        if theme.sectors:
            sectors += f" ({', '.join(theme.sectors)})"
        languages = ", ".join(f"{code} {count}" for code, count in theme.languages.items())
        size = f"{theme.size} contribution{'s' if theme.size != 1 else ''}"
        votes = f"{theme.votes} vote{'s' if theme.votes != 1 else ''}"
        lines += [f"{size}, {votes}, {sectors}; languages: {languages}", ""]
        for cid in theme.representative_ids:
            note = by_id[cid]
            text = " ".join(note.text.split())
            note_votes = f"{note.votes} vote{'s' if note.votes != 1 else ''}"
            lines.append(f'- "{text}" ({note.language}, {note.kind}, {note_votes})')
        lines.append("")
    return "\n".join(lines)


# --------------------------------------------------------------------------- evaluation


def adjusted_rand_index(labels_true: Sequence[Hashable], labels_pred: Sequence[Hashable]) -> float:
    """Adjusted Rand index of two partitions of the same items (Hubert and Arabie 1985).

    Parameters
    ----------
    labels_true, labels_pred : sequence of hashable
        Cluster label of every item in the two partitions.

    Returns
    -------
    float
        1.0 for identical partitions, about 0.0 for independent ones, and
        negative for worse than chance. Two partitions that are both all
        singletons or both one cluster score 1.0.

    References
    ----------
    .. [1] L. Hubert and P. Arabie, "Comparing partitions", Journal of
       Classification 2, 193-218, 1985.

    Examples
    --------
    >>> adjusted_rand_index(["a", "a", "b", "b"], [1, 1, 0, 0])
    1.0
    >>> round(adjusted_rand_index([0, 0, 0, 1, 1, 1], [0, 0, 1, 1, 2, 2]), 4)
    0.2424
    """
    if len(labels_true) != len(labels_pred):
        raise ValueError("both partitions must label the same items")
    n = len(labels_true)
    if n < 2:
        return 1.0
    pair_count = math.comb(n, 2)
    together_both = sum(
        math.comb(c, 2) for c in Counter(zip(labels_true, labels_pred, strict=True)).values()
    )
    together_true = sum(math.comb(c, 2) for c in Counter(labels_true).values())
    together_pred = sum(math.comb(c, 2) for c in Counter(labels_pred).values())
    expected = together_true * together_pred / pair_count
    maximum = (together_true + together_pred) / 2
    if maximum == expected:
        return 1.0
    return float((together_both - expected) / (maximum - expected))


# --------------------------------------------------------------------------- command line


def read_contributions(path: str | Path) -> list[Contribution]:
    """Read contributions from JSON lines (one object per line) or a JSON array."""
    text = Path(path).read_text(encoding="utf-8")
    if text.lstrip().startswith("["):
        items = json.loads(text)
    else:
        items = [json.loads(line) for line in text.splitlines() if line.strip()]
    return [Contribution.from_mapping(item) for item in items]


def _keep_token(token: str, language: str) -> str:
    return token


def main(argv: Sequence[str] | None = None) -> int:
    """Synthesise themes from a contributions file and write them as JSON.

    ``python -m sache.engine.themes CONTRIBUTIONS.jsonl --out THEMES.json [--encoder NAME]``
    """
    parser = argparse.ArgumentParser(prog="python -m sache.engine.themes", description=main.__doc__)
    parser.add_argument(
        "contributions",
        help="JSON lines (or a JSON array) of {id, area, text, language, round, kind, votes, sector, author}",
    )
    parser.add_argument("--out", required=True, help="output JSON file ('-' for standard output)")
    parser.add_argument(
        "--encoder", default="auto", help="auto, e5, use, hashing or a model directory"
    )
    parser.add_argument("--cache", help="vector cache file (.npz) to read and update")
    parser.add_argument(
        "--label-languages",
        default="",
        help="comma-separated languages to label themes in first, e.g. pl,en",
    )
    parser.add_argument("--markdown", help="also write a Markdown draft of the conclusions here")
    parser.add_argument(
        "--lemmatiser",
        choices=("simplemma", "none"),
        default="simplemma",
        help="lemmatise key phrases (default) or keep words as written (faster start)",
    )
    parser.add_argument("--themes", type=int, help="fixed number of themes per area")
    parser.add_argument(
        "--rule",
        choices=("silhouette", "mojena"),
        default="silhouette",
        help="how the number of themes is chosen (default: the best mean silhouette)",
    )
    parser.add_argument(
        "--keep-language-means",
        action="store_true",
        help="do not centre each language (only to measure what centring brings)",
    )
    parser.add_argument("--phrases", type=int, default=5, help="key phrases per theme")
    parser.add_argument(
        "--representatives", type=int, default=3, help="representative contributions per theme"
    )
    args = parser.parse_args(argv)
    contributions = read_contributions(args.contributions)
    encoder = CachedEncoder(load_encoder(args.encoder, num_threads=1), VectorCache(args.cache))
    synthesis = synthesise_themes(
        contributions,
        encoder=encoder,
        n_themes=args.themes,
        max_key_phrases=args.phrases,
        max_representatives=args.representatives,
        remove_language_means=not args.keep_language_means,
        rule=args.rule,
        lemmatiser=_keep_token if args.lemmatiser == "none" else None,
        preferred_languages=[code for code in args.label_languages.split(",") if code],
    )
    payload = json.dumps(synthesis.to_dict(), ensure_ascii=False, indent=1)
    if args.out == "-":
        print(payload)
    else:
        Path(args.out).write_text(payload + "\n", encoding="utf-8")
    if args.markdown:
        markdown = conclusions_markdown(synthesis, contributions)
        Path(args.markdown).write_text(markdown, encoding="utf-8")
    if args.cache:
        encoder.cache.save()
    print(
        f"{synthesis.encoder}: {len(contributions)} contributions, {len(synthesis.themes)} themes",
        file=sys.stderr,
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
