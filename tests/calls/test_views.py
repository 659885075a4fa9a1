from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from sache.calls import services
from sache.calls.enums import ApplicationStatus
from sache.calls.models import Application, ReviewAssignment
from tests.factories.accounts import make_operator, make_user
from tests.factories.calls import (
    make_application,
    make_assignment,
    make_call,
    make_submitted_application,
)
from tests.factories.directory import make_member, make_organisation

pytestmark = [pytest.mark.integration, pytest.mark.django_db]
QUERIES_REVIEW_LIST = 4
QUERIES_APPLICATION_LIST = 5


def _submit_review(assignment, score, comments):
    quality, impact = assignment.application.call.criteria.all()
    services.save_review(assignment, scores={str(quality.pk): score, str(impact.pk): score}, comments=comments,
                         submit=True, actor=assignment.reviewer)


def test_reviewer_cannot_read_another_review_before_submitting_their_own(client):
    application = make_submitted_application(make_call())
    first, second = make_user(is_reviewer=True), make_user(is_reviewer=True)
    _submit_review(make_assignment(application, first), 4, "Świetny pomysł na grę")
    mine = make_assignment(application, second)
    client.force_login(second)

    before = client.get(reverse("calls:review-detail", args=[mine.pk]))
    _submit_review(mine, 3, "Budżet zbyt wysoki")
    after = client.get(reverse("calls:review-detail", args=[mine.pk]))

    assert (before.context["others"], "Świetny pomysł na grę" in before.content.decode()) == (None, False)
    assert [r.comments for r in after.context["others"]] == ["Świetny pomysł na grę"]


def test_reviewer_cannot_open_someone_elses_assignment(client):
    application = make_submitted_application(make_call())
    theirs = make_assignment(application, make_user(is_reviewer=True))
    client.force_login(make_user(is_reviewer=True))

    response = client.get(reverse("calls:review-detail", args=[theirs.pk]))
    listing = client.get(reverse("calls:review-list"))

    assert response.status_code == 404
    assert list(listing.context["assignments"]) == []


def test_member_of_another_organisation_cannot_see_or_submit_an_application(client):
    application = make_application(make_call(), partners=[make_organisation(kind="creative_business")])
    outsider = make_user()
    make_member(make_organisation(name="Obca firma"), outsider)
    client.force_login(outsider)

    page = client.get(reverse("calls:application-detail", args=[application.pk]))
    submit = client.post(reverse("calls:application-submit", args=[application.pk]))

    assert (page.status_code, submit.status_code) == (404, 404)
    application.refresh_from_db()
    assert application.status == ApplicationStatus.DRAFT


def test_applicant_sees_missing_items_and_saved_draft_keeps_answers(client):
    call = make_call()
    museum = make_organisation(name="Muzeum Ziemi")
    user = make_user()
    make_member(museum, user)
    client.force_login(user)

    client.post(reverse("calls:application-create", args=[call.pk]), {"title": "Cyfrowe zbiory", "lead": museum.pk})
    application = Application.objects.get()
    question = call.questions.get()
    too_long = "x" * 501
    response = client.post(reverse("calls:application-detail", args=[application.pk]),
                           {"title": "Cyfrowe zbiory", f"q{question.pk}": too_long})

    application.refresh_from_db()
    assert application.answers == {str(question.pk): too_long}
    assert response.context["problems"] == ["“Opis projektu”: at most 500 characters (now 501)."]
    assert response.context["missing"] == [
        "The consortium needs at least one creative business or technology firm.",
        "At least 1 partner(s) must confirm their participation (confirmed: 0).",
        "“Opis projektu”: at most 500 characters (now 501).",
    ]


def test_partner_member_confirms_participation(client):
    studio = make_organisation(name="Studio Pikseli", kind="creative_business")
    application = make_application(make_call())
    partner = services.invite_partner(application, organisation=studio, actor=None)
    user = make_user()
    make_member(studio, user)
    client.force_login(user)

    client.post(reverse("calls:partner-confirm", args=[application.pk, partner.pk]))

    partner.refresh_from_db()
    assert partner.confirmed_at is not None


def test_operator_runs_assignment_and_exports_the_ranking(client, django_capture_on_commit_callbacks):
    call = make_call(reviews_per_application=1)
    application = make_submitted_application(call, title="Gra o zamku")
    reviewer = make_user(is_reviewer=True, email="recenzent@example.org")
    client.force_login(make_operator())

    # The assignment is queued and runs after commit (inline under the test settings' task backend).
    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("calls:assignment-run", args=[call.pk]), {})
    _submit_review(ReviewAssignment.objects.get(application=application), 5, "")
    page = client.get(reverse("calls:call-manage", args=[call.pk]))
    export = client.get(reverse("calls:ranking-csv", args=[call.pk]))

    assert [(a.reviewer_id, a.source) for a in page.context["assignments"]] == [(reviewer.pk, "auto")]
    assert export.content.decode().splitlines()[1] == "1,Gra o zamku,Muzeum Zamkowe,100.0,0.0,1,20000.00,20000.00,1"


def test_non_operator_cannot_manage_a_call(client):
    call = make_call()
    client.force_login(make_user(is_reviewer=True))

    response = client.get(reverse("calls:call-manage", args=[call.pk]))

    assert response.status_code == 403


def test_anonymous_visitor_sees_open_calls_but_not_future_ones(client):
    make_call(title="Otwarty nabór")
    make_call(title="Przyszły nabór", opens_at=timezone.now() + timedelta(days=3), closes_at=timezone.now() + timedelta(days=9))

    response = client.get(reverse("calls:call-list"))

    assert [c.title for c in response.context["calls"]] == ["Otwarty nabór"]


@pytest.mark.parametrize("count", [1, 3])
def test_review_list_queries_do_not_grow_with_assignments(client, django_assert_num_queries, count):
    call = make_call()
    reviewer = make_user(is_reviewer=True)
    for number in range(count):
        make_assignment(make_submitted_application(call, title=f"Projekt {number}"), reviewer)
    client.force_login(reviewer)

    with django_assert_num_queries(QUERIES_REVIEW_LIST):
        response = client.get(reverse("calls:review-list"))

    assert len(response.context["assignments"]) == count


@pytest.mark.parametrize("count", [1, 3])
def test_application_list_queries_do_not_grow_with_applications(client, django_assert_num_queries, count):
    call = make_call()
    museum = make_organisation(name="Muzeum Ziemi")
    user = make_user()
    make_member(museum, user)
    for number in range(count):
        make_application(call, lead=museum, title=f"Projekt {number}")
    client.force_login(user)

    with django_assert_num_queries(QUERIES_APPLICATION_LIST):
        response = client.get(reverse("calls:application-list"))

    assert len(response.context["applications"]) == count
