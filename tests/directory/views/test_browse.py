import pytest
from django.urls import reverse

from sache.directory.enums import OrganisationKind, Publication
from tests.factories.accounts import make_user
from tests.factories.directory import make_member, make_organisation, make_record

pytestmark = [pytest.mark.integration, pytest.mark.django_db]

LISTS = ["organisation", "need", "offer", "asset", "product"]


def _titles(response):
    return [getattr(record, "title", None) or record.name for record in response.context["page"]]


def test_organisation_list_search_and_facets(client):
    make_organisation(name="Muzeum-Zamek w Łańcucie", kind=OrganisationKind.MUSEUM, city="Łańcut")
    make_organisation(name="Łańcut Games", kind=OrganisationKind.CREATIVE_BUSINESS, city="Łańcut")
    make_organisation(name="Galeria", kind=OrganisationKind.GALLERY)

    response = client.get("/organisations/", {"q": "lancut", "kind": "museum"})

    assert _titles(response) == ["Muzeum-Zamek w Łańcucie"]
    kinds = {v.value: (v.count, v.selected) for v in response.context["browse"].facets[0].values}
    assert kinds == {"museum": (1, True), "creative_business": (1, False)}
    assert "Muzeum-Zamek w Łańcucie" in response.content.decode()


def test_organisation_list_hides_drafts_from_anonymous(client):
    make_organisation(name="Public")
    make_organisation(name="Secret draft", publication=Publication.DRAFT)

    response = client.get("/organisations/")

    assert _titles(response) == ["Public"]
    assert "Secret draft" not in response.content.decode()


@pytest.mark.parametrize("kind", ["need", "offer", "asset", "product"])
def test_record_lists_show_only_published_of_published(client, kind):
    public = make_organisation()
    hidden = make_organisation(publication=Publication.DRAFT)
    make_record(kind, public, title="Visible record")
    make_record(kind, public, title="Draft record", publication=Publication.DRAFT)
    make_record(kind, hidden, title="Record of draft organisation")

    response = client.get(reverse(f"directory:{kind}-list"))

    assert _titles(response) == ["Visible record"]


@pytest.mark.parametrize("kind", ["need", "offer", "asset", "product"])
def test_record_detail_draft_is_404_for_others_and_visible_to_member(client, kind):
    organisation = make_organisation()
    record = make_record(kind, organisation, title="Draft record", publication=Publication.DRAFT)
    member = make_user()
    make_member(organisation, member)

    anonymous = client.get(record.get_absolute_url())
    client.force_login(make_user())
    stranger = client.get(record.get_absolute_url())
    client.force_login(member)
    own = client.get(record.get_absolute_url())

    assert (anonymous.status_code, stranger.status_code, own.status_code) == (404, 404, 200)
    assert own.context["record"] == record


def test_organisation_detail_shows_records_people_and_consented_contacts(client):
    organisation = make_organisation(name="Muzeum")
    make_record("need", organisation, title="Potrzeba")
    make_record("offer", organisation, title="Oferta")
    make_record("asset", organisation, title="Zasób")
    make_record("product", organisation, title="Produkt")
    make_record("need", organisation, title="Szkic", publication=Publication.DRAFT)
    organisation.people.create(first_name="Ewa", last_name="Jawna", email="ewa@example.org", consent_contact=True)
    organisation.people.create(first_name="Piotr", last_name="Ukryty", email="piotr@example.org")

    response = client.get(organisation.get_absolute_url())
    html = response.content.decode()

    assert [[r.title for r in response.context[key]] for key in ("needs", "offers", "assets", "products")] == [
        ["Potrzeba"], ["Oferta"], ["Zasób"], ["Produkt"]
    ]
    assert ("ewa@example.org" in html, "piotr@example.org" in html, "Piotr Ukryty" in html) == (True, False, True)


def test_organisation_detail_draft_is_404_for_anonymous(client):
    organisation = make_organisation(publication=Publication.DRAFT)

    response = client.get(organisation.get_absolute_url())

    assert response.status_code == 404


def test_organisation_detail_shows_missing_parts_to_members(client):
    organisation = make_organisation()
    member = make_user()
    make_member(organisation, member)
    client.force_login(member)

    response = client.get(organisation.get_absolute_url())

    assert [str(part) for part in response.context["missing"]] == [
        "a description of at least 80 characters",
        "heritage or creative domains",
        "competences",
        "a description in a second language",
        "working languages",
        "a website",
        "a size band",
    ]


def test_pagination_keeps_the_query(client):
    for number in range(25):
        make_organisation(name=f"Muzeum {number:02d}")

    response = client.get("/organisations/", {"q": "muzeum", "page": "2"})

    assert _titles(response) == [f"Muzeum {n:02d}" for n in range(20, 25)]
    assert 'href="?q=muzeum&amp;page=1"' in response.content.decode()


@pytest.mark.parametrize("count", [1, 3])
def test_organisation_list_query_count(client, django_assert_num_queries, count):
    for number in range(count):
        make_organisation(name=f"Org {number}", heritage_domains=["archaeology"], languages=["pl"])

    client.get("/organisations/")  # builds this process's facet index (five queries, once per write)

    # version token + matching ids + page (counts and total come from the in-memory bitmaps)
    with django_assert_num_queries(3):
        response = client.get("/organisations/", {"q": "org", "kind": "museum"})

    assert len(response.context["page"]) == count


@pytest.mark.parametrize("kind", ["need", "offer", "asset", "product"])
@pytest.mark.parametrize("count", [1, 3])
def test_record_list_query_count(client, django_assert_num_queries, kind, count):
    organisation = make_organisation()
    for number in range(count):
        make_record(kind, organisation, title=f"Record {number}")
    facets = {"need": 4, "offer": 3, "asset": 3, "product": 4}[kind]

    with django_assert_num_queries(1 + facets):
        response = client.get(reverse(f"directory:{kind}-list"), {"q": "record"})

    assert len(response.context["page"]) == count


def test_export_is_for_operators_only(client):
    make_organisation(name="A")
    client.force_login(make_user())

    response = client.get("/organisations/export/", {"format": "csv"})

    assert response.status_code == 403


def test_list_page_in_polish_uses_polish_labels(client):
    make_organisation(name="Skansen", heritage_domains=["archaeology"])
    client.cookies["django_language"] = "pl"

    response = client.get("/organisations/", HTTP_ACCEPT_LANGUAGE="pl")
    html = response.content.decode()

    assert ('<html lang="pl">' in html, "Zastosuj filtry" in html, "Archeologia" in html) == (True, True, True)
