import pytest
from django.urls import reverse

pytestmark = pytest.mark.integration


@pytest.mark.django_db
def test_healthz_answers_ok_when_the_database_answers(client):
    response = client.get("/healthz")

    assert response.status_code == 200
    assert response.json() == {"status": "ok", "database": "ok"}


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("language", "heading"),
    [("en", "Where cultural heritage meets the creative sector"), ("pl", "Gdzie dziedzictwo kulturowe spotyka sektor kreatywny")],
)
def test_home_page_renders_in_each_interface_language(client, language, heading):
    response = client.get(reverse("core:home"), headers={"accept-language": language})

    assert response.status_code == 200
    content = response.content.decode()
    assert f'<html lang="{language}">' in content
    assert heading in content


@pytest.mark.django_db
def test_language_switcher_changes_the_interface_language(client):
    response = client.post(reverse("set_language"), {"language": "pl", "next": "/"}, follow=True)

    assert response.redirect_chain == [("/", 302)]
    assert '<html lang="pl">' in response.content.decode()


@pytest.mark.django_db
def test_every_response_carries_a_content_security_policy(client):
    response = client.get(reverse("core:home"))

    assert "default-src 'self'" in response.headers["Content-Security-Policy"]
    assert response.headers["X-Frame-Options"] == "DENY"


@pytest.mark.django_db
def test_input_with_nul_characters_is_refused_before_reaching_the_database(client):
    page = client.get("/organisations/", {"q": "mu\x00zeum"})
    api_filter = client.get("/api/v1/needs", {"organisation": "\x00"})
    api_path = client.get("/api/v1/organisations/a%00b")

    assert page.status_code == 400
    assert (api_filter.status_code, api_filter.json()["count"]) == (200, 0)
    assert (api_path.status_code, api_path.json()["error"]["code"]) == (404, "not_found")
