"""Programme pages: public list and detail, operator create, edit and delete."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from sache.core.permissions import operator_required
from sache.programmes import selectors, services
from sache.programmes.forms import ProgrammeForm


@require_GET
def programme_list(request: HttpRequest) -> HttpResponse:
    return render(request, "programmes/programme_list.html", {"programmes": selectors.programmes_with_counts()})


@require_GET
def programme_detail(request: HttpRequest, code: str) -> HttpResponse:
    from sache.calls.selectors import calls_visible_to
    from sache.cocreation.selectors import workshops_visible_to
    from sache.events.selectors import events_visible_to
    from sache.partnerships.selectors import published_partnerships

    programme = selectors.get_programme(code)
    # Each list shows only what the visitor may see anyway (drafts stay with the operators).
    return render(request, "programmes/programme_detail.html", {
        "programme": programme,
        "events": events_visible_to(request.user).filter(programme=programme).exclude(kind="workshop").order_by("title"),
        "workshops": workshops_visible_to(request.user).filter(event__programme=programme),
        "calls": calls_visible_to(request.user).filter(programme=programme).order_by("-closes_at"),
        "partnerships": published_partnerships().filter(programme=programme),
    })


@operator_required
@require_http_methods(["GET", "POST"])
def programme_edit(request: HttpRequest, code: str | None = None) -> HttpResponse:
    programme = selectors.get_programme(code) if code else None
    form = ProgrammeForm(request.POST or None, instance=programme)
    if request.method == "POST" and form.is_valid():
        programme = services.save_programme(form.save(commit=False), actor=request.user, changed=form.changed_data)
        messages.success(request, _("Programme saved."))
        return redirect("programmes:programme-detail", code=programme.code)
    return render(request, "programmes/programme_form.html", {"form": form, "programme": programme}, status=400 if form.errors else 200)


@operator_required
@require_GET
def programme_export(request: HttpRequest) -> HttpResponse:
    """Every programme as CSV (or XLSX with ``?format=xlsx``), with the API's fields as columns."""
    from sache.directory import exchange

    columns = exchange.EXPORT_COLUMNS["programme"]
    rows = [columns, *(
        [_cell(programme, column) for column in columns] for programme in selectors.programmes()
    )]
    if request.GET.get("format") == "xlsx":
        response = HttpResponse(exchange.write_xlsx(rows), content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
        response["Content-Disposition"] = 'attachment; filename="sache-programmes.xlsx"'
        return response
    response = HttpResponse("".join(exchange.write_csv(rows)), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="sache-programmes.csv"'
    return response


def _cell(programme: Any, column: str) -> Any:
    if column == "url":
        return programme.get_absolute_url()
    value = getattr(programme, column)
    return value.isoformat() if hasattr(value, "isoformat") else value


@operator_required
@require_POST
def programme_delete(request: HttpRequest, code: str) -> HttpResponse:
    programme = selectors.get_programme(code)
    services.delete_programme(programme, actor=request.user)
    messages.success(request, _("Programme deleted; its events, calls and partnerships no longer belong to a programme."))
    return redirect("programmes:programme-list")
