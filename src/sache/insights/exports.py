"""Dashboard tables as CSV and XLSX files, with the same columns as the page shows."""

from __future__ import annotations

import csv
import io

from openpyxl import Workbook
from openpyxl.styles import Font

from sache.insights.filters import InsightFilter, programme_label
from sache.insights.tables import Table


def _header(table: Table) -> list[str]:
    return ["code", "label", str(table.value_label), *(str(column) for column in table.extra_columns)]


def _describe(flt: InsightFilter) -> str:
    described = flt.query_string() or "all"
    if flt.programme is not None:
        described += f" ({programme_label(flt.programme)})"
    return described


def table_to_csv(table: Table, flt: InsightFilter) -> bytes:
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(_header(table))
    for row in table.rows:
        writer.writerow([row.code, row.label, row.value, *row.extra])
    # A BOM makes spreadsheet programs read the UTF-8 (Łańcut, Győr) correctly.
    return ("\ufeff" + buffer.getvalue()).encode("utf-8")


def table_to_xlsx(table: Table, flt: InsightFilter) -> bytes:
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = table.key[:31]
    sheet.append([table.title])
    sheet["A1"].font = Font(bold=True, size=13)
    sheet.append([f"filter: {_describe(flt)}"])
    sheet.append([])
    sheet.append(_header(table))
    for cell in sheet[4]:
        cell.font = Font(bold=True)
    for row in table.rows:
        sheet.append([row.code, row.label, row.value, *row.extra])
    sheet.column_dimensions["A"].width = 22
    sheet.column_dimensions["B"].width = 45
    sheet.column_dimensions["C"].width = 16
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()
