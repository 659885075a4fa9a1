"""Writes for open calls: applications, partners, submission, reviewer assignment, reviews, decisions.

Every change of an application's state, of a score and every decision is
written to the audit log through ``log_action``.
"""

from __future__ import annotations

from decimal import Decimal, InvalidOperation
from typing import Any

import numpy as np
from django.conf import settings
from django.core.mail import send_mail
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from sache.calls.enums import ApplicationStatus, AssignmentSource, Outcome, QuestionKind
from sache.calls.models import (
    Application,
    ApplicationPartner,
    ApplicationQuestion,
    Call,
    Criterion,
    Decision,
    DeclaredConflict,
    Pitch,
    PitchScore,
    PitchSession,
    Review,
    ReviewAssignment,
)
from sache.core.models import ActivityLog
from sache.core.services import log_action
from sache.core.uploads import content_problem
from sache.directory.enums import CREATIVE_KINDS, HERITAGE_KINDS
from sache.directory.models import Organisation, Person


class CallError(Exception):
    """A request the call's rules refuse; the message is shown to the user."""


class IneligibleError(CallError):
    def __init__(self, problems: list[str]) -> None:
        super().__init__("; ".join(problems))
        self.problems = problems


# --------------------------------------------------------------------------- applications


def answer_problem(question: ApplicationQuestion, value: Any) -> str | None:
    """What is wrong with one answer, or None. Empty answers are checked by eligibility."""
    if value in (None, ""):
        return None
    if question.kind == QuestionKind.TEXT and question.max_length and len(str(value)) > question.max_length:
        return _("“%(question)s”: at most %(limit)s characters (now %(count)s).") % {
            "question": question.label, "limit": question.max_length, "count": len(str(value))}
    if question.kind == QuestionKind.NUMBER:
        try:
            number = Decimal(str(value).replace(",", "."))
        except InvalidOperation:
            return _("“%(question)s”: enter a number.") % {"question": question.label}
        if question.min_value is not None and number < question.min_value:
            return _("“%(question)s”: at least %(limit)s.") % {"question": question.label, "limit": question.min_value}
        if question.max_value is not None and number > question.max_value:
            return _("“%(question)s”: at most %(limit)s.") % {"question": question.label, "limit": question.max_value}
    if question.kind == QuestionKind.CHOICE and value not in question.choices:
        return _("“%(question)s”: choose one of the options.") % {"question": question.label}
    return None


def file_problem(question: ApplicationQuestion, *, name: str, size: int) -> str | None:
    extension = name.rsplit(".", 1)[-1].lower() if "." in name else ""
    if question.file_types and extension not in [t.lower().lstrip(".") for t in question.file_types]:
        return _("“%(question)s”: allowed file types are %(types)s.") % {
            "question": question.label, "types": ", ".join(question.file_types)}
    if question.max_file_size_kb and size > question.max_file_size_kb * 1024:
        return _("“%(question)s”: the file may be at most %(limit)s KB.") % {
            "question": question.label, "limit": question.max_file_size_kb}
    return None


def _require_open(call: Call, now=None) -> None:
    now = now or timezone.now()
    if now < call.opens_at:
        raise CallError(_("The call is not open yet."))
    if now >= call.closes_at:
        raise CallError(_("The call closed on %(time)s; no more changes are accepted.") % {
            "time": timezone.localtime(call.closes_at).strftime("%Y-%m-%d %H:%M %Z")})


def _require_draft(application: Application) -> None:
    if application.status != ApplicationStatus.DRAFT:
        raise CallError(_("Only a draft can be changed."))


@transaction.atomic
def create_application(call: Call, *, lead: Organisation, title: str, actor: Any, now=None) -> Application:
    """Start a draft for ``lead``. Refused outside the call's opening hours. Logs ``calls.application.created``."""
    _require_open(call, now)
    application = Application.objects.create(call=call, lead=lead, title=title, created_by=actor)
    log_action(application, "calls.application.created", actor=actor, data={"call": call.pk, "lead": lead.pk})
    return application


@transaction.atomic
def save_application_draft(
    application: Application, *, title: str | None = None, requested_amount: Any = None,
    answers: dict[str, Any], actor: Any, now=None,
) -> list[str]:
    """Store the draft as given (nothing typed is lost) and return the problems with the answers.

    Logs ``calls.application.saved`` with the changed question ids.
    """
    _require_draft(application)
    _require_open(application.call, now)
    questions = {str(q.pk): q for q in application.call.questions.all()}
    merged = dict(application.answers)
    for key, value in answers.items():
        if key in questions and questions[key].kind != QuestionKind.FILE:
            merged[key] = value.strip() if isinstance(value, str) else value
    changed = sorted(k for k in merged if merged.get(k) != application.answers.get(k))
    application.answers = merged
    if title is not None and title.strip():
        application.title = title.strip()
    problems = []
    if requested_amount not in (None, ""):
        try:
            application.requested_amount = Decimal(str(requested_amount).replace(",", "."))
        except InvalidOperation:
            problems.append(_("Requested amount: enter a number."))
    application.updated_at = timezone.now()
    application.save()
    log_action(application, "calls.application.saved", actor=actor, data={"questions": changed})
    problems += [p for q in questions.values() if (p := answer_problem(q, merged.get(str(q.pk))))]
    return problems


@transaction.atomic
def attach_application_file(application: Application, *, question: ApplicationQuestion, upload: Any, actor: Any, now=None) -> None:
    """Store one uploaded file for a file question, replacing an earlier one. Raises CallError if it breaks the limits."""
    _require_draft(application)
    _require_open(application.call, now)
    problem = file_problem(question, name=upload.name, size=upload.size) or content_problem(upload)
    if problem:
        raise CallError(problem)
    application.files.filter(question=question).delete()
    application.files.create(question=question, file=upload, name=upload.name[:200], size=upload.size)
    log_action(application, "calls.application.file_attached", actor=actor, data={"question": question.pk, "name": upload.name})


def eligibility_problems(application: Application) -> list[str]:
    """The exact list of what is still missing before ``application`` may be submitted."""
    call = application.call
    problems: list[str] = []
    confirmed = list(
        Organisation.objects.filter(call_partnerships__application=application, call_partnerships__confirmed_at__isnull=False)
    )
    consortium = [application.lead, *confirmed]
    if call.require_heritage and not any(o.kind in HERITAGE_KINDS for o in consortium):
        problems.append(_("The consortium needs at least one heritage institution."))
    if call.require_creative and not any(o.kind in CREATIVE_KINDS for o in consortium):
        problems.append(_("The consortium needs at least one creative business or technology firm."))
    if call.lead_region_prefixes and not any(application.lead.region.startswith(p) for p in call.lead_region_prefixes):
        problems.append(_("The lead applicant must be based in one of the programme's regions (%(regions)s).") % {
            "regions": ", ".join(call.lead_region_prefixes)})
    if len(confirmed) < call.min_partners:
        problems.append(_("At least %(count)s partner(s) must confirm their participation (confirmed: %(done)s).") % {
            "count": call.min_partners, "done": len(confirmed)})
    if len(confirmed) > call.max_partners:
        problems.append(_("At most %(count)s partners are allowed (confirmed: %(done)s).") % {
            "count": call.max_partners, "done": len(confirmed)})
    pending = application.partners.filter(confirmed_at__isnull=True).select_related("organisation")
    problems += [
        _("%(organisation)s has not confirmed its participation yet.") % {"organisation": p.organisation.name}
        for p in pending
    ]
    with_file = set(application.files.values_list("question_id", flat=True))
    for question in call.questions.all():
        value = application.answers.get(str(question.pk))
        if question.kind == QuestionKind.FILE:
            if question.required and question.pk not in with_file:
                problems.append(_("Missing file: “%(question)s”.") % {"question": question.label})
            continue
        if question.required and value in (None, ""):
            problems.append(_("Missing answer: “%(question)s”.") % {"question": question.label})
        elif problem := answer_problem(question, value):
            problems.append(problem)
    return problems


@transaction.atomic
def invite_partner(application: Application, *, organisation: Organisation, actor: Any, now=None) -> ApplicationPartner:
    """Invite ``organisation`` into the consortium; its members confirm. Logs ``calls.partner.invited``."""
    _require_draft(application)
    _require_open(application.call, now)
    if organisation.pk == application.lead_id:
        raise CallError(_("The lead applicant is already part of the consortium."))
    partner, created = ApplicationPartner.objects.get_or_create(
        application=application, organisation=organisation, defaults={"invited_by": actor},
    )
    if not created:
        raise CallError(_("%(organisation)s is already invited.") % {"organisation": organisation.name})
    log_action(application, "calls.partner.invited", actor=actor, data={"organisation": organisation.pk})
    return partner


@transaction.atomic
def confirm_partner(partner: ApplicationPartner, *, actor: Any) -> ApplicationPartner:
    """The partner organisation confirms it takes part. Logs ``calls.partner.confirmed``."""
    _require_draft(partner.application)
    partner.confirmed_at = timezone.now()
    partner.save(update_fields=["confirmed_at"])
    log_action(partner.application, "calls.partner.confirmed", actor=actor, data={"organisation": partner.organisation_id})
    return partner


@transaction.atomic
def remove_partner(partner: ApplicationPartner, *, actor: Any) -> None:
    """Drop a partner (the lead removes it, or the partner declines). Logs ``calls.partner.removed``."""
    _require_draft(partner.application)
    log_action(partner.application, "calls.partner.removed", actor=actor, data={"organisation": partner.organisation_id})
    partner.delete()


def _applicant_emails(application: Application) -> list[str]:
    emails = set(
        Person.objects.filter(organisation_id=application.lead_id, user__isnull=False, user__is_active=True)
        .values_list("user__email", flat=True)
    )
    if application.created_by_id and application.created_by.email:
        emails.add(application.created_by.email)
    return sorted(emails)


def _send_receipt(application_id: int) -> None:
    application = Application.objects.select_related("call", "lead", "created_by").get(pk=application_id)
    subject = _("Receipt: “%(title)s” submitted to %(call)s") % {"title": application.title, "call": application.call.title}
    body = _(
        "Your application “%(title)s” (lead: %(lead)s) was received on %(time)s.\n"
        "Reference number: %(reference)s.\n"
    ) % {
        "title": application.title, "lead": application.lead.name,
        "time": timezone.localtime(application.submitted_at).strftime("%Y-%m-%d %H:%M %Z"),
        "reference": f"{application.call_id}-{application.pk}",
    }
    send_mail(subject, body, settings.DEFAULT_FROM_EMAIL, _applicant_emails(application))


@transaction.atomic
def submit_application(application: Application, *, actor: Any, now=None) -> Application:
    """Submit when the call is open and nothing is missing.

    Raises CallError after the deadline (checked here, on the server, against
    ``closes_at``) and IneligibleError with the list of missing items. Logs
    ``calls.application.submitted``; sends the receipt email after commit.
    """
    now = now or timezone.now()
    application = Application.objects.select_for_update().select_related("call", "lead").get(pk=application.pk)
    _require_draft(application)
    _require_open(application.call, now)
    problems = eligibility_problems(application)
    if problems:
        raise IneligibleError(problems)
    application.status = ApplicationStatus.SUBMITTED
    application.submitted_at = now
    application.save(update_fields=["status", "submitted_at"])
    log_action(application, "calls.application.submitted", actor=actor, data={"at": now.isoformat()})
    transaction.on_commit(lambda: _send_receipt(application.pk))
    return application


@transaction.atomic
def withdraw_application(application: Application, *, actor: Any) -> Application:
    """Withdraw a draft or a submitted application before a decision. Logs ``calls.application.withdrawn``."""
    if application.status == ApplicationStatus.WITHDRAWN or hasattr(application, "decision"):
        raise CallError(_("This application can no longer be withdrawn."))
    application.status = ApplicationStatus.WITHDRAWN
    application.save(update_fields=["status"])
    log_action(application, "calls.application.withdrawn", actor=actor)
    return application


# --------------------------------------------------------------------------- the call's form and rubric


def add_call_question(call: Call, question: ApplicationQuestion, *, actor: Any) -> ApplicationQuestion:
    """Append ``question`` (unsaved, e.g. from ``QuestionForm``) to the call's form.

    Logs ``calls.call.question_added``.
    """
    return _append_to_call(call, question, call.questions, "question", actor=actor)


def add_call_criterion(call: Call, criterion: Criterion, *, actor: Any) -> Criterion:
    """Append ``criterion`` (unsaved, e.g. from ``CriterionForm``) to the call's rubric.

    Logs ``calls.call.criterion_added``.
    """
    return _append_to_call(call, criterion, call.criteria, "criterion", actor=actor)


@transaction.atomic
def _append_to_call(call: Call, item: Any, siblings: Any, noun: str, *, actor: Any) -> Any:
    # The row lock keeps two operators adding at once from getting the same position.
    Call.objects.select_for_update().filter(pk=call.pk).first()
    item.call = call
    item.position = siblings.count()
    item.save()
    log_action(call, f"calls.call.{noun}_added", actor=actor, data={noun: item.pk})
    return item


# --------------------------------------------------------------------------- reviewer assignment


# The assignment solver and the encoder take seconds to minutes, so an operator's request
# queues it (``start_reviewer_assignment``) and a worker runs it (``calls.tasks``). The
# request, its start and its end are audit-log entries on the call; their latest one is
# the status shown on the page (``selectors.assignment_run_state``).
ASSIGNMENT_REQUESTED = "calls.assignment.requested"
ASSIGNMENT_STARTED = "calls.assignment.started"
ASSIGNMENT_FINISHED = "calls.assignment.run"
ASSIGNMENT_FAILED = "calls.assignment.failed"


def _application_text(application: Application) -> str:
    answers = " ".join(str(v) for v in application.answers.values() if isinstance(v, str))
    return f"{application.title} {answers}"


def affinity_table(applications: list[Application], reviewers: list[Any]) -> np.ndarray:
    """Reviewer expertise for each application (P x R, in [0, 1]), from the matching service."""
    from sache.matching.selectors import reviewer_affinities  # noqa: PLC0415 (slow import: model loading)

    return reviewer_affinities([_application_text(a) for a in applications], reviewers)


def conflicts_for(applications: list[Application], reviewers: list[Any], *, same_region: bool = False) -> set[tuple[int, int]]:
    """(application id, reviewer id) pairs that must never be assigned.

    A conflict: the reviewer is a member of the lead or of any invited partner
    organisation, declared a conflict, or (``same_region``) works for an
    organisation in the lead applicant's NUTS 2 region.
    """
    memberships: dict[int, set[int]] = {}
    regions: dict[int, set[str]] = {}
    for person in Person.objects.filter(user__in=reviewers).select_related("organisation"):
        memberships.setdefault(person.user_id, set()).add(person.organisation_id)
        regions.setdefault(person.user_id, set()).add(person.organisation.region[:4])
    partners: dict[int, set[int]] = {}
    for application_id, organisation_id in ApplicationPartner.objects.filter(application__in=applications).values_list(
        "application_id", "organisation_id"
    ):
        partners.setdefault(application_id, set()).add(organisation_id)
    declared = set(DeclaredConflict.objects.filter(application__in=applications).values_list("application_id", "reviewer_id"))
    declared |= set(
        ReviewAssignment.objects.filter(application__in=applications, conflict_declared=True).values_list("application_id", "reviewer_id")
    )
    pairs = set()
    for application in applications:
        consortium = {application.lead_id} | partners.get(application.pk, set())
        for reviewer in reviewers:
            if memberships.get(reviewer.pk, set()) & consortium or (application.pk, reviewer.pk) in declared or (
                same_region and application.lead.region[:4] in regions.get(reviewer.pk, set())
            ):
                pairs.add((application.pk, reviewer.pk))
    return pairs


@transaction.atomic
def assign_call_reviewers(
    call: Call, *, reviewers: list[Any], actor: Any, fair: bool = False, same_region: bool = False, request_id: int | None = None,
) -> dict[str, float]:
    """Assign ``call.reviews_per_application`` reviewers to every submitted application.

    Keeps manual assignments and submitted reviews (as fixed pairs), replaces
    the other automatic ones, never pairs a conflict. Raises CallError when
    no assignment fits. Logs ``calls.assignment.run``.
    """
    from sache.engine.review import InfeasibleAssignmentError, assign_reviewers  # noqa: PLC0415 (slow import: solvers)

    applications = list(call.applications.filter(status=ApplicationStatus.SUBMITTED).select_related("lead").order_by("pk"))
    if not applications or not reviewers:
        raise CallError(_("There are no submitted applications or no reviewers."))
    table = affinity_table(applications, reviewers)
    conflicts = conflicts_for(applications, reviewers, same_region=same_region)
    existing = ReviewAssignment.objects.filter(application__call=call, conflict_declared=False).select_related("review")
    fixed = {}
    for assignment in existing:
        review = getattr(assignment, "review", None)
        if assignment.source == AssignmentSource.MANUAL or (review is not None and review.submitted_at):
            fixed[(assignment.application_id, assignment.reviewer_id)] = True
    affinity = {
        (a.pk, r.pk): float(table[i, j]) for i, a in enumerate(applications) for j, r in enumerate(reviewers)
    }
    try:
        result = assign_reviewers(
            affinity, per_application=call.reviews_per_application, max_load=call.max_reviewer_load,
            conflicts=sorted(conflicts), fair=fair, fixed={k: v for k, v in fixed.items() if k not in conflicts},
            applications=[a.pk for a in applications], reviewers=[r.pk for r in reviewers], time_limit=10.0,
        )
    except InfeasibleAssignmentError as error:
        raise CallError(_("No assignment satisfies the limits: %(reason)s") % {"reason": error}) from error
    chosen = {(a, r) for a, rs in result.assignment.items() for r in rs}
    for assignment in existing:
        key = (assignment.application_id, assignment.reviewer_id)
        if key not in chosen and key not in fixed:
            assignment.delete()
    present = set(ReviewAssignment.objects.filter(application__call=call).values_list("application_id", "reviewer_id"))
    ReviewAssignment.objects.bulk_create([
        ReviewAssignment(application_id=a, reviewer_id=r, affinity=affinity[(a, r)], source=AssignmentSource.AUTO)
        for a, r in sorted(chosen - present)
    ])
    summary = {"total_affinity": result.total_affinity, "worst_application_affinity": result.worst_application_affinity}
    data = {**summary, "fair": fair, "pairs": len(chosen)}
    if request_id is not None:
        data["request"] = request_id  # ties the result to the queued request (see run_reviewer_assignment)
    log_action(call, ASSIGNMENT_FINISHED, actor=actor, data=data)
    return summary


def active_reviewers() -> list[Any]:
    from django.contrib.auth import get_user_model  # noqa: PLC0415 (the user model is resolved at run time)

    return list(get_user_model().objects.filter(is_reviewer=True, is_active=True).order_by("email"))


def start_reviewer_assignment(call: Call, *, actor: Any, fair: bool = False, same_region: bool = False) -> ActivityLog:
    """Queue a reviewer assignment for ``call``; ``task_assign_call_reviewers`` runs it after commit.

    Refused while a request of the same call is queued or running. Logs ``calls.assignment.requested``
    (its id identifies the request).
    """
    from sache.calls import selectors  # noqa: PLC0415 (selectors import the models only; kept local like tasks)
    from sache.calls.tasks import task_assign_call_reviewers  # noqa: PLC0415 (tasks import these services)

    with transaction.atomic():
        Call.objects.select_for_update().filter(pk=call.pk).first()  # one request at a time per call
        if selectors.assignment_run_state(call)["state"] in {"queued", "running"}:
            raise CallError(_("Reviewers are already being assigned for this call."))
        entry = log_action(call, ASSIGNMENT_REQUESTED, actor=actor, data={"fair": fair, "same_region": same_region})
        transaction.on_commit(lambda: task_assign_call_reviewers.enqueue(request_id=entry.pk))
    return entry


def run_reviewer_assignment(request_id: int) -> str | None:
    """Run the queued request ``request_id`` once; returns ``finished``, ``failed`` or None (nothing to do).

    A request that already has a result (a worker delivered the task twice, or it was re-queued
    after a crash that happened after the commit) is not run again.
    """
    request = ActivityLog.objects.filter(pk=request_id, action=ASSIGNMENT_REQUESTED).select_related("actor").first()
    call = Call.objects.filter(pk=request.object_id).first() if request is not None else None
    if call is None:
        return None
    if ActivityLog.objects.filter(action__in=[ASSIGNMENT_FINISHED, ASSIGNMENT_FAILED], data__request=request_id).exists():
        return None
    log_action(call, ASSIGNMENT_STARTED, actor=request.actor, data={"request": request_id})
    try:
        with transaction.atomic():
            # Two workers handed the same request: the second waits here, then finds the result.
            Call.objects.select_for_update().filter(pk=call.pk).first()
            if ActivityLog.objects.filter(action__in=[ASSIGNMENT_FINISHED, ASSIGNMENT_FAILED], data__request=request_id).exists():
                return None
            assign_call_reviewers(
                call, reviewers=active_reviewers(), actor=request.actor, fair=bool(request.data.get("fair")),
                same_region=bool(request.data.get("same_region")), request_id=request_id,
            )
    except CallError as error:
        log_action(call, ASSIGNMENT_FAILED, actor=request.actor, data={"request": request_id, "reason": str(error)})
        return "failed"
    return "finished"


@transaction.atomic
def assign_reviewer_manually(application: Application, *, reviewer: Any, actor: Any) -> ReviewAssignment:
    """Operator override: add ``reviewer`` to ``application``. Refuses conflicts. Logs ``calls.assignment.added``."""
    if (application.pk, reviewer.pk) in conflicts_for([application], [reviewer]):
        raise CallError(_("%(reviewer)s has a conflict of interest with this application.") % {"reviewer": reviewer})
    assignment, created = ReviewAssignment.objects.get_or_create(
        application=application, reviewer=reviewer, defaults={"source": AssignmentSource.MANUAL},
    )
    if not created:
        raise CallError(_("This reviewer is already assigned."))
    log_action(application, "calls.assignment.added", actor=actor, data={"reviewer": reviewer.pk})
    return assignment


@transaction.atomic
def remove_assignment(assignment: ReviewAssignment, *, actor: Any) -> None:
    """Operator override: take an assignment away (with any draft review) and keep the pair out of later runs.

    Writes a DeclaredConflict row so the next automatic assignment never puts the pair back.
    Logs ``calls.assignment.removed``.
    """
    DeclaredConflict.objects.get_or_create(
        application_id=assignment.application_id, reviewer_id=assignment.reviewer_id,
        defaults={"reason": "removed by an operator"},
    )
    log_action(assignment.application, "calls.assignment.removed", actor=actor, data={"reviewer": assignment.reviewer_id})
    assignment.delete()


@transaction.atomic
def declare_conflict(assignment: ReviewAssignment, *, reason: str, actor: Any) -> ReviewAssignment:
    """The reviewer declares a conflict: the assignment closes and the pair is never assigned again.

    Logs ``calls.review.conflict_declared``.
    """
    assignment.conflict_declared = True
    assignment.conflict_reason = reason[:300]
    assignment.save(update_fields=["conflict_declared", "conflict_reason"])
    DeclaredConflict.objects.get_or_create(
        application_id=assignment.application_id, reviewer_id=assignment.reviewer_id, defaults={"reason": reason[:300]},
    )
    log_action(assignment.application, "calls.review.conflict_declared", actor=actor, data={"reviewer": assignment.reviewer_id})
    return assignment


def send_review_reminders(call: Call, *, actor: Any) -> int:
    """Email every reviewer with unsubmitted reviews in ``call``. Logs ``calls.review.reminded``; returns the count."""
    pending: dict[int, list[ReviewAssignment]] = {}
    for assignment in ReviewAssignment.objects.filter(application__call=call, conflict_declared=False).select_related(
        "reviewer", "review", "application"
    ):
        review = getattr(assignment, "review", None)
        if review is None or review.submitted_at is None:
            pending.setdefault(assignment.reviewer_id, []).append(assignment)
    for assignments in pending.values():
        reviewer = assignments[0].reviewer
        titles = "\n".join(f"- {a.application.title}" for a in assignments)
        send_mail(
            _("Reminder: reviews for %(call)s") % {"call": call.title},
            _("You still have %(count)s review(s) to submit:\n%(titles)s\n") % {"count": len(assignments), "titles": titles},
            settings.DEFAULT_FROM_EMAIL, [reviewer.email],
        )
        ReviewAssignment.objects.filter(pk__in=[a.pk for a in assignments]).update(reminded_at=timezone.now())
    log_action(call, "calls.review.reminded", actor=actor, data={"reviewers": len(pending)})
    return len(pending)


# --------------------------------------------------------------------------- reviews


@transaction.atomic
def save_review(assignment: ReviewAssignment, *, scores: dict[str, Any], comments: str, submit: bool, actor: Any) -> Review:
    """Store scores per criterion and comments; ``submit`` finalises when every criterion is scored.

    Raises CallError on a score outside the scale, a missing score at
    submission or a change after submission. Logs ``calls.review.score_changed``
    once per changed criterion (old and new value) and ``calls.review.submitted``.
    """
    if assignment.conflict_declared:
        raise CallError(_("You declared a conflict of interest for this application."))
    review, _created = Review.objects.get_or_create(assignment=assignment)
    if review.submitted_at is not None:
        raise CallError(_("This review has already been submitted."))
    criteria = {str(c.pk): c for c in assignment.application.call.criteria.all()}
    new_scores = dict(review.scores)
    for key, raw in scores.items():
        if key not in criteria or raw in (None, ""):
            continue
        try:
            value = int(raw)
        except (TypeError, ValueError) as error:
            raise CallError(_("Scores are whole numbers.")) from error
        if not 0 <= value <= criteria[key].scale_max:
            raise CallError(_("“%(criterion)s”: the score must be between 0 and %(max)s.") % {
                "criterion": criteria[key].name, "max": criteria[key].scale_max})
        new_scores[key] = value
    for key in sorted(new_scores):
        if new_scores[key] != review.scores.get(key):
            log_action(review, "calls.review.score_changed", actor=actor, data={
                "criterion": int(key), "old": review.scores.get(key), "new": new_scores[key]})
    if comments != review.comments:
        log_action(review, "calls.review.comments_changed", actor=actor)
    review.scores = new_scores
    review.comments = comments
    review.updated_at = timezone.now()
    if submit:
        missing = [c.name for k, c in criteria.items() if k not in new_scores]
        if missing:
            review.save()
            raise CallError(_("Score every criterion before submitting: %(missing)s.") % {"missing": ", ".join(missing)})
        review.submitted_at = timezone.now()
        log_action(review, "calls.review.submitted", actor=actor)
    review.save()
    return review


# --------------------------------------------------------------------------- selection


def review_total(review: Review | PitchScore, criteria: list[Any]) -> float:
    """Weighted score of one review on 0–100: each criterion as a share of its scale, weighted."""
    weight = sum(float(c.weight) for c in criteria) or 1.0
    return 100.0 * sum(float(c.weight) * review.scores.get(str(c.pk), 0) / (c.scale_max or 1) for c in criteria) / weight


def ranking(call: Call, *, normalise: bool = False) -> list[dict[str, Any]]:
    """Submitted applications with a submitted review, best first, with the budget line.

    Each row has ``raw`` (mean weighted total, 0–100) and ``normalised`` (mean of
    each reviewer's z-score over all the reviews they gave in the call, which
    removes a harsh or lenient reviewer's bias). Ranked by the chosen score;
    ties go to the other score, then more reviews, then earlier submission.
    ``funded`` is true while the cumulative requested amount fits the budget.
    """
    criteria = list(call.criteria.all())
    reviews = list(
        Review.objects.filter(assignment__application__call=call, submitted_at__isnull=False,
                              assignment__application__status=ApplicationStatus.SUBMITTED)
        .select_related("assignment")
    )
    totals = {r.pk: review_total(r, criteria) for r in reviews}
    by_reviewer: dict[int, list[float]] = {}
    for review in reviews:
        by_reviewer.setdefault(review.assignment.reviewer_id, []).append(totals[review.pk])
    stats = {k: (float(np.mean(v)), float(np.std(v))) for k, v in by_reviewer.items()}
    per_app: dict[int, list[tuple[float, float]]] = {}
    for review in reviews:
        mean, std = stats[review.assignment.reviewer_id]
        z = (totals[review.pk] - mean) / std if std > 1e-9 else 0.0
        per_app.setdefault(review.assignment.application_id, []).append((totals[review.pk], z))
    applications = Application.objects.filter(pk__in=per_app).select_related("lead", "decision")
    rows = [
        {
            "application": a,
            "raw": round(float(np.mean([t for t, _z in per_app[a.pk]])), 2),
            "normalised": round(float(np.mean([z for _t, z in per_app[a.pk]])), 3),
            "reviews": len(per_app[a.pk]),
        }
        for a in applications
    ]
    first, second = ("normalised", "raw") if normalise else ("raw", "normalised")
    rows.sort(key=lambda r: (-r[first], -r[second], -r["reviews"], r["application"].submitted_at, r["application"].pk))
    spent = Decimal(0)
    budget_open = True
    for rank, row in enumerate(rows, start=1):
        row["rank"] = rank
        amount = row["application"].requested_amount
        if budget_open and spent + amount <= call.budget:
            spent += amount
            row["funded"] = True
        else:
            budget_open = False
            row["funded"] = False
        row["cumulative"] = spent
    return rows


def _letter(call: Call, row: dict[str, Any], *, outcome: str, total: int, normalise: bool) -> str:
    values = {
        "organisation": row["application"].lead.name, "call": call.title, "application": row["application"].title,
        "decision": Outcome(outcome).label, "rank": row["rank"], "total": total,
        "score": row["normalised"] if normalise else row["raw"],
        "amount": row["application"].requested_amount if outcome == Outcome.FUNDED else 0,
    }
    try:
        return call.feedback_template.format(**values)
    except (KeyError, IndexError, ValueError):
        return call.feedback_template


@transaction.atomic
def decide_call(call: Call, *, actor: Any, normalise: bool = False, reserve: int = 3, now=None) -> list[Decision]:
    """Record decisions along the ranking: funded above the budget line, the next ``reserve`` on the
    reserve list, the rest not funded; a feedback letter from the call's template for each.

    Refused before the call closes. Logs ``calls.decision.made`` per application.
    """
    now = now or timezone.now()
    if now < call.closes_at:
        raise CallError(_("Decisions can be made only after the call closes."))
    rows = ranking(call, normalise=normalise)
    decisions = []
    reserved = 0
    for row in rows:
        if row["funded"]:
            outcome = Outcome.FUNDED
        elif reserved < reserve:
            outcome, reserved = Outcome.RESERVE, reserved + 1
        else:
            outcome = Outcome.REJECTED
        amount = row["application"].requested_amount if outcome == Outcome.FUNDED else Decimal(0)
        score = row["normalised"] if normalise else row["raw"]
        decision, _created = Decision.objects.update_or_create(application=row["application"], defaults={
            "outcome": outcome, "amount": amount, "rank": row["rank"], "score": score, "decided_by": actor,
            "decided_at": now, "letter": _letter(call, row, outcome=outcome, total=len(rows), normalise=normalise),
        })
        log_action(row["application"], "calls.decision.made", actor=actor, data={
            "outcome": str(outcome), "amount": str(amount), "rank": row["rank"], "score": score, "normalised": normalise})
        decisions.append(decision)
    return decisions


# --------------------------------------------------------------------------- pitching sessions


@transaction.atomic
def create_pitch_session(call: Call, *, title: str, jurors: list[Any], applications: list[Application], actor: Any) -> PitchSession:
    """A live pitching session for ``applications`` scored by ``jurors``. Logs ``calls.pitch.session_created``."""
    session = PitchSession.objects.create(call=call, title=title)
    session.jurors.set(jurors)
    for position, application in enumerate(applications):
        Pitch.objects.create(session=session, application=application, position=position)
    log_action(session, "calls.pitch.session_created", actor=actor, data={
        "jurors": [j.pk for j in jurors], "applications": [a.pk for a in applications]})
    return session


@transaction.atomic
def score_pitch(pitch: Pitch, *, juror: Any, scores: dict[str, Any], actor: Any) -> PitchScore:
    """A juror scores a pitch on the call's rubric (may change until the session closes).

    Raises CallError when the session is closed, the juror is not on the jury
    or a score is off the scale. Logs ``calls.pitch.score_changed`` per changed criterion.
    """
    session = pitch.session
    if session.closed_at is not None:
        raise CallError(_("The session is closed; scores can no longer change."))
    if not session.jurors.filter(pk=juror.pk).exists():
        raise CallError(_("Only jury members score pitches."))
    criteria = {str(c.pk): c for c in session.call.criteria.all()}
    record, _created = PitchScore.objects.get_or_create(pitch=pitch, juror=juror)
    new_scores = dict(record.scores)
    for key, raw in scores.items():
        if key not in criteria or raw in (None, ""):
            continue
        try:
            value = int(raw)
        except (TypeError, ValueError) as error:
            raise CallError(_("Scores are whole numbers.")) from error
        if not 0 <= value <= criteria[key].scale_max:
            raise CallError(_("“%(criterion)s”: the score must be between 0 and %(max)s.") % {
                "criterion": criteria[key].name, "max": criteria[key].scale_max})
        if value != record.scores.get(key):
            log_action(record, "calls.pitch.score_changed", actor=actor, data={
                "criterion": int(key), "old": record.scores.get(key), "new": value})
        new_scores[key] = value
    record.scores = new_scores
    record.updated_at = timezone.now()
    record.save()
    return record


@transaction.atomic
def close_pitch_session(session: PitchSession, *, actor: Any) -> PitchSession:
    """Close the session: scores freeze and results become visible. Logs ``calls.pitch.session_closed``."""
    session.closed_at = timezone.now()
    session.save(update_fields=["closed_at"])
    log_action(session, "calls.pitch.session_closed", actor=actor)
    return session


def pitch_results(session: PitchSession) -> list[dict[str, Any]]:
    """Pitches by mean weighted jury score (0–100), best first; empty while the session is open."""
    if session.closed_at is None:
        return []
    criteria = list(session.call.criteria.all())
    rows = []
    for pitch in session.pitches.select_related("application__lead").prefetch_related("scores"):
        totals = [review_total(score, criteria) for score in pitch.scores.all()]
        rows.append({"pitch": pitch, "score": round(float(np.mean(totals)), 2) if totals else 0.0, "jurors": len(totals)})
    rows.sort(key=lambda r: (-r["score"], -r["jurors"], r["pitch"].position))
    return rows
