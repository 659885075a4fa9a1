import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from sache.cocreation import selectors, services
from sache.cocreation.models import SurveyResponse
from tests.factories.accounts import make_operator, make_user
from tests.factories.cocreation import make_participant, make_workshop

pytestmark = [pytest.mark.integration, pytest.mark.django_db]


def _survey(workshop):
    survey = services.create_survey(workshop, actor=None, phase="before", title="Oczekiwania")
    single = services.add_survey_question(survey, actor=None, text="Sektor?", kind="single", choices=["muzeum", "firma", " "])
    multiple = services.add_survey_question(survey, actor=None, text="Cele?", kind="multiple", choices=["partnerzy", "wiedza", "granty"])
    scale = services.add_survey_question(survey, actor=None, text="Jak ważne?", kind="scale")
    text = services.add_survey_question(survey, actor=None, text="Uwagi", kind="text")
    return survey, single, multiple, scale, text


def test_choice_question_needs_two_options_and_no_questions_after_answers():
    survey, single, *_ = _survey(make_workshop())
    assert single.choices == ["muzeum", "firma"]
    with pytest.raises(ValidationError):
        services.add_survey_question(survey, actor=None, text="?", kind="single", choices=["tylko jedna"])
    services.submit_survey_response(survey, actor=make_user(), answers={single.pk: "muzeum"})
    with pytest.raises(ValidationError):
        services.add_survey_question(survey, actor=None, text="Nowe", kind="text")


def test_results_count_options_shares_and_mean():
    survey, single, multiple, scale, text = _survey(make_workshop())
    services.submit_survey_response(survey, actor=make_user(), answers={single.pk: "muzeum", multiple.pk: ["partnerzy", "granty"], scale.pk: 4, text.pk: "Więcej czasu"})
    services.submit_survey_response(survey, actor=make_user(), answers={single.pk: "firma", multiple.pk: ["partnerzy"], scale.pk: 5})
    results = selectors.survey_results(survey)
    assert [(row["label"], row["count"], row["share"]) for row in results[0]["rows"]] == [("muzeum", 1, 50), ("firma", 1, 50)]
    assert [(row["label"], row["count"]) for row in results[1]["rows"]] == [("partnerzy", 2), ("wiedza", 0), ("granty", 1)]
    assert (results[2]["mean"], results[3]["texts"]) == (4.5, ["Więcej czasu"])


def test_answer_outside_the_options_is_refused_and_closed_survey_takes_no_answers():
    survey, single, *_ = _survey(make_workshop())
    with pytest.raises(ValidationError):
        services.submit_survey_response(survey, actor=make_user(), answers={single.pk: "inne"})
    services.set_survey_open(survey, actor=None, is_open=False)
    with pytest.raises(ValidationError):
        services.submit_survey_response(survey, actor=make_user(), answers={single.pk: "muzeum"})


def test_participant_answers_once_through_the_form_and_outsiders_get_404(client):
    workshop = make_workshop()
    survey, single, multiple, scale, text = _survey(workshop)
    user = make_user()
    make_participant(workshop, user=user)
    url = reverse("cocreation:survey-answer", kwargs={"slug": workshop.slug, "pk": survey.pk})
    client.force_login(user)
    data = {f"q{single.pk}": "firma", f"q{multiple.pk}": ["wiedza"], f"q{scale.pk}": "3", f"q{text.pk}": "Dziękuję"}
    client.post(url, data)
    client.post(url, {**data, f"q{scale.pk}": "5"})
    assert list(SurveyResponse.objects.values_list("answers", flat=True)) == [
        {str(single.pk): "firma", str(multiple.pk): ["wiedza"], str(scale.pk): 5, str(text.pk): "Dziękuję"}
    ]
    client.force_login(make_user())
    assert client.get(url).status_code == 404


def test_operator_creates_a_survey_and_sees_results(client):
    workshop = make_workshop()
    client.force_login(make_operator())
    client.post(reverse("cocreation:survey-manage", kwargs={"slug": workshop.slug}), {"title": "Po warsztacie", "phase": "after"})
    survey = workshop.surveys.get()
    client.post(
        reverse("cocreation:survey-question-add", kwargs={"slug": workshop.slug, "pk": survey.pk}),
        {"text": "Czy polecisz?", "kind": "single", "choices": "tak\nnie"},
    )
    response = client.get(reverse("cocreation:survey-results", kwargs={"slug": workshop.slug, "pk": survey.pk}))
    assert [(entry["question"].text, [row["label"] for row in entry["rows"]]) for entry in response.context["results"]] == [
        ("Czy polecisz?", ["tak", "nie"])
    ]
