"""Plain records of a demo hub, one frozen dataclass per future database row.

The Django models of ``directory`` use the same field names and codes, so
``sache seed-demo`` can bulk-insert these records without translation.
Identifiers are strings (``demo-org-000001``) so that a record can point at
another one before either has a database key.
"""

from __future__ import annotations

from dataclasses import dataclass

__all__ = [
    "AssetRecord",
    "Hub",
    "NeedRecord",
    "OfferRecord",
    "OrgRecord",
    "PersonRecord",
    "ProductRecord",
]


@dataclass(frozen=True, slots=True)
class OrgRecord:
    """An organisation: heritage institution, creative business, provider or support body."""

    external_id: str
    name: str
    kind: str
    heritage_domains: tuple[str, ...]
    creative_domains: tuple[str, ...]
    region: str
    city: str
    latitude: float
    longitude: float
    size_band: str
    languages: tuple[str, ...]
    descriptions: tuple[tuple[str, str], ...]
    website: str
    competences: tuple[str, ...]
    tags: tuple[str, ...]
    status: str
    founded: int


@dataclass(frozen=True, slots=True)
class PersonRecord:
    """A contact person of one organisation."""

    external_id: str
    org_external_id: str
    first_name: str
    last_name: str
    email: str
    role: str
    skills: tuple[str, ...]
    languages: tuple[str, ...]
    phone: str
    consent_contact: bool


@dataclass(frozen=True, slots=True)
class NeedRecord:
    """What an organisation wants help with (a challenge)."""

    external_id: str
    org_external_id: str
    language: str
    title: str
    description: str
    competences: tuple[str, ...]
    budget_band: str
    timeframe: str
    status: str
    asset_external_id: str | None


@dataclass(frozen=True, slots=True)
class OfferRecord:
    """What an organisation can do for others."""

    external_id: str
    org_external_id: str
    language: str
    title: str
    description: str
    competences: tuple[str, ...]
    portfolio_links: tuple[str, ...]
    price_band: str


@dataclass(frozen=True, slots=True)
class AssetRecord:
    """A heritage asset opened for creative reuse, with its rights statement."""

    external_id: str
    org_external_id: str
    kind: str
    language: str
    title: str
    description: str
    period: str
    place: str
    rights_uri: str
    reuse_conditions: str


@dataclass(frozen=True, slots=True)
class ProductRecord:
    """A digital product of a technology provider.

    ``references`` holds the external ids of heritage organisations of the same
    hub that use the product (only organisations generated before it).
    """

    external_id: str
    org_external_id: str
    language: str
    title: str
    description: str
    category: str
    audience: str
    price_band: str
    references: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Hub:
    """All records of one generated hub, each list in generation order."""

    orgs: tuple[OrgRecord, ...]
    people: tuple[PersonRecord, ...]
    needs: tuple[NeedRecord, ...]
    offers: tuple[OfferRecord, ...]
    assets: tuple[AssetRecord, ...]
    products: tuple[ProductRecord, ...]
