"""The REST API: tokens, permissions, errors, and the same visibility as the web pages."""

import pytest
from django.urls import reverse

from sache.accounts.models import hash_token
from sache.api.models import ApiToken
from sache.api.services import create_api_token
from sache.directory.models import Need
from tests.factories.accounts import make_user
from tests.factories.directory import make_member, make_need, make_organisation

pytestmark = [pytest.mark.integration, pytest.mark.django_db]


@pytest.fixture
def two_members():
    museum, studio = make_organisation(name="Muzeum w Sanoku"), make_organisation(name="Studio Kresy", kind="creative_business")
    alice, bob = make_user(email="alice@example.org"), make_user(email="bob@example.org")
    make_member(museum, alice)
    make_member(studio, bob)
    return museum, studio, alice, bob


def _bearer(raw: str) -> dict:
    return {"Authorization": f"Bearer {raw}"}


def test_tokens_are_stored_only_as_hashes():
    user = make_user()

    token, raw = create_api_token(user, name="website")

    stored = ApiToken.objects.get()
    assert stored.token_hash == hash_token(raw)
    assert raw not in (stored.token_hash, stored.prefix)
    assert raw.startswith(stored.prefix)
    assert len(raw) > 40


def test_member_creates_a_need_for_own_organisation_with_a_token(client, two_members):
    museum, _studio, alice, _bob = two_members
    _token, raw = create_api_token(alice, name="CRM")

    response = client.post(
        "/api/v1/needs",
        {"organisation": museum.slug, "language": "pl", "title": "Aplikacja o ikonach",
         "description": "Szukamy studia, które zbuduje aplikację o kolekcji ikon.", "budget_band": "5k_20k",
         "status": "open", "publication": "published", "competences": []},
        content_type="application/json", headers=_bearer(raw),
    )

    assert response.status_code == 201, response.content
    assert response.json()["title"] == "Aplikacja o ikonach"
    assert list(Need.objects.values_list("organisation__name", "title")) == [("Muzeum w Sanoku", "Aplikacja o ikonach")]


def test_token_of_organisation_a_cannot_modify_b_records(client, two_members):
    museum, studio, alice, _bob = two_members
    theirs = make_need(studio, title="Potrzeba studia")
    _token, raw = create_api_token(alice, name="CRM")

    patched = client.patch(f"/api/v1/needs/{theirs.pk}", {"title": "Przejęte"}, content_type="application/json", headers=_bearer(raw))
    deleted = client.delete(f"/api/v1/needs/{theirs.pk}", headers=_bearer(raw))
    created = client.post(
        "/api/v1/needs", {"organisation": studio.slug, "language": "pl", "title": "Cudza", "description": "x" * 20},
        content_type="application/json", headers=_bearer(raw),
    )

    assert (patched.status_code, deleted.status_code, created.status_code) == (403, 403, 403)
    assert patched.json()["error"]["code"] == "forbidden"
    theirs.refresh_from_db()
    assert theirs.title == "Potrzeba studia"
    assert Need.objects.count() == 1


def test_revoked_token_is_refused_at_once(client, two_members):
    museum, _studio, alice, _bob = two_members
    need = make_need(museum)
    token, raw = create_api_token(alice, name="CRM")
    client.force_login(alice)

    client.post(reverse("api:token-revoke", args=[token.pk]))
    response = client.patch(f"/api/v1/needs/{need.pk}", {"title": "Po odwołaniu"}, content_type="application/json",
                            headers=_bearer(raw) | {"Cookie": ""})

    assert response.status_code == 401
    need.refresh_from_db()
    assert need.title != "Po odwołaniu"


@pytest.mark.parametrize(
    ("method", "path"),
    [("post", "/api/v1/needs"), ("patch", "/api/v1/needs/{id}"), ("delete", "/api/v1/needs/{id}"),
     ("post", "/api/v1/offers"), ("patch", "/api/v1/organisations/{slug}")],
)
def test_unauthenticated_writes_are_refused(client, two_members, method, path):
    museum, *_rest = two_members
    need = make_need(museum)

    response = getattr(client, method)(path.format(id=need.pk, slug=museum.slug), {"title": "x"}, content_type="application/json")

    assert response.status_code == 401
    assert response.json()["error"]["code"] == "not_authenticated"


def test_anonymous_reads_see_only_published_records(client):
    published = make_organisation(name="Skansen w Sanoku")
    draft = make_organisation(name="Szkic", publication="draft")
    make_need(published, title="Widoczna")
    make_need(published, title="Ukryta", publication="draft")
    make_need(draft, title="Szkicowa")

    organisations = client.get("/api/v1/organisations").json()
    needs = client.get("/api/v1/needs").json()
    hidden = client.get(f"/api/v1/organisations/{draft.slug}")

    assert [o["name"] for o in organisations["items"]] == ["Skansen w Sanoku"]
    assert [n["title"] for n in needs["items"]] == ["Widoczna"]
    assert hidden.status_code == 404
    assert hidden.json() == {"error": {"code": "not_found", "message": "No such record, or you may not see it.", "details": []}}


def test_people_show_contact_details_only_with_consent(client):
    museum = make_organisation()
    make_member(museum, make_user()).__class__.objects.filter(organisation=museum).update(
        email="anna@example.org", phone="+48 1", consent_contact=False
    )

    people = client.get(f"/api/v1/organisations/{museum.slug}/people").json()["items"]

    assert [(p["email"], p["phone"]) for p in people] == [(None, None)]


def test_invalid_values_get_field_level_errors(client, two_members):
    museum, _studio, alice, _bob = two_members
    _token, raw = create_api_token(alice, name="CRM")

    response = client.post(
        "/api/v1/assets", {"organisation": museum.slug, "language": "pl", "title": "Kareta", "description": "Powóz",
                           "kind": "collection_item", "rights_uri": "https://example.org/any-licence"},
        content_type="application/json", headers=_bearer(raw),
    )

    assert response.status_code == 422
    assert [detail["field"] for detail in response.json()["error"]["details"]] == ["rights_uri"]


def test_search_and_facets_filter_like_the_directory(client):
    make_organisation(name="Muzeum-Zamek w Łańcucie", kind="museum", city="Łańcut")
    make_organisation(name="Pixel Studio", kind="creative_business")

    by_query = client.get("/api/v1/organisations", {"q": "lancut"}).json()
    by_kind = client.get("/api/v1/organisations", {"kind": "creative_business"}).json()

    assert [o["name"] for o in by_query["items"]] == ["Muzeum-Zamek w Łańcucie"]
    assert [o["name"] for o in by_kind["items"]] == ["Pixel Studio"]


def test_openapi_document_and_local_docs(client):
    document = client.get("/api/v1/openapi.json").json()
    docs = client.get("/api/v1/docs")

    assert document["openapi"].startswith("3.")
    assert {"/api/v1/organisations", "/api/v1/needs/{record_id}", "/api/v1/partnerships", "/api/v1/events"} <= set(document["paths"])
    assert "/static/ninja/swagger-ui-bundle.js" in docs.content.decode()
    assert "cdn" not in docs.content.decode().lower()


def test_nul_characters_in_a_write_are_a_field_error_not_a_server_error(client, two_members):
    museum, _studio, alice, _bob = two_members
    _token, raw = create_api_token(alice, name="CRM")

    response = client.post(
        "/api/v1/needs", {"organisation": museum.slug, "language": "pl", "title": "Zły\x00tytuł", "description": "Opis potrzeby."},
        content_type="application/json", headers=_bearer(raw),
    )

    assert response.status_code == 422
    assert [detail["field"] for detail in response.json()["error"]["details"]] == ["title"]


def test_member_gets_recommendations_for_own_organisation_only(client, two_members):
    from sache.matching import index

    index.reset()
    museum, studio, alice, _bob = two_members
    _token, raw = create_api_token(alice, name="CRM")

    mine = client.get("/api/v1/recommendations", {"organisation": museum.slug}, headers=_bearer(raw))
    theirs = client.get("/api/v1/recommendations", {"organisation": studio.slug}, headers=_bearer(raw))
    anonymous = client.get("/api/v1/recommendations", {"organisation": museum.slug})

    assert mine.status_code == 200
    assert museum.slug not in [item["organisation"] for item in mine.json()]
    assert (theirs.status_code, anonymous.status_code) == (403, 401)
    index.reset()
