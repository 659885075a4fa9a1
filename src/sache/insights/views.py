from __future__ import annotations

from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_GET

from sache.insights import charts, exports, network, report, selectors
from sache.insights.filters import InsightFilterForm
from sache.insights.rules import can_view_insights


def _guard(request: HttpRequest) -> HttpResponse | None:
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    if not can_view_insights(request.user):
        raise PermissionDenied
    return None


@require_GET
def dashboard(request: HttpRequest) -> HttpResponse:
    if (denied := _guard(request)) is not None:
        return denied
    form = InsightFilterForm(request.GET or None)
    flt = form.to_filter()
    tables = selectors.dashboard_tables(flt)
    return render(request, "insights/dashboard.html", {
        "form": form,
        "filter": flt,
        "headline": selectors.headline(flt),
        "panels": [{"table": table, "chart": charts.chart_for(table)} for table in tables],
    })


@require_GET
def export_table(request: HttpRequest, key: str, file_format: str) -> HttpResponse:
    if (denied := _guard(request)) is not None:
        return denied
    flt = InsightFilterForm(request.GET or None).to_filter()
    table = selectors.table_by_key(flt, key)
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
    flt = InsightFilterForm(request.GET or None).to_filter()
    graph = network.collaboration_network(flt)
    return render(request, "insights/network.html", {"graph": graph, "svg": network.network_svg(graph), "focus": request.GET.get("focus", "")})


@require_GET
def region_map(request: HttpRequest) -> HttpResponse:
    if (denied := _guard(request)) is not None:
        return denied
    form = InsightFilterForm(request.GET or None)
    flt = form.to_filter()
    points = network.organisations_by_place(flt)
    return render(request, "insights/map.html", {"form": form, "points": points, "svg": network.map_svg(points)})


@require_GET
def programme_report(request: HttpRequest) -> HttpResponse:
    if (denied := _guard(request)) is not None:
        return denied
    flt = InsightFilterForm(request.GET or None).to_filter()
    response = HttpResponse(report.programme_report_pdf(flt), content_type="application/pdf")
    response["Content-Disposition"] = 'attachment; filename="sache-programme-report.pdf"'
    return response
