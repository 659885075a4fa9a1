"""The OAI-PMH provider, harvested by a real client and validated against the protocol's schema."""

from pathlib import Path

import pytest
from django.urls import reverse
from lxml import etree

from sache.directory.models import HeritageAsset
from tests.factories.directory import make_organisation

pytestmark = pytest.mark.integration

SHARED_DATA = Path(__file__).resolve().parents[2].parent / "shared" / "data"
SCHEMA_PATH = SHARED_DATA / "oai-pmh" / "OAI-PMH.xsd"
OAI = "{http://www.openarchives.org/OAI/2.0/}"
DC = "{http://purl.org/dc/elements/1.1/}"


@pytest.fixture(scope="module")
def schema():
    if not SCHEMA_PATH.exists():
        pytest.fail(f"The OAI-PMH schema is expected at {SCHEMA_PATH} (shared data beside the repository).")
    return etree.XMLSchema(etree.parse(str(SCHEMA_PATH)))


def make_assets(count: int, *, organisation=None):
    organisation = organisation or make_organisation(name="Muzeum Zamkowe w Łańcucie")
    return [
        HeritageAsset.objects.create(
            organisation=organisation, kind="collection_item", language="pl",
            title=f"Kareta paradna nr {number}", description="Kareta z powozowni łańcuckiej, XIX wiek.",
            period="XIX wiek", place="Łańcut", rights_uri="http://creativecommons.org/publicdomain/mark/1.0/",
        )
        for number in range(count)
    ]


def _get(client, **params):
    response = client.get(reverse("api:oai"), params)
    assert response["Content-Type"] == "text/xml; charset=utf-8"
    return etree.fromstring(response.content)


@pytest.mark.django_db
@pytest.mark.parametrize(
    "params",
    [
        {"verb": "Identify"},
        {"verb": "ListMetadataFormats"},
        {"verb": "ListSets"},
        {"verb": "ListIdentifiers", "metadataPrefix": "oai_dc"},
        {"verb": "ListRecords", "metadataPrefix": "oai_dc"},
        {"verb": "ListRecords", "metadataPrefix": "edm"},
        {"verb": "Bogus"},
        {"verb": "ListRecords"},
        {"verb": "ListRecords", "metadataPrefix": "marc21"},
        {"verb": "GetRecord", "metadataPrefix": "oai_dc", "identifier": "oai:elsewhere:1"},
        {"verb": "ListRecords", "resumptionToken": "forged"},
    ],
    ids=lambda params: "-".join(params.values()),
)
def test_every_response_is_valid_against_the_oai_pmh_schema(client, schema, params):
    make_assets(3)

    document = _get(client, **params)

    assert schema.validate(document), schema.error_log


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("params", "code"),
    [
        ({"verb": "Bogus"}, "badVerb"),
        ({"verb": "ListRecords"}, "badArgument"),
        ({"verb": "ListRecords", "metadataPrefix": "marc21"}, "cannotDisseminateFormat"),
        ({"verb": "ListRecords", "metadataPrefix": "oai_dc", "set": "org:nobody"}, "noRecordsMatch"),
        ({"verb": "GetRecord", "metadataPrefix": "oai_dc", "identifier": "oai:sache.example.org:asset:999"}, "idDoesNotExist"),
        ({"verb": "ListRecords", "resumptionToken": "forged"}, "badResumptionToken"),
        ({"verb": "ListRecords", "metadataPrefix": "oai_dc", "from": "yesterday"}, "badArgument"),
    ],
)
def test_errors_carry_the_protocol_codes(client, params, code):
    make_assets(1)

    document = _get(client, **params)

    assert [error.get("code") for error in document.iter(f"{OAI}error")] == [code]


@pytest.mark.django_db
def test_drafts_and_unpublished_institutions_are_not_harvested(client):
    make_assets(1)
    make_assets(1, organisation=make_organisation(name="Szkic", publication="draft"))
    HeritageAsset.objects.create(
        organisation=make_organisation(name="Archiwum"), kind="archive_set", language="pl", title="Ukryte",
        description="-", rights_uri="http://rightsstatements.org/vocab/InC/1.0/", publication="draft",
    )

    document = _get(client, verb="ListIdentifiers", metadataPrefix="oai_dc")

    assert len(list(document.iter(f"{OAI}header"))) == 1


@pytest.mark.django_db
def test_edm_record_links_the_object_to_its_rights_statement(client):
    (asset,) = make_assets(1)

    document = _get(client, verb="GetRecord", metadataPrefix="edm", identifier=f"oai:sache.example.org:asset:{asset.pk}")

    rights = document.find(".//{http://www.europeana.eu/schemas/edm/}rights")
    edm_type = document.find(".//{http://www.europeana.eu/schemas/edm/}type")
    assert rights.get("{http://www.w3.org/1999/02/22-rdf-syntax-ns#}resource") == "http://creativecommons.org/publicdomain/mark/1.0/"
    assert edm_type.text == "IMAGE"


@pytest.mark.django_db(transaction=True)
def test_sickle_harvests_every_record_across_resumption_tokens(live_server, settings, schema):
    from sickle import Sickle

    settings.SACHE_OAI_PAGE_SIZE = 4
    museum_assets = make_assets(7)
    make_assets(3, organisation=make_organisation(name="Skansen w Sanoku"))
    harvester = Sickle(live_server.url + reverse("api:oai"), max_retries=1, timeout=30)

    records = list(harvester.ListRecords(metadataPrefix="oai_dc"))
    museum_set = list(harvester.ListIdentifiers(metadataPrefix="oai_dc", set=f"org:{museum_assets[0].organisation.slug}"))
    identify = harvester.Identify()
    formats = sorted(fmt.metadataPrefix for fmt in harvester.ListMetadataFormats())
    first_page = harvester.ListRecords(metadataPrefix="edm")

    assert len(records) == 10
    assert len({record.header.identifier for record in records}) == 10
    assert records[0].metadata["title"] == ["Kareta paradna nr 0"]
    assert records[0].metadata["rights"] == ["http://creativecommons.org/publicdomain/mark/1.0/"]
    assert len(museum_set) == 7
    assert identify.protocolVersion == "2.0"
    assert formats == ["edm", "oai_dc"]
    assert schema.validate(etree.fromstring(first_page.oai_response.raw.encode())), schema.error_log
    assert first_page.resumption_token.complete_list_size == "10"
