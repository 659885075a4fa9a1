"""The interactive API documentation works without the internet: every file it loads comes from the hub."""

import re

import pytest
from django.contrib.staticfiles import finders

pytestmark = [pytest.mark.integration, pytest.mark.django_db]

ADDRESS = re.compile(r"""\b(?:src|href)=["']([^"']+)["']""")


def _body(response) -> bytes:
    return b"".join(response.streaming_content) if response.streaming else response.content


@pytest.fixture
def static_from_apps(settings):
    # As under `make demo` (DEBUG): WhiteNoise serves the apps' static folders; production serves the same
    # files after `collectstatic`, which copies what the finders find.
    settings.WHITENOISE_USE_FINDERS = True
    settings.WHITENOISE_AUTOREFRESH = True


def test_docs_page_loads_only_files_the_hub_serves_itself(client, static_from_apps, settings):
    page = client.get("/api/v1/docs")

    addresses = ADDRESS.findall(page.content.decode())
    served = {address: client.get(address) for address in addresses}

    assert page.status_code == 200
    assert sorted(addresses) == sorted(a for a in addresses if a.startswith(settings.STATIC_URL))  # no CDN, no other host
    assert any(address.endswith("swagger-ui-bundle.js") for address in addresses)
    assert [a for a in addresses if finders.find(a.removeprefix(settings.STATIC_URL)) is None] == []
    assert {address: response.status_code for address, response in served.items()} == dict.fromkeys(addresses, 200)
    assert all(len(_body(response)) > 100 for response in served.values())


def test_docs_scripts_fetch_nothing_from_other_hosts(client, static_from_apps):
    page = client.get("/api/v1/docs").content.decode()
    init = next(address for address in ADDRESS.findall(page) if address.endswith("swagger-ui-init.js"))

    script = _body(client.get(init)).decode()

    # The init script reads its settings from the page and the document from the hub's own address.
    assert re.findall(r"https?://[^\s\"'`)]+", script) == []
    assert '"url": "/api/v1/openapi.json"' in page
    assert '"validatorUrl": null' in page  # Swagger UI would otherwise send the document to an outside validator
