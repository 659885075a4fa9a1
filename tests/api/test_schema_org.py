import json
import re

import pytest
from django.template import Context, Template

from sache.directory.models import HeritageAsset
from tests.factories.directory import make_organisation
from tests.factories.events import make_event

pytestmark = [pytest.mark.integration, pytest.mark.django_db]


def _json_ld(html: str) -> dict:
    match = re.search(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)
    assert match, html
    return json.loads(match.group(1))


def _render(record) -> str:
    return Template("{% load schema_org %}{% schema_org record %}").render(Context({"record": record}))


def test_museum_is_described_as_a_schema_org_museum():
    museum = make_organisation(name="Muzeum Historyczne w Sanoku", city="Sanok", latitude=49.56, longitude=22.2,
                               description=("pl", "Kolekcja ikon </script> i sztuki Beksińskiego."))

    data = _json_ld(_render(museum))

    assert (data["@type"], data["name"], data["address"]["addressLocality"]) == ("Museum", "Muzeum Historyczne w Sanoku", "Sanok")
    assert data["geo"] == {"@type": "GeoCoordinates", "latitude": 49.56, "longitude": 22.2}
    assert data["description"] == "Kolekcja ikon </script> i sztuki Beksińskiego."


def test_asset_carries_its_licence():
    asset = HeritageAsset.objects.create(
        organisation=make_organisation(), kind="building", language="pl", title="Cerkiew w Turzańsku",
        description="Drewniana cerkiew.", rights_uri="http://creativecommons.org/licenses/by/4.0/", period="1801–1803",
    )

    data = _json_ld(_render(asset))

    assert (data["@type"], data["license"], data["temporalCoverage"]) == ("CreativeWork", "http://creativecommons.org/licenses/by/4.0/", "1801–1803")


def test_event_has_its_dates_and_place():
    event = make_event(title="Heritage meets Creative", slots=3, venue="G2A Arena")

    data = _json_ld(_render(event))

    first, *_middle, last = event.slots.order_by("index")
    assert (data["@type"], data["startDate"], data["endDate"]) == ("BusinessEvent", first.starts_at.isoformat(), last.ends_at.isoformat())
    assert data["location"]["name"] == "G2A Arena"


def test_public_pages_embed_their_json_ld(client):
    museum = make_organisation(name="Muzeum Okręgowe w Krośnie")
    event = make_event(title="Krosno Creative Day", slots=2)
    draft = make_organisation(name="Szkic", publication="draft")

    organisation_page = client.get(museum.get_absolute_url()).content.decode()
    event_page = client.get(event.get_absolute_url()).content.decode()

    assert _json_ld(organisation_page)["name"] == "Muzeum Okręgowe w Krośnie"
    assert _json_ld(event_page)["name"] == "Krosno Creative Day"
    assert client.get(draft.get_absolute_url()).status_code == 404
