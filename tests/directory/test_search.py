"""The one search interface, on whichever database the suite runs (SQLite FTS5 or PostgreSQL)."""

import pytest

from sache.directory import search, services
from sache.directory.models import Need, Organisation
from tests.factories.directory import make_need, make_organisation

pytestmark = [pytest.mark.integration, pytest.mark.django_db]


def _names(query):
    return sorted(search.filter_by_query(Organisation.objects.all(), query).values_list("name", flat=True))


def test_search_finds_diacritics_without_typing_them():
    make_organisation(name="Muzeum-Zamek w Łańcucie", city="Łańcut")
    make_organisation(name="Galeria Sztuki", city="Kraków")

    assert _names("lancut") == ["Muzeum-Zamek w Łańcucie"]
    assert _names("ŁAŃCUT") == ["Muzeum-Zamek w Łańcucie"]


def test_search_finds_polish_description_by_polish_query():
    make_organisation(name="Skansen", description=("pl", "Żywe lekcje rzemiosła ludowego i garncarstwa dla szkół."))
    make_organisation(name="Studio", description=("en", "We make folk-inspired video games."))

    assert _names("rzemiosła ludowego") == ["Skansen"]
    assert _names("garncarstwo") == []  # no stemming: a different word form is a different word
    assert _names("garncar") == ["Skansen"]  # but the last word matches as a prefix


def test_search_needs_every_word():
    make_organisation(name="Muzeum Wsi", city="Sanok")
    make_organisation(name="Muzeum Miasta", city="Rzeszów")

    assert _names("muzeum sanok") == ["Muzeum Wsi"]
    assert _names("muzeum") == ["Muzeum Miasta", "Muzeum Wsi"]


def test_search_finds_region_names_in_both_spellings():
    make_organisation(name="Dom Kultury", region="PL821", city="Krosno")
    make_organisation(name="Kulturhaus", region="AT211", city="Klagenfurt")

    assert _names("podkarpackie") == ["Dom Kultury"]
    assert _names("carinthia") == ["Kulturhaus"]


def test_search_empty_query_returns_everything():
    make_organisation(name="A")
    make_organisation(name="B")

    assert _names("  ?! ") == ["A", "B"]


def test_search_ignores_query_syntax():
    make_organisation(name="Teatr NEAR Rynek")

    assert _names('near "rynek" OR *') == []
    assert _names("teatr near") == ["Teatr NEAR Rynek"]


def test_search_follows_updates_and_deletes():
    organisation = make_organisation(name="Stara nazwa")
    organisation.name = "Nowa nazwa"
    organisation.save(update_fields=["name"])
    services.refresh_organisation(organisation)

    assert _names("stara") == []
    assert _names("nowa") == ["Nowa nazwa"]
    organisation.delete()
    assert _names("nowa") == []


def test_search_records_by_title_and_competence():
    organisation = make_organisation()
    need = make_need(organisation, title="Skanowanie 3D rzeźb", competences=["photogrammetry"])
    make_need(organisation, title="Strona internetowa")

    found = list(search.filter_by_query(Need.objects.all(), "photogrammetry skan"))

    assert found == [need]


def test_rebuild_search_indexes_keeps_results():
    make_organisation(name="Muzeum Okręgowe")

    search.rebuild_search_indexes()

    assert _names("okregowe") == ["Muzeum Okręgowe"]
