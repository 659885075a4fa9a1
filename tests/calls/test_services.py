from datetime import timedelta

import pytest
from django.core import mail
from django.utils import timezone

from sache.calls import services
from sache.calls.enums import ApplicationStatus, Outcome
from sache.calls.models import ReviewAssignment
from sache.core.models import ActivityLog
from tests.factories.accounts import make_operator, make_user
from tests.factories.calls import (
    make_application,
    make_assignment,
    make_call,
    make_submitted_application,
)
from tests.factories.directory import make_member, make_organisation

pytestmark = [pytest.mark.integration, pytest.mark.django_db]


def test_submission_after_the_deadline_is_refused_on_the_server():
    call = make_call()
    application = make_application(call, partners=[make_organisation(kind="creative_business")])

    with pytest.raises(services.CallError):
        services.submit_application(application, actor=None, now=call.closes_at + timedelta(seconds=1))

    application.refresh_from_db()
    assert (application.status, application.submitted_at) == (ApplicationStatus.DRAFT, None)


def test_ineligible_consortium_gets_the_exact_missing_items():
    call = make_call(lead_region_prefixes=["PL82"], min_partners=1)
    lead = make_organisation(name="Pixel Forge", kind="creative_business", region="PL213")
    application = make_application(call, lead=lead)
    application.answers = {}
    application.save()

    with pytest.raises(services.IneligibleError) as error:
        services.submit_application(application, actor=None)

    assert error.value.problems == [
        "The consortium needs at least one heritage institution.",
        "The lead applicant must be based in one of the programme's regions (PL82).",
        "At least 1 partner(s) must confirm their participation (confirmed: 0).",
        "Missing answer: “Opis projektu”.",
    ]


def test_unconfirmed_partner_is_listed_as_missing():
    call = make_call()
    application = make_application(call)
    services.invite_partner(application, organisation=make_organisation(name="Kresy Games", kind="creative_business"), actor=None)

    assert services.eligibility_problems(application) == [
        "The consortium needs at least one creative business or technology firm.",
        "At least 1 partner(s) must confirm their participation (confirmed: 0).",
        "Kresy Games has not confirmed its participation yet.",
    ]


def test_eligible_submission_sends_a_receipt_after_commit(django_capture_on_commit_callbacks):
    call = make_call()
    lead = make_organisation(name="Muzeum Regionalne")
    member = make_user(email="kierownik@muzeum.example.org")
    make_member(lead, member)
    application = make_application(call, lead=lead, partners=[make_organisation(kind="creative_business")])

    with django_capture_on_commit_callbacks(execute=True):
        services.submit_application(application, actor=member)

    application.refresh_from_db()
    assert application.status == ApplicationStatus.SUBMITTED
    assert [m.to for m in mail.outbox] == [["kierownik@muzeum.example.org"]]


def test_withdrawal_is_logged():
    call = make_call()
    application = make_submitted_application(call)

    services.withdraw_application(application, actor=None)

    assert list(ActivityLog.objects.filter(object_id=str(application.pk)).values_list("action", flat=True).order_by("pk")) == [
        "calls.partner.invited", "calls.application.submitted", "calls.application.withdrawn",
    ]


def test_reviewer_with_a_conflict_is_never_assigned():
    call = make_call(reviews_per_application=2, max_reviewer_load=3)
    partner = make_organisation(name="Studio Pikseli", kind="creative_business")
    application = make_submitted_application(call, partners=[partner])
    other = make_submitted_application(call, title="Archiwum dźwięków")
    member_of_lead = make_user(is_reviewer=True)
    make_member(application.lead, member_of_lead)
    member_of_partner = make_user(is_reviewer=True)
    make_member(partner, member_of_partner)
    declared = make_user(is_reviewer=True)
    services.declare_conflict(make_assignment(application, declared), reason="znajomy", actor=declared)
    free = [make_user(is_reviewer=True) for _ in range(2)]
    reviewers = [member_of_lead, member_of_partner, declared, *free]

    services.assign_call_reviewers(call, reviewers=reviewers, actor=None)

    assigned = sorted(ReviewAssignment.objects.filter(application=application, conflict_declared=False).values_list("reviewer_id", flat=True))
    assert assigned == sorted(u.pk for u in free)
    assert ReviewAssignment.objects.filter(application=other, conflict_declared=False).count() == 2


def test_manual_override_refuses_a_conflicted_reviewer():
    call = make_call()
    application = make_submitted_application(call)
    reviewer = make_user(is_reviewer=True)
    make_member(application.lead, reviewer)

    with pytest.raises(services.CallError):
        services.assign_reviewer_manually(application, reviewer=reviewer, actor=make_operator())

    assert ReviewAssignment.objects.filter(application=application).count() == 0


def test_every_score_change_is_in_the_audit_log():
    call = make_call()
    quality, impact = call.criteria.all()
    reviewer = make_user(is_reviewer=True)
    assignment = make_assignment(make_submitted_application(call), reviewer)

    services.save_review(assignment, scores={str(quality.pk): "3"}, comments="", submit=False, actor=reviewer)
    review = services.save_review(assignment, scores={str(quality.pk): "4", str(impact.pk): "2"}, comments="ok",
                                  submit=True, actor=reviewer)

    entries = ActivityLog.objects.filter(object_id=str(review.pk), action__startswith="calls.review").order_by("pk")
    assert [(e.action, e.data.get("old"), e.data.get("new")) for e in entries] == [
        ("calls.review.score_changed", None, 3),
        ("calls.review.score_changed", 3, 4),
        ("calls.review.score_changed", None, 2),
        ("calls.review.comments_changed", None, None),
        ("calls.review.submitted", None, None),
    ]


def test_score_outside_the_scale_is_refused():
    call = make_call()
    quality = call.criteria.first()
    reviewer = make_user(is_reviewer=True)
    assignment = make_assignment(make_submitted_application(call), reviewer)

    with pytest.raises(services.CallError):
        services.save_review(assignment, scores={str(quality.pk): "9"}, comments="", submit=False, actor=reviewer)


def _review(assignment, quality, impact):
    quality_criterion, impact_criterion = assignment.application.call.criteria.all()
    services.save_review(assignment, scores={str(quality_criterion.pk): quality, str(impact_criterion.pk): impact},
                         comments="", submit=True, actor=assignment.reviewer)


def test_ranking_reports_raw_and_normalised_scores_with_the_budget_line():
    call = make_call(budget=50_000)
    first = make_submitted_application(call, title="A", amount=30_000)
    second = make_submitted_application(call, title="B", amount=30_000)
    harsh, lenient = make_user(is_reviewer=True), make_user(is_reviewer=True)
    _review(make_assignment(first, harsh), 4, 4)
    _review(make_assignment(second, harsh), 2, 2)
    _review(make_assignment(first, lenient), 5, 5)
    _review(make_assignment(second, lenient), 5, 4)

    rows = services.ranking(call)

    assert [(r["application"].title, r["raw"], r["normalised"], r["funded"]) for r in rows] == [
        ("A", 90.0, 1.0, True),
        ("B", 66.67, -1.0, False),
    ]


def test_decisions_are_logged_with_feedback_letters():
    call = make_call(budget=25_000, open_now=False, feedback_template="{application}: {decision}, {rank}/{total}")
    first = make_submitted_application(call, title="A", amount=20_000)
    second = make_submitted_application(call, title="B", amount=20_000)
    reviewer = make_user(is_reviewer=True)
    _review(make_assignment(first, reviewer), 5, 5)
    _review(make_assignment(second, reviewer), 1, 1)

    decisions = services.decide_call(call, actor=make_operator(), reserve=0)

    assert [(d.application.title, d.outcome, d.letter) for d in decisions] == [
        ("A", Outcome.FUNDED, "A: Funded, 1/2"),
        ("B", Outcome.REJECTED, "B: Not funded, 2/2"),
    ]
    assert ActivityLog.objects.filter(action="calls.decision.made").count() == 2


def test_decisions_before_the_deadline_are_refused():
    call = make_call()

    with pytest.raises(services.CallError):
        services.decide_call(call, actor=None, now=timezone.now())


def test_pair_removed_by_an_operator_is_not_assigned_again():
    call = make_call(reviews_per_application=1, max_reviewer_load=1)
    application = make_submitted_application(call)
    first, second = make_user(is_reviewer=True), make_user(is_reviewer=True)
    services.assign_call_reviewers(call, reviewers=[first, second], actor=None)
    removed = ReviewAssignment.objects.get(application=application)
    removed_reviewer = removed.reviewer_id
    services.remove_assignment(removed, actor=make_operator())

    services.assign_call_reviewers(call, reviewers=[first, second], actor=None)

    other = ({first.pk, second.pk} - {removed_reviewer}).pop()
    assert list(ReviewAssignment.objects.values_list("reviewer_id", flat=True)) == [other]
