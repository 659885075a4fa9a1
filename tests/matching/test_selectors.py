import pytest
from django.core.management import call_command

from sache.directory.models import OrganisationDescription
from sache.matching import selectors
from tests.factories.accounts import make_user
from tests.factories.directory import make_member, make_need, make_offer, make_organisation

pytestmark = [pytest.mark.integration, pytest.mark.django_db]


@pytest.fixture
def castle():
    museum = make_organisation(
        name="Muzeum-Zamek w Łańcucie", kind="museum", city="Łańcut", competences=["ar_vr_development"],
        description=("pl", "Zamek z kolekcją powozów; szukamy przewodnika w rozszerzonej rzeczywistości."),
    )
    need = make_need(museum, title="Przewodnik AR po zamku", description="Aplikacja z rozszerzoną rzeczywistością (AR) dla zwiedzających zamek.")
    studio = make_organisation(
        name="Pixel Forge Studio", kind="creative_business", region="PL823", competences=["ar_vr_development"],
        description=("en", "We build augmented reality (AR) guides and apps for castles and museums."),
    )
    make_offer(studio, title="AR guides for castles", description="Augmented reality guide apps for castles.")
    bakery = make_organisation(name="Piekarnia Smaczna", kind="ngo", region="HU311", description=("hu", "Kenyér és sütemény."))
    hidden = make_organisation(
        name="Ukryte Studio AR", kind="creative_business", publication="draft",
        description=("en", "Augmented reality guides for castles and museums, AR apps."),
    )
    return museum, need, studio, bakery, hidden


def test_need_finds_the_ar_studio_first_and_never_itself_or_drafts(castle):
    museum, need, studio, bakery, hidden = castle

    names = [s.organisation.name for s in selectors.suggested_partners_for_need(need, None)]

    assert names[0] == "Pixel Forge Studio"
    assert "Muzeum-Zamek w Łańcucie" not in names
    assert "Ukryte Studio AR" not in names


def test_organisation_suggestions_are_deterministic_and_explained(castle):
    museum, _need, studio, *_rest = castle

    first = selectors.suggested_partners_for_organisation(museum, None)
    second = selectors.suggested_partners_for_organisation(museum, None)

    assert [s.organisation.pk for s in first] == [s.organisation.pk for s in second]
    assert first[0].organisation == studio
    assert first[0].reasons  # chips name facts of both profiles
    assert all(s.organisation != museum for s in first)


def test_members_of_the_draft_organisation_still_never_see_it_suggested_to_others(castle):
    museum, need, _studio, _bakery, hidden = castle
    member = make_user()
    make_member(hidden, member)

    names = [s.organisation.name for s in selectors.suggested_partners_for_need(need, member)]

    assert "Ukryte Studio AR" not in names


def test_creative_organisation_sees_needs_it_could_answer(castle):
    museum, need, studio, *_rest = castle

    needs = selectors.needs_you_could_answer(studio, None)

    assert [item.need for item in needs] == [need]
    assert selectors.needs_you_could_answer(museum, None) == []


def test_a_changed_profile_is_found_after_the_background_refresh(castle, django_capture_on_commit_callbacks):
    museum, need, *_rest = castle
    assert selectors.suggested_partners_for_need(need, None)[0].organisation.name == "Pixel Forge Studio"

    with django_capture_on_commit_callbacks(execute=True):
        newcomer = make_organisation(name="Castle AR Lab", kind="technology_provider", competences=["ar_vr_development"])
        OrganisationDescription.objects.create(
            organisation=newcomer, language="en", is_primary=True,
            text="Augmented reality (AR) guides for castles, zamek tours and museum apps; rozszerzona rzeczywistość.",
        )

    names = [s.organisation.name for s in selectors.suggested_partners_for_need(need, None)]
    assert "Castle AR Lab" in names


def test_reindex_command_rebuilds_without_encoding_unchanged_texts(castle, capsys):
    call_command("reindex", no_progress=True)
    call_command("reindex", no_progress=True)

    output = capsys.readouterr().out.splitlines()
    assert "encoded 0 new texts" in output[-1]


def test_reviewer_affinities_follow_expertise_through_the_matching_engine(castle):
    museum, _need, studio, bakery, _hidden = castle
    ar_expert, baker = make_user(), make_user()
    make_member(studio, ar_expert)
    make_member(bakery, baker)

    table = selectors.reviewer_affinities(
        ["Augmented reality guide app for a castle museum", "Kenyér és sütemény a piacon"], [ar_expert, baker]
    )

    assert table.shape == (2, 2)
    assert ((table >= 0) & (table <= 1)).all()
    assert table[0, 0] > table[0, 1]  # the AR studio's member for the AR application
    assert table[1, 1] > table[1, 0]  # the bakery's member for the bread application


def test_reviewer_without_a_profile_gets_no_affinity_advantage(castle):
    _museum, _need, studio, *_rest = castle
    expert, stranger = make_user(), make_user()
    make_member(studio, expert)

    table = selectors.reviewer_affinities(["augmented reality guides for castles"], [expert, stranger])

    assert table[0, 0] == 1.0 and table[0, 1] == 0.0


def test_exposure_control_spreads_suggestions_and_only_counts_what_was_shown(castle, settings):
    museum, need, studio, *_rest = castle
    settings.SACHE_MATCHING_EXPOSURE_WEIGHT = 0.0
    plain = [s.organisation for s in selectors.suggested_partners_for_need(need, None, top=1)]
    assert plain == [studio]
    assert not selectors.index.indexes().organisations.exposure_gini()

    settings.SACHE_MATCHING_EXPOSURE_WEIGHT = 100.0
    first = [s.organisation for s in selectors.suggested_partners_for_need(need, None, top=1)]
    second = [s.organisation for s in selectors.suggested_partners_for_need(need, None, top=1)]

    assert first == [studio]
    assert second != [studio]  # shown once already, it yields to the next best


def test_exposure_command_reports_gini_with_and_without_control(castle, capsys):
    call_command("matching_exposure", sample=0, weight=1.0)

    output = capsys.readouterr().out
    assert "without control" in output and "with control (weight 1)" in output
