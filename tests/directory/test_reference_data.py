"""Checks of the reference data files in ``src/sache/directory/data`` (no Django)."""

import csv
import json
import re
import unicodedata
from collections import Counter
from pathlib import Path

import pytest

pytestmark = pytest.mark.unit

DATA = Path(__file__).resolve().parents[2] / "src" / "sache" / "directory" / "data"
SOURCE = Path(__file__).resolve().parents[3] / "shared" / "data" / "nuts" / "nuts2021.csv"
LANGUAGES = ("en", "pl", "de", "hu", "it", "sl", "hr", "cs", "sk")
COUNTRIES = ("AT", "CZ", "DE", "HR", "HU", "IT", "PL", "SI", "SK")


def _read_csv(name):
    with (DATA / name).open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def _strip_diacritics(text):
    decomposed = unicodedata.normalize("NFKD", text.replace("ł", "l").replace("Ł", "L"))
    return "".join(char for char in decomposed if not unicodedata.combining(char))


def _plain(text):
    return " ".join(_strip_diacritics(text).replace("-", " ").split())


@pytest.fixture(scope="module")
def regions():
    return _read_csv("nuts2021.csv")


@pytest.fixture(scope="module")
def corrections():
    return _read_csv("nuts2021_corrections.csv")


def test_nuts_columns(regions):
    assert list(regions[0]) == ["code", "level", "country", "name", "name_en"]


def test_nuts_codes_unique_and_complete(regions):
    codes = [row["code"] for row in regions]
    assert len(codes) == 858
    assert [code for code, count in Counter(codes).items() if count > 1] == []


@pytest.mark.skipif(not SOURCE.exists(), reason="shared source file is not beside this checkout")
def test_nuts_codes_match_source(regions):
    with SOURCE.open(encoding="utf-8", newline="") as handle:
        source = {row["code"]: row for row in csv.DictReader(handle)}
    assert sorted(row["code"] for row in regions) == sorted(source)
    assert {row["code"]: row["level"] for row in regions} == {
        c: r["level"] for c, r in source.items()
    }


def test_nuts_levels_follow_code_length(regions):
    wrong = [row["code"] for row in regions if len(row["code"]) != 2 + int(row["level"])]
    assert wrong == []


def test_nuts_every_region_has_its_parent(regions):
    codes = {row["code"] for row in regions}
    orphans = [
        row["code"] for row in regions if row["level"] != "0" and row["code"][:-1] not in codes
    ]
    assert orphans == []
    assert "PL82" in codes and "PL823" in codes


def test_nuts_country_column_matches_code_prefix(regions):
    assert [row["code"] for row in regions if row["code"][:2] != row["country"]] == []


def test_nuts_nine_countries_present(regions):
    assert sorted(row["code"] for row in regions if row["level"] == "0") == sorted(COUNTRIES)
    assert sorted({row["country"] for row in regions}) == sorted(COUNTRIES)


def test_nuts_names_have_no_stray_whitespace(regions):
    bad = [
        row["code"]
        for row in regions
        for key in ("name", "name_en")
        if row[key] != " ".join(row[key].split()) or not row[key]
    ]
    assert bad == []


@pytest.mark.parametrize(
    ("code", "name"),
    [
        ("PL82", "Podkarpackie"),
        ("PL821", "Krośnieński"),
        ("PL21", "Małopolskie"),
        ("PL22", "Śląskie"),
        ("PL711", "Miasto Łódź"),
        ("PL926", "Żyrardowski"),
        ("SI033", "Koroška"),
        ("SI044", "Obalno-kraška"),
        ("CZ031", "Jihočeský kraj"),
        ("CZ010", "Hlavní město Praha"),
        ("HU221", "Győr-Moson-Sopron"),
        ("HU311", "Borsod-Abaúj-Zemplén"),
        ("HR065", "Zagrebačka županija"),
        ("SK022", "Trenčiansky kraj"),
        ("SK042", "Košický kraj"),
        ("AT21", "Kärnten"),
        ("AT225", "West- und Südsteiermark"),
        ("ITH10", "Bolzano-Bozen"),
        ("ITH4", "Friuli-Venezia Giulia"),
        ("DE1", "Baden-Württemberg"),
        ("DE116", "Rems-Murr-Kreis"),
        ("DEE01", "Dessau-Roßlau, Kreisfreie Stadt"),
    ],
)
def test_nuts_national_spelling_restored(regions, code, name):
    assert {row["code"]: row["name"] for row in regions}[code] == name


@pytest.mark.parametrize(
    ("code", "name_en"),
    [
        ("PL82", "Subcarpathian"),
        ("PL", "Poland"),
        ("AT21", "Carinthia"),
        ("HU", "Hungary"),
        ("SK041", "Prešov Region"),
        ("PL823", "Rzeszowski"),
        ("DE212", "Munich, urban district"),
    ],
)
def test_nuts_english_names(regions, code, name_en):
    assert {row["code"]: row["name_en"] for row in regions}[code] == name_en


def test_nuts_corrections_applied(regions, corrections):
    names = {row["code"]: row["name"] for row in regions}
    assert [row["code"] for row in corrections if names[row["code"]] != row["name"]] == []
    assert [row["code"] for row in corrections if row["source_label"] == row["name"]] == []


def test_nuts_no_stripped_form_left(regions, corrections):
    """No name is a diacritic- or hyphen-stripped form of a corrected name."""
    stripped_forms = {
        row["source_label"]
        for row in corrections
        if _plain(row["source_label"]) == _plain(row["name"])
    }
    assert len(stripped_forms) > 150
    assert sorted({row["name"] for row in regions} & stripped_forms) == []
    # a name whose stripped form equals a corrected name would be a miss of the same kind
    corrected_codes = {row["code"] for row in corrections}
    corrected = {_plain(row["name"]) for row in corrections if _plain(row["name"]) != row["name"]}
    leftovers = [
        row["code"]
        for row in regions
        if row["code"] not in corrected_codes and row["name"] in corrected
    ]
    assert leftovers == []


def test_nuts_corrections_list_samples(corrections):
    by_code = {row["code"]: (row["source_label"], row["name"]) for row in corrections}
    assert by_code["PL821"] == ("Krosnienski", "Krośnieński")
    assert by_code["HU221"] == ("Gyor Moson Sopron", "Győr-Moson-Sopron")
    assert by_code["SI033"] == ("Koroska", "Koroška")
    assert by_code["AT211"] == ("Klagenfurt  Villach", "Klagenfurt-Villach")


def _vocabulary(name):
    return json.loads((DATA / name).read_text(encoding="utf-8"))


@pytest.mark.parametrize(
    ("name", "minimum", "maximum"),
    [
        ("heritage_domains.json", 15, 25),
        ("creative_domains.json", 15, 25),
        ("competences.json", 60, 100),
    ],
)
def test_vocabulary_shape(name, minimum, maximum):
    items = _vocabulary(name)
    codes = [item["code"] for item in items]
    assert minimum <= len(items) <= maximum
    assert len(set(codes)) == len(codes)
    assert [code for code in codes if not re.fullmatch(r"[a-z0-9_]+", code)] == []
    missing = [
        (item["code"], lang)
        for item in items
        for lang in LANGUAGES
        if not item["labels"].get(lang, "").strip()
    ]
    assert missing == []


@pytest.mark.parametrize(
    "name", ["heritage_domains.json", "creative_domains.json", "competences.json"]
)
def test_vocabulary_labels_distinct_within_language(name):
    items = _vocabulary(name)
    duplicates = {
        lang: [label for label, n in Counter(i["labels"][lang] for i in items).items() if n > 1]
        for lang in LANGUAGES
    }
    assert {lang: labels for lang, labels in duplicates.items() if labels} == {}


def test_required_domain_codes_present():
    heritage = {item["code"] for item in _vocabulary("heritage_domains.json")}
    creative = {item["code"] for item in _vocabulary("creative_domains.json")}
    assert {
        "museum_collections",
        "archives_records",
        "built_heritage",
        "archaeology",
        "intangible_heritage",
        "industrial_heritage",
        "jewish_heritage",
        "folk_crafts",
    } <= heritage
    assert {
        "design",
        "games",
        "ar_vr",
        "audiovisual",
        "animation",
        "music",
        "publishing",
        "crafts",
        "software",
        "architecture",
        "digital_heritage_services",
        "3d_scanning",
    } <= creative


def test_competences_have_category_and_keywords():
    items = _vocabulary("competences.json")
    assert [i["code"] for i in items if not i["category"]] == []
    assert [i["code"] for i in items if not (i["keywords"]["en"] and i["keywords"]["pl"])] == []
    assert len({i["category"] for i in items}) == 18


def test_competence_labels_sample():
    labels = {i["code"]: i["labels"] for i in _vocabulary("competences.json")}
    assert labels["photogrammetry"]["pl"] == "Fotogrametria"
    assert labels["ar_development"]["en"] == "Augmented reality (AR) development"
    assert labels["audio_guides"]["pl"] == "Audioprzewodniki"
