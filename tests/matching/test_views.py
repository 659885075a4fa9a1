import pytest
from django.urls import reverse

from sache.matching.models import SuggestionFeedback
from tests.factories.accounts import make_user
from tests.factories.directory import make_member, make_need, make_organisation

pytestmark = [pytest.mark.integration, pytest.mark.django_db]


def test_suggestions_partial_and_feedback_are_stored(client):
    museum = make_organisation(name="Muzeum", description=("pl", "Zbiory archeologiczne i skanowanie 3D obiektów."))
    studio = make_organisation(name="Scan Studio", kind="creative_business", description=("en", "3D scanning of archaeological objects."))
    need = make_need(museum, title="Skanowanie 3D", description="Skanowanie 3D zbiorów archeologicznych.")
    user = make_user()
    make_member(museum, user)
    client.force_login(user)

    partial = client.get(reverse("matching:need-suggestions", args=[need.pk]))
    response = client.post(reverse("matching:feedback"), {
        "subject": f"need:{need.pk}", "suggested": studio.pk, "useful": "1", "rank": 1, "score": "0.5",
    })

    assert [s.organisation for s in partial.context["suggestions"]] == [studio]
    assert response.status_code == 200
    assert list(SuggestionFeedback.objects.values_list("subject", "suggested__name", "useful")) == [(f"need:{need.pk}", "Scan Studio", True)]


def test_needs_to_answer_is_only_for_the_organisations_own_members(client):
    studio = make_organisation(name="Scan Studio", kind="creative_business")
    client.force_login(make_user())

    assert client.get(reverse("matching:needs-to-answer", args=[studio.slug])).status_code == 403


def test_feedback_needs_login(client):
    response = client.post(reverse("matching:feedback"), {})

    assert response.status_code == 302
