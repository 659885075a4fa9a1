from dataclasses import replace

import pytest
from django.http import Http404, QueryDict

from sache.directory import facet_index, selectors
from sache.directory.enums import FacetKind, OrganisationKind, Publication
from sache.directory.models import Organisation, OrganisationFacetValue
from tests.factories.accounts import make_operator, make_user
from tests.factories.directory import make_member, make_need, make_organisation, make_record

pytestmark = [pytest.mark.integration, pytest.mark.django_db]


def test_organisations_visible_to_anonymous_only_published(django_user_model):
    published = make_organisation(name="Published")
    make_organisation(name="Draft", publication=Publication.DRAFT)

    from django.contrib.auth.models import AnonymousUser

    assert list(selectors.organisations_visible_to(AnonymousUser())) == [published]


def test_organisations_visible_to_member_includes_own_draft():
    published = make_organisation(name="A published")
    own = make_organisation(name="B own draft", publication=Publication.DRAFT)
    make_organisation(name="C other draft", publication=Publication.DRAFT)
    user = make_user()
    make_member(own, user)

    assert list(selectors.organisations_visible_to(user)) == [published, own]


def test_organisations_visible_to_operator_all(operator):
    first = make_organisation(name="A")
    second = make_organisation(name="B", publication=Publication.DRAFT)

    assert list(selectors.organisations_visible_to(operator)) == [first, second]


def test_records_hidden_when_organisation_is_draft():
    draft_org = make_organisation(publication=Publication.DRAFT)
    make_need(draft_org)
    public_org = make_organisation()
    visible = make_need(public_org)
    make_need(public_org, publication=Publication.DRAFT)

    assert list(selectors.records_visible_to("need", make_user())) == [visible]


def test_get_record_for_raises_404_for_other_draft():
    need = make_need(make_organisation(), publication=Publication.DRAFT)

    with pytest.raises(Http404):
        selectors.get_record_for("need", make_user(), need.pk)


def _totals_match(kind, user, query=""):
    """For every facet value, its count equals the total of the list filtered by that value."""
    result = selectors.browse(kind, user, query=query)
    mismatches = []
    for facet in result.facets:
        for value in facet.values:
            narrowed = selectors.browse(kind, user, query=query, params={facet.param: [value.value]})
            total = narrowed.results.count()
            if not (total == value.count == narrowed.total):
                mismatches.append((facet.param, value.value, value.count, total, narrowed.total))
    return result, mismatches


def test_facet_counts_equal_filtered_totals_for_organisations():
    make_organisation(kind=OrganisationKind.MUSEUM, region="PL823", heritage_domains=["archaeology", "built_heritage"], languages=["pl", "en"], description=("pl", "Muzeum regionalne"))
    make_organisation(kind=OrganisationKind.MUSEUM, region="PL821", heritage_domains=["archaeology"], languages=["pl"], description=("pl", "Muzeum zamek"))
    make_organisation(kind=OrganisationKind.CREATIVE_BUSINESS, region="CZ031", creative_domains=["games"], languages=["cs", "en"], description=("en", "Game studio muzeum"))
    make_organisation(kind=OrganisationKind.LIBRARY, region="PL823", languages=["pl"], publication=Publication.DRAFT)

    result, mismatches = _totals_match("organisation", make_user())
    assert result.total == result.results.count() == 3
    _searched, searched_mismatches = _totals_match("organisation", make_user(), query="muzeum")

    assert mismatches == []
    assert searched_mismatches == []
    counts = {facet.param: {v.value: v.count for v in facet.values} for facet in result.facets}
    assert counts == {
        "kind": {"museum": 2, "creative_business": 1},
        "sector": {"archaeology": 2, "built_heritage": 1, "games": 1},
        "region": {"PL82": 2, "CZ03": 1},
        "language": {"pl": 2, "en": 2, "cs": 1},
    }


def test_facets_are_disjunctive_within_a_facet_and_conjunctive_across():
    make_organisation(name="A", kind=OrganisationKind.MUSEUM, region="PL823")
    make_organisation(name="B", kind=OrganisationKind.GALLERY, region="PL823")
    make_organisation(name="C", kind=OrganisationKind.GALLERY, region="CZ031")

    result = selectors.browse("organisation", None, params={"kind": ["museum", "gallery"], "region": ["PL82"]})

    assert [o.name for o in result.results] == ["A", "B"]
    counts = {facet.param: {v.value: v.count for v in facet.values} for facet in result.facets}
    assert counts["kind"] == {"museum": 1, "gallery": 1}
    assert counts["region"] == {"PL82": 2, "CZ03": 1}


def test_facet_counts_equal_filtered_totals_for_records():
    first = make_organisation(region="PL823")
    second = make_organisation(region="HU221")
    make_record("need", first, language="pl", budget_band="under_5k")
    make_record("need", first, language="en", status="closed")
    make_record("need", second, language="hu", title="Digitális archívum")

    result, mismatches = _totals_match("need", None)

    assert mismatches == []
    assert {v.value: v.count for v in result.facets[2].values} == {"PL82": 2, "HU22": 1}


def test_unknown_facet_values_are_ignored():
    make_organisation(name="A")

    result = selectors.browse("organisation", None, params={"region": ["XX99", "PL823"], "sector": ["nope"]})

    assert (result.selected, [o.name for o in result.results]) == ({}, ["A"])


def test_browse_sort_by_completeness():
    make_organisation(name="Sparse")
    make_organisation(name="Rich", website="https://example.org", size_band="small", languages=["pl"])

    result = selectors.browse("organisation", None, sort="-completeness")

    assert [o.name for o in result.results] == ["Rich", "Sparse"]


def test_selected_facets_reads_every_value_of_a_querydict():
    params = QueryDict("kind=museum&kind=gallery&region=PL82&region=XX99&sector=archaeology")

    assert selectors.selected_facets("organisation", params) == {
        "kind": ["museum", "gallery"],
        "region": ["PL82"],
        "sector": ["archaeology"],
    }


def test_selected_facets_accepts_a_dict_of_lists_or_strings():
    assert selectors.selected_facets("organisation", {"kind": ["museum", "museum"], "language": "pl"}) == {
        "kind": ["museum"],
        "language": ["pl"],
    }


def _page(result):
    counts = {facet.param: {v.value: v.count for v in facet.values} for facet in result.facets}
    records = result.ordered if result.ordered is not None else result.results
    return [o.name for o in records], result.total, counts


def _mixed_directory():
    make_organisation(name="A", kind=OrganisationKind.MUSEUM, region="PL823", heritage_domains=["archaeology"], languages=["pl", "en"], description=("pl", "Muzeum zamek"))
    make_organisation(name="B", kind=OrganisationKind.GALLERY, region="PL821", creative_domains=["games"], languages=["pl"], description=("pl", "Galeria muzeum"))
    make_organisation(name="C", kind=OrganisationKind.MUSEUM, region="CZ031", heritage_domains=["archaeology", "built_heritage"], languages=["cs"], description=("cs", "Muzeum hrad"))
    make_organisation(name="D", kind=OrganisationKind.LIBRARY, region="PL823", languages=["pl"], publication=Publication.DRAFT, description=("pl", "Biblioteka muzeum"))
    return make_organisation(name="E", kind=OrganisationKind.MUSEUM, region="HU221", languages=["hu", "en"], publication=Publication.DRAFT)


@pytest.mark.parametrize("viewer", ["anonymous", "member", "operator"])
@pytest.mark.parametrize(
    ("query", "params"),
    [
        ("", {}),
        ("muzeum", {}),
        ("muz", {"kind": ["museum"], "region": ["PL82"]}),
        ("", {"sector": ["archaeology"], "language": ["pl", "cs"]}),
        ("muzeum", {"kind": ["museum", "library"], "language": ["en"]}),
        ("nothing", {"kind": ["museum"]}),
    ],
)
def test_indexed_counts_equal_the_sql_counts(monkeypatch, viewer, query, params):
    draft = _mixed_directory()
    user = {"anonymous": None, "member": make_user(), "operator": make_operator()}[viewer]
    if viewer == "member":
        make_member(draft, user)

    indexed = _page(selectors.browse("organisation", user, query=query, params=params))
    monkeypatch.setitem(selectors.BROWSE, "organisation", replace(selectors.BROWSE["organisation"], indexed=False))
    in_sql = _page(selectors.browse("organisation", user, query=query, params=params))

    assert indexed == in_sql


@pytest.mark.parametrize("sort", ["name", "-created", "-completeness"])
def test_indexed_order_equals_the_database_order(sort):
    for number, name in enumerate(["b", "A", "ą", "a", "Z", "b"]):
        make_organisation(name=name, completeness=number % 3, description=("pl", "Muzeum"))

    result = selectors.browse("organisation", None, query="muzeum", params={"kind": ["museum"]}, sort=sort)

    assert [o.pk for o in result.ordered] == [o.pk for o in result.results]
    assert [o.pk for o in result.ordered[2:4]] == [o.pk for o in result.results[2:4]]
    assert result.ordered[-1] == list(result.results)[-1]


def test_index_follows_bulk_writes_that_bypass_the_services():
    organisation = make_organisation(name="A", kind=OrganisationKind.MUSEUM, languages=["pl"])
    assert _page(selectors.browse("organisation", None))[2]["kind"] == {"museum": 1}

    Organisation.objects.filter(pk=organisation.pk).update(kind=OrganisationKind.GALLERY)
    OrganisationFacetValue.objects.filter(organisation=organisation, facet=FacetKind.LANGUAGE).update(value="de")
    make_organisation(name="B", publication=Publication.DRAFT)
    counts = _page(selectors.browse("organisation", None))[2]
    Organisation.objects.filter(name="B").update(publication=Publication.PUBLISHED)

    assert (counts["kind"], counts["language"]) == ({"gallery": 1}, {"de": 1})
    assert _page(selectors.browse("organisation", None))[:2] == (["A", "B"], 2)


def test_version_token_changes_with_every_write_to_organisations_and_their_facets():
    tokens = [facet_index.version_token()]
    organisation = make_organisation(name="A")
    tokens.append(facet_index.version_token())
    OrganisationFacetValue.objects.create(organisation=organisation, facet=FacetKind.LANGUAGE, value="it")
    tokens.append(facet_index.version_token())
    Organisation.objects.filter(pk=organisation.pk).update(completeness=99)
    tokens.append(facet_index.version_token())
    organisation.delete()
    tokens.append(facet_index.version_token())

    assert len(set(tokens)) == len(tokens)
    assert None not in tokens[1:]


def test_bitmap_round_trip():
    ids = [0, 1, 7, 8, 9, 1023, 1024, 100_000]

    assert facet_index.ids_of(facet_index.bitmap(ids)) == ids
    assert facet_index.ids_of(facet_index.bitmap([])) == []
