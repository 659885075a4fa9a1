from __future__ import annotations

from collections.abc import Callable
from contextlib import nullcontext
from typing import Any

from django.contrib.auth.views import redirect_to_login
from django.core.cache import cache
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import get_language
from django.views.decorators.http import require_GET

from sache.insights import aggregates, charts, exports, network, report, selectors
from sache.insights.filters import InsightFilter, InsightFilterForm
from sache.insights.refresh import current_state
from sache.insights.rules import can_view_insights


def _guard(request: HttpRequest) -> HttpResponse | None:
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    if not can_view_insights(request.user):
        raise PermissionDenied
    return None


def figures_source(flt: InsightFilter):  # type: ignore[no-untyped-def]
    """Where the figures come from: the aggregate tables once they have been built, else live counts.

    Returns the module (both offer the same functions) and the refresh state (None when
    the figures are live, e.g. on a new hub before its first refresh).
    """
    state = current_state()
    if state is not None and state.refreshed_at is not None and aggregates.usable(flt):
        return aggregates, state
    if state is None or state.refreshed_at is None:
        from sache.insights.receivers import request_refresh

        request_refresh()
    return selectors, None


# Figures only change when the aggregate tables are rebuilt, so what a page computes from
# them is kept in the cache under the refresh's time: the next refresh makes new keys.
CACHE_SECONDS = 6 * 3600


def _per_refresh(kind: str, flt: InsightFilter, state: Any, build: Callable[[], Any], extra: str = "") -> Any:
    if state is None or state.refreshed_at is None:
        return build()
    key = f"insights:{kind}:{state.refreshed_at.timestamp()}:{get_language()}:{flt.query_string()}:{extra}"
    value = cache.get(key)
    if value is None:
        value = build()
        cache.set(key, value, CACHE_SECONDS)
    return value


@require_GET
def dashboard(request: HttpRequest) -> HttpResponse:
    if (denied := _guard(request)) is not None:
        return denied
    form = InsightFilterForm(request.GET or None)
    flt = form.to_filter()
    source, state = figures_source(flt)

    def build() -> tuple[list, list]:
        with aggregates.prefetched(flt) if source is aggregates else nullcontext():
            return source.dashboard_tables(flt), source.headline(flt)

    tables, headline = _per_refresh("dashboard", flt, state, build)
    return render(request, "insights/dashboard.html", {
        "form": form,
        "filter": flt,
        "state": state,
        "headline": headline,
        "panels": [{"table": table, "chart": charts.chart_for(table)} for table in tables],
    })


@require_GET
def export_table(request: HttpRequest, key: str, file_format: str) -> HttpResponse:
    if (denied := _guard(request)) is not None:
        return denied
    flt = InsightFilterForm(request.GET or None).to_filter()
    table = figures_source(flt)[0].table_by_key(flt, key)
    if table is None or file_format not in {"csv", "xlsx"}:
        raise Http404
    if file_format == "csv":
        response = HttpResponse(exports.table_to_csv(table, flt), content_type="text/csv; charset=utf-8")
    else:
        response = HttpResponse(
            exports.table_to_xlsx(table, flt),
            content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        )
    response["Content-Disposition"] = f'attachment; filename="{key}.{file_format}"'
    return response


@require_GET
def network_view(request: HttpRequest) -> HttpResponse:
    if (denied := _guard(request)) is not None:
        return denied
    form = InsightFilterForm(request.GET or None)
    flt = form.to_filter()
    source, state = figures_source(flt)
    query = request.GET.get("q", "").strip()[:100]
    try:
        focus = int(request.GET.get("focus", ""))
    except ValueError:
        focus = None
    matches: list[tuple[int, str, int]] = []
    if state is None:
        graph = network.collaboration_network(flt)
    else:
        matches = network.find_in_network(query) if query else []
        if focus is None and len(matches) == 1:
            focus = matches[0][0]
        graph = _per_refresh("network", flt, state, lambda: network.network_subgraph(flt, focus=focus), extra=str(focus))
    focus_node = next((node for node in graph.nodes if node.id == focus), None)
    # One reverse() for the whole table rather than one per organisation.
    detail = reverse("directory:organisation-detail", args=["-slug-"])
    links = [(node, detail.replace("-slug-", node.slug)) for node in graph.nodes]
    return render(request, "insights/network.html", {
        "form": form, "filter": flt, "state": state, "graph": graph, "svg": network.network_svg(graph, focus=focus), "links": links,
        "query": query, "matches": matches, "focus": focus_node,
    })


@require_GET
def region_map(request: HttpRequest) -> HttpResponse:
    if (denied := _guard(request)) is not None:
        return denied
    form = InsightFilterForm(request.GET or None)
    flt = form.to_filter()
    source, state = figures_source(flt)
    points = _per_refresh("map", flt, state, lambda: network.places_from_aggregates(flt)) if state is not None else network.organisations_by_place(flt)
    return render(request, "insights/map.html", {"form": form, "filter": flt, "state": state, "points": points, "svg": network.map_svg(points)})


@require_GET
def programme_report(request: HttpRequest) -> HttpResponse:
    if (denied := _guard(request)) is not None:
        return denied
    flt = InsightFilterForm(request.GET or None).to_filter()
    source, state = figures_source(flt)
    response = HttpResponse(report.programme_report_pdf(flt, source=source, state=state), content_type="application/pdf")
    response["Content-Disposition"] = 'attachment; filename="sache-programme-report.pdf"'
    return response
