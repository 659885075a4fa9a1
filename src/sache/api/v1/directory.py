"""Directory endpoints: the same visibility and editing rules as the web pages."""
# No "from __future__ import annotations": django-ninja reads the annotations at import time.


from typing import Any

from django.core.exceptions import PermissionDenied
from django.db.models import Model, QuerySet
from django.http import Http404, HttpRequest, QueryDict
from ninja import Query, Router, Schema, Status
from ninja.pagination import paginate

from sache.api.v1.auth import WRITE_AUTH, caller
from sache.api.v1.errors import READ_ERRORS, WRITE_ERRORS, ApiValidationError
from sache.api.v1.pagination import BoundedLimitOffset
from sache.api.v1.schemas import (
    AssetIn,
    AssetOut,
    NeedIn,
    NeedOut,
    OfferIn,
    OfferOut,
    OrganisationOut,
    OrganisationPatch,
    PersonOut,
    ProductIn,
    ProductOut,
    RecordIn,
)
from sache.directory import rules, selectors, services
from sache.directory.forms import RECORD_FORMS, OrganisationForm
from sache.directory.models import Organisation

router = Router(tags=["directory"])


class OrganisationFilters(Schema):
    q: str = ""
    kind: list[str] = []
    sector: list[str] = []
    region: list[str] = []
    language: list[str] = []


class RecordFilters(Schema):
    q: str = ""
    organisation: str = ""
    language: list[str] = []
    region: list[str] = []


def _facet_params(filters: Schema) -> dict[str, list[str]]:
    return {name: value for name, value in filters.dict().items() if isinstance(value, list)}


def _form_errors(form: Any) -> list[tuple[str, str]]:
    return [(field if field != "__all__" else "", str(message)) for field, messages in form.errors.items() for message in messages]


@router.get("/organisations", response={200: list[OrganisationOut], **READ_ERRORS}, summary="List organisations")
@paginate(BoundedLimitOffset)
def list_organisations(request: HttpRequest, filters: Query[OrganisationFilters]) -> QuerySet[Organisation]:
    """Published organisations (plus the caller's own drafts), filtered like the directory page."""
    user = caller(request)
    selected = selectors.selected_facets("organisation", _facet_params(filters))
    return selectors.filtered("organisation", user, query=filters.q, selected=selected).order_by("name", "id").prefetch_related("descriptions")


@router.get("/organisations/{slug}", response={200: OrganisationOut, **READ_ERRORS}, summary="One organisation")
def get_organisation(request: HttpRequest, slug: str) -> Organisation:
    return selectors.get_organisation_for(caller(request), slug)


@router.patch("/organisations/{slug}", response={200: OrganisationOut, **WRITE_ERRORS}, auth=WRITE_AUTH, summary="Change an organisation's profile")
def patch_organisation(request: HttpRequest, slug: str, payload: OrganisationPatch) -> Organisation:
    organisation = selectors.get_organisation_for(request.user, slug)
    if not rules.can_edit_organisation(request.user, organisation):
        raise PermissionDenied
    changes = payload.dict(exclude_unset=True)
    form = OrganisationForm(data=_form_data(OrganisationForm, organisation, changes), instance=organisation)
    if not form.is_valid():
        raise ApiValidationError(_form_errors(form))
    return services.update_organisation(
        organisation, actor=request.user, fields={name: form.cleaned_data[name] for name in changes}
    )


def _form_data(form_class: type, instance: Model, changes: dict[str, Any]) -> QueryDict:
    """The instance's current values overlaid with ``changes``, as a form would post them."""
    data = QueryDict(mutable=True)
    for name in form_class.base_fields:
        value = changes[name] if name in changes else getattr(instance, name, None)
        if isinstance(value, Model):
            value = value.pk
        if isinstance(value, list | tuple):
            field = form_class.base_fields[name]
            if hasattr(field, "choices") and field.__class__.__name__.endswith("MultipleChoiceField"):
                data.setlist(name, [str(item) for item in value])
            else:
                separator = "\n" if "Url" in field.__class__.__name__ else ", "
                data[name] = separator.join(str(item) for item in value)
        elif value is None:
            data[name] = ""
        elif isinstance(value, bool):
            if value:
                data[name] = "on"
        else:
            data[name] = str(value)
    return data


@router.get("/organisations/{slug}/people", response={200: list[PersonOut], **READ_ERRORS}, summary="People of an organisation")
@paginate(BoundedLimitOffset)
def list_people(request: HttpRequest, slug: str) -> QuerySet:
    """Names, roles and skills; email and phone only of people who consented to show them."""
    organisation = selectors.get_organisation_for(caller(request), slug)
    return selectors.people_of(organisation).select_related("organisation")


def _record_endpoints(kind: str, path: str, schema_out: type, schema_in: type[RecordIn], label: str) -> None:
    form_class = RECORD_FORMS[kind]
    model = form_class._meta.model

    @router.get(f"/{path}", response={200: list[schema_out], **READ_ERRORS}, summary=f"List {label}s", operation_id=f"list_{kind}s")
    @paginate(BoundedLimitOffset)
    def list_records(request: HttpRequest, filters: Query[RecordFilters]) -> QuerySet:
        user = caller(request)
        selected = selectors.selected_facets(kind, _facet_params(filters))
        queryset = selectors.filtered(kind, user, query=filters.q, selected=selected).select_related("organisation")
        if filters.organisation:
            queryset = queryset.filter(organisation__slug=filters.organisation)
        return queryset.order_by("-created_at", "-id")

    @router.get(f"/{path}/{{record_id}}", response={200: schema_out, **READ_ERRORS}, summary=f"One {label}", operation_id=f"get_{kind}")
    def get_record(request: HttpRequest, record_id: int) -> Model:
        return selectors.get_record_for(kind, caller(request), record_id)

    @router.post(f"/{path}", response={201: schema_out, **WRITE_ERRORS}, auth=WRITE_AUTH, summary=f"Create a {label}", operation_id=f"create_{kind}")
    def create_record(request: HttpRequest, payload: schema_in) -> Status:
        changes = payload.dict(exclude_unset=True)
        slug = changes.pop("organisation", None)
        if not slug:
            raise ApiValidationError([("organisation", "Name the organisation (its slug) the record belongs to.")])
        organisation = selectors.organisations_visible_to(request.user).filter(slug=slug).first()
        if organisation is None:
            raise ApiValidationError([("organisation", f"No organisation {slug!r} that you can see.")])
        if not rules.can_edit_organisation(request.user, organisation):
            raise PermissionDenied
        record = model(organisation=organisation)
        form = form_class(data=_form_data(form_class, record, changes), instance=record)
        if not form.is_valid():
            raise ApiValidationError(_form_errors(form))
        return Status(201, services.save_record(record, actor=request.user, fields=form.record_fields()))

    @router.patch(f"/{path}/{{record_id}}", response={200: schema_out, **WRITE_ERRORS}, auth=WRITE_AUTH, summary=f"Change a {label}", operation_id=f"update_{kind}")
    def update_record(request: HttpRequest, record_id: int, payload: schema_in) -> Model:
        record = selectors.get_record_for(kind, request.user, record_id)
        if not rules.can_edit_organisation(request.user, record.organisation):
            raise PermissionDenied
        changes = payload.dict(exclude_unset=True)
        changes.pop("organisation", None)
        form = form_class(data=_form_data(form_class, record, changes), instance=record)
        if not form.is_valid():
            raise ApiValidationError(_form_errors(form))
        return services.save_record(record, actor=request.user, fields=form.record_fields())

    @router.delete(f"/{path}/{{record_id}}", response={204: None, **WRITE_ERRORS}, auth=WRITE_AUTH, summary=f"Delete a {label}", operation_id=f"delete_{kind}")
    def delete_record(request: HttpRequest, record_id: int) -> Status:
        record = selectors.get_record_for(kind, request.user, record_id)
        if not rules.can_edit_organisation(request.user, record.organisation):
            raise PermissionDenied
        services.delete_record(record, actor=request.user)
        return Status(204, None)


_record_endpoints("need", "needs", NeedOut, NeedIn, "need")
_record_endpoints("offer", "offers", OfferOut, OfferIn, "offer")
_record_endpoints("asset", "assets", AssetOut, AssetIn, "heritage asset")
_record_endpoints("product", "products", ProductOut, ProductIn, "digital product")

__all__ = ["Http404", "router"]
