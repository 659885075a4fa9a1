"""Request and response shapes of the REST API (OpenAPI components)."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from django.urls import reverse
from ninja import Field, Schema

from sache.cocreation.selectors import published_themes
from sache.directory.exchange import API_FIELDS


def fields_of(resource: str) -> Any:
    """Class decorator: the schema must have exactly the fields ``API_FIELDS[resource]`` declares, in order.

    The directory's exports write the same list as their header, so a field added here and not
    there (or the other way round) stops the app at import, not in a partner's spreadsheet.
    """

    def check(schema: type[Schema]) -> type[Schema]:
        fields = tuple(schema.model_fields)
        if fields != API_FIELDS[resource]:
            message = f"{schema.__name__} has the fields {fields}; sache.directory.exchange.API_FIELDS declares {API_FIELDS[resource]}"
            raise TypeError(message)
        return schema

    return check


class ErrorDetail(Schema):
    field: str = Field(description="The input field at fault, or '' for the request as a whole.")
    message: str


class ErrorBody(Schema):
    code: str = Field(description="Stable machine-readable code, e.g. not_found, validation_failed.")
    message: str
    details: list[ErrorDetail] = []


class ErrorOut(Schema):
    error: ErrorBody


class DescriptionOut(Schema):
    language: str
    text: str


@fields_of("organisation")
class OrganisationOut(Schema):
    id: int
    slug: str
    name: str
    kind: str
    heritage_domains: list[str]
    creative_domains: list[str]
    region: str
    city: str
    latitude: float | None
    longitude: float | None
    size_band: str
    languages: list[str]
    website: str
    competences: list[str]
    tags: list[str]
    founded: int | None
    publication: str
    completeness: int
    descriptions: list[DescriptionOut]
    url: str

    @staticmethod
    def resolve_descriptions(obj: Any) -> list[dict[str, str]]:
        return [{"language": d.language, "text": d.text} for d in obj.descriptions.all()]

    @staticmethod
    def resolve_url(obj: Any) -> str:
        return obj.get_absolute_url()


class OrganisationPatch(Schema):
    name: str | None = None
    city: str | None = None
    website: str | None = None
    size_band: str | None = None
    languages: list[str] | None = None
    competences: list[str] | None = None
    tags: list[str] | None = None


@fields_of("person")
class PersonOut(Schema):
    id: int
    organisation: str
    first_name: str
    last_name: str
    role: str
    skills: list[str]
    languages: list[str]
    email: str | None = Field(None, description="Only when the person consented to show contact details.")
    phone: str | None = Field(None, description="Only when the person consented to show contact details.")

    @staticmethod
    def resolve_organisation(obj: Any) -> str:
        return obj.organisation.slug

    @staticmethod
    def resolve_email(obj: Any) -> str | None:
        return obj.email if obj.consent_contact and obj.email else None

    @staticmethod
    def resolve_phone(obj: Any) -> str | None:
        return obj.phone if obj.consent_contact and obj.phone else None


class RecordOut(Schema):
    id: int
    organisation: str
    language: str
    title: str
    description: str
    publication: str
    created_at: datetime
    updated_at: datetime
    url: str

    @staticmethod
    def resolve_organisation(obj: Any) -> str:
        return obj.organisation.slug

    @staticmethod
    def resolve_url(obj: Any) -> str:
        return obj.get_absolute_url()


@fields_of("need")
class NeedOut(RecordOut):
    competences: list[str]
    budget_band: str
    timeframe: str
    status: str
    asset_id: int | None


@fields_of("offer")
class OfferOut(RecordOut):
    competences: list[str]
    portfolio_links: list[str]
    price_band: str


@fields_of("asset")
class AssetOut(RecordOut):
    kind: str
    period: str
    place: str
    rights_uri: str
    reuse_conditions: str


@fields_of("product")
class ProductOut(RecordOut):
    category: str
    audience: str
    price_band: str
    references: list[str]


class RecordIn(Schema):
    organisation: str | None = Field(None, description="Slug of the owning organisation; required when creating.")
    language: str | None = None
    title: str | None = None
    description: str | None = None
    publication: str | None = None


class NeedIn(RecordIn):
    competences: list[str] | None = None
    budget_band: str | None = None
    timeframe: str | None = None
    status: str | None = None


class OfferIn(RecordIn):
    competences: list[str] | None = None
    portfolio_links: list[str] | None = None
    price_band: str | None = None


class AssetIn(RecordIn):
    kind: str | None = None
    period: str | None = None
    place: str | None = None
    rights_uri: str | None = None
    reuse_conditions: str | None = None


class ProductIn(RecordIn):
    category: str | None = None
    audience: str | None = None
    price_band: str | None = None
    references: list[str] | None = None


class PartnerOut(Schema):
    slug: str
    name: str
    lead: bool


class OutcomeOut(Schema):
    kind: str
    description: str
    value: float | None
    achieved_on: str


class PartnershipOut(Schema):
    id: int
    title: str
    summary: str
    language: str
    stage: str
    origin: str
    programme: str | None = Field(description="Code of the programme it belongs to (see /programmes), if any.")
    started: datetime
    partners: list[PartnerOut]
    outcomes: list[OutcomeOut]

    @staticmethod
    def resolve_programme(obj: Any) -> str | None:
        return obj.programme.code if obj.programme_id else None

    @staticmethod
    def resolve_started(obj: Any) -> datetime:
        return obj.created_at

    @staticmethod
    def resolve_partners(obj: Any) -> list[dict[str, Any]]:
        return [{"slug": m.organisation.slug, "name": m.organisation.name, "lead": m.is_lead} for m in obj.members.all()]

    @staticmethod
    def resolve_outcomes(obj: Any) -> list[dict[str, Any]]:
        return [
            {"kind": o.kind, "description": o.description, "value": float(o.value) if o.value is not None else None,
             "achieved_on": o.achieved_on.isoformat()}
            for o in obj.outcomes.all()
        ]


class EventOut(Schema):
    slug: str
    title: str
    kind: str
    format: str
    language: str
    description: str
    venue: str
    address: str
    registration_open: bool
    schedule_status: str
    programme: str | None = Field(description="Code of the programme it belongs to (see /programmes), if any.")
    url: str

    @staticmethod
    def resolve_programme(obj: Any) -> str | None:
        return obj.programme.code if obj.programme_id else None

    @staticmethod
    def resolve_url(obj: Any) -> str:
        return obj.get_absolute_url()


@fields_of("programme")
class ProgrammeOut(Schema):
    id: int
    code: str
    name: str
    language: str
    funder: str
    starts_on: date | None
    ends_on: date | None
    description: str
    url: str

    @staticmethod
    def resolve_url(obj: Any) -> str:
        return obj.get_absolute_url()


class RecommendationOut(Schema):
    organisation: str = Field(description="Slug of the suggested organisation.")
    name: str
    kind: str
    rank: int
    score: float
    reasons: list[str] = Field(description="Why it is suggested, in the request's language (Accept-Language).")


class VerdictIn(Schema):
    organisation: str = Field(description="Slug of your organisation the recommendation was for.")
    suggested: str = Field(description="Slug of the recommended organisation.")
    useful: bool = Field(description="Whether the recommendation was useful.")
    rank: int = Field(ge=1, le=100, description="Its position in the list of recommendations (1 is the first).")
    score: float = Field(allow_inf_nan=False, description="Its score, as the recommendations gave it.")


class VerdictOut(Schema):
    organisation: str = Field(description="Slug of your organisation the recommendation was for.")
    suggested: str = Field(description="Slug of the recommended organisation.")
    useful: bool
    rank: int
    score: float
    created_at: datetime


class AreaOut(Schema):
    title: str
    question: str


class KeyPhraseOut(Schema):
    text: str
    language: str


class ThemeOut(Schema):
    area: str = Field(description="Title of the thematic area.")
    key_phrases: list[KeyPhraseOut] = Field(description="The theme's label, best phrase first, each in its own language.")
    contributions: int = Field(description="How many contributions the theme groups.")
    votes: int = Field(description="Dot-votes the theme's contributions received.")


class ConclusionsOut(Schema):
    id: int
    workshop: str = Field(description="Slug of the workshop (its event).")
    workshop_title: str
    region: str = Field(description="NUTS code of the workshop's region, or ''.")
    held_at: datetime | None = Field(description="First round of the workshop, else the publication time.")
    title: str
    language: str
    body: str = Field(description="The published text, in Markdown.")
    published_at: datetime | None
    areas: list[AreaOut]
    themes: list[ThemeOut] = Field(description="The newest synthesis the conclusions were written from; labels only.")
    url: str

    @staticmethod
    def resolve_workshop(obj: Any) -> str:
        return obj.workshop.event.slug

    @staticmethod
    def resolve_workshop_title(obj: Any) -> str:
        return obj.workshop.event.title

    @staticmethod
    def resolve_region(obj: Any) -> str:
        return obj.workshop.region

    @staticmethod
    def resolve_areas(obj: Any) -> list[dict[str, str]]:
        return [{"title": area.title, "question": area.question} for area in obj.workshop.areas.all()]

    @staticmethod
    def resolve_themes(obj: Any) -> list[dict[str, Any]]:
        return published_themes(obj)

    @staticmethod
    def resolve_url(obj: Any) -> str:
        return reverse("cocreation:conclusions", kwargs={"slug": obj.workshop.event.slug})
