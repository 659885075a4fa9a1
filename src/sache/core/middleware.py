"""Request logging and the security headers every response carries."""

from __future__ import annotations

import logging
import time
from collections.abc import Callable

from django.http import HttpRequest, HttpResponse, HttpResponseBadRequest, JsonResponse, QueryDict

logger = logging.getLogger("sache.request")

# Everything the pages need is served by the app itself: no inline scripts,
# no third-party origins. Inline style attributes are refused too.
CONTENT_SECURITY_POLICY = "; ".join(
    [
        "default-src 'self'",
        "script-src 'self'",
        "style-src 'self'",
        "img-src 'self' data:",
        "font-src 'self'",
        "connect-src 'self'",
        "object-src 'none'",
        "base-uri 'self'",
        "form-action 'self'",
        "frame-ancestors 'none'",
    ]
)


class SecurityHeadersMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        response.headers.setdefault("Content-Security-Policy", CONTENT_SECURITY_POLICY)
        response.headers.setdefault("Permissions-Policy", "camera=(), microphone=(), geolocation=()")
        return response


class RequestLogMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        started = time.perf_counter()
        response = self.get_response(request)
        if request.path != "/healthz":
            logger.info(
                "request",
                extra={
                    "method": request.method,
                    "path": request.path,
                    "status": response.status_code,
                    "duration_ms": round((time.perf_counter() - started) * 1000, 1),
                },
            )
        return response


class RejectNulBytesMiddleware:
    """Keep NUL characters away from the database: PostgreSQL cannot store them, and no real text has them.

    Pages refuse such input with 400. The API answers as it would for any
    value that matches nothing: NUL characters are dropped from query
    parameters (a filter on them finds nothing stored), a path containing one
    names no record (404), and request bodies reach the forms, which refuse
    NUL characters with a field-level validation error.
    """

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if request.path.startswith("/api/"):
            if "\x00" in request.path:
                body = {"error": {"code": "not_found", "message": "No such record, or you may not see it.", "details": []}}
                return JsonResponse(body, status=404)
            if _has_nul(request.GET):
                cleaned = QueryDict(mutable=True)
                for key, values in request.GET.lists():
                    cleaned.setlist(key.replace("\x00", ""), [value.replace("\x00", "") for value in values])
                cleaned._mutable = False
                request.GET = cleaned
            return self.get_response(request)
        if "\x00" in request.path or _has_nul(request.GET) or (
            request.method == "POST" and request.content_type != "multipart/form-data" and _has_nul(request.POST)
        ):
            return HttpResponseBadRequest("Input must not contain NUL characters.")
        return self.get_response(request)


def _has_nul(params) -> bool:
    return any("\x00" in key or any("\x00" in value for value in values) for key, values in params.lists())
