"""Tests of the demo hub generator ``sache.demo`` (pure Python, no database)."""

import csv
import json
import re
from collections import Counter
from dataclasses import astuple
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from sache.demo import generate_hub, iter_hub
from sache.demo.__main__ import main
from sache.demo.generator import (
    ASSET_KINDS,
    AUDIENCES,
    BUDGET_BANDS,
    HERITAGE_KINDS,
    KINDS,
    NEED_STATUSES,
    PRODUCT_CATEGORIES,
    ROLES,
    SIZE_BANDS,
    TIMEFRAMES,
)
from sache.demo.names import FIRST_NAMES, LAST_NAMES
from sache.demo.records import OrgRecord

pytestmark = pytest.mark.unit

DATA = Path(__file__).resolve().parents[2] / "src" / "sache" / "directory" / "data"
LANGUAGES = {"pl", "en", "de", "hu", "it", "sl", "hr", "cs", "sk"}


def _codes(name):
    return {item["code"] for item in json.loads((DATA / name).read_text(encoding="utf-8"))}


HERITAGE_DOMAINS = _codes("heritage_domains.json")
CREATIVE_DOMAINS = _codes("creative_domains.json")
COMPETENCES = _codes("competences.json")
with (DATA / "nuts2021.csv").open(encoding="utf-8") as _handle:
    NUTS3 = {row["code"] for row in csv.DictReader(_handle) if row["level"] == "3"}


@pytest.fixture(scope="module")
def hub_500():
    return generate_hub(500, seed=3)


@pytest.fixture(scope="module")
def hub_2000():
    return generate_hub(2000, seed=11)


def _invalid_codes(hub):
    """Every field that must hold a vocabulary code, checked; returns the offenders."""
    bad = []
    for org in hub.orgs:
        bad += [(org.external_id, "kind")] if org.kind not in KINDS else []
        bad += [(org.external_id, "size")] if org.size_band not in SIZE_BANDS else []
        bad += [(org.external_id, "region")] if org.region not in NUTS3 else []
        bad += [(org.external_id, "status")] if org.status not in ("published", "draft") else []
        bad += [(org.external_id, c) for c in org.heritage_domains if c not in HERITAGE_DOMAINS]
        bad += [(org.external_id, c) for c in org.creative_domains if c not in CREATIVE_DOMAINS]
        bad += [(org.external_id, c) for c in org.competences if c not in COMPETENCES]
        bad += [(org.external_id, c) for c in org.languages if c not in LANGUAGES]
        bad += [(org.external_id, c) for c, _text in org.descriptions if c not in LANGUAGES]
    for person in hub.people:
        bad += [(person.external_id, "role")] if person.role not in ROLES else []
        bad += [(person.external_id, c) for c in person.skills if c not in COMPETENCES]
        bad += [(person.external_id, c) for c in person.languages if c not in LANGUAGES]
    for need in hub.needs:
        bad += [(need.external_id, c) for c in need.competences if c not in COMPETENCES]
        bad += [(need.external_id, "band")] if need.budget_band not in BUDGET_BANDS else []
        bad += [(need.external_id, "time")] if need.timeframe not in TIMEFRAMES else []
        bad += [(need.external_id, "status")] if need.status not in NEED_STATUSES else []
        bad += [(need.external_id, "lang")] if need.language not in LANGUAGES else []
    for offer in hub.offers:
        bad += [(offer.external_id, c) for c in offer.competences if c not in COMPETENCES]
        bad += [(offer.external_id, "band")] if offer.price_band not in BUDGET_BANDS else []
        bad += [(offer.external_id, "lang")] if offer.language not in LANGUAGES else []
    for asset in hub.assets:
        bad += [(asset.external_id, "kind")] if asset.kind not in ASSET_KINDS else []
        bad += [(asset.external_id, "rights")] if not asset.rights_uri.startswith(
            ("http://creativecommons.org/", "http://rightsstatements.org/vocab/")) else []
    for product in hub.products:
        bad += [(product.external_id, "category")] if product.category not in PRODUCT_CATEGORIES else []
        bad += [(product.external_id, "audience")] if product.audience not in AUDIENCES else []
        bad += [(product.external_id, "band")] if product.price_band not in BUDGET_BANDS else []
    return bad


def _dangling_references(hub, seed):
    """Records pointing at a record that is missing, of another organisation, or generated later."""
    position = {}
    for index, record in enumerate(iter_hub(len(hub.orgs), seed=seed)):
        position[record.external_id] = index
    asset_owner = {asset.external_id: asset.org_external_id for asset in hub.assets}
    heritage = {org.external_id for org in hub.orgs if org.kind in HERITAGE_KINDS}
    bad = []
    for record in hub.people + hub.needs + hub.offers + hub.assets + hub.products:
        if position.get(record.org_external_id, len(position)) > position[record.external_id]:
            bad.append(record.external_id)
    bad += [n.external_id for n in hub.needs
            if n.asset_external_id is not None and asset_owner.get(n.asset_external_id) != n.org_external_id]
    bad += [p.external_id for p in hub.products if not set(p.references) <= heritage]
    return bad


def test_same_seed_gives_identical_records():
    assert generate_hub(300, seed=5) == generate_hub(300, seed=5)


def test_different_seeds_give_different_records():
    first, second = generate_hub(50, seed=1), generate_hub(50, seed=2)
    assert [astuple(o) for o in first.orgs] != [astuple(o) for o in second.orgs]


def test_prefix_of_a_hub_is_the_smaller_hub():
    """Organisations are generated one after another from one stream, so 40 orgs start 60 orgs."""
    assert generate_hub(60, seed=9).orgs[:40] == generate_hub(40, seed=9).orgs


def test_stream_and_hub_hold_the_same_records(hub_500):
    streamed = Counter(type(record).__name__ for record in iter_hub(500, seed=3))
    assert streamed == Counter({
        "OrgRecord": len(hub_500.orgs), "PersonRecord": len(hub_500.people), "NeedRecord": len(hub_500.needs),
        "OfferRecord": len(hub_500.offers), "AssetRecord": len(hub_500.assets),
        "ProductRecord": len(hub_500.products),
    })


def test_zero_orgs_gives_an_empty_hub():
    hub = generate_hub(0, seed=1)
    assert (hub.orgs, hub.people, hub.needs, hub.offers, hub.assets, hub.products) == ((),) * 6


def test_negative_orgs_rejected():
    with pytest.raises(ValueError, match="orgs must be"):
        list(iter_hub(-1, seed=1))


def test_ids_unique_and_numbered(hub_2000):
    ids = [r.external_id for group in (hub_2000.orgs, hub_2000.people, hub_2000.needs, hub_2000.offers,
                                       hub_2000.assets, hub_2000.products) for r in group]
    assert len(ids) == len(set(ids))
    assert hub_2000.orgs[0].external_id == "demo-org-000001"
    assert hub_2000.orgs[-1].external_id == "demo-org-002000"


def test_records_per_org_within_limits(hub_2000):
    by_org = {kind: Counter(r.org_external_id for r in group) for kind, group in (
        ("people", hub_2000.people), ("needs", hub_2000.needs), ("offers", hub_2000.offers),
        ("assets", hub_2000.assets), ("products", hub_2000.products))}
    out_of_range = []
    for org in hub_2000.orgs:
        people = by_org["people"][org.external_id]
        products = by_org["products"][org.external_id]
        assets = by_org["assets"][org.external_id]
        if not 1 <= people <= 4 or by_org["needs"][org.external_id] > 3 or by_org["offers"][org.external_id] > 3:
            out_of_range.append(org.external_id)
        if (org.kind == "technology_provider") != (1 <= products <= 2) or products > 2:
            out_of_range.append(org.external_id)
        if assets > (3 if org.kind in HERITAGE_KINDS else 0):
            out_of_range.append(org.external_id)
    assert out_of_range == []


def test_needs_mainly_heritage_offers_mainly_creative(hub_2000):
    kind_of = {org.external_id: org.kind for org in hub_2000.orgs}
    needs_from_heritage = sum(kind_of[n.org_external_id] in HERITAGE_KINDS for n in hub_2000.needs)
    creative = ("creative_business", "freelancer", "technology_provider")
    offers_from_creative = sum(kind_of[o.org_external_id] in creative for o in hub_2000.offers)
    assert needs_from_heritage > 0.75 * len(hub_2000.needs)
    assert offers_from_creative > 0.75 * len(hub_2000.offers)


def test_about_ninety_percent_published(hub_2000):
    share = sum(org.status == "published" for org in hub_2000.orgs) / len(hub_2000.orgs)
    assert 0.86 < share < 0.94


def test_every_kind_appears(hub_2000):
    assert {org.kind for org in hub_2000.orgs} == set(KINDS)


def test_all_codes_valid(hub_2000):
    assert _invalid_codes(hub_2000) == []


def test_references_point_backwards_and_within_the_org():
    assert _dangling_references(generate_hub(400, seed=21), seed=21) == []


def test_coordinates_inside_central_europe(hub_2000):
    outside = [o.external_id for o in hub_2000.orgs if not (44.5 < o.latitude < 53 and 10 < o.longitude < 24.5)]
    assert outside == []


def test_city_region_and_country_language_agree(hub_2000):
    regions_by_city = {}
    for org in hub_2000.orgs:
        regions_by_city.setdefault(org.city, set()).add(org.region)
    assert {city: regions for city, regions in regions_by_city.items() if len(regions) > 1} == {}
    assert {("Łańcut", "PL823"), ("Krosno", "PL821"), ("Przemyśl", "PL822"), ("Mielec", "PL824")} <= {
        (org.city, org.region) for org in hub_2000.orgs}


def test_most_orgs_in_podkarpackie(hub_2000):
    share = sum(org.region.startswith("PL82") for org in hub_2000.orgs) / len(hub_2000.orgs)
    assert 0.5 < share < 0.66


def test_contacts_use_reserved_domains_only(hub_2000):
    bad_emails = [p.email for p in hub_2000.people
                  if not (p.email.endswith("@example.org") or p.email.endswith(".example"))
                  or p.email.count("@") != 1 or not p.email.isascii()]
    bad_sites = [o.website for o in hub_2000.orgs
                 if not (o.website.startswith("https://") and o.website.endswith(".example.org"))]
    bad_links = [link for offer in hub_2000.offers for link in offer.portfolio_links
                 if ".example.org/" not in link]
    assert (bad_emails, bad_sites, bad_links) == ([], [], [])


def test_every_language_appears_in_500_orgs(hub_500):
    text_languages = (
        {lang for org in hub_500.orgs for lang, _text in org.descriptions}
        | {n.language for n in hub_500.needs} | {o.language for o in hub_500.offers}
        | {a.language for a in hub_500.assets}
    )
    assert text_languages == LANGUAGES
    assert {n.language for n in hub_500.needs} | {o.language for o in hub_500.offers} == LANGUAGES


def test_texts_mostly_polish_and_english(hub_2000):
    languages = Counter(n.language for n in hub_2000.needs) + Counter(o.language for o in hub_2000.offers)
    assert (languages["pl"] + languages["en"]) / sum(languages.values()) > 0.6


def test_need_descriptions_varied(hub_2000):
    descriptions = [n.description for n in hub_2000.needs]
    assert len(set(descriptions)) >= 0.9 * len(descriptions)
    offers = [o.description for o in hub_2000.offers]
    assert len(set(offers)) >= 0.9 * len(offers)


def test_org_names_distinct_and_rarely_suffixed(hub_2000):
    names = [org.name for org in hub_2000.orgs]
    suffixed = [name for name in names if re.search(r" – (oddział|branch|Standort|sede|enota|podružnica|pobočka|"
                                                     r"Filia nr) \d+$| – \d+\. telephely$|\)$", name)]
    assert len(set(names)) == len(names)
    assert len(suffixed) < 0.05 * len(names)


def test_needs_have_offers_sharing_a_competence(hub_2000):
    offered = Counter(c for offer in hub_2000.offers for c in offer.competences)
    unmatched = [n.external_id for n in hub_2000.needs if not any(offered[c] for c in n.competences)]
    assert unmatched == []


def test_offers_in_other_languages_answer_polish_needs(hub_2000):
    """An AR need in Polish has AR offers in at least one other language."""
    polish_ar_needs = [n for n in hub_2000.needs if n.language == "pl" and "ar_development" in n.competences]
    ar_offer_languages = {o.language for o in hub_2000.offers if "ar_development" in o.competences}
    assert polish_ar_needs != []
    assert len(ar_offer_languages - {"pl"}) >= 2


def test_people_named_for_their_country(hub_2000):
    native = {"PL": "pl", "SK": "sk", "HU": "hu", "CZ": "cs", "SI": "sl", "HR": "hr", "AT": "de", "DE": "de",
              "IT": "it"}
    country_of = {org.external_id: org.region[:2] for org in hub_2000.orgs}
    mismatched = []
    for person in hub_2000.people:
        lang = native[country_of[person.org_external_id]]
        female, male = FIRST_NAMES[lang]
        surnames = {name for pair in LAST_NAMES[lang] for name in pair}
        if person.first_name not in female + male or person.last_name not in surnames:
            mismatched.append(person.external_id)
    assert mismatched == []


def test_polish_feminine_surnames_agree(hub_2000):
    female_first = set(FIRST_NAMES["pl"][0])
    wrong = [p.external_id for p in hub_2000.people
             if p.first_name in female_first and p.last_name.endswith(("ski", "cki", "dzki"))]
    assert wrong == []
    assert any("ł" in p.last_name or "ś" in p.last_name or "ą" in p.last_name for p in hub_2000.people)


def test_needs_asset_link_matches_its_org(hub_2000):
    owner = {a.external_id: a.org_external_id for a in hub_2000.assets}
    linked = [n for n in hub_2000.needs if n.asset_external_id is not None]
    assert linked != []
    assert [n.external_id for n in linked if owner[n.asset_external_id] != n.org_external_id] == []


def test_texts_carry_no_unfilled_slots(hub_2000):
    texts = ([n.description for n in hub_2000.needs] + [o.description for o in hub_2000.offers]
             + [text for org in hub_2000.orgs for _lang, text in org.descriptions]
             + [a.description for a in hub_2000.assets] + [p.description for p in hub_2000.products])
    broken = [t for t in texts if "{" in t or "}" in t or ": ." in t or ".." in t or "  " in t]
    assert broken == []


@settings(max_examples=15, deadline=None)
@given(orgs=st.integers(min_value=0, max_value=12), seed=st.integers(min_value=0, max_value=2**32))
def test_any_seed_gives_a_valid_hub(orgs, seed):
    hub = generate_hub(orgs, seed=seed)
    assert len(hub.orgs) == orgs
    assert _invalid_codes(hub) == []
    assert _dangling_references(hub, seed) == []
    assert all(isinstance(org, OrgRecord) for org in hub.orgs)


def test_command_line_writes_json_lines(tmp_path):
    out = tmp_path / "hub.jsonl"
    assert main(["--orgs", "5", "--seed", "4", "--out", str(out)]) == 0
    rows = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    hub = generate_hub(5, seed=4)
    assert [row["external_id"] for row in rows if row["type"] == "org"] == [o.external_id for o in hub.orgs]
    assert Counter(row["type"] for row in rows)["person"] == len(hub.people)
    assert rows[0]["name"] == hub.orgs[0].name


def test_command_line_summary(capsys):
    assert main(["--orgs", "3", "--seed", "4", "--summary"]) == 0
    summary = json.loads(capsys.readouterr().out)
    hub = generate_hub(3, seed=4)
    assert summary["counts"]["org"] == 3
    assert summary["counts"]["person"] == len(hub.people)


def test_towns_lie_in_the_hub_regions():
    from sache.demo.geography import TOWNS

    allowed = ("PL82", "PL21", "PL81", "PL72", "SK041", "SK042", "HU311", "HU110", "CZ080", "CZ010", "CZ064",
               "SI041", "HR050", "HR065", "AT130", "AT22", "DED", "DE2", "ITH4", "ITH3")
    assert [t.name for t in TOWNS if not t.region.startswith(allowed) or t.region not in NUTS3] == []
    assert round(sum(t.weight for t in TOWNS), 9) == 1.0


def test_docstring_examples_run():
    import doctest

    import sache.demo.generator

    result = doctest.testmod(sache.demo.generator)
    assert (result.failed, result.attempted >= 3) == (0, True)


def test_package_exports_the_model_choices():
    import sache.demo

    assert sache.demo.KINDS == KINDS
    assert sache.demo.BUDGET_BANDS == ("under_5k", "5k_20k", "20k_50k", "50k_150k", "over_150k", "unknown")
    assert sache.demo.TIMEFRAMES == ("under_3m", "3_6m", "6_12m", "over_12m")
    assert sache.demo.NEED_STATUSES == ("open", "in_progress", "closed")
    assert sache.demo.ASSET_KINDS == ("collection_item", "building", "site", "intangible_practice", "archive_set")
    assert sache.demo.SIZE_BANDS == ("micro", "small", "medium", "large")


def test_demo_package_imports_no_django_and_no_app():
    import ast

    package = Path(__file__).resolve().parents[2] / "src" / "sache" / "demo"
    imported = []
    for path in sorted(package.rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                imported += [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
                imported.append(node.module)
    offending = [name for name in imported if name.split(".")[0] == "django"
                 or (name.startswith("sache.") and not name.startswith(("sache.demo", "sache.engine")))]
    assert imported != []
    assert offending == []


def test_records_equal_their_dataclass_construction(hub_500):
    """Records are built without __init__ for speed; rebuilding through __init__ gives equal objects."""
    from dataclasses import replace

    samples = [hub_500.orgs[0], hub_500.people[0], hub_500.needs[0], hub_500.offers[0], hub_500.assets[0],
               hub_500.products[0]]
    assert [replace(record) for record in samples] == samples
    assert [hash(replace(record)) == hash(record) for record in samples] == [True] * 6
    with pytest.raises(AttributeError):
        hub_500.orgs[0].name = "changed"
