"""The NinjaAPI instance: routers, error format, throttling and documentation."""

from __future__ import annotations

from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from ninja import NinjaAPI, Swagger
from ninja.errors import AuthenticationError, HttpError, Throttled, ValidationError
from ninja.throttling import AnonRateThrottle, AuthRateThrottle

from sache.api.v1 import cocreation, directory, events, matching, partnerships, programmes
from sache.api.v1.errors import ApiValidationError

api = NinjaAPI(
    title="sache API",
    version="1",
    description=(
        "Read and write the hub's directory (organisations, people, needs, offers, heritage assets, digital "
        "products); read published partnerships, events, the hub's programmes and the published conclusions of co-creation workshops. "
        "Reads are public for published records; writes need a personal token (`Authorization: Bearer …`, "
        "created on the account page) and follow the same rules as the web pages: a member changes only their "
        "own organisation's records."
    ),
    urls_namespace="api-v1",
    # Swagger UI files come from the app's static files; no validator badge, which would call an outside host.
    docs=Swagger(settings={"persistAuthorization": True, "validatorUrl": None}),
    docs_url="/docs",
    openapi_url="/openapi.json",
    throttle=[
        AnonRateThrottle(getattr(settings, "SACHE_API_ANON_RATE", "120/m")),
        AuthRateThrottle(getattr(settings, "SACHE_API_AUTH_RATE", "1200/m")),
    ],
)


def _error(request: HttpRequest, status: int, code: str, message: str, details: list[dict[str, str]] | None = None) -> HttpResponse:
    return api.create_response(request, {"error": {"code": code, "message": message, "details": details or []}}, status=status)


@api.exception_handler(ValidationError)
def on_schema_error(request: HttpRequest, exc: ValidationError) -> HttpResponse:
    details = [
        {"field": ".".join(str(part) for part in error.get("loc", ())[1:]), "message": str(error.get("msg", ""))}
        for error in exc.errors
    ]
    return _error(request, 422, "validation_failed", "The request does not match the schema.", details)


@api.exception_handler(ApiValidationError)
def on_form_error(request: HttpRequest, exc: ApiValidationError) -> HttpResponse:
    details = [{"field": field, "message": message} for field, message in exc.details]
    return _error(request, 422, "validation_failed", "Some values are not valid.", details)


@api.exception_handler(AuthenticationError)
def on_unauthenticated(request: HttpRequest, exc: AuthenticationError) -> HttpResponse:
    return _error(request, 401, "not_authenticated", "A valid token (Authorization: Bearer …) is required.")


@api.exception_handler(Throttled)
def on_throttled(request: HttpRequest, exc: Throttled) -> HttpResponse:
    response = _error(request, 429, "rate_limited", "Too many requests; slow down.")
    if getattr(exc, "wait", None):
        response["Retry-After"] = str(int(exc.wait))
    return response


@api.exception_handler(HttpError)
def on_http_error(request: HttpRequest, exc: HttpError) -> HttpResponse:
    return _error(request, exc.status_code, "http_error", str(exc))


@api.exception_handler(Http404)
def on_not_found(request: HttpRequest, exc: Http404) -> HttpResponse:
    return _error(request, 404, "not_found", "No such record, or you may not see it.")


@api.exception_handler(PermissionDenied)
def on_forbidden(request: HttpRequest, exc: PermissionDenied) -> HttpResponse:
    return _error(request, 403, "forbidden", "You may not change this record.")


api.add_router("/", directory.router)
api.add_router("/partnerships", partnerships.router)
api.add_router("/events", events.router)
api.add_router("/recommendations", matching.router)
api.add_router("/conclusions", cocreation.router)
api.add_router("/programmes", programmes.router)

__all__ = ["api"]
