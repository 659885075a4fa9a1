import pytest
from django.core.management import call_command

from sache.core.models import ActivityLog
from sache.directory import search, services
from sache.directory.models import Organisation, OrganisationFacetValue
from tests.factories.accounts import make_operator, make_user
from tests.factories.directory import make_member, make_organisation, make_person, make_record

pytestmark = [pytest.mark.integration, pytest.mark.django_db]


def test_create_organisation_derives_fields_and_reserves_slugs():
    user = make_user(full_name="Anna Nowak")

    organisation = services.create_organisation(
        actor=user,
        fields={"name": "New", "kind": "museum", "region": "PL823", "languages": ["pl"], "heritage_domains": ["archaeology"]},
        descriptions={"pl": "Opis", "en": ""},
    )

    assert (organisation.slug, organisation.publication) == ("new-2", "draft")
    assert sorted(OrganisationFacetValue.objects.values_list("facet", "value")) == [
        ("heritage_domain", "archaeology"), ("language", "pl")
    ]
    assert list(organisation.people.values_list("first_name", "last_name", "is_admin")) == [("Anna", "Nowak", True)]


def test_create_organisations_in_bulk_matches_single_creation():
    operator = make_operator()
    fields = {"name": "Muzeum Łańcut", "kind": "museum", "region": "PL823", "city": "Łańcut", "languages": ["pl"]}

    single = services.create_organisation(actor=operator, fields=fields, descriptions={"pl": "Zamek"}, as_member=False)
    [bulk] = services.create_organisations([({**fields, "external_id": "b"}, {"pl": "Zamek"}, "pl")], actor=operator)

    bulk.refresh_from_db()
    assert (bulk.slug, bulk.search_document, bulk.completeness) == ("muzeum-lancut-2", single.search_document, single.completeness)
    assert list(search.filter_by_query(Organisation.objects.order_by("id"), "lancut zamek")) == [single, bulk]
    assert ActivityLog.objects.filter(action="directory.organisation.created").count() == 2


def test_update_organisation_logs_changed_fields_and_keeps_unchanged_descriptions():
    organisation = make_organisation(name="Stara", description=("pl", "Opis"))
    description_id = organisation.descriptions.get().pk

    services.update_organisation(organisation, actor=None, fields={"name": "Nowa", "city": organisation.city}, descriptions={"pl": "Opis", "en": "Text"}, main_language="pl")

    assert (organisation.slug, organisation.descriptions.get(language="pl").pk) == ("nowa", description_id)
    assert ActivityLog.objects.get().data == {"fields": ["name"]}


def test_merge_keeps_one_membership_and_fills_gaps():
    kept = make_organisation(name="Kept", website="")
    duplicate = make_organisation(name="Dup", website="https://dup.example.org", external_id="dup-1", description=("en", "Duplicate text"))
    both, only_dup = make_user(), make_user()
    make_member(kept, both)
    make_member(duplicate, both)
    make_member(duplicate, only_dup)
    make_record("offer", duplicate)
    make_person(duplicate)

    services.merge_organisations(kept, duplicate=duplicate, actor=make_operator())

    kept.refresh_from_db()
    assert sorted(kept.people.exclude(user=None).values_list("user_id", flat=True)) == sorted([both.pk, only_dup.pk])
    assert (kept.people.count(), kept.offers.count(), kept.website, kept.external_id) == (3, 1, "https://dup.example.org", "dup-1")
    assert list(kept.descriptions.values_list("language", flat=True)) == ["en"]
    assert ActivityLog.objects.get().data["moved"] == {"people": 2, "need": 0, "offer": 1, "asset": 0, "product": 0}


def test_merge_into_itself_is_refused():
    organisation = make_organisation()

    with pytest.raises(ValueError):
        services.merge_organisations(organisation, duplicate=organisation, actor=None)


def test_set_publication_is_a_no_op_when_unchanged():
    organisation = make_organisation()

    services.set_organisation_publication(organisation, publication="published", actor=None)

    assert ActivityLog.objects.count() == 0


def test_rebuild_search_index_command():
    make_organisation(name="Muzeum Wsi")
    out = __import__("io").StringIO()

    call_command("rebuild_search_index", stdout=out)

    assert [o.name for o in search.filter_by_query(Organisation.objects.all(), "wsi")] == ["Muzeum Wsi"]
    assert out.getvalue().startswith("Search index rebuilt")
