"""Every surface that shows suggestions adds them to the day's counter, once per list, after commit."""

import pytest
from django.urls import reverse
from django.utils import timezone

from sache.accounts.privacy import erase_account, export_personal_data
from sache.api.services import create_api_token
from sache.matching import services
from sache.matching.models import SuggestionFeedback, SuggestionImpressions
from tests.factories.accounts import make_user
from tests.factories.directory import make_member, make_need, make_organisation
from tests.factories.events import make_event, make_registration

pytestmark = [pytest.mark.integration, pytest.mark.django_db]


def _counters():
    return {row.surface: (row.lists, row.shown) for row in SuggestionImpressions.objects.filter(day=timezone.localdate())}


@pytest.fixture
def pair():
    museum = make_organisation(name="Muzeum", description=("pl", "Zbiory archeologiczne i skanowanie 3D obiektów."))
    studio = make_organisation(name="Scan Studio", kind="creative_business", description=("en", "3D scanning of archaeological objects."))
    make_organisation(name="Games", kind="creative_business", description=("en", "Serious games for museums and archaeology."))
    need = make_need(museum, title="Skanowanie 3D", description="Skanowanie 3D zbiorów archeologicznych.")
    user = make_user()
    make_member(museum, user)
    return museum, studio, need, user


def test_organisation_and_need_pages_count_the_suggestions_they_show(client, pair, django_capture_on_commit_callbacks):
    museum, _studio, need, user = pair
    client.force_login(user)

    with django_capture_on_commit_callbacks(execute=True):
        first = client.get(reverse("matching:organisation-suggestions", args=[museum.slug]))
        client.get(reverse("matching:organisation-suggestions", args=[museum.slug]))
        on_need = client.get(reverse("matching:need-suggestions", args=[need.pk]))

    shown = len(first.context["suggestions"])
    assert shown > 0
    assert _counters() == {"organisation": (2, 2 * shown), "need": (1, len(on_need.context["suggestions"]))}


def test_needs_to_answer_and_the_api_count_too(client, pair, django_capture_on_commit_callbacks):
    museum, studio, _need, user = pair
    member = make_user()
    make_member(studio, member)
    client.force_login(member)
    _token, raw = create_api_token(user, name="site")

    with django_capture_on_commit_callbacks(execute=True):
        needs = client.get(reverse("matching:needs-to-answer", args=[studio.slug]))
        api = client.get("/api/v1/recommendations", {"organisation": museum.slug}, HTTP_AUTHORIZATION=f"Bearer {raw}")

    counters = _counters()
    assert counters.get("needs", (0, 0))[1] == len(needs.context["needs"])
    assert counters["api"] == (1, len(api.json()))


def test_event_suggestions_count_on_the_meetings_page(client, pair, django_capture_on_commit_callbacks):
    museum, studio, _need, user = pair
    event = make_event()
    make_registration(event, museum)
    make_registration(event, studio)
    client.force_login(user)

    with django_capture_on_commit_callbacks(execute=True):
        page = client.get(reverse("events:meeting-list", args=[event.slug]))

    assert _counters()["event"] == (1, len(page.context["suggestions"])) and page.context["suggestions"]


def test_an_empty_list_counts_nothing_and_a_new_day_gets_its_own_row(django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        services.record_impressions("organisation", 0)
        services.record_impressions("organisation", 4)
    SuggestionImpressions.objects.update(day=timezone.localdate() - timezone.timedelta(days=1))
    with django_capture_on_commit_callbacks(execute=True):
        services.record_impressions("organisation", 3)

    assert sorted(SuggestionImpressions.objects.values_list("lists", "shown")) == [(1, 3), (1, 4)]


def test_counters_hold_no_personal_data_and_verdicts_are_exported_and_erased(pair):
    museum, studio, _need, user = pair
    services.record_suggestion_feedback(studio, subject=f"organisation:{museum.pk}", useful=True, rank=1, score=0.5, actor=user)
    field_names = {field.name for field in SuggestionImpressions._meta.get_fields()}

    exported = export_personal_data(user)
    erase_account(user, actor=user)

    assert field_names == {"id", "day", "surface", "lists", "shown"}
    assert exported["matching"]["suggestion_feedback"][0]["suggested"] == "Scan Studio"
    assert not SuggestionFeedback.objects.filter(user=user).exists()
