"""The reviewer assignment runs in the background, once per request, with its status on the page."""

from __future__ import annotations

import pytest
from django.urls import reverse

from sache.calls import services
from sache.calls.models import ApplicationQuestion, Criterion, ReviewAssignment
from sache.core.models import ActivityLog
from tests.factories.accounts import make_operator, make_user
from tests.factories.calls import make_call, make_submitted_application

pytestmark = pytest.mark.django_db


def test_the_request_is_queued_then_the_page_shows_the_result(client, django_capture_on_commit_callbacks):
    call = make_call(reviews_per_application=1)
    make_submitted_application(call)
    make_user(is_reviewer=True, email="recenzent@example.org")
    client.force_login(make_operator())
    status_url = reverse("calls:assignment-status", args=[call.pk])

    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        client.post(reverse("calls:assignment-run", args=[call.pk]), {})
    queued = client.get(status_url)
    for callback in callbacks:
        callback()
    finished = client.get(status_url)

    assert (queued.context["run"]["state"], 'hx-trigger="every 2s"' in queued.content.decode()) == ("queued", True)
    assert finished.context["run"]["state"] == "finished"
    assert ReviewAssignment.objects.filter(application__call=call).count() == 1


def test_a_second_request_is_refused_while_one_is_queued(client):
    call = make_call()
    operator = make_operator()
    services.start_reviewer_assignment(call, actor=operator)

    with pytest.raises(services.CallError):
        services.start_reviewer_assignment(call, actor=operator)


def test_a_request_delivered_twice_runs_once():
    call = make_call(reviews_per_application=1)
    make_submitted_application(call)
    make_user(is_reviewer=True)
    request = services.start_reviewer_assignment(call, actor=make_operator())

    outcomes = [services.run_reviewer_assignment(request.pk), services.run_reviewer_assignment(request.pk)]

    assert outcomes == ["finished", None]
    assert ActivityLog.objects.filter(action=services.ASSIGNMENT_FINISHED, data__request=request.pk).count() == 1


def test_a_failing_request_shows_its_reason(client):
    call = make_call()  # no submitted applications: the service refuses
    request = services.start_reviewer_assignment(call, actor=make_operator())

    outcome = services.run_reviewer_assignment(request.pk)
    client.force_login(make_operator())
    page = client.get(reverse("calls:assignment-status", args=[call.pk]))

    assert (outcome, page.context["run"]["state"]) == ("failed", "failed")
    assert "There are no submitted applications" in page.content.decode()


def test_questions_and_criteria_are_added_in_order_and_audited(client):
    call = make_call()
    operator = make_operator()
    client.force_login(operator)

    client.post(reverse("calls:question-add", args=[call.pk]), {"label": "Budżet", "kind": "text", "required": "on"})
    client.post(reverse("calls:criterion-add", args=[call.pk]), {"name": "Wykonalność", "weight": "1", "scale_max": "5"})

    assert ApplicationQuestion.objects.get(call=call, label="Budżet").position == 1
    assert Criterion.objects.get(call=call, name="Wykonalność").position == 2
    assert set(ActivityLog.objects.filter(actor=operator).values_list("action", flat=True)) == {
        "calls.call.question_added", "calls.call.criterion_added"}
