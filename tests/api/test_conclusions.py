"""Published conclusions of co-creation workshops in the REST API: public, filtered, never a draft."""

from datetime import UTC, datetime

import pytest
from django.utils import timezone

from sache.cocreation.models import Conclusions, ThemeRun
from sache.events.enums import EventPublication
from tests.factories.accounts import make_operator
from tests.factories.cocreation import make_area, make_contribution, make_workshop

pytestmark = [pytest.mark.integration, pytest.mark.django_db]


def _conclusions(workshop, *, title, published=True, language="pl", body="# Wnioski\n\nOtworzyć archiwa dla studiów gier."):
    return Conclusions.objects.create(
        workshop=workshop, title=title, body=body, language=language, is_published=published,
        published_at=timezone.now() if published else None,
    )


def _workshop(*, day, region="PL823", publication=EventPublication.PUBLISHED):
    return make_workshop(publication=publication, region=region, starts_at=datetime(2026, 5, day, 9, 0, tzinfo=UTC))


def test_only_published_conclusions_of_published_workshops_appear_even_for_operators(client):
    _conclusions(_workshop(day=12), title="Opublikowane")
    _conclusions(_workshop(day=13), title="Szkic wniosków", published=False)
    _conclusions(_workshop(day=14, publication=EventPublication.DRAFT), title="Warsztat w szkicu")
    draft = Conclusions.objects.get(title="Szkic wniosków")

    anonymous = client.get("/api/v1/conclusions").json()
    client.force_login(make_operator())
    operator = client.get("/api/v1/conclusions").json()
    detail = client.get(f"/api/v1/conclusions/{draft.workshop.slug}")

    assert [item["title"] for item in anonymous["items"]] == ["Opublikowane"]
    assert [item["title"] for item in operator["items"]] == ["Opublikowane"]
    assert (detail.status_code, detail.json()["error"]["code"]) == (404, "not_found")


def test_withdrawn_conclusions_disappear_at_once(client):
    conclusions = _conclusions(_workshop(day=12), title="Wycofane później")
    before = client.get(f"/api/v1/conclusions/{conclusions.workshop.slug}")

    Conclusions.objects.filter(pk=conclusions.pk).update(is_published=False, published_at=None)
    after = client.get(f"/api/v1/conclusions/{conclusions.workshop.slug}")

    assert (before.status_code, after.status_code) == (200, 404)
    assert client.get("/api/v1/conclusions").json() == {"items": [], "count": 0}


def test_detail_carries_workshop_areas_themes_text_and_language_but_no_contribution_text(client):
    workshop = _workshop(day=12)
    archives = make_area(workshop, title="Archiwa dla twórców", question="Jak otworzyć zbiory?", position=1)
    make_area(workshop, title="Turystyka", question="", position=2)
    contribution = make_contribution(workshop, archives, text="Tajny pomysł uczestnika o skanowaniu ikon")
    ThemeRun.objects.create(
        workshop=workshop, status="finished", result={"themes": [{
            "area": str(archives.pk), "key_phrases": [{"text": "digitalizacja ikon", "language": "pl", "score": 0.9}],
            "contribution_ids": [str(contribution.pk)], "representative_ids": [str(contribution.pk)], "votes": 4,
        }]},
    )
    ThemeRun.objects.create(workshop=workshop, status="failed", result={"themes": []})
    _conclusions(workshop, title="Wnioski z kawiarni", language="en", body="# Conclusions\n\nOpen the archives.")

    response = client.get(f"/api/v1/conclusions/{workshop.slug}")

    body = response.json()
    assert response.status_code == 200
    assert {key: body[key] for key in ("workshop", "workshop_title", "region", "title", "language", "body", "url")} == {
        "workshop": workshop.slug, "workshop_title": workshop.event.title, "region": "PL823",
        "title": "Wnioski z kawiarni", "language": "en", "body": "# Conclusions\n\nOpen the archives.",
        "url": f"/workshops/{workshop.slug}/conclusions/",
    }
    assert body["held_at"].startswith("2026-05-12T09:00:00")
    assert body["areas"] == [
        {"title": "Archiwa dla twórców", "question": "Jak otworzyć zbiory?"}, {"title": "Turystyka", "question": ""}
    ]
    assert body["themes"] == [{
        "area": "Archiwa dla twórców", "key_phrases": [{"text": "digitalizacja ikon", "language": "pl"}],
        "contributions": 1, "votes": 4,
    }]
    assert "Tajny pomysł" not in response.content.decode()


def test_filters_by_workshop_language_region_and_date(client):
    may_12 = _conclusions(_workshop(day=12, region="PL823"), title="Łańcut", language="pl")
    may_20 = _conclusions(_workshop(day=20, region="SK041"), title="Košice", language="en")
    _conclusions(_workshop(day=28, region="PL822"), title="Rzeszów", language="pl")

    def titles(**params):
        return [item["title"] for item in client.get("/api/v1/conclusions", params).json()["items"]]

    assert titles() == ["Rzeszów", "Košice", "Łańcut"]
    assert titles(workshop=may_20.workshop.slug) == ["Košice"]
    assert titles(language="pl") == ["Rzeszów", "Łańcut"]
    assert titles(region="PL82") == ["Rzeszów", "Łańcut"]
    assert titles(region="PL823") == ["Łańcut"]
    assert titles(held_from="2026-05-12", held_to="2026-05-20") == ["Košice", "Łańcut"]
    assert titles(held_from="2026-05-13") == ["Rzeszów", "Košice"]
    assert titles(held_to="2026-05-11") == []
    assert may_12.workshop.slug not in [c["workshop"] for c in client.get("/api/v1/conclusions", {"language": "en"}).json()["items"]]


def test_pagination_and_error_objects(client):
    for day in range(1, 6):
        _conclusions(_workshop(day=day), title=f"Warsztat {day}")

    page = client.get("/api/v1/conclusions", {"limit": 2, "offset": 1}).json()
    too_big = client.get("/api/v1/conclusions", {"limit": 1000})
    bad_date = client.get("/api/v1/conclusions", {"held_from": "wczoraj"})
    unix_time = client.get("/api/v1/conclusions", {"held_to": "0"})

    assert (page["count"], [item["title"] for item in page["items"]]) == (5, ["Warsztat 4", "Warsztat 3"])
    assert too_big.status_code == 422
    assert too_big.json()["error"]["code"] == "validation_failed"
    assert bad_date.status_code == 422
    assert [detail["field"] for detail in bad_date.json()["error"]["details"]] == ["held_from"]
    assert (unix_time.status_code, [d["field"] for d in unix_time.json()["error"]["details"]]) == (422, ["held_to"])


def test_list_costs_the_same_queries_for_one_and_three_conclusions(client, django_assert_num_queries):
    def add(day):
        workshop = _workshop(day=day)
        area = make_area(workshop, title=f"Obszar {day}")
        ThemeRun.objects.create(workshop=workshop, status="finished", result={"themes": [{
            "area": str(area.pk), "key_phrases": [], "contribution_ids": [], "votes": 0,
        }]})
        _conclusions(workshop, title=f"Warsztat {day}")

    add(1)
    with django_assert_num_queries(4):
        assert client.get("/api/v1/conclusions").json()["count"] == 1
    add(2)
    add(3)
    with django_assert_num_queries(4):
        assert client.get("/api/v1/conclusions").json()["count"] == 3


def test_openapi_documents_the_conclusions(client):
    document = client.get("/api/v1/openapi.json").json()

    assert {"/api/v1/conclusions", "/api/v1/conclusions/{slug}"} <= set(document["paths"])
    properties = document["components"]["schemas"]["ConclusionsOut"]["properties"]
    assert list(properties) == [
        "id", "workshop", "workshop_title", "region", "held_at", "title", "language", "body", "published_at",
        "areas", "themes", "url",
    ]
