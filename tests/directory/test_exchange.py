"""Bulk import and export: per-row errors, all-or-nothing, re-import by external id."""

import csv
import io

import pytest
from openpyxl import Workbook, load_workbook

from sache.directory import exchange, selectors
from sache.directory.enums import Publication
from sache.directory.models import Need, Offer, Organisation, Person
from tests.factories.accounts import make_operator
from tests.factories.directory import make_need, make_offer, make_organisation, make_person

pytestmark = [pytest.mark.integration, pytest.mark.django_db]

HEADER = ["external_id", "name", "kind", "region", "city", "heritage_domains", "languages", "publication", "description_pl", "description_en"]


def _org_rows(count):
    return [
        [f"ext-{n:04d}", f"Muzeum {n}", "museum", "PL823", "Łańcut", "archaeology; built_heritage", "pl;en", "published",
         f"Muzeum numer {n} w Łańcucie", f"Museum number {n}"]
        for n in range(count)
    ]


def _csv(header, rows, delimiter=","):
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=delimiter)
    writer.writerow(header)
    writer.writerows(rows)
    return buffer.getvalue().encode("utf-8")


def _xlsx(header, rows):
    workbook = Workbook()
    sheet = workbook.active
    sheet.append(header)
    for row in rows:
        sheet.append(row)
    output = io.BytesIO()
    workbook.save(output)
    return output.getvalue()


def _import(content, filename, kind="organisations"):
    header, rows = exchange.read_table(content, filename)
    return exchange.run_import(kind, header, rows, actor=make_operator())


def test_one_bad_row_among_1000_imports_nothing_then_fixed_file_imports_all_then_reimport_changes_nothing():
    rows = _org_rows(1000)
    rows[516][3] = "XX999"  # row 518 in the spreadsheet (header is row 1)

    bad = _import(_csv(HEADER, rows), "orgs.csv")
    count_after_bad = Organisation.objects.count()
    rows[516][3] = "PL822"
    good = _import(_csv(HEADER, rows), "orgs.csv")
    stamps = dict(Organisation.objects.values_list("external_id", "updated_at"))
    again = _import(_csv(HEADER, rows), "orgs.csv")

    assert [(e.row, e.column) for e in bad.errors] == [(518, "region")]
    assert "XX999" in bad.errors[0].reason
    assert count_after_bad == 0
    assert (good.ok, good.created, good.updated, good.unchanged) == (True, 1000, 0, 0)
    assert Organisation.objects.count() == 1000
    assert (again.created, again.updated, again.unchanged) == (0, 0, 1000)
    assert dict(Organisation.objects.values_list("external_id", "updated_at")) == stamps
    imported = Organisation.objects.get(external_id="ext-0516")
    assert (imported.region, imported.heritage_domains, imported.languages) == ("PL822", ["archaeology", "built_heritage"], ["pl", "en"])
    assert list(imported.descriptions.values_list("language", "text")) == [("pl", "Muzeum numer 516 w Łańcucie"), ("en", "Museum number 516")]
    assert list(selectors.browse("organisation", None, query="lancut 516").results) == [imported]


def test_reimport_updates_changed_rows_by_external_id():
    rows = _org_rows(3)
    _import(_csv(HEADER, rows), "orgs.csv")
    rows[1][1] = "Muzeum Zmienione"

    report = _import(_csv(HEADER, rows), "orgs.csv")

    assert (report.created, report.updated, report.unchanged) == (0, 1, 2)
    assert Organisation.objects.get(external_id="ext-0001").name == "Muzeum Zmienione"
    assert Organisation.objects.count() == 3


def test_xlsx_import_with_semicolon_lists():
    report = _import(_xlsx(HEADER, _org_rows(2)), "orgs.xlsx")

    assert (report.ok, report.created) == (True, 2)
    assert Organisation.objects.get(external_id="ext-0001").heritage_domains == ["archaeology", "built_heritage"]


def test_semicolon_separated_csv():
    report = _import(_csv(HEADER, _org_rows(2), delimiter=";"), "orgs.csv")

    assert (report.ok, report.created) == (True, 2)


def test_errors_name_row_column_and_reason():
    rows = _org_rows(4)
    rows[0][2] = "castle"
    rows[1][0] = "ext-0000"
    rows[2][5] = "archaeology; pottery"
    rows[3][1] = ""

    report = _import(_csv(HEADER, rows), "orgs.csv")

    assert [(e.row, e.column) for e in report.errors] == [
        (2, "kind"), (3, "external_id"), (4, "heritage_domains"), (5, "name")
    ]
    assert report.errors[1].reason == "The same external id is already in row 2."
    assert report.errors[3].reason == "This column must not be empty."
    assert Organisation.objects.count() == 0


def test_missing_required_column_is_reported():
    report = _import(_csv(["external_id", "name"], [["a", "b"]]), "orgs.csv")

    assert [(e.row, e.column, e.reason) for e in report.errors] == [(1, "kind, region", "Required columns are missing.")]


def test_unreadable_files_are_refused():
    with pytest.raises(exchange.ImportFileError):
        exchange.read_table(b"not a workbook", "orgs.xlsx")
    with pytest.raises(exchange.ImportFileError):
        exchange.read_table("a,b\n".encode("utf-16"), "orgs.csv")
    with pytest.raises(exchange.ImportFileError):
        exchange.read_table(b"a,b", "orgs.txt")


def test_people_needs_and_offers_import_against_organisations():
    organisation = make_organisation(external_id="org-1")
    people = _csv(
        ["external_id", "organisation_external_id", "first_name", "last_name", "email", "consent_contact", "languages"],
        [["p-1", "org-1", "Ewa", "Nowak", "ewa@example.org", "yes", "pl; en"], ["p-2", "org-9", "Jan", "Nowak", "", "", ""]],
    )
    needs = _csv(
        ["external_id", "organisation_external_id", "language", "title", "description", "competences", "budget_band"],
        [["n-1", "org-1", "pl", "Przewodnik AR", "Szukamy studia AR", "ar_development", "5k_20k"]],
    )
    offers = _csv(
        ["external_id", "organisation_external_id", "language", "title", "description", "portfolio_links"],
        [["o-1", "org-1", "en", "AR guides", "We build AR guides", "https://example.org/a; https://example.org/b"]],
    )

    people_report = _import(people, "people.csv", "people")
    need_report = _import(needs, "needs.csv", "needs")
    offer_report = _import(offers, "offers.csv", "offers")

    assert [(e.row, e.column) for e in people_report.errors] == [(3, "organisation_external_id")]
    assert Person.objects.count() == 0
    assert (need_report.created, offer_report.created) == (1, 1)
    need = Need.objects.get()
    assert (need.organisation, need.competences, need.budget_band, need.publication) == (organisation, ["ar_development"], "5k_20k", "published")
    assert organisation.offers.get().portfolio_links == ["https://example.org/a", "https://example.org/b"]


@pytest.mark.parametrize("file_format", ["csv", "xlsx"])
def test_export_has_import_columns_and_round_trips(file_format):
    _import(_csv(HEADER, _org_rows(3)), "orgs.csv")
    Organisation.objects.filter(external_id="ext-0001").update(latitude=50.0687, longitude=22.2306, founded=1944)
    results = selectors.browse("organisation", make_operator(), query="muzeum").results

    rows = list(exchange.export_rows("organisation", results))
    if file_format == "xlsx":
        report = _import(exchange.write_xlsx(rows), "export.xlsx")
    else:
        report = _import("".join(exchange.write_csv(rows)).encode("utf-8"), "export.csv")

    assert rows[0] == exchange.EXPORT_COLUMNS["organisation"]
    assert set(exchange.TABLES["organisations"].columns) <= set(rows[0])
    assert [row[0] for row in rows[1:]] == ["ext-0000", "ext-0001", "ext-0002"]
    assert (report.ok, report.unchanged, report.ignored_columns) == (True, 3, [])


def _people_needs_offers():
    organisation = make_organisation(external_id="org-1", name="Skansen w Sanoku")
    make_person(organisation, external_id="p-1", first_name="Ewa", last_name="Nowak", email="ewa@example.org",
                consent_contact=True, skills=["3D", "archiwa"], languages=["pl", "en"])
    make_person(organisation, external_id="p-2", first_name="Jan", last_name="Kos", role="Kurator")
    make_need(organisation, external_id="n-1", competences=["ar_development"], budget_band="5k_20k")
    make_offer(organisation, external_id="o-1", portfolio_links=["https://example.org/a", "https://example.org/b"])
    return organisation


@pytest.mark.parametrize("file_format", ["csv", "xlsx"])
@pytest.mark.parametrize(("table", "kind", "records"), [
    ("people", "person", lambda: Person.objects.order_by("id")),
    ("needs", "need", lambda: Need.objects.order_by("id")),
    ("offers", "offer", lambda: Offer.objects.order_by("id")),
])
def test_exported_people_needs_and_offers_import_back_unchanged_and_edits_apply(table, kind, records, file_format):
    _people_needs_offers()
    before = [(record.pk, record.updated_at if hasattr(record, "updated_at") else None) for record in records()]
    rows = list(exchange.export_rows(kind, records()))
    title_column = "first_name" if kind == "person" else "title"
    edited = [rows[0], [*rows[1][: rows[0].index(title_column)], "Zmienione", *rows[1][rows[0].index(title_column) + 1:]], *rows[2:]]

    def content(rows):
        if file_format == "xlsx":
            return exchange.write_xlsx(rows)
        return "".join(exchange.write_csv(rows)).encode("utf-8")

    same = _import(content(rows), f"export.{file_format}", table)
    after_same = [(record.pk, record.updated_at if hasattr(record, "updated_at") else None) for record in records()]
    changed = _import(content(edited), f"export.{file_format}", table)

    assert (same.ok, same.created, same.updated, same.unchanged, same.ignored_columns) == (True, 0, 0, len(before), [])
    assert after_same == before
    assert (changed.ok, changed.created, changed.updated) == (True, 0, 1)
    assert getattr(records().first(), title_column) == "Zmienione"


def test_export_view_filters_and_writes_xlsx(client):
    make_organisation(name="Muzeum Sanok", external_id="a")
    make_organisation(name="Galeria", external_id="b")
    make_organisation(name="Muzeum Szkic", external_id="c", publication=Publication.DRAFT)
    client.force_login(make_operator())

    response = client.get("/organisations/export/", {"q": "muzeum", "format": "xlsx"})

    sheet = load_workbook(io.BytesIO(response.content)).active
    header, *rows = sheet.iter_rows(values_only=True)
    assert [(row[header.index("external_id")], row[header.index("name")]) for row in rows] == [("a", "Muzeum Sanok"), ("c", "Muzeum Szkic")]


def test_export_view_csv(client):
    make_organisation(name="Muzeum Sanok", external_id="a")
    client.force_login(make_operator())

    response = client.get("/needs/export/", {"format": "csv"})

    assert b"".join(response.streaming_content).decode("utf-8-sig").splitlines() == [",".join(exchange.EXPORT_COLUMNS["need"])]


def test_people_export_view_filters_by_organisation(client):
    organisation = _people_needs_offers()
    make_person(make_organisation(name="Inna"), external_id="p-9", first_name="Obcy", last_name="Ktoś")
    client.force_login(make_operator())

    mine = _csv_rows(client.get("/people/export/", {"organisation": organisation.slug}))
    everybody = _csv_rows(client.get("/people/export/"))

    assert [row[0] for row in mine[1:]] == ["p-2", "p-1"]  # by last name: Kos, Nowak
    assert sorted(row[0] for row in everybody[1:]) == ["p-1", "p-2", "p-9"]
    assert mine[0] == exchange.EXPORT_COLUMNS["person"]


def _csv_rows(response):
    return list(csv.reader(io.StringIO(b"".join(response.streaming_content).decode("utf-8-sig"))))
