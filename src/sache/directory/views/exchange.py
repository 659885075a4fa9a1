"""Operators' bulk import (upload, preview, commit) and export of any filtered list."""

from __future__ import annotations

from django import forms
from django.contrib import messages
from django.http import HttpRequest, HttpResponse, StreamingHttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_GET

from sache.core.permissions import operator_required
from sache.core.services import log_action
from sache.directory import exchange
from sache.directory.models import ImportBatch, Person
from sache.directory.views.browse import browse_context

MAX_UPLOAD_BYTES = 10 * 1024 * 1024
LIST_URLS = {
    "organisations": "directory:organisation-list",
    "people": "directory:organisation-list",
    "needs": "directory:need-list",
    "offers": "directory:offer-list",
}


def _export_response(request: HttpRequest, kind: str, records, name: str) -> HttpResponse:
    """``records`` as CSV (streamed) or XLSX (``?format=xlsx``), with the columns of ``exchange.EXPORT_COLUMNS``."""
    log_action(None, "directory.export", actor=request.user, data={"kind": kind, "query": request.GET.urlencode()})
    name = f"{name}-{timezone.localtime().strftime('%Y%m%d-%H%M')}"
    if request.GET.get("format") == "xlsx":
        response = HttpResponse(
            exchange.write_xlsx(exchange.export_rows(kind, records)),
            content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        )
        response["Content-Disposition"] = f'attachment; filename="{name}.xlsx"'
        return response
    response = StreamingHttpResponse(
        exchange.write_csv(exchange.export_rows(kind, records)), content_type="text/csv; charset=utf-8"
    )
    response["Content-Disposition"] = f'attachment; filename="{name}.csv"'
    return response


def export_list(kind: str):
    @operator_required
    @require_GET
    def view(request: HttpRequest) -> HttpResponse:
        results = browse_context(request, kind)["browse"].results
        return _export_response(request, kind, results, f"sache-{kind}s")

    return view


@operator_required
@require_GET
def export_people(request: HttpRequest) -> HttpResponse:
    """Everybody in the directory (``?organisation=<slug>``: one organisation's people), ready to re-import."""
    people = Person.objects.order_by("organisation__name", "organisation_id", "last_name", "first_name", "id")
    if request.GET.get("organisation"):
        people = people.filter(organisation__slug=request.GET["organisation"])
    return _export_response(request, "person", people, "sache-people")


class ImportUploadForm(forms.Form):
    kind = forms.ChoiceField(label=gettext_lazy("Records in the file"), choices=ImportBatch.Kind.choices)
    file = forms.FileField(
        label=gettext_lazy("File"),
        help_text=gettext_lazy("CSV (UTF-8, comma or semicolon separated) or XLSX; the first row names the columns."),
    )

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if not upload.name.lower().endswith((".csv", ".xlsx")):
            raise forms.ValidationError(_("Upload a .csv or .xlsx file."))
        if upload.size > MAX_UPLOAD_BYTES:
            raise forms.ValidationError(_("The file is larger than 10 MB."))
        return upload


@operator_required
def import_start(request: HttpRequest) -> HttpResponse:
    form = ImportUploadForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        batch = ImportBatch.objects.create(
            kind=form.cleaned_data["kind"], filename=upload.name[:200], content=upload.read(), created_by=request.user
        )
        return redirect("directory:import-preview", pk=batch.pk)
    return render(
        request,
        "directory/import_start.html",
        {"form": form, "tables": exchange.TABLES},
        status=400 if form.errors else 200,
    )


@operator_required
def import_preview(request: HttpRequest, pk: int) -> HttpResponse:
    batch = get_object_or_404(ImportBatch, pk=pk, committed_at__isnull=True)
    table = exchange.TABLES[batch.kind]
    try:
        header, rows = exchange.read_table(bytes(batch.content), batch.filename)
    except exchange.ImportFileError as error:
        return render(request, "directory/import_preview.html", {"batch": batch, "file_error": str(error), "table": table})
    if request.method == "POST":
        report = exchange.run_import(batch.kind, header, rows, actor=request.user)
        if report.ok:
            batch.committed_at = timezone.now()
            batch.summary = report.as_dict()
            batch.content = b""
            batch.save(update_fields=["committed_at", "summary", "content"])
            log_action(batch, "directory.import.committed", actor=request.user, data=report.as_dict())
            messages.success(
                request,
                _("Imported: %(created)d new, %(updated)d updated, %(unchanged)d unchanged.")
                % {"created": report.created, "updated": report.updated, "unchanged": report.unchanged},
            )
            return redirect(LIST_URLS[batch.kind])
    else:
        report, _plans = exchange.check_import(batch.kind, header, rows)
    return render(
        request,
        "directory/import_preview.html",
        {"batch": batch, "report": report, "table": table, "errors": report.errors[:500]},
        status=400 if request.method == "POST" else 200,
    )
