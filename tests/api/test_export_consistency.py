"""The directory's CSV/XLSX exports name and fill their columns like the REST API's fields.

Each export header, read from the live export view, is compared with the properties of the
matching schema in the live OpenAPI document; then one record of each kind is read both
ways and every shared field must hold the same value.
"""

import csv
import io

import pytest
from openpyxl import load_workbook

from sache.directory.exchange import CONTENT_LANGUAGE_CODES
from tests.factories.accounts import make_operator
from tests.factories.directory import (
    make_asset,
    make_need,
    make_offer,
    make_organisation,
    make_person,
    make_product,
)

pytestmark = [pytest.mark.integration, pytest.mark.django_db]

# resource: (OpenAPI schema, export URL, API URL of one record given the world)
RESOURCES = {
    "organisation": ("OrganisationOut", "/organisations/export/", lambda w: f"/api/v1/organisations/{w['organisation'].slug}"),
    "person": ("PersonOut", "/people/export/", lambda w: f"/api/v1/organisations/{w['organisation'].slug}/people"),
    "need": ("NeedOut", "/needs/export/", lambda w: f"/api/v1/needs/{w['need'].pk}"),
    "offer": ("OfferOut", "/offers/export/", lambda w: f"/api/v1/offers/{w['offer'].pk}"),
    "asset": ("AssetOut", "/assets/export/", lambda w: f"/api/v1/assets/{w['asset'].pk}"),
    "product": ("ProductOut", "/products/export/", lambda w: f"/api/v1/products/{w['product'].pk}"),
}
# What only a file carries (the keys other systems match on, values only operators keep), written out here
# rather than imported, so that a change on either side has to be made on purpose in this test too.
FILE_ONLY = {
    "organisation": (["external_id"], ["main_language"]),
    "person": (["external_id", "organisation_external_id"], ["consent_contact"]),
    **{kind: (["external_id", "organisation_external_id"], []) for kind in ("need", "offer", "asset", "product")},
}
DESCRIPTION_COLUMNS = [f"description_{code}" for code in CONTENT_LANGUAGE_CODES]


@pytest.fixture
def world():
    organisation = make_organisation(
        name="Muzeum-Zamek w Łańcucie", external_id="crm-17", description=("pl", "Zamek i powozownia."),
        heritage_domains=["built_heritage", "archaeology"], languages=["pl", "en"], tags=["zamek", "powozy"],
        latitude=50.0687, longitude=22.2306, founded=1944, website="https://zamek-lancut.pl",
    )
    return {
        "organisation": organisation,
        "person": make_person(organisation, external_id="p-1", role="Kurator", email="ewa@example.org", phone="+48 17 225 20 08",
                              consent_contact=True, skills=["3D", "archiwa"], languages=["pl"]),
        "need": make_need(organisation, external_id="n-1", competences=["ar_development"], budget_band="5k_20k"),
        "offer": make_offer(organisation, external_id="o-1", portfolio_links=["https://example.org/a", "https://example.org/b"]),
        "asset": make_asset(organisation, external_id="a-1", period="XVIII–XIX w.", place="Łańcut"),
        "product": make_product(organisation, external_id="d-1", references=["https://example.org/museum"]),
    }


def _export(client, url, file_format):
    response = client.get(url, {"format": file_format})
    assert response.status_code == 200
    if file_format == "xlsx":
        return [[("" if cell is None else cell) for cell in row] for row in load_workbook(io.BytesIO(response.content)).active.iter_rows(values_only=True)]
    return list(csv.reader(io.StringIO(b"".join(response.streaming_content).decode("utf-8-sig"))))


@pytest.mark.parametrize("file_format", ["csv", "xlsx"])
@pytest.mark.parametrize("resource", list(RESOURCES))
def test_export_header_is_the_openapi_schema_with_file_keys(client, world, resource, file_format):
    schema_name, export_url, _api = RESOURCES[resource]
    properties = list(client.get("/api/v1/openapi.json").json()["components"]["schemas"][schema_name]["properties"])
    client.force_login(make_operator())

    header = _export(client, export_url, file_format)[0]

    keys, extras = FILE_ONLY[resource]
    shared = [name for name in properties for name in (DESCRIPTION_COLUMNS if name == "descriptions" else [name])]
    assert header == [*keys, *shared, *extras]


def _cell(value):
    """An API value as an export writes it: lists joined by "; ", nothing as ""."""
    if isinstance(value, list):
        return "; ".join(str(item) for item in value)
    return "" if value is None else value


def _same(api_value, file_value, file_format):
    api_value = _cell(api_value)
    if file_format == "csv":
        return str(api_value) == file_value
    return api_value == file_value


@pytest.mark.parametrize("file_format", ["csv", "xlsx"])
@pytest.mark.parametrize("resource", list(RESOURCES))
def test_export_and_api_hold_the_same_values(client, world, resource, file_format):
    _schema, export_url, api_url = RESOURCES[resource]
    shown = client.get(api_url(world)).json()
    item = shown["items"][0] if "items" in shown else shown
    client.force_login(make_operator())

    header, *rows = _export(client, export_url, file_format)
    row = dict(zip(header, next(row for row in rows if str(row[header.index("id")]) == str(item["id"])), strict=True))

    descriptions = {d["language"]: d["text"] for d in item.pop("descriptions", [])}
    different = {name: (value, row[name]) for name, value in item.items() if not _same(value, row[name], file_format)}
    assert different == {}
    if resource == "organisation":
        assert descriptions == {"pl": "Zamek i powozownia."}
        assert {column: row[column] for column in DESCRIPTION_COLUMNS if row[column]} == {"description_pl": "Zamek i powozownia."}
