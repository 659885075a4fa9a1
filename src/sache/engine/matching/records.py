"""Plain records that cross the boundary of the matching engine.

The Django side builds these from its models; the command line builds them
from JSON lines. Identifiers are strings; everything is immutable.
"""

from __future__ import annotations

from dataclasses import dataclass, field

__all__ = ["LocalizedText", "OrgRecord", "MatchQuery", "Reason", "Recommendation"]


@dataclass(frozen=True)
class LocalizedText:
    """A text and the ISO 639-1 code of the language it is written in."""

    text: str
    language: str = "en"


@dataclass(frozen=True)
class OrgRecord:
    """One organisation as the engine sees it.

    ``kind`` is a free label (``"heritage"``, ``"creative"``, ``"technology"``
    in the product; CORDIS activity types such as ``"PRC"`` in the benchmark).
    ``region`` is a NUTS code or an ISO country code; regions are compared by
    their longest common prefix, so ``"PL91"`` and ``"PL92"`` share a country.
    ``coordinates`` are (latitude, longitude) in degrees. ``track_record`` is
    the number of earlier collaborations; ``tags`` are programme or call
    identifiers of earlier work. ``member_ids`` are organisations that belong
    to this one (a network's members): neither recommends the other.
    """

    id: str
    kind: str = ""
    name: str = ""
    sectors: tuple[str, ...] = ()
    region: str = ""
    coordinates: tuple[float, float] | None = None
    languages: tuple[str, ...] = ()
    texts: tuple[LocalizedText, ...] = ()
    competences: tuple[str, ...] = ()
    published: bool = True
    member_ids: tuple[str, ...] = ()
    track_record: int = 0
    tags: tuple[str, ...] = ()


@dataclass(frozen=True)
class MatchQuery:
    """What to find partners for: a need, an offer, or an organisation.

    ``org_id`` names the organisation that asks; it and its members are never
    recommended, and its earlier partners feed the collaboration-graph
    signals. Fields left empty are taken from that organisation's record when
    it is in the index.
    """

    id: str
    texts: tuple[LocalizedText, ...] = ()
    org_id: str | None = None
    kind: str = ""
    sectors: tuple[str, ...] = ()
    region: str = ""
    coordinates: tuple[float, float] | None = None
    languages: tuple[str, ...] = ()
    competences: tuple[str, ...] = ()
    tags: tuple[str, ...] = ()


@dataclass(frozen=True)
class Reason:
    """One explanation chip: a machine code, English words, and the facts shown.

    ``code`` is one of ``phrases``, ``competences``, ``sectors``, ``kinds``,
    ``region``, ``distance``, ``languages``, ``partners``, ``worked_together``,
    ``tags``; the product translates from ``code`` and ``values``.
    """

    code: str
    text: str
    values: tuple[str, ...] = ()


@dataclass(frozen=True)
class Recommendation:
    """A ranked organisation with its score and the reasons behind it."""

    org_id: str
    score: float
    reasons: tuple[Reason, ...] = field(default=())
