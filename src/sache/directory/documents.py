"""Derived fields of directory records: search documents, facet rows, profile completeness.

Pure functions over plain values so that services and the bulk demo loader
derive exactly the same values.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from sache.directory.enums import FacetKind
from sache.directory.regions import region_path
from sache.directory.text import fold


def search_document(*parts: str | Iterable[str] | None) -> str:
    """Join text parts into one folded document (lower case, no diacritics)."""
    pieces: list[str] = []
    for part in parts:
        if not part:
            continue
        if isinstance(part, str):
            pieces.append(part)
        else:
            pieces.extend(str(item) for item in part if item)
    return fold(" ".join(pieces))


def region_terms(region_code: str) -> list[str]:
    """Names of the region and its ancestors in both spellings, so "Podkarpackie" finds Krosno."""
    terms: list[str] = []
    for region in region_path(region_code):
        terms.append(region.name)
        if region.name_en != region.name:
            terms.append(region.name_en)
    return terms


def organisation_document(
    *,
    name: str,
    city: str,
    region: str,
    descriptions: Sequence[str],
    tags: Sequence[str],
    competences: Sequence[str],
) -> str:
    return search_document(name, city, region_terms(region), descriptions, tags, _competence_words(competences))


def _competence_words(competences: Sequence[str]) -> list[str]:
    return [code.replace("_", " ") for code in competences]


def need_document(*, title: str, description: str, competences: Sequence[str]) -> str:
    return search_document(title, description, _competence_words(competences))


def offer_document(*, title: str, description: str, competences: Sequence[str]) -> str:
    return search_document(title, description, _competence_words(competences))


def asset_document(*, title: str, description: str, period: str, place: str) -> str:
    return search_document(title, description, period, place)


def product_document(*, title: str, description: str, audience: str) -> str:
    return search_document(title, description, audience)


def facet_rows(
    *, heritage_domains: Sequence[str], creative_domains: Sequence[str], languages: Sequence[str], competences: Sequence[str]
) -> list[tuple[str, str]]:
    rows = [(FacetKind.HERITAGE_DOMAIN.value, code) for code in heritage_domains]
    rows += [(FacetKind.CREATIVE_DOMAIN.value, code) for code in creative_domains]
    rows += [(FacetKind.LANGUAGE.value, code) for code in languages]
    rows += [(FacetKind.COMPETENCE.value, code) for code in competences]
    return list(dict.fromkeys(rows))


# What a complete profile has, with the weight each part carries (sums to 100).
COMPLETENESS_WEIGHTS = {
    "description": 25,
    "second_language": 10,
    "sectors": 15,
    "competences": 15,
    "languages": 5,
    "website": 5,
    "location": 10,
    "size": 5,
    "people": 10,
}


def profile_completeness(
    *,
    descriptions: Sequence[str],
    heritage_domains: Sequence[str],
    creative_domains: Sequence[str],
    competences: Sequence[str],
    languages: Sequence[str],
    website: str,
    city: str,
    size_band: str,
    people_count: int,
) -> int:
    """Percentage of the profile that is filled in (0–100); :func:`missing_parts` names the gaps.

    >>> profile_completeness(descriptions=["x" * 200], heritage_domains=["archaeology"], creative_domains=[],
    ...     competences=["digitisation"], languages=["pl"], website="", city="Sanok",
    ...     size_band="", people_count=1)
    80
    """
    filled = _filled_parts(
        descriptions=descriptions, heritage_domains=heritage_domains, creative_domains=creative_domains,
        competences=competences, languages=languages, website=website, city=city, size_band=size_band,
        people_count=people_count,
    )
    return sum(weight for part, weight in COMPLETENESS_WEIGHTS.items() if filled[part])


def missing_parts(**profile) -> list[str]:
    """Parts of ``COMPLETENESS_WEIGHTS`` the profile lacks, heaviest first (same arguments as completeness).

    >>> missing_parts(descriptions=["x" * 200], heritage_domains=["archaeology"], creative_domains=[],
    ...     competences=["digitisation"], languages=["pl"], website="", city="Sanok",
    ...     size_band="", people_count=1)
    ['second_language', 'website', 'size']
    """
    filled = _filled_parts(**profile)
    return [part for part in sorted(COMPLETENESS_WEIGHTS, key=lambda p: -COMPLETENESS_WEIGHTS[p]) if not filled[part]]


def _filled_parts(
    *,
    descriptions: Sequence[str],
    heritage_domains: Sequence[str],
    creative_domains: Sequence[str],
    competences: Sequence[str],
    languages: Sequence[str],
    website: str,
    city: str,
    size_band: str,
    people_count: int,
) -> dict[str, bool]:
    return {
        "description": bool(descriptions) and len(descriptions[0]) >= 80,
        "second_language": len(descriptions) >= 2,
        "sectors": bool(heritage_domains or creative_domains),
        "competences": bool(competences),
        "languages": bool(languages),
        "website": bool(website),
        "location": bool(city),
        "size": bool(size_band),
        "people": people_count > 0,
    }
