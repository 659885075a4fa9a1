"""Deterministic generator of a realistic demo hub.

Problem
-------
Given a number of organisations ``n`` and a seed, produce the records of a
regional hub — organisations, their contact people, needs, offers, heritage
assets and digital products — that look like real Central European data:
real towns with NUTS 3 codes and coordinates, names that fit each country,
texts in nine languages built from sentence frames, codes only from the
shipped vocabularies. Needs of heritage institutions and offers of
creative and technology organisations are drawn from shared *themes*
(``sache.demo.themes``) that carry the same competence codes, so that
matching finds counterparts across languages.

Constraints: same ``(n, seed)`` gives identical records (one
``random.Random(seed)``, no global random state, no set or hash order, no
clock); every code is valid against ``src/sache/directory/data``; emails
and websites use reserved example domains only (RFC 2606).

Complexity: O(n) time and, for the streaming :func:`iter_hub`, O(n) memory
only for the organisation names already used (to keep them distinct) and
the ids of heritage organisations a product may cite as reference.

References
----------
Eurostat, *NUTS 2021 classification*. D. Eastlake, A. Panitz, *Reserved Top
Level DNS Names*, RFC 2606, 1999. Europeana and RightsStatements.org,
*Rights statements* (rightsstatements.org, creativecommons.org).
"""

from __future__ import annotations

import csv
import dataclasses
import gc
import json
import random
import re
import string
import unicodedata
from bisect import bisect_right
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from sache.demo.geography import COUNTRY_LANGUAGE, TOWNS, Town
from sache.demo.names import (
    BRAND_PARTS,
    FIRST_NAMES,
    LAST_NAMES,
    ORG_NAME_PATTERNS,
    PL_CLUB_NAMES,
    PL_DISCIPLINES,
    PL_MUSEUM_THEMES,
    PL_PATRONS,
    PL_SKANSEN,
    PL_SUBJECTS,
)
from sache.demo.records import (
    AssetRecord,
    Hub,
    NeedRecord,
    OfferRecord,
    OrgRecord,
    PersonRecord,
    ProductRecord,
)
from sache.demo.texts import (
    ASSET_DETAILS,
    ASSET_FRAMES,
    ASSET_TITLES,
    BUDGET_PHRASES,
    LANGUAGE_NAMES,
    NEED_FRAMES,
    OFFER_FRAMES,
    ORG_FRAMES,
    PERIOD_FORMATS,
    PRODUCT_CATEGORY_LABELS,
    PRODUCT_FRAMES,
    RIGHTS,
    TIMEFRAME_PHRASES,
)
from sache.demo.themes import THEMES

__all__ = [
    "ASSET_KINDS",
    "AUDIENCES",
    "BUDGET_BANDS",
    "HERITAGE_KINDS",
    "KINDS",
    "LANGUAGES",
    "NEED_STATUSES",
    "PRODUCT_CATEGORIES",
    "ROLES",
    "SIZE_BANDS",
    "TIMEFRAMES",
    "Vocabulary",
    "generate_hub",
    "iter_hub",
    "load_vocabulary",
]

DATA_DIR = Path(__file__).resolve().parents[1] / "directory" / "data"

LANGUAGES = ("pl", "en", "de", "hu", "it", "sl", "hr", "cs", "sk")
HERITAGE_KINDS = ("museum", "gallery", "library", "archive", "theatre", "festival", "heritage_site",
                  "cultural_centre")
CREATIVE_KINDS = ("creative_business", "freelancer", "technology_provider")
SUPPORT_KINDS = ("ngo", "public_body", "university")
KINDS = HERITAGE_KINDS + CREATIVE_KINDS + SUPPORT_KINDS
SIZE_BANDS = ("micro", "small", "medium", "large")
BUDGET_BANDS = ("under_5k", "5k_20k", "20k_50k", "50k_150k", "over_150k", "unknown")
TIMEFRAMES = ("under_3m", "3_6m", "6_12m", "over_12m")
NEED_STATUSES = ("open", "in_progress", "closed")
ASSET_KINDS = ("collection_item", "building", "site", "intangible_practice", "archive_set")
PRODUCT_CATEGORIES = ("ticketing", "ar_vr_guide", "audio_guide", "3d_scanning", "collection_management",
                      "digital_archive", "crm", "website_cms", "online_exhibition", "accessibility_tools",
                      "educational_app", "other")
AUDIENCES = ("museums_galleries", "libraries_archives", "heritage_sites", "performing_arts",
             "festivals_events", "local_government", "schools_education", "tourism")
ROLES = ("director", "curator", "education_officer", "digital_lead", "project_manager", "conservator",
         "marketing_officer", "librarian", "archivist", "producer", "founder", "creative_director",
         "developer", "designer", "sales_lead", "programme_manager", "researcher", "officer")

_KIND_WEIGHTS = {"museum": 14, "gallery": 6, "library": 6, "archive": 3, "theatre": 3, "festival": 3,
                 "heritage_site": 5, "cultural_centre": 7, "creative_business": 20, "freelancer": 10,
                 "technology_provider": 8, "ngo": 8, "public_body": 3, "university": 3}

_HERITAGE_DOMAINS_BY_KIND = {
    "museum": ("museum_collections", "fine_arts", "archaeology", "military_heritage", "industrial_heritage",
               "folk_crafts", "religious_heritage", "jewish_heritage", "science_technology_heritage",
               "borderland_minority_heritage"),
    "gallery": ("fine_arts", "film_photo_heritage", "museum_collections", "folk_crafts"),
    "library": ("libraries_manuscripts", "literary_heritage", "archives_records", "music_heritage"),
    "archive": ("archives_records", "film_photo_heritage", "libraries_manuscripts", "borderland_minority_heritage"),
    "theatre": ("performing_arts_heritage", "literary_heritage", "music_heritage"),
    "festival": ("music_heritage", "performing_arts_heritage", "intangible_heritage", "culinary_heritage",
                 "folk_crafts", "film_photo_heritage"),
    "heritage_site": ("built_heritage", "religious_heritage", "military_heritage", "natural_cultural_landscape",
                      "industrial_heritage", "jewish_heritage", "archaeology"),
    "cultural_centre": ("intangible_heritage", "folk_crafts", "music_heritage", "culinary_heritage",
                        "borderland_minority_heritage"),
}

_CREATIVE_DOMAINS_BY_KIND = {
    "creative_business": ("design", "games", "ar_vr", "audiovisual", "animation", "music", "sound_podcasts",
                          "publishing", "architecture", "advertising", "photography", "fashion",
                          "performing_arts", "visual_arts", "cultural_tourism", "event_production", "crafts"),
    "freelancer": ("design", "photography", "animation", "music", "crafts", "publishing", "visual_arts",
                   "audiovisual", "3d_scanning", "sound_podcasts"),
    "technology_provider": ("software", "digital_heritage_services", "ar_vr", "3d_scanning", "edtech", "games"),
}

# Which collaboration themes a creative domain can offer.
_THEMES_BY_CREATIVE_DOMAIN = {
    "design": ("branding", "exhibition", "souvenirs", "website"),
    "games": ("educational_game", "urban_game"),
    "ar_vr": ("ar_guide", "vr_reconstruction"),
    "audiovisual": ("video", "projection_event"),
    "animation": ("video", "educational_game"),
    "music": ("podcast_oral_history", "projection_event"),
    "sound_podcasts": ("podcast_oral_history", "audio_guide"),
    "publishing": ("accessibility", "branding", "audio_guide"),
    "crafts": ("souvenirs",),
    "software": ("website", "ticketing_crm", "online_collection"),
    "architecture": ("exhibition", "vr_reconstruction", "scan_3d"),
    "advertising": ("branding", "video"),
    "photography": ("video", "archive_digitisation"),
    "fashion": ("souvenirs",),
    "performing_arts": ("projection_event", "urban_game"),
    "visual_arts": ("exhibition", "projection_event"),
    "digital_heritage_services": ("archive_digitisation", "online_collection", "scan_3d"),
    "3d_scanning": ("scan_3d", "vr_reconstruction"),
    "edtech": ("educational_game", "accessibility"),
    "cultural_tourism": ("urban_game", "audio_guide"),
    "event_production": ("projection_event", "grant_partner"),
}

_HERITAGE_COMPETENCES_BY_KIND = {
    "museum": ("curation", "conservation_restoration", "education_programmes", "heritage_interpretation",
               "provenance_research", "metadata_cataloguing", "exhibition_design", "preventive_conservation"),
    "gallery": ("curation", "exhibition_design", "education_programmes", "audience_development", "pr_communication"),
    "library": ("metadata_cataloguing", "digitisation_2d", "education_programmes", "community_engagement",
                "document_scanning", "workshops_facilitation"),
    "archive": ("metadata_cataloguing", "digitisation_2d", "document_scanning", "digital_preservation",
                "provenance_research", "preventive_conservation"),
    "theatre": ("theatre_production", "stage_technology", "education_programmes", "audience_development"),
    "festival": ("festival_management", "event_production", "pr_communication", "audience_development"),
    "heritage_site": ("heritage_interpretation", "conservation_restoration", "adaptive_reuse",
                      "cultural_tourism_products", "historical_reenactment"),
    "cultural_centre": ("workshops_facilitation", "community_engagement", "event_production",
                        "traditional_crafts", "education_programmes"),
    "ngo": ("community_engagement", "fundraising", "grant_writing", "workshops_facilitation",
            "participatory_design", "oral_history"),
    "public_body": ("project_management", "grant_writing", "cultural_tourism_products", "pr_communication",
                    "visitor_research"),
    "university": ("provenance_research", "data_analytics", "participatory_design", "visitor_research",
                   "linked_open_data", "e_learning"),
}

_ASSET_KINDS_BY_KIND = {
    "museum": ("collection_item", "collection_item", "collection_item", "archive_set", "building"),
    "gallery": ("collection_item",),
    "library": ("archive_set",),
    "archive": ("archive_set",),
    "theatre": ("archive_set", "intangible_practice", "building"),
    "festival": ("intangible_practice",),
    "heritage_site": ("building", "site", "site"),
    "cultural_centre": ("intangible_practice", "intangible_practice", "collection_item"),
}

_FOUNDED_BY_KIND = {"museum": (1880, 2015), "gallery": (1950, 2020), "library": (1945, 2010),
                    "archive": (1950, 2005), "theatre": (1945, 2015), "festival": (1975, 2022),
                    "heritage_site": (1960, 2020), "cultural_centre": (1950, 2015),
                    "creative_business": (1995, 2024), "freelancer": (2005, 2024),
                    "technology_provider": (1998, 2023), "ngo": (1990, 2023), "public_body": (1990, 2002),
                    "university": (1950, 2015)}

_SIZE_WEIGHTS_BY_SECTOR = {"heritage": (20, 40, 30, 10), "creative": (45, 40, 12, 3),
                           "technology": (20, 45, 28, 7), "support": (15, 35, 35, 15)}

_ROLES_BY_SECTOR = {
    "heritage": ("director", "curator", "education_officer", "digital_lead", "project_manager", "conservator",
                 "marketing_officer"),
    "creative": ("founder", "creative_director", "developer", "designer", "producer", "project_manager",
                 "sales_lead"),
    "support": ("director", "programme_manager", "project_manager", "researcher", "officer"),
}

_PRODUCT_SUFFIXES = {
    "ticketing": ("Pass", "Ticket", "Entry"), "ar_vr_guide": ("AR", "XR", "Lens"),
    "audio_guide": ("Audio", "Voice", "Listen"), "3d_scanning": ("3D", "Scan", "Mesh"),
    "collection_management": ("Collections", "Inventory", "Catalog"), "digital_archive": ("Archive", "Vault", "Repo"),
    "crm": ("CRM", "Connect", "Friends"), "website_cms": ("CMS", "Site", "Pages"),
    "online_exhibition": ("Expo", "Gallery", "Stories"), "accessibility_tools": ("Access", "Inclusive", "Easy"),
    "educational_app": ("Learn", "Kids", "Quest"), "other": ("Hub", "Lab", "Kit"),
}
_PRODUCT_CATEGORY_BY_THEME = {
    "ticketing_crm": ("ticketing", "crm"), "ar_guide": ("ar_vr_guide",), "vr_reconstruction": ("ar_vr_guide",),
    "audio_guide": ("audio_guide",), "scan_3d": ("3d_scanning",), "archive_digitisation": ("digital_archive",),
    "online_collection": ("online_exhibition", "collection_management"), "website": ("website_cms",),
    "accessibility": ("accessibility_tools",), "educational_game": ("educational_app",),
}
_AUDIENCE_LABELS = {
    "en": ("museums and galleries", "libraries and archives", "heritage sites", "theatres and concert halls",
           "festivals and events", "local governments", "schools and educators", "tourism organisations"),
    "pl": ("muzea i galerie", "biblioteki i archiwa", "miejsca dziedzictwa", "teatry i filharmonie",
           "festiwale i wydarzenia", "samorządy", "szkoły i edukatorzy", "organizacje turystyczne"),
    "de": ("Museen und Galerien", "Bibliotheken und Archive", "Kulturerbestätten", "Theater und Konzerthäuser",
           "Festivals und Veranstaltungen", "Kommunen", "Schulen und Lehrkräfte", "Tourismusorganisationen"),
}
_BRANCH_SUFFIX = {"pl": " – oddział {n}", "en": " – branch {n}", "de": " – Standort {n}", "hu": " – {n}. telephely",
                  "it": " – sede {n}", "sl": " – enota {n}", "hr": " – podružnica {n}", "cs": " – pobočka {n}",
                  "sk": " – pobočka {n}"}
_PHONE_PREFIX = {"PL": "+48", "SK": "+421", "HU": "+36", "CZ": "+420", "SI": "+386", "HR": "+385",
                 "AT": "+43", "DE": "+49", "IT": "+39"}
_AREA_TAGS = {
    "Bieszczady": ("Ustrzyki Dolne", "Lesko", "Baligród", "Cisna", "Komańcza"),
    "Beskid Niski": ("Krosno", "Dukla", "Jasło", "Rymanów", "Iwonicz-Zdrój", "Bóbrka", "Gorlice"),
    "Pogórze Przemyskie": ("Przemyśl", "Bircza", "Krasiczyn", "Dubiecko"),
    "Szlak Architektury Drewnianej": ("Haczów", "Markowa", "Brzozów", "Sanok"),
}
_TOWN_AREA = {town: area for area, towns in _AREA_TAGS.items() for town in towns}
_ROMAN = ("", "I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII", "XIII", "XIV",
          "XV", "XVI", "XVII", "XVIII", "XIX", "XX", "XXI")
_REFERENCE_YEAR = 2025
_NAME_ATTEMPTS = 6
_ID_PREFIXES = {kind: f"demo-{kind}-" for kind in ("person", "need", "offer", "asset", "product")}
# Label openings that stay capitalised inside a sentence (English proper adjectives).
_PROPER_WORDS = ("Jewish ", "European ", "Europeana")
# Need-context frames split into those naming the domain and those about audiences.
_CONTEXT_FRAMES = {
    language: (tuple(f for f in frames["context"] if "{domain" in f),
               tuple(f for f in frames["context"] if "{domain" not in f))
    for language, frames in NEED_FRAMES.items()
}
_CENTURIES_BY_ASSET_KIND = {"collection_item": (17, 20), "archive_set": (17, 20), "building": (14, 20),
                            "site": (9, 20), "intangible_practice": (19, 20)}
_ENGLISH_TOWN = {"Wien": "Vienna", "München": "Munich", "Nürnberg": "Nuremberg", "Praha": "Prague",
                 "Venezia": "Venice", "Padova": "Padua", "Košice": "Košice", "Kraków": "Kraków"}


@dataclass(frozen=True, slots=True)
class Vocabulary:
    """Codes and labels of the shipped vocabularies, as plain dictionaries.

    ``labels[code][language]`` covers heritage domains, creative domains and
    competences (codes are distinct across the three files).
    """

    heritage_domains: tuple[str, ...]
    creative_domains: tuple[str, ...]
    competences: tuple[str, ...]
    labels: dict[str, dict[str, str]]
    keywords: dict[str, dict[str, tuple[str, ...]]]
    nuts3: dict[str, str]


@lru_cache(maxsize=4)
def load_vocabulary(data_dir: str | None = None) -> Vocabulary:
    """Read the vocabularies and the NUTS 3 codes from the reference data directory.

    Parameters
    ----------
    data_dir : str or None
        Directory holding ``heritage_domains.json``, ``creative_domains.json``,
        ``competences.json`` and ``nuts2021.csv``; defaults to
        ``src/sache/directory/data``.

    Returns
    -------
    Vocabulary
        Codes in file order, labels and keywords by code, NUTS 3 names by code.

    Examples
    --------
    >>> vocabulary = load_vocabulary()
    >>> vocabulary.labels["photogrammetry"]["pl"], vocabulary.nuts3["PL823"]
    ('Fotogrametria', 'Rzeszowski')
    """
    directory = Path(data_dir) if data_dir else DATA_DIR
    files = {}
    for name in ("heritage_domains", "creative_domains", "competences"):
        files[name] = json.loads((directory / f"{name}.json").read_text(encoding="utf-8"))
    labels = {item["code"]: item["labels"] for items in files.values() for item in items}
    keywords = {item["code"]: {lang: tuple(words) for lang, words in item.get("keywords", {}).items()}
                for item in files["competences"]}
    nuts3 = {}
    with (directory / "nuts2021.csv").open(encoding="utf-8") as handle:
        next(handle)
        for code, level, _country, name, _name_en in csv.reader(handle):
            if level == "3":
                nuts3[code] = name
    return Vocabulary(
        heritage_domains=tuple(item["code"] for item in files["heritage_domains"]),
        creative_domains=tuple(item["code"] for item in files["creative_domains"]),
        competences=tuple(item["code"] for item in files["competences"]),
        labels=labels,
        keywords=keywords,
        nuts3=nuts3,
    )


def _lower_first(text: str, language: str) -> str:
    """Lower-case a label for use inside a sentence, but keep acronyms and German nouns."""
    if (language == "de" or len(text) < 2 or not text[0].isupper() or text[1].isupper() or text[1].isdigit()
            or text.startswith(_PROPER_WORDS)):
        return text
    return text[0].lower() + text[1:]


def _join_and(items: list[str], conjunction: str) -> str:
    if len(items) < 2:
        return "".join(items)
    return f"{', '.join(items[:-1])} {conjunction} {items[-1]}"


def _folding_table() -> dict[int, str]:
    """ASCII stand-ins for the Latin letters of the hub languages (ł, ő, č, ß, đ, …)."""
    table = {ord("ł"): "l", ord("Ł"): "L", ord("ß"): "ss", ord("đ"): "d", ord("Đ"): "D"}
    for code in range(0xC0, 0x250):
        if code not in table:
            base = unicodedata.normalize("NFKD", chr(code)).encode("ascii", "ignore").decode("ascii")
            table[code] = base
    return table


_FOLDING_TABLE = _folding_table()


def _ascii(text: str) -> str:
    return text.translate(_FOLDING_TABLE).encode("ascii", "ignore").decode("ascii")


_NAME_PARTS = {"a": BRAND_PARTS[0], "b": BRAND_PARTS[1], "pl_museum": PL_MUSEUM_THEMES, "pl_patron": PL_PATRONS,
               "pl_club": PL_CLUB_NAMES, "pl_skansen": PL_SKANSEN, "pl_subject": PL_SUBJECTS,
               "pl_discipline": PL_DISCIPLINES}


@lru_cache(maxsize=1024)
def _pattern_fields(pattern: str) -> tuple[str, ...]:
    return tuple(field for _text, field, _spec, _conversion in string.Formatter().parse(pattern) if field)


def _fast_constructor(cls: type) -> Callable[..., object]:
    """Return a function that builds ``cls`` instances without the dataclass ``__init__``.

    A frozen dataclass's ``__init__`` routes every field through
    ``object.__setattr__``; writing the slots through their descriptors builds
    the identical object about twice as fast, which is a tenth of the run time
    for half a million records. Valid for slotted dataclasses without
    ``__post_init__`` or defaults, as in :mod:`sache.demo.records`.
    """
    names = [field.name for field in dataclasses.fields(cls)]
    if hasattr(cls, "__post_init__") or not hasattr(cls, "__slots__"):
        raise TypeError(f"{cls.__name__} needs its own __init__")
    namespace: dict[str, object] = {"new": object.__new__, "cls": cls}
    lines = [f"def build({', '.join(names)}):", "    obj = new(cls)"]
    for index, name in enumerate(names):
        namespace[f"set_{index}"] = cls.__dict__[name].__set__
        lines.append(f"    set_{index}(obj, {name})")
    lines.append("    return obj")
    exec("\n".join(lines), namespace)  # the same technique dataclasses uses to build __init__
    return namespace["build"]  # type: ignore[return-value]


_new_org = _fast_constructor(OrgRecord)
_new_person = _fast_constructor(PersonRecord)
_new_need = _fast_constructor(NeedRecord)
_new_offer = _fast_constructor(OfferRecord)
_new_asset = _fast_constructor(AssetRecord)
_new_product = _fast_constructor(ProductRecord)


def _tidy(text: str) -> str:
    """Drop the second full stop where a slot ending in one ("Sp. z o.o.", "XIX w.") ends a sentence."""
    return text.replace("..", ".")


def _short_slug(slug: str, limit: int = 30) -> str:
    """Cut a slug at a word boundary, for e-mail and portfolio host names."""
    if len(slug) <= limit:
        return slug
    cut = slug[:limit]
    return cut.rsplit("-", 1)[0] if "-" in cut else cut


@lru_cache(maxsize=50_000)
def _email_local_part(first: str, last: str) -> str:
    return _slug(f"{first}.{last}").replace("-", ".")


_NOT_SLUG = re.compile(r"[^a-z0-9]+")


def _slug(text: str, limit: int = 48) -> str:
    return _NOT_SLUG.sub("-", _ascii(text).lower()).strip("-")[:limit].strip("-")


class _HubWriter:
    """Holds the random stream and the lookup tables of one generation run."""

    def __init__(self, seed: int, vocabulary: Vocabulary) -> None:
        self.rng = random.Random(seed)
        self.random = self.rng.random
        self.vocabulary = vocabulary
        self.used_names: dict[str, int] = {}
        self.heritage_org_ids: list[str] = []
        self.counters = {"person": 0, "need": 0, "offer": 0, "asset": 0, "product": 0}
        self.towns = TOWNS
        self.town_weights = _cumulative([town.weight for town in TOWNS])
        self.kinds = tuple(_KIND_WEIGHTS)
        self.kind_weights = _cumulative(list(_KIND_WEIGHTS.values()))
        self.rights_weights = _cumulative([weight for _uri, weight, _texts in RIGHTS])
        self.lower_labels = {
            code: {lang: _lower_first(label, lang) for lang, label in labels.items()}
            for code, labels in vocabulary.labels.items()
        }
        for code in vocabulary.competences:
            if code not in self.lower_labels:
                raise ValueError(f"competence {code} has no labels")
        for theme in THEMES.values():
            unknown = [c for c in theme["competences"] if c not in vocabulary.labels]
            if unknown:
                raise ValueError(f"themes use unknown competences {unknown}")

    # -- small random helpers -------------------------------------------------------------
    def pick(self, items):  # type: ignore[no-untyped-def]
        return items[int(self.random() * len(items))]

    def weighted(self, items, cumulative):  # type: ignore[no-untyped-def]
        return items[bisect_right(cumulative, self.random() * cumulative[-1])]

    def count(self, weights: tuple[float, ...]) -> int:
        """Draw 0..len(weights)-1 with the given relative weights."""
        cumulative = _CUMULATIVE.get(weights)
        if cumulative is None:
            cumulative = _CUMULATIVE[weights] = _cumulative(list(weights))
        return bisect_right(cumulative, self.random() * cumulative[-1])

    def sample(self, items, k: int) -> list:  # type: ignore[no-untyped-def]
        """``k`` distinct items in random order (``random.sample``, with a fast path for one)."""
        size = len(items)
        k = min(k, size)
        if k == 1:
            # same draw as the loop below, without building the index list
            return [items[int(self.random() * size)]]
        # rejection sampling is cheaper than random.sample for the few, short lists drawn here
        chosen: list[int] = []
        while len(chosen) < k:
            index = int(self.random() * size)
            if index not in chosen:
                chosen.append(index)
        return [items[index] for index in chosen]

    def between(self, low: int, high: int) -> int:
        """An integer in [low, high] (``randint`` costs several Python calls per draw)."""
        return low + int(self.random() * (high - low + 1))

    def next_id(self, kind: str) -> str:
        number = self.counters[kind] + 1
        self.counters[kind] = number
        return _ID_PREFIXES[kind] + str(number).zfill(6)

    # -- organisations --------------------------------------------------------------------
    def org(self, number: int) -> tuple[OrgRecord, dict]:
        rng = self.rng
        kind = self.weighted(self.kinds, self.kind_weights)
        sector = ("heritage" if kind in HERITAGE_KINDS else "creative" if kind in CREATIVE_KINDS else "support")
        town: Town = self.weighted(self.towns, self.town_weights)
        native = COUNTRY_LANGUAGE[town.country]
        english_share = 0.35 if sector == "creative" else 0.08 if native == "pl" else 0.15
        main_language = "en" if rng.random() < english_share else native
        languages = [main_language]
        for extra in (native, "en"):
            if extra not in languages and (extra == native or rng.random() < 0.7):
                languages.append(extra)
        if rng.random() < 0.15:
            other = self.pick(LANGUAGES)
            if other not in languages:
                languages.append(other)

        if kind in HERITAGE_KINDS:
            heritage_domains = self.sample(_HERITAGE_DOMAINS_BY_KIND[kind], 1 + self.count((50, 35, 15)))
            creative_domains = self.sample(self.vocabulary.creative_domains, 1) if rng.random() < 0.1 else []
        elif kind in CREATIVE_KINDS:
            creative_domains = self.sample(_CREATIVE_DOMAINS_BY_KIND[kind], 1 + self.count((45, 40, 15)))
            heritage_domains = self.sample(self.vocabulary.heritage_domains, 1) if rng.random() < 0.3 else []
        else:
            heritage_domains = self.sample(self.vocabulary.heritage_domains, 1 + self.count((60, 40)))
            creative_domains = self.sample(self.vocabulary.creative_domains, 1) if rng.random() < 0.4 else []

        offer_themes: list[str] = []
        if kind in CREATIVE_KINDS:
            for domain in creative_domains:
                for theme in _THEMES_BY_CREATIVE_DOMAIN.get(domain, ()):
                    if theme not in offer_themes:
                        offer_themes.append(theme)
            offer_themes = self.sample(offer_themes, 3) or ["website"]
            competences: list[str] = []
            for theme in offer_themes:
                for code in THEMES[theme]["competences"]:
                    if code not in competences and rng.random() < 0.8:
                        competences.append(code)
            competences.extend(c for c in self.sample(self.vocabulary.competences, 1) if c not in competences)
        else:
            competences = self.sample(_HERITAGE_COMPETENCES_BY_KIND[kind], 2 + self.count((40, 35, 25)))

        first_founded, last_founded = _FOUNDED_BY_KIND[kind]
        founded = self.between(first_founded, last_founded)
        size_sector = "technology" if kind == "technology_provider" else "creative" if sector == "creative" else sector
        size_band = "micro" if kind == "freelancer" else self.weighted(
            SIZE_BANDS, _cumulative_of(_SIZE_WEIGHTS_BY_SECTOR[size_sector]))

        freelancer_name = None
        if kind == "freelancer":
            freelancer_name = self.person_name(native)
        name = self.org_name(kind, town, main_language if kind in CREATIVE_KINDS else native, freelancer_name,
                             creative_domains)
        external_id = f"demo-org-{number:06d}"
        slug = _slug(name)
        org_context = {
            "kind": kind, "sector": sector, "town": town, "native": native, "main": main_language,
            "languages": tuple(languages), "offer_themes": offer_themes, "name": name, "slug": slug,
            "host": _short_slug(slug),
            "founded": founded, "freelancer_name": freelancer_name, "competences": competences,
            "heritage_domains": heritage_domains, "creative_domains": creative_domains,
        }
        descriptions = [(main_language, self.org_description(org_context, main_language))]
        second = native if main_language == "en" else "en"
        if second != main_language and rng.random() < 0.5:
            descriptions.append((second, self.org_description(org_context, second)))
        record = _new_org(
            external_id=external_id,
            name=name,
            kind=kind,
            heritage_domains=tuple(heritage_domains),
            creative_domains=tuple(creative_domains),
            region=town.region,
            city=town.name,
            latitude=round(town.latitude + (rng.random() - 0.5) * 0.03, 5),
            longitude=round(town.longitude + (rng.random() - 0.5) * 0.045, 5),
            size_band=size_band,
            languages=tuple(languages),
            descriptions=tuple(descriptions),
            website=f"https://{slug}.example.org",
            competences=tuple(competences),
            tags=self.tags(org_context),
            status="published" if rng.random() < 0.9 else "draft",
            founded=founded,
        )
        if sector == "heritage":
            self.heritage_org_ids.append(external_id)
        return record, org_context

    def person_name(self, language: str) -> tuple[str, str]:
        table = language if language in FIRST_NAMES else "pl"
        female = self.random() < 0.55
        first = self.pick(FIRST_NAMES[table][0 if female else 1])
        masculine, feminine = self.pick(LAST_NAMES[table])
        return first, feminine if female else masculine

    def org_name(self, kind: str, town: Town, language: str, person: tuple[str, str] | None,
                 creative_domains: list[str]) -> str:
        """A realistic name, distinct from all earlier ones.

        A name already taken is redrawn a few times before it gets a distinguishing
        suffix (town in brackets for a business, branch number otherwise), so large
        hubs keep their suffixes for the towns where the patterns run out.
        """
        for _attempt in range(_NAME_ATTEMPTS):
            base = self.draw_name(kind, town, language, person, creative_domains)
            if base not in self.used_names:
                self.used_names[base] = 1
                return base
        seen = self.used_names[base]
        self.used_names[base] = seen + 1
        if kind in CREATIVE_KINDS and town.name not in base:
            candidate = f"{base} ({town.name})"
            if candidate not in self.used_names:
                self.used_names[candidate] = 1
                return candidate
        if language == "pl" and kind in ("library", "cultural_centre"):
            # Polish public libraries and culture centres number their branches
            return f"{base} – Filia nr {seen}"
        return base + _BRANCH_SUFFIX[language].format(n=seen + 1)

    def draw_name(self, kind: str, town: Town, language: str, person: tuple[str, str] | None,
                  creative_domains: list[str]) -> str:
        if person is not None:
            # a freelancer trades under their own name and their first domain
            return f"{person[0]} {person[1]} – {self.lower_labels[self.pick(creative_domains)][language]}"
        patterns = ORG_NAME_PATTERNS.get(language, {}).get(kind) or ORG_NAME_PATTERNS[
            COUNTRY_LANGUAGE[town.country]].get(kind) or ORG_NAME_PATTERNS["en"][kind]
        pattern = self.pick(patterns)
        fields = _pattern_fields(pattern)
        if not fields:
            return pattern
        town_values = {"loc": town.loc, "city": town.name, "adj": town.adjective}
        # draw only the parts this pattern uses
        return pattern.format(**{
            field: town_values[field] if field in town_values else self.pick(_NAME_PARTS[field])
            for field in fields
        })

    def org_description(self, org: dict, language: str) -> str:
        sector = "freelancer" if org["kind"] == "freelancer" else org["sector"]
        frames = ORG_FRAMES[language][sector]
        town: Town = org["town"]
        domains = org["heritage_domains"] if org["sector"] != "creative" else org["creative_domains"]
        domain_labels = [self.lower_labels[code][language] for code in domains] or [
            self.lower_labels[code][language] for code in org["competences"][:2]]
        services = ""
        if org["offer_themes"] and language in ("pl", "en"):
            services = THEMES[org["offer_themes"][0]]["offer_services"][language]
        elif language in ("pl", "en"):
            services = ", ".join(self.lower_labels[c][language] for c in org["competences"][:3])
        slots = {
            "org": org["name"], "loc": town.loc if language == org["native"] else f"in {_ENGLISH_TOWN.get(town.name, town.name)}",
            "person": " ".join(org["freelancer_name"]) if org["freelancer_name"] else org["name"],
            "loc_en": f"in {_ENGLISH_TOWN.get(town.name, town.name)}", "founded": org["founded"],
            "years": max(2, _REFERENCE_YEAR - org["founded"]), "domains": ", ".join(domain_labels),
            "domains_and": _join_and(domain_labels, "and"), "services": services,
        }
        if language != org["native"] and language != "en":
            slots["loc"] = town.name
        return _tidy(" ".join(self.pick(pool).format_map(slots) for pool in frames))

    def tags(self, org: dict) -> tuple[str, ...]:
        language = org["main"]
        town: Town = org["town"]
        tags: list[str] = []
        for code in org["competences"][:4]:
            words = self.vocabulary.keywords.get(code, {}).get(language)
            tag = self.pick(words) if words else self.lower_labels[code][language]
            if tag not in tags:
                tags.append(tag)
        for code in org["heritage_domains"][:1] + org["creative_domains"][:1]:
            label = self.lower_labels[code][language]
            if label not in tags:
                tags.append(label)
        area = _TOWN_AREA.get(town.name)
        if area:
            tags.append(area)
        elif town.region.startswith("PL82") and self.random() < 0.5:
            tags.append("Podkarpacie")
        return tuple(tags[: 2 + self.count((20, 30, 30, 20))])

    # -- people ----------------------------------------------------------------------------
    def people(self, org: OrgRecord, context: dict) -> list[PersonRecord]:
        rng = self.rng
        sector = context["sector"]
        roles = _ROLES_BY_SECTOR[sector]
        if context["kind"] == "library":
            roles = roles + ("librarian",)
        elif context["kind"] == "archive":
            roles = roles + ("archivist",)
        elif context["kind"] in ("theatre", "festival"):
            roles = roles + ("producer",)
        count = 1 if context["kind"] == "freelancer" else 1 + self.count((35, 35, 20, 10))
        people = []
        for index in range(count):
            if index == 0 and context["freelancer_name"]:
                first, last = context["freelancer_name"]
            else:
                first, last = self.person_name(context["native"])
            local = _email_local_part(first, last)
            external_id = self.next_id("person")
            if rng.random() < 0.7:
                email = f"{local}@{context['host']}.example"
            else:
                email = f"{local}.{external_id[-6:]}@example.org"
            languages = [context["native"]] + [lang for lang in org.languages if lang != context["native"]]
            people.append(_new_person(
                external_id=external_id,
                org_external_id=org.external_id,
                first_name=first,
                last_name=last,
                email=email,
                role="founder" if context["kind"] == "freelancer" else (
                    roles[0] if index == 0 else self.pick(roles)),
                skills=tuple(self.sample(org.competences, 1 + self.count((40, 40, 20)))),
                languages=tuple(languages[: 1 + self.count((30, 50, 20))]),
                phone="" if rng.random() < 0.2 else (
                    f"{_PHONE_PREFIX[org.region[:2]]} {100 + int(rng.random() * 900)} "
                    f"{100 + int(rng.random() * 900)} {100 + int(rng.random() * 900)}"),
                consent_contact=rng.random() < 0.85,
            ))
        return people

    # -- assets ------------------------------------------------------------------------------
    def assets(self, org: OrgRecord, context: dict) -> list[AssetRecord]:
        if context["sector"] != "heritage":
            return []
        assets = []
        for _ in range(self.count((25, 35, 25, 15))):
            language = context["native"] if self.random() < 0.9 else "en"
            kind = self.pick(_ASSET_KINDS_BY_KIND[context["kind"]])
            title = self.pick(ASSET_TITLES[language][kind])
            period = self.period(language, kind)
            uri, _weight, reuse = self.weighted(RIGHTS, self.rights_weights)
            slots = {"title": title, "period": period, "place": org.city, "reuse": reuse[language],
                     "org": org.name, "detail": self.pick(ASSET_DETAILS[language])}
            description = _tidy(" ".join(self.pick(pool).format_map(slots) for pool in ASSET_FRAMES[language]))
            assets.append(_new_asset(
                external_id=self.next_id("asset"), org_external_id=org.external_id, kind=kind,
                language=language, title=title, description=description, period=period, place=org.city,
                rights_uri=uri, reuse_conditions=reuse[language],
            ))
        return assets

    def period(self, language: str, kind: str) -> str:
        first, last = _CENTURIES_BY_ASSET_KIND[kind]
        century = self.between(first, last)
        if self.random() < 0.3 and century >= 19:
            start = century * 100 - 100 + self.between(0, 80)
            return f"{start}–{min(start + self.between(5, 25), 2020)}"
        pattern, roman = PERIOD_FORMATS[language]
        return pattern.format(c=_ROMAN[century] if roman else century)

    # -- needs and offers ------------------------------------------------------------------
    def org_slots(self, org: dict, language: str) -> dict:
        """Slots that depend only on the organisation and the text language, built once per pair."""
        cache = org.setdefault("slots", {})
        slots = cache.get(language)
        if slots is None:
            town: Town = org["town"]
            english_town = _ENGLISH_TOWN.get(town.name, town.name)
            language_names = [LANGUAGE_NAMES[language][lang] for lang in org["languages"]]
            slots = cache[language] = {
                "org": org["name"], "city": town.name, "loc_en": f"in {english_town}",
                # a locative phrase exists only in the town's own language; English gets "in X"
                "loc": town.loc if language == org["native"] else f"in {english_town}" if language == "en"
                else town.name,
                "years": max(2, _REFERENCE_YEAR - org["founded"]), "languages": ", ".join(language_names),
                "languages_and": _join_and(language_names, "and"),
            }
        return slots

    def needs(self, org: OrgRecord, context: dict, assets: list[AssetRecord]) -> list[NeedRecord]:
        sector = context["sector"]
        if sector == "heritage":
            count = self.count((15, 40, 30, 15))
            themes = _ALL_THEMES
        elif sector == "support":
            count = self.count((50, 35, 15))
            themes = ("grant_partner", "branding", "website", "video", "accessibility", "urban_game")
        else:
            count = self.count((90, 10))
            themes = ("grant_partner", "branding", "website")
        needs = []
        for theme_code in self.sample(themes, count):
            theme = THEMES[theme_code]
            language = context["main"] if self.random() < 0.85 else (
                "en" if context["main"] != "en" else context["native"])
            asset = self.pick(assets) if assets and self.random() < 0.5 else None
            competences = [c for c in theme["competences"] if self.random() < 0.85] or [theme["competences"][0]]
            budget = self.weighted(BUDGET_BANDS, _NEED_BUDGET_WEIGHTS)
            timeframe = self.weighted(TIMEFRAMES, _TIMEFRAME_WEIGHTS)
            # title and object phrase share an index so the text describes the titled project
            variant = int(self.random() * 2)
            titles = theme["need_titles"][language]
            title = titles[variant % len(titles)]
            description = self.need_text(context, language, theme, variant, title, competences, budget,
                                         timeframe, asset)
            needs.append(_new_need(
                external_id=self.next_id("need"), org_external_id=org.external_id, language=language,
                title=title, description=description, competences=tuple(competences), budget_band=budget,
                timeframe=timeframe, status=self.weighted(NEED_STATUSES, _NEED_STATUS_WEIGHTS),
                asset_external_id=asset.external_id if asset else None,
            ))
        return needs

    def need_text(self, org: dict, language: str, theme: dict, variant: int, title: str,
                  competences: list[str], budget: str, timeframe: str, asset: AssetRecord | None) -> str:
        frames = NEED_FRAMES[language]
        labels = [self.lower_labels[c][language] for c in competences]
        domain_code = (org["heritage_domains"] or org["creative_domains"] or [None])[0]
        domain = self.lower_labels[domain_code][language] if domain_code else labels[0]
        objects = theme["need_objects"].get(language)
        slots = self.org_slots(org, language).copy()
        slots.update(
            title=_lower_first(title, language), object=objects[variant % len(objects)] if objects else "",
            domain=domain, domain_lower=_lower_first(domain, language), asset=asset.title if asset else "",
            competences=", ".join(labels), competences_and=_join_and(labels, "and"),
            budget=BUDGET_PHRASES[language][budget], timeframe=TIMEFRAME_PHRASES[language][timeframe],
        )
        domain_frames, audience_frames = _CONTEXT_FRAMES[language]
        pick = self.pick
        sentences = [pick(frames["intro"]).format_map(slots), pick(frames["goal"]).format_map(slots),
                     pick(domain_frames).format_map(slots)]
        if audience_frames and self.random() < 0.5:
            sentences.append(pick(audience_frames).format_map(slots))
        if asset is not None and asset.language == language:
            sentences.append(pick(frames["asset"]).format_map(slots))
        sentences.append(pick(frames["skills"]).format_map(slots))
        if self.random() < 0.75:
            practical = frames["practical"]
            # "a budget of to be agreed" reads wrong: an open budget takes the plain "Budget: …" frame
            frame = practical[1 % len(practical)] if budget == "unknown" else pick(practical)
            sentences.append(frame.format_map(slots))
        for part in ("languages", "closing"):
            if self.random() < 0.75:
                sentences.append(pick(frames[part]).format_map(slots))
        return _tidy(" ".join(sentences))

    def offers(self, org: OrgRecord, context: dict) -> list[OfferRecord]:
        sector = context["sector"]
        if sector == "creative":
            themes = context["offer_themes"]
            count = min(len(themes), self.count((5, 45, 35, 15)))
        elif sector == "support":
            themes = ["grant_partner", "accessibility"]
            count = self.count((70, 25, 5))
        else:
            themes = ["podcast_oral_history", "exhibition", "grant_partner"]
            count = self.count((88, 12))
        offers = []
        for theme_code in themes[:count]:
            theme = THEMES[theme_code]
            language = context["main"] if self.random() < 0.85 else (
                "en" if context["main"] != "en" else context["native"])
            competences = [c for c in org.competences if c in theme["competences"]] or list(theme["competences"][:2])
            title = self.pick(theme["offer_titles"][language])
            description = self.offer_text(context, language, theme, title, competences)
            portfolio = tuple(f"https://{context['host']}.example.org/{path}"
                              for path in self.sample(("portfolio", "case-studies", "projekty", "works", "showreel"),
                                                      self.count((20, 50, 30))))
            offers.append(_new_offer(
                external_id=self.next_id("offer"), org_external_id=org.external_id, language=language,
                title=title, description=description, competences=tuple(competences),
                portfolio_links=portfolio, price_band=self.weighted(BUDGET_BANDS, _OFFER_PRICE_WEIGHTS),
            ))
        return offers

    def offer_text(self, org: dict, language: str, theme: dict, title: str, competences: list[str]) -> str:
        frames = OFFER_FRAMES[language]
        freelancer = org["kind"] == "freelancer"
        labels = [self.lower_labels[c][language] for c in competences]
        slots = self.org_slots(org, language).copy()
        slots.update(title=_lower_first(title, language), services=theme["offer_services"].get(language, ""),
                     competences=", ".join(labels))
        if freelancer:
            # the "we" sentences of a studio do not fit a one-person business
            parts = ["intro_freelancer", "service_freelancer",
                     "skills_freelancer" if "skills_freelancer" in frames else "skills"]
            if self.random() < 0.7:
                parts.append("languages_freelancer" if "languages_freelancer" in frames else "languages")
        else:
            intro = {"heritage": "intro_heritage", "support": "intro_support"}.get(org["sector"], "intro")
            parts = [intro, "service", "skills"]
            parts += [part for part in ("portfolio", "languages", "closing") if self.random() < 0.7]
            if self.random() < 0.4:
                parts.insert(1, "portfolio")
        sentences: list[str] = []
        for part in parts:
            sentence = self.pick(frames[part]).format_map(slots)
            if sentence not in sentences:
                sentences.append(sentence)
        return _tidy(" ".join(sentences))

    # -- products ----------------------------------------------------------------------------
    def products(self, org: OrgRecord, context: dict) -> list[ProductRecord]:
        if context["kind"] != "technology_provider":
            return []
        products = []
        for _ in range(1 + self.count((60, 40))):
            categories: list[str] = []
            for theme in context["offer_themes"]:
                categories.extend(_PRODUCT_CATEGORY_BY_THEME.get(theme, ()))
            category = self.pick(categories) if categories and self.random() < 0.85 else self.pick(
                PRODUCT_CATEGORIES)
            language = "en"
            if context["native"] == "pl" and self.random() < 0.5:
                language = "pl"
            elif context["native"] == "de" and self.random() < 0.4:
                language = "de"
            brand = self.pick(BRAND_PARTS[0]) + self.pick(_PRODUCT_SUFFIXES[category])
            audience_index = int(self.random() * len(AUDIENCES))
            category_label = PRODUCT_CATEGORY_LABELS[language][category]
            slots = {
                "brand": brand, "category": category_label,
                "category_article": ("an " if category_label[0] in "aeiouAEIOU" else "a ") + category_label,
                "audience": _AUDIENCE_LABELS[language][audience_index], "org": org.name,
            }
            description = _tidy(" ".join(self.pick(pool).format_map(slots) for pool in PRODUCT_FRAMES[language]))
            # references come from the most recent heritage organisations, without copying the list
            known = self.heritage_org_ids
            window = min(len(known), 5000)
            wanted = min(self.count((30, 30, 25, 15)), window)
            chosen: set[str] = set()
            while len(chosen) < wanted:
                chosen.add(known[len(known) - 1 - int(self.random() * window)])
            references = tuple(sorted(chosen))
            products.append(_new_product(
                external_id=self.next_id("product"), org_external_id=org.external_id, language=language,
                title=f"{brand} – {category_label[0].upper()}{category_label[1:]}", description=description,
                category=category, audience=AUDIENCES[audience_index],
                price_band=self.weighted(BUDGET_BANDS, _PRODUCT_PRICE_WEIGHTS), references=references,
            ))
        return products


_CUMULATIVE: dict[tuple[float, ...], list[float]] = {}


@lru_cache(maxsize=256)
def _cumulative_of(weights: tuple[float, ...]) -> list[float]:
    return _cumulative(list(weights))


def _cumulative(weights: list[float]) -> list[float]:
    total, cumulative = 0.0, []
    for weight in weights:
        total += weight
        cumulative.append(total)
    return cumulative


_NEED_BUDGET_WEIGHTS = _cumulative([14, 30, 24, 12, 4, 16])
_TIMEFRAME_WEIGHTS = _cumulative([15, 40, 33, 12])
_NEED_STATUS_WEIGHTS = _cumulative([60, 25, 15])
_OFFER_PRICE_WEIGHTS = _cumulative([18, 32, 22, 8, 2, 18])
_PRODUCT_PRICE_WEIGHTS = _cumulative([30, 35, 15, 5, 1, 14])
_ALL_THEMES = tuple(THEMES)


HubRecord = OrgRecord | PersonRecord | NeedRecord | OfferRecord | AssetRecord | ProductRecord


def iter_hub(orgs: int, seed: int, *, data_dir: str | None = None) -> Iterator[HubRecord]:
    """Stream the records of a demo hub, each organisation followed by its dependants.

    Parameters
    ----------
    orgs : int
        Number of organisations (``>= 0``).
    seed : int
        Seed of the only random stream used; equal seeds give equal records.
    data_dir : str or None
        Reference data directory (see :func:`load_vocabulary`).

    Yields
    ------
    OrgRecord, PersonRecord, AssetRecord, NeedRecord, OfferRecord or ProductRecord
        For each organisation: the organisation, its people, its assets, its
        needs (which may point at one of those assets), its offers, its products.
        A record only refers to records yielded before it.

    Notes
    -----
    Runs in O(orgs) time; texts are composed from the frames in
    :mod:`sache.demo.texts` and the themes in :mod:`sache.demo.themes`.

    Examples
    --------
    >>> records = list(iter_hub(2, seed=7))
    >>> records[0].external_id, type(records[1]).__name__
    ('demo-org-000001', 'PersonRecord')
    """
    if orgs < 0:
        raise ValueError("orgs must be >= 0")
    writer = _HubWriter(seed, load_vocabulary(data_dir))
    for number in range(1, orgs + 1):
        org, context = writer.org(number)
        yield org
        yield from writer.people(org, context)
        assets = writer.assets(org, context)
        yield from assets
        yield from writer.needs(org, context, assets)
        yield from writer.offers(org, context)
        yield from writer.products(org, context)


def generate_hub(orgs: int, seed: int, *, data_dir: str | None = None) -> Hub:
    """Generate a whole demo hub in memory.

    Parameters
    ----------
    orgs : int
        Number of organisations.
    seed : int
        Seed; equal seeds give equal hubs.
    data_dir : str or None
        Reference data directory (see :func:`load_vocabulary`).

    Returns
    -------
    Hub
        Records grouped by type, each group in generation order.

    Examples
    --------
    >>> hub = generate_hub(20, seed=1)
    >>> len(hub.orgs), hub.orgs[0].external_id
    (20, 'demo-org-000001')
    """
    groups: dict[type, list] = {OrgRecord: [], PersonRecord: [], NeedRecord: [], OfferRecord: [],
                                AssetRecord: [], ProductRecord: []}
    # Half a million small immutable records trigger many useless cyclic-GC passes
    # (they hold no cycles); pausing the collector cuts the time by about a quarter.
    collecting = gc.isenabled()
    gc.disable()
    try:
        for record in iter_hub(orgs, seed, data_dir=data_dir):
            groups[type(record)].append(record)
    finally:
        if collecting:
            gc.enable()
    return Hub(
        orgs=tuple(groups[OrgRecord]), people=tuple(groups[PersonRecord]), needs=tuple(groups[NeedRecord]),
        offers=tuple(groups[OfferRecord]), assets=tuple(groups[AssetRecord]), products=tuple(groups[ProductRecord]),
    )
