"""Create, edit and delete views for every record type and role; moderation by operators."""

import pytest
from django.urls import reverse

from sache.core.models import ActivityLog
from sache.directory.enums import Publication
from sache.directory.models import DigitalProduct, HeritageAsset, Need, Offer, Organisation, Person
from tests.factories.accounts import make_user
from tests.factories.directory import make_member, make_organisation, make_person, make_record

pytestmark = [pytest.mark.integration, pytest.mark.django_db]

MODELS = {"need": Need, "offer": Offer, "asset": HeritageAsset, "product": DigitalProduct}
PAYLOADS = {
    "need": {"language": "pl", "title": "Nowa potrzeba", "description": "Opis potrzeby", "budget_band": "unknown",
             "status": "open", "publication": "published", "competences": ["photogrammetry"]},
    "offer": {"language": "en", "title": "New offer", "description": "What we do", "price_band": "unknown",
              "publication": "published", "portfolio_links": "https://example.org/work\nhttps://example.org/more"},
    "asset": {"language": "pl", "title": "Nowy zasób", "description": "Opis zasobu", "kind": "building",
              "rights_uri": "https://creativecommons.org/licenses/by/4.0/", "publication": "published"},
    "product": {"language": "en", "title": "New product", "description": "A product", "category": "ticketing",
                "price_band": "unknown", "publication": "published"},
}
ORG_PAYLOAD = {
    "name": "Muzeum Nowe", "kind": "museum", "region": "PL823", "city": "Rzeszów", "languages": ["pl", "en"],
    "heritage_domains": ["archaeology"], "tags": "zamki, powozy", "description_pl": "Opis po polsku",
    "description_en": "English description", "main_language": "pl",
}


# --- Organisations -----------------------------------------------------------------


def test_logged_in_user_creates_draft_organisation_and_becomes_member(client):
    user = make_user()
    client.force_login(user)

    response = client.post(reverse("directory:organisation-create"), ORG_PAYLOAD)

    organisation = Organisation.objects.get()
    assert response.url == organisation.get_absolute_url()
    assert (organisation.name, organisation.publication, organisation.tags) == ("Muzeum Nowe", "draft", ["zamki", "powozy"])
    assert list(organisation.descriptions.values_list("language", "is_primary")) == [("pl", True), ("en", False)]
    assert list(organisation.people.values_list("user", "is_admin")) == [(user.pk, True)]
    assert list(ActivityLog.objects.values_list("action", flat=True)) == ["directory.organisation.created"]


def test_anonymous_cannot_create_organisation(client):
    response = client.post(reverse("directory:organisation-create"), ORG_PAYLOAD)

    assert (response.status_code, response.url.startswith("/accounts/login/"), Organisation.objects.count()) == (302, True, 0)


def test_organisation_form_errors_keep_input(client):
    client.force_login(make_user())

    response = client.post(reverse("directory:organisation-create"), {**ORG_PAYLOAD, "region": "XX123", "latitude": "50.1"})

    assert response.status_code == 400
    assert sorted(response.context["form"].errors) == ["longitude", "region"]
    assert 'value="Muzeum Nowe"' in response.content.decode()
    assert Organisation.objects.count() == 0


def test_member_edits_own_organisation(client, org_a, member_a):
    client.force_login(member_a)

    response = client.post(reverse("directory:organisation-edit", kwargs={"slug": org_a.slug}), {**ORG_PAYLOAD, "name": "Muzeum A+"})

    org_a.refresh_from_db()
    assert (response.status_code, org_a.name, org_a.slug) == (302, "Muzeum A+", "muzeum-a")
    assert org_a.search_document.startswith("muzeum a+")


@pytest.mark.parametrize("action", ["organisation-edit", "organisation-delete", "person-create"])
def test_member_of_a_gets_403_on_b(client, org_b, member_a, action):
    client.force_login(member_a)

    get = client.get(reverse(f"directory:{action}", kwargs={"slug": org_b.slug}))
    post = client.post(reverse(f"directory:{action}", kwargs={"slug": org_b.slug}), ORG_PAYLOAD)

    assert (get.status_code, post.status_code) == (403, 403)
    assert Organisation.objects.get(pk=org_b.pk).name == "Studio B"


def test_member_of_a_gets_404_on_draft_b(client, member_a):
    draft = make_organisation(publication=Publication.DRAFT)
    client.force_login(member_a)

    response = client.get(reverse("directory:organisation-edit", kwargs={"slug": draft.slug}))

    assert response.status_code == 404


def test_only_member_admin_or_operator_deletes_organisation(client, org_a, member_a, operator):
    client.force_login(member_a)  # a member, not the organisation's manager
    refused = client.post(reverse("directory:organisation-delete", kwargs={"slug": org_a.slug}))
    client.force_login(operator)
    deleted = client.post(reverse("directory:organisation-delete", kwargs={"slug": org_a.slug}))

    assert (refused.status_code, deleted.status_code, Organisation.objects.filter(pk=org_a.pk).exists()) == (403, 302, False)


def test_operator_publishes_and_unpublishes(client, operator):
    organisation = make_organisation(publication=Publication.DRAFT)
    client.force_login(operator)
    url = reverse("directory:organisation-publication", kwargs={"slug": organisation.slug})

    client.post(url, {"publication": "published"})
    organisation.refresh_from_db()
    published = organisation.publication
    client.post(url, {"publication": "draft"})
    organisation.refresh_from_db()

    assert (published, organisation.publication) == ("published", "draft")
    assert list(ActivityLog.objects.order_by("id").values_list("action", flat=True)) == [
        "directory.organisation.published", "directory.organisation.unpublished"
    ]


def test_member_cannot_publish(client, member_a):
    draft = make_organisation(publication=Publication.DRAFT)
    make_member(draft, member_a)
    client.force_login(member_a)

    response = client.post(reverse("directory:organisation-publication", kwargs={"slug": draft.slug}), {"publication": "published"})

    draft.refresh_from_db()
    assert (response.status_code, draft.publication) == (403, "draft")


def test_operator_merges_duplicate(client, operator, org_a):
    duplicate = make_organisation(name="Muzeum A (duplikat)", heritage_domains=["archaeology"])
    make_record("need", duplicate, title="Potrzeba z duplikatu")
    make_person(duplicate, first_name="Ola")
    client.force_login(operator)

    response = client.post(reverse("directory:organisation-merge", kwargs={"slug": org_a.slug}), {"duplicate": duplicate.slug})

    org_a.refresh_from_db()
    assert response.url == org_a.get_absolute_url()
    assert Organisation.objects.filter(pk=duplicate.pk).exists() is False
    assert list(org_a.needs.values_list("title", flat=True)) == ["Potrzeba z duplikatu"]
    assert list(org_a.people.values_list("first_name", flat=True)) == ["Ola"]
    assert org_a.heritage_domains == ["archaeology"]
    assert ActivityLog.objects.get().action == "directory.organisation.merged"


def test_merge_rejects_itself_and_unknown(client, operator, org_a):
    client.force_login(operator)
    url = reverse("directory:organisation-merge", kwargs={"slug": org_a.slug})

    itself = client.post(url, {"duplicate": org_a.slug})
    unknown = client.post(url, {"duplicate": "no-such-org"})

    assert [itself.status_code, unknown.status_code] == [400, 400]
    assert [str(e) for e in itself.context["form"].errors["duplicate"]] == ["An organisation cannot be merged into itself."]
    assert [str(e) for e in unknown.context["form"].errors["duplicate"]] == ["No organisation has the address no-such-org."]


def test_member_cannot_merge(client, org_a, member_a, org_b):
    client.force_login(member_a)

    response = client.post(reverse("directory:organisation-merge", kwargs={"slug": org_a.slug}), {"duplicate": org_b.slug})

    assert (response.status_code, Organisation.objects.count()) == (403, 2)


# --- People --------------------------------------------------------------------------


def test_member_adds_edits_and_removes_person(client, org_a, member_a):
    client.force_login(member_a)
    payload = {"first_name": "Ewa", "last_name": "Nowa", "role": "Kuratorka", "email": "ewa@example.org", "skills": "AR, VR", "consent_contact": "on"}

    client.post(reverse("directory:person-create", kwargs={"slug": org_a.slug}), payload)
    person = org_a.people.get(first_name="Ewa")
    client.post(reverse("directory:person-edit", kwargs={"pk": person.pk}), {**payload, "role": "Dyrektorka", "consent_contact": ""})
    person.refresh_from_db()
    edited = (person.role, person.skills, person.consent_contact, person.consent_recorded_at)
    client.post(reverse("directory:person-delete", kwargs={"pk": person.pk}))

    assert edited == ("Dyrektorka", ["AR", "VR"], False, None)
    assert org_a.people.filter(first_name="Ewa").exists() is False


@pytest.mark.parametrize("action", ["person-edit", "person-delete"])
def test_member_of_a_gets_403_on_person_of_b(client, org_b, member_a, action):
    person = make_person(org_b)
    client.force_login(member_a)

    response = client.post(reverse(f"directory:{action}", kwargs={"pk": person.pk}), {"first_name": "X", "last_name": "Y"})

    person.refresh_from_db()
    assert (response.status_code, person.first_name) == (403, "Jan")


# --- Needs, offers, assets, products ------------------------------------------------------


@pytest.mark.parametrize("kind", list(PAYLOADS))
def test_member_creates_edits_and_deletes_record(client, org_a, member_a, kind):
    client.force_login(member_a)

    created = client.post(reverse("directory:record-create", kwargs={"slug": org_a.slug, "kind": kind}), PAYLOADS[kind])
    record = MODELS[kind].objects.get()
    edited = client.post(reverse("directory:record-edit", kwargs={"kind": kind, "pk": record.pk}), {**PAYLOADS[kind], "title": "Zmieniony tytuł"})
    record.refresh_from_db()
    title, document = record.title, record.search_document
    deleted = client.post(reverse("directory:record-delete", kwargs={"kind": kind, "pk": record.pk}))

    assert (created.url, edited.url, deleted.url) == (record.get_absolute_url(), record.get_absolute_url(), org_a.get_absolute_url())
    assert (title, document.startswith("zmieniony tytul")) == ("Zmieniony tytuł", True)
    assert MODELS[kind].objects.count() == 0
    assert list(ActivityLog.objects.order_by("id").values_list("action", flat=True)) == [
        f"directory.{kind}.created", f"directory.{kind}.updated", f"directory.{kind}.deleted"
    ]


@pytest.mark.parametrize("kind", list(PAYLOADS))
def test_member_of_a_cannot_touch_records_of_b(client, org_b, member_a, kind):
    record = make_record(kind, org_b, title="Cudzy")
    client.force_login(member_a)

    create = client.post(reverse("directory:record-create", kwargs={"slug": org_b.slug, "kind": kind}), PAYLOADS[kind])
    edit = client.post(reverse("directory:record-edit", kwargs={"kind": kind, "pk": record.pk}), {**PAYLOADS[kind], "title": "Hack"})
    delete = client.post(reverse("directory:record-delete", kwargs={"kind": kind, "pk": record.pk}))

    record.refresh_from_db()
    assert (create.status_code, edit.status_code, delete.status_code, record.title) == (403, 403, 403, "Cudzy")
    assert MODELS[kind].objects.count() == 1


@pytest.mark.parametrize("kind", list(PAYLOADS))
def test_draft_record_of_b_is_404_for_member_of_a(client, org_b, member_a, kind):
    record = make_record(kind, org_b, publication=Publication.DRAFT)
    client.force_login(member_a)

    response = client.get(reverse("directory:record-edit", kwargs={"kind": kind, "pk": record.pk}))

    assert response.status_code == 404


@pytest.mark.parametrize("kind", list(PAYLOADS))
def test_anonymous_is_sent_to_login_for_record_forms(client, org_a, kind):
    record = make_record(kind, org_a)

    response = client.post(reverse("directory:record-edit", kwargs={"kind": kind, "pk": record.pk}), PAYLOADS[kind])

    assert (response.status_code, response.url.split("?")[0]) == (302, "/accounts/login/")


@pytest.mark.parametrize("kind", list(PAYLOADS))
def test_operator_edits_any_record_and_moderates(client, org_b, operator, kind):
    record = make_record(kind, org_b)
    client.force_login(operator)

    client.post(reverse("directory:record-edit", kwargs={"kind": kind, "pk": record.pk}), {**PAYLOADS[kind], "title": "Poprawiony"})
    client.post(reverse("directory:record-publication", kwargs={"kind": kind, "pk": record.pk}), {"publication": "draft"})

    record.refresh_from_db()
    assert (record.title, record.publication) == ("Poprawiony", "draft")


def test_member_cannot_moderate_record(client, org_a, member_a):
    record = make_record("need", org_a)
    client.force_login(member_a)

    response = client.post(reverse("directory:record-publication", kwargs={"kind": "need", "pk": record.pk}), {"publication": "draft"})

    record.refresh_from_db()
    assert (response.status_code, record.publication) == (403, "published")


def test_asset_form_rejects_unknown_rights_uri(client, org_a, member_a):
    client.force_login(member_a)

    response = client.post(
        reverse("directory:record-create", kwargs={"slug": org_a.slug, "kind": "asset"}),
        {**PAYLOADS["asset"], "rights_uri": "https://example.org/my-licence"},
    )

    assert response.status_code == 400
    assert list(response.context["form"].errors) == ["rights_uri"]
    assert 'value="Nowy zasób"' in response.content.decode()


def test_offer_form_rejects_bad_portfolio_link(client, org_a, member_a):
    client.force_login(member_a)

    response = client.post(
        reverse("directory:record-create", kwargs={"slug": org_a.slug, "kind": "offer"}),
        {**PAYLOADS["offer"], "portfolio_links": "example.org/work"},
    )

    assert [str(e) for e in response.context["form"].errors["portfolio_links"]] == [
        "example.org/work is not a web address (it must start with http:// or https://)."
    ]


def test_unknown_record_kind_is_404(client, org_a, member_a):
    client.force_login(member_a)

    response = client.get(reverse("directory:record-create", kwargs={"slug": org_a.slug, "kind": "person"}))

    assert response.status_code == 404


def test_need_form_offers_only_own_assets(client, org_a, org_b, member_a):
    own = make_record("asset", org_a, title="Nasz zasób")
    make_record("asset", org_b, title="Cudzy zasób")
    client.force_login(member_a)

    response = client.get(reverse("directory:record-create", kwargs={"slug": org_a.slug, "kind": "need"}))

    assert list(response.context["form"].fields["asset"].queryset) == [own]
    assert Person.objects.filter(user=member_a).count() == 1
