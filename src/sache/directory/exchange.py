"""Bulk import and export of directory records as CSV or XLSX.

Import: :func:`read_table` turns a file into rows; :func:`check_import` validates
every row with the same forms as the web pages and reports each problem as (row,
column, reason) — row numbers as a spreadsheet shows them, the header being row 1 —
without writing anything; :func:`run_import` validates again and, only when no row
has a problem, writes all rows in one transaction. Rows are matched to existing
records by ``external_id``: a known id updates the record, an unchanged row is left
alone, so importing the same file twice changes nothing.

Export writes the import's columns under the same names plus every field the REST API shows (ids,
addresses, timestamps), which an import reads past, so an exported file can be edited and imported back.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from django.conf import settings
from django.core.serializers.json import DjangoJSONEncoder
from django.db import transaction
from django.utils.datastructures import MultiValueDict
from django.utils.translation import gettext as _

from sache.directory import services
from sache.directory.enums import Publication
from sache.directory.forms import (
    NeedForm,
    OfferForm,
    OrganisationForm,
    PersonForm,
    split_list,
)
from sache.directory.models import Need, Offer, Organisation, Person

CONTENT_LANGUAGE_CODES = [code for code, _name in settings.CONTENT_LANGUAGES]
DESCRIPTION_COLUMNS = [f"description_{code}" for code in CONTENT_LANGUAGE_CODES]
LIST_SEPARATOR = "; "
MAX_ROWS = 20000
_JSON = DjangoJSONEncoder()


class NeedImportForm(NeedForm):
    class Meta(NeedForm.Meta):
        fields = [name for name in NeedForm.Meta.fields if name != "asset"]


# --- One field list per resource --------------------------------------------------------
# The REST API's output schemas (sache.api.v1.schemas checks its classes against these lists when it is
# imported) and the export headers are both declared here, so a file and the API call the same thing by the
# same name and cannot drift apart. The API's list of descriptions becomes one column per language in a
# file; files also carry the external ids (and a few values only operators keep), which the API does not.

RECORD_FIELDS = ("id", "organisation", "language", "title", "description", "publication", "created_at", "updated_at", "url")
API_FIELDS: dict[str, tuple[str, ...]] = {
    "organisation": (
        "id", "slug", "name", "kind", "heritage_domains", "creative_domains", "region", "city", "latitude",
        "longitude", "size_band", "languages", "website", "competences", "tags", "founded", "publication",
        "completeness", "descriptions", "url",
    ),
    "person": ("id", "organisation", "first_name", "last_name", "role", "skills", "languages", "email", "phone"),
    "need": (*RECORD_FIELDS, "competences", "budget_band", "timeframe", "status", "asset_id"),
    "offer": (*RECORD_FIELDS, "competences", "portfolio_links", "price_band"),
    "asset": (*RECORD_FIELDS, "kind", "period", "place", "rights_uri", "reuse_conditions"),
    "product": (*RECORD_FIELDS, "category", "audience", "price_band", "references"),
    # Programmes are not directory records, but the API and the operators' export share this list too.
    "programme": ("id", "code", "name", "language", "funder", "starts_on", "ends_on", "description", "url"),
}
# Columns only files have: the keys other systems match on first, then values the public API leaves out.
OWNED_KEYS = ("external_id", "organisation_external_id")
FILE_KEYS = {"organisation": ("external_id",), "programme": ()} | dict.fromkeys(("person", "need", "offer", "asset", "product"), OWNED_KEYS)
FILE_EXTRAS = {"organisation": ("main_language",), "person": ("consent_contact",)}


def export_columns(kind: str) -> list[str]:
    """The header of an export of ``kind``: keys, the API's fields (descriptions per language), extras."""
    api_columns = [
        column
        for name in API_FIELDS[kind]
        for column in (DESCRIPTION_COLUMNS if name == "descriptions" else [name])
    ]
    return [*FILE_KEYS[kind], *api_columns, *FILE_EXTRAS.get(kind, ())]


EXPORT_COLUMNS = {kind: export_columns(kind) for kind in API_FIELDS}
# What the hub itself assigns: an export writes these, an import reads past them.
READ_ONLY_COLUMNS = frozenset({"id", "slug", "organisation", "completeness", "created_at", "updated_at", "url", "asset_id"})


def import_columns(kind: str) -> list[str]:
    """The columns an import of ``kind`` reads: the export's, less what the hub assigns."""
    return [column for column in EXPORT_COLUMNS[kind] if column not in READ_ONLY_COLUMNS]


@dataclass(frozen=True)
class Table:
    """What an import of one kind of record reads: the columns it writes, in an exported file's names."""

    kind: str
    model: type
    form: type
    columns: list[str]
    list_columns: frozenset[str]
    required: frozenset[str]
    record: str  # the resource in API_FIELDS / EXPORT_COLUMNS

    @property
    def owned(self) -> bool:
        return "organisation_external_id" in self.columns

    @property
    def read_only(self) -> frozenset[str]:
        """Columns an export writes that an import reads past without a warning (ids, addresses, timestamps)."""
        return frozenset(EXPORT_COLUMNS[self.record]) & READ_ONLY_COLUMNS


TABLES = {
    "organisations": Table(
        kind="organisations",
        model=Organisation,
        form=OrganisationForm,
        columns=import_columns("organisation"),
        list_columns=frozenset({"heritage_domains", "creative_domains", "competences", "languages"}),
        required=frozenset({"external_id", "name", "kind", "region"}),
        record="organisation",
    ),
    "people": Table(
        kind="people",
        model=Person,
        form=PersonForm,
        columns=import_columns("person"),
        list_columns=frozenset({"languages"}),
        required=frozenset({"external_id", "organisation_external_id", "first_name", "last_name"}),
        record="person",
    ),
    "needs": Table(
        kind="needs",
        model=Need,
        form=NeedImportForm,
        columns=import_columns("need"),
        list_columns=frozenset({"competences"}),
        required=frozenset({"external_id", "organisation_external_id", "language", "title", "description"}),
        record="need",
    ),
    "offers": Table(
        kind="offers",
        model=Offer,
        form=OfferForm,
        columns=import_columns("offer"),
        list_columns=frozenset({"competences"}),
        required=frozenset({"external_id", "organisation_external_id", "language", "title", "description"}),
        record="offer",
    ),
}
# Assets and products can be exported but not imported.


class ImportFileError(Exception):
    """The file cannot be read as a table (wrong format, no header, too many rows)."""


@dataclass(frozen=True)
class RowError:
    row: int
    column: str
    reason: str


@dataclass
class ImportReport:
    kind: str
    rows: int = 0
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    errors: list[RowError] = field(default_factory=list)
    ignored_columns: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.errors

    def as_dict(self) -> dict[str, Any]:
        return {
            "rows": self.rows, "created": self.created, "updated": self.updated, "unchanged": self.unchanged,
            "errors": len(self.errors),
        }


# --- Reading files -----------------------------------------------------------------


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value).strip()


def read_table(content: bytes, filename: str) -> tuple[list[str], list[dict[str, str]]]:
    """Header and rows of a CSV (UTF-8, comma or semicolon) or XLSX file (first sheet)."""
    if filename.lower().endswith(".xlsx"):
        rows = _read_xlsx(content)
    elif filename.lower().endswith(".csv"):
        rows = _read_csv(content)
    else:
        raise ImportFileError(_("Upload a .csv or .xlsx file."))
    try:
        header = [_cell(name).lower() for name in next(rows)]
    except StopIteration:
        raise ImportFileError(_("The file is empty.")) from None
    records = []
    for values in rows:
        cells = [_cell(value) for value in values]
        if not any(cells):
            records.append(None)  # keeps the row numbers of later rows right
            continue
        records.append(dict(zip(header, cells + [""] * (len(header) - len(cells)), strict=False)))
        if len(records) > MAX_ROWS:
            raise ImportFileError(_("A file may have at most %(count)d rows.") % {"count": MAX_ROWS})
    return header, records


def _read_csv(content: bytes) -> Iterator[list[str]]:
    try:
        text = content.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise ImportFileError(_("The CSV file is not in UTF-8. Save it as “CSV UTF-8” and upload it again.")) from None
    first_line = text.split("\n", 1)[0]
    delimiter = ";" if first_line.count(";") > first_line.count(",") else ","
    return iter(csv.reader(io.StringIO(text), delimiter=delimiter))


def _read_xlsx(content: bytes) -> Iterator[Iterable[Any]]:
    from openpyxl import load_workbook  # noqa: PLC0415 (slow import, only for XLSX files)

    try:
        workbook = load_workbook(io.BytesIO(content), read_only=True, data_only=True)
    except Exception:  # openpyxl raises many kinds of errors for a damaged file
        raise ImportFileError(_("The XLSX file cannot be read. Is it an Excel workbook?")) from None
    return iter(workbook.worksheets[0].iter_rows(values_only=True))


# --- Checking and importing ----------------------------------------------------------


@dataclass
class _Plan:
    instance: Any
    fields: dict[str, Any]
    descriptions: dict[str, str] | None = None
    main_language: str = ""


def _form_data(table: Table, row: dict[str, str], instance: Any) -> MultiValueDict:
    """Form data from a row; a column the file does not have keeps the record's value (or the default)."""
    data = MultiValueDict()
    for column in table.columns:
        if column not in row:
            value = _value(instance, column, _descriptions(instance)) if column not in {"external_id", "organisation_external_id"} else ""
            value = "on" if value == "yes" and column == "consent_contact" else value
        else:
            value = row[column]
        if column in table.list_columns:
            data.setlist(column, split_list(value))
        elif column == "consent_contact":
            data[column] = "on" if str(value).lower() in {"1", "yes", "true", "tak", "y", "x", "on"} else ""
        else:
            data[column] = "" if value is None else str(value)
    return data


def _existing(table: Table, rows: list[dict[str, str] | None]) -> dict[str, Any]:
    ids = [row["external_id"] for row in rows if row and row.get("external_id")]
    queryset = table.model.objects.filter(external_id__in=ids)
    if table.model is Organisation:
        queryset = queryset.prefetch_related("descriptions")
    else:
        queryset = queryset.select_related("organisation")
    return {record.external_id: record for record in queryset}


def _organisations_by_external_id(rows: list[dict[str, str] | None]) -> dict[str, Organisation]:
    ids = {row.get("organisation_external_id", "") for row in rows if row}
    return {o.external_id: o for o in Organisation.objects.filter(external_id__in=ids)}


def _unchanged(instance: Any, plan: _Plan) -> bool:
    if any(getattr(instance, name) != value for name, value in plan.fields.items()):
        return False
    if plan.descriptions is None:
        return True
    stored = {d.language: d.text for d in instance.descriptions.all()}
    wanted = {language: text.strip() for language, text in plan.descriptions.items() if text and text.strip()}
    primary = next((d.language for d in instance.descriptions.all() if d.is_primary), "")
    return stored == wanted and (not plan.main_language or plan.main_language == primary)


def check_import(kind: str, header: list[str], rows: list[dict[str, str] | None]) -> tuple[ImportReport, list[_Plan]]:
    """Validate every row; return the report and, per valid row, what would be written. Writes nothing."""
    table = TABLES[kind]
    report = ImportReport(
        kind=kind,
        ignored_columns=[name for name in header if name and name not in table.columns and name not in table.read_only],
    )
    missing = sorted(table.required - set(header))
    if missing:
        report.errors.append(RowError(1, ", ".join(missing), _("Required columns are missing.")))
        return report, []
    existing = _existing(table, rows)
    organisations = _organisations_by_external_id(rows) if table.owned else {}
    seen: dict[str, int] = {}
    plans: list[_Plan] = []
    for index, row in enumerate(rows, start=2):
        if row is None:
            continue
        report.rows += 1
        errors = _check_row(table, row, index, seen, organisations)
        if errors:
            report.errors.extend(errors)
            continue
        current = existing.get(row["external_id"])
        plan, form_errors = _plan_row(table, row, current, organisations)
        if form_errors:
            report.errors.extend(RowError(index, column, reason) for column, reason in form_errors)
            continue
        if current is None:
            report.created += 1
        elif _unchanged(current, plan):
            report.unchanged += 1
            continue
        else:
            report.updated += 1
        plans.append(plan)
    return report, plans


def _check_row(table: Table, row, index: int, seen: dict[str, int], organisations) -> list[RowError]:
    errors = [
        RowError(index, column, _("This column must not be empty."))
        for column in sorted(table.required)
        if not row.get(column)
    ]
    external_id = row.get("external_id", "")
    if external_id:
        if len(external_id) > 64:
            errors.append(RowError(index, "external_id", _("At most 64 characters.")))
        elif external_id in seen:
            errors.append(
                RowError(index, "external_id", _("The same external id is already in row %(row)d.") % {"row": seen[external_id]})
            )
        else:
            seen[external_id] = index
    owner = row.get("organisation_external_id", "")
    if table.owned and owner and owner not in organisations:
        errors.append(
            RowError(index, "organisation_external_id", _("No organisation has the external id %(id)s.") % {"id": owner})
        )
    publication = row.get("publication", "")
    if publication and publication not in Publication.values:
        errors.append(RowError(index, "publication", _("Use draft or published.")))
    return errors


def _plan_row(table: Table, row, current, organisations) -> tuple[_Plan | None, list[tuple[str, str]]]:
    if table.model is Organisation:
        instance = current if current is not None else Organisation()
    else:
        organisation = organisations[row["organisation_external_id"]]
        instance = current if current is not None else table.model()
        instance.organisation = organisation
    snapshot = _snapshot(instance)
    form = table.form(_form_data(table, row, instance), instance=instance)
    valid = form.is_valid()
    _restore(instance, snapshot)  # the form wrote its values into the instance; the plan carries them instead
    if not valid:
        return None, [
            (column if column != "__all__" else "", str(message))
            for column, messages in form.errors.items()
            for message in messages
        ]
    fields = {name: form.cleaned_data[name] for name in form.Meta.fields if name in form.cleaned_data}
    fields["external_id"] = row["external_id"]
    if "organisation_external_id" in table.columns:
        fields["organisation"] = organisations[row["organisation_external_id"]]
    if "publication" in table.columns:
        default = Publication.DRAFT if table.model is Organisation else Publication.PUBLISHED
        fields["publication"] = row.get("publication") or (current.publication if current is not None else default)
    if table.model is Organisation:
        fields.pop("logo", None)
        return _Plan(current, fields, form.descriptions(), form.cleaned_data.get("main_language", "")), []
    return _Plan(current, fields), []


def _snapshot(instance) -> dict[str, Any]:
    return {f.attname: getattr(instance, f.attname) for f in instance._meta.concrete_fields}


def _restore(instance, snapshot: dict[str, Any]) -> None:
    for name, value in snapshot.items():
        setattr(instance, name, value)


def run_import(kind: str, header: list[str], rows: list[dict[str, str] | None], *, actor: Any) -> ImportReport:
    """Check all rows and, when none has a problem, write them all in one transaction.

    Creates or updates records through the directory services (which log each
    change); rows that would change nothing are skipped. With any problem nothing
    is written and the report lists the problems.
    """
    table = TABLES[kind]
    with transaction.atomic():
        report, plans = check_import(kind, header, rows)
        if not report.ok:
            return report
        if table.model is Organisation:
            new = [plan for plan in plans if plan.instance is None]
            services.create_organisations(
                [(plan.fields, plan.descriptions or {}, plan.main_language) for plan in new], actor=actor
            )
            plans = [plan for plan in plans if plan.instance is not None]
        for plan in plans:
            _apply(table, plan, actor=actor)
    return report


def _apply(table: Table, plan: _Plan, *, actor: Any) -> None:
    if table.model is Organisation:
        services.update_organisation(
            plan.instance, actor=actor, fields=plan.fields, descriptions=plan.descriptions,
            main_language=plan.main_language,
        )
    elif table.model is Person:
        services.save_person(plan.instance or Person(), actor=actor, fields=plan.fields)
    else:
        services.save_record(plan.instance or table.model(), actor=actor, fields=plan.fields)


# --- Export ------------------------------------------------------------------------


def _value(record: Any, column: str, descriptions: dict[str, str], url_of: Callable[[Any], str] | None = None) -> Any:
    """The cell of ``column``: the value the API shows, lists joined, times as text (XLSX has no time zones)."""
    if column == "organisation_external_id":
        return record.organisation.external_id or ""
    if column == "organisation":
        return record.organisation.slug
    if column == "url":
        return url_of(record) if url_of is not None else record.get_absolute_url()
    if column.startswith("description_") and column != "description":
        return descriptions.get(column.removeprefix("description_"), "")
    if column == "main_language":
        return descriptions.get("", "")
    value = getattr(record, column)
    if isinstance(value, list):
        return LIST_SEPARATOR.join(str(item) for item in value)
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, datetime):
        return _JSON.default(value)  # exactly the API's text: ISO 8601, milliseconds, "Z" for UTC
    return "" if value is None else value


def export_rows(kind: str, queryset) -> Iterator[list[Any]]:
    """The header, then one row per record of ``queryset`` (a browse result of ``kind``, or people)."""
    columns = EXPORT_COLUMNS[kind]
    yield columns
    if kind == "organisation":
        queryset = queryset.prefetch_related("descriptions")
    else:
        queryset = queryset.select_related("organisation")
    url_of = _url_maker(queryset.model) if "url" in columns else None
    for record in queryset.iterator(chunk_size=2000):
        descriptions = _descriptions(record)
        yield [_value(record, column, descriptions, url_of) for column in columns]


_PK_MARK, _SLUG_MARK = 987654321, "slug-mark-x9"


def _url_maker(model: type) -> Callable[[Any], str]:
    """``get_absolute_url`` without resolving the URL configuration for every row (half the time of a big export).

    The address is reversed once for a record with marker values, which are then filled in
    per row; a test compares the result with the API's ``url`` for every kind.
    """
    sample = model(pk=_PK_MARK)
    if hasattr(sample, "slug"):
        sample.slug = _SLUG_MARK
    template = sample.get_absolute_url().replace("{", "{{").replace("}", "}}")
    template = template.replace(str(_PK_MARK), "{pk}").replace(_SLUG_MARK, "{slug}")
    return lambda record: template.format(pk=record.pk, slug=getattr(record, "slug", ""))


def _descriptions(record: Any) -> dict[str, str]:
    """Texts by language, and the main language under the key ``""`` (organisations only)."""
    descriptions: dict[str, str] = {}
    if isinstance(record, Organisation) and record.pk:
        for description in record.descriptions.all():
            descriptions[description.language] = description.text
            if description.is_primary:
                descriptions[""] = description.language
    return descriptions


def write_csv(rows: Iterable[list[Any]]) -> Iterator[str]:
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    yield "\ufeff"  # so that spreadsheet programs read the file as UTF-8
    for row in rows:
        writer.writerow(row)
        yield buffer.getvalue()
        buffer.seek(0)
        buffer.truncate()


def write_xlsx(rows: Iterable[list[Any]]) -> bytes:
    from openpyxl import Workbook  # noqa: PLC0415 (slow import, only for XLSX files)

    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet()
    for row in rows:
        sheet.append(row)
    output = io.BytesIO()
    workbook.save(output)
    return output.getvalue()


