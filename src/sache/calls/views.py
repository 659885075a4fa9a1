"""Thin views over calls.selectors and calls.services."""

from __future__ import annotations

import csv

from django.contrib import messages
from django.contrib.auth import get_user_model
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.db.models import Q
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from sache.calls import selectors, services
from sache.calls.enums import ApplicationStatus, QuestionKind
from sache.calls.forms import (
    AssignmentRunForm,
    CallForm,
    ConflictForm,
    CriterionForm,
    InviteForm,
    ManualAssignmentForm,
    NewApplicationForm,
    PitchSessionForm,
    QuestionForm,
)
from sache.calls.models import ApplicationPartner, Call, Pitch, PitchScore, ReviewAssignment
from sache.calls.rules import can_edit_application, can_read_other_reviews, member_organisation_ids
from sache.core.permissions import operator_required
from sache.directory.enums import Publication
from sache.directory.models import Organisation


def _editable_application(request: HttpRequest, pk: int):
    application = selectors.get_application_for(request.user, pk)
    if not can_edit_application(request.user, application):
        raise PermissionDenied
    return application


# --------------------------------------------------------------------------- public and applicants


@require_GET
def call_list(request: HttpRequest) -> HttpResponse:
    return render(request, "calls/call_list.html", {"calls": selectors.calls_visible_to(request.user)})


@require_GET
def call_detail(request: HttpRequest, pk: int) -> HttpResponse:
    call = selectors.get_call_for(request.user, pk)
    own = Organisation.objects.filter(id__in=member_organisation_ids(request.user)).order_by("name")
    form = NewApplicationForm(lead_choices=own) if own and call.is_open() else None
    return render(request, "calls/call_detail.html", {"call": call, "form": form})


@require_POST
@login_required
def application_create(request: HttpRequest, pk: int) -> HttpResponse:
    call = selectors.get_call_for(request.user, pk)
    own = Organisation.objects.filter(id__in=member_organisation_ids(request.user)).order_by("name")
    if not own:
        raise PermissionDenied
    form = NewApplicationForm(request.POST, lead_choices=own)
    if form.is_valid():
        try:
            application = services.create_application(
                call, lead=form.cleaned_data["lead"], title=form.cleaned_data["title"], actor=request.user)
        except services.CallError as error:
            messages.error(request, str(error))
        else:
            return redirect("calls:application-detail", application.pk)
    return render(request, "calls/call_detail.html", {"call": call, "form": form}, status=400)


@require_GET
@login_required
def application_list(request: HttpRequest) -> HttpResponse:
    return render(request, "calls/application_list.html", {
        "applications": selectors.applications_visible_to(request.user).order_by("-created_at"),
    })


def _answer_rows(application, answers=None):
    answers = application.answers if answers is None else answers
    files = {f.question_id: f for f in application.files.all()}
    return [
        {"question": q, "name": f"q{q.pk}", "value": answers.get(str(q.pk), ""), "file": files.get(q.pk)}
        for q in application.call.questions.all()
    ]


@require_http_methods(["GET", "POST"])
@login_required
def application_detail(request: HttpRequest, pk: int) -> HttpResponse:
    application = selectors.get_application_for(request.user, pk)
    editable = can_edit_application(request.user, application) and application.status == ApplicationStatus.DRAFT
    answers = None
    problems: list[str] = []
    if request.method == "POST":
        if not editable:
            raise PermissionDenied
        answers = {str(q.pk): request.POST.get(f"q{q.pk}", "") for q in application.call.questions.all()}
        try:
            problems = services.save_application_draft(
                application, title=request.POST.get("title"), requested_amount=request.POST.get("requested_amount"),
                answers=answers, actor=request.user)
            for question in application.call.questions.filter(kind=QuestionKind.FILE):
                upload = request.FILES.get(f"q{question.pk}")
                if upload:
                    try:
                        services.attach_application_file(application, question=question, upload=upload, actor=request.user)
                    except services.CallError as error:
                        problems.append(str(error))
        except services.CallError as error:
            problems = [str(error)]
        if not problems:
            messages.success(request, _("Draft saved."))
            return redirect("calls:application-detail", application.pk)
    own = member_organisation_ids(request.user)
    invite_choices = Organisation.objects.filter(publication=Publication.PUBLISHED).exclude(pk=application.lead_id).exclude(
        pk__in=application.partners.values("organisation_id")).order_by("name")
    return render(request, "calls/application_detail.html", {
        "application": application, "editable": editable, "problems": problems,
        "rows": _answer_rows(application, answers),
        "partners": application.partners.select_related("organisation").order_by("organisation__name"),
        "own_organisations": own,
        "missing": services.eligibility_problems(application) if application.status == ApplicationStatus.DRAFT else [],
        "invite_form": InviteForm(choices=invite_choices) if editable else None,
        "decision": getattr(application, "decision", None),
    }, status=400 if problems else 200)


@require_POST
@login_required
def partner_invite(request: HttpRequest, pk: int) -> HttpResponse:
    application = _editable_application(request, pk)
    form = InviteForm(request.POST, choices=Organisation.objects.filter(publication=Publication.PUBLISHED))
    if form.is_valid():
        try:
            services.invite_partner(application, organisation=form.cleaned_data["organisation"], actor=request.user)
            messages.success(request, _("Partner invited; its members confirm on this page."))
        except services.CallError as error:
            messages.error(request, str(error))
    else:
        messages.error(request, _("Choose an organisation to invite."))
    return redirect("calls:application-detail", application.pk)


def _partner(request: HttpRequest, pk: int, partner_pk: int):
    application = selectors.get_application_for(request.user, pk)
    return application, get_object_or_404(ApplicationPartner, pk=partner_pk, application=application)


@require_POST
@login_required
def partner_confirm(request: HttpRequest, pk: int, partner_pk: int) -> HttpResponse:
    application, partner = _partner(request, pk, partner_pk)
    if partner.organisation_id not in member_organisation_ids(request.user):
        raise PermissionDenied
    try:
        services.confirm_partner(partner, actor=request.user)
        messages.success(request, _("Participation confirmed."))
    except services.CallError as error:
        messages.error(request, str(error))
    return redirect("calls:application-detail", application.pk)


@require_POST
@login_required
def partner_remove(request: HttpRequest, pk: int, partner_pk: int) -> HttpResponse:
    application, partner = _partner(request, pk, partner_pk)
    if not (can_edit_application(request.user, application) or partner.organisation_id in member_organisation_ids(request.user)):
        raise PermissionDenied
    try:
        services.remove_partner(partner, actor=request.user)
        messages.success(request, _("Partner removed."))
    except services.CallError as error:
        messages.error(request, str(error))
    return redirect("calls:application-detail", application.pk)


@require_POST
@login_required
def application_submit(request: HttpRequest, pk: int) -> HttpResponse:
    application = _editable_application(request, pk)
    try:
        services.submit_application(application, actor=request.user)
    except services.IneligibleError as error:
        messages.error(request, _("The application cannot be submitted yet: %(missing)s") % {"missing": "; ".join(error.problems)})
    except services.CallError as error:
        messages.error(request, str(error))
    else:
        messages.success(request, _("Application submitted. A receipt is on its way by email."))
    return redirect("calls:application-detail", application.pk)


@require_POST
@login_required
def application_withdraw(request: HttpRequest, pk: int) -> HttpResponse:
    application = _editable_application(request, pk)
    try:
        services.withdraw_application(application, actor=request.user)
        messages.success(request, _("Application withdrawn."))
    except services.CallError as error:
        messages.error(request, str(error))
    return redirect("calls:application-detail", application.pk)


# --------------------------------------------------------------------------- reviewers


@require_GET
@login_required
def review_list(request: HttpRequest) -> HttpResponse:
    return render(request, "calls/review_list.html", {"assignments": selectors.assignments_visible_to(request.user)})


@require_http_methods(["GET", "POST"])
@login_required
def review_detail(request: HttpRequest, pk: int) -> HttpResponse:
    assignment = selectors.get_assignment_for(request.user, pk)
    application = assignment.application
    criteria = list(application.call.criteria.all())
    review = getattr(assignment, "review", None)
    scores = dict(review.scores) if review else {}
    comments = review.comments if review else ""
    error = None
    if request.method == "POST":
        scores = {str(c.pk): request.POST.get(f"c{c.pk}", "") for c in criteria}
        comments = request.POST.get("comments", "")
        try:
            services.save_review(assignment, scores=scores, comments=comments,
                                 submit="submit" in request.POST, actor=request.user)
        except services.CallError as problem:
            error = str(problem)
        else:
            messages.success(request, _("Review saved."))
            return redirect("calls:review-detail", assignment.pk)
        assignment = selectors.get_assignment_for(request.user, pk)
    readable = can_read_other_reviews(request.user, assignment)
    return render(request, "calls/review_detail.html", {
        "assignment": assignment, "application": application, "error": error, "comments": comments,
        "rows": [{"criterion": c, "name": f"c{c.pk}", "value": scores.get(str(c.pk), ""), "range": range(c.scale_max + 1)}
                 for c in criteria],
        "submitted": review is not None and review.submitted_at is not None,
        "answers": _answer_rows(application),
        "others": list(selectors.other_reviews(assignment)) if readable else None,
        "criteria": criteria, "conflict_form": ConflictForm(),
    }, status=400 if error else 200)


@require_POST
@login_required
def review_conflict(request: HttpRequest, pk: int) -> HttpResponse:
    assignment = selectors.get_assignment_for(request.user, pk)
    form = ConflictForm(request.POST)
    form.is_valid()
    services.declare_conflict(assignment, reason=form.cleaned_data.get("reason", ""), actor=request.user)
    messages.success(request, _("Conflict of interest recorded; the application was taken off your list."))
    return redirect("calls:review-list")


# --------------------------------------------------------------------------- operators


@require_http_methods(["GET", "POST"])
@operator_required
def call_edit(request: HttpRequest, pk: int | None = None) -> HttpResponse:
    call = get_object_or_404(Call, pk=pk) if pk else None
    form = CallForm(request.POST or None, instance=call)
    if request.method == "POST" and form.is_valid():
        call = form.save()
        services.log_action(call, "calls.call.saved", actor=request.user, data={"fields": form.changed_data})
        messages.success(request, _("Call saved."))
        return redirect("calls:call-manage", call.pk)
    return render(request, "calls/call_form.html", {"form": form, "call": call}, status=400 if form.errors else 200)


def _reviewers():
    return get_user_model().objects.filter(is_reviewer=True, is_active=True).order_by("email")  # as services.active_reviewers


def _jurors():
    return get_user_model().objects.filter(is_active=True).filter(Q(is_reviewer=True) | Q(is_operator=True)).order_by("email")


def _manage_context(call: Call, **extra):
    applications = call.applications.filter(status=ApplicationStatus.SUBMITTED).select_related("lead").order_by("title")
    assignments = ReviewAssignment.objects.filter(application__call=call, conflict_declared=False).select_related(
        "reviewer", "application", "review").order_by("application__title", "reviewer__email")
    return {
        "call": call, "applications": applications, "assignments": assignments,
        "progress": selectors.review_progress(call),
        "counts": {s: call.applications.filter(status=s).count() for s in ApplicationStatus.values},
        "run_form": AssignmentRunForm(), "question_form": QuestionForm(), "criterion_form": CriterionForm(),
        "manual_form": ManualAssignmentForm(applications=applications, reviewers=_reviewers()),
        "pitch_form": PitchSessionForm(jurors=_jurors(), applications=applications),
        "pitch_sessions": call.pitch_sessions.order_by("-created_at"),
        "run": selectors.assignment_run_state(call),
        **extra,
    }


@require_GET
@operator_required
def call_manage(request: HttpRequest, pk: int) -> HttpResponse:
    return render(request, "calls/call_manage.html", _manage_context(get_object_or_404(Call, pk=pk)))


@require_POST
@operator_required
def question_add(request: HttpRequest, pk: int) -> HttpResponse:
    call = get_object_or_404(Call, pk=pk)
    form = QuestionForm(request.POST)
    if form.is_valid():
        services.add_call_question(call, form.save(commit=False), actor=request.user)
        return redirect("calls:call-manage", call.pk)
    return render(request, "calls/call_manage.html", _manage_context(call, question_form=form), status=400)


@require_POST
@operator_required
def criterion_add(request: HttpRequest, pk: int) -> HttpResponse:
    call = get_object_or_404(Call, pk=pk)
    form = CriterionForm(request.POST)
    if form.is_valid():
        services.add_call_criterion(call, form.save(commit=False), actor=request.user)
        return redirect("calls:call-manage", call.pk)
    return render(request, "calls/call_manage.html", _manage_context(call, criterion_form=form), status=400)


def _assignment_status(request: HttpRequest, call: Call, errors: list[str] | None = None) -> HttpResponse:
    return render(request, "calls/partials/assignment_status.html", {
        "call": call, "run": selectors.assignment_run_state(call), "errors": errors or [],
    })


@require_POST
@operator_required
def assignment_run(request: HttpRequest, pk: int) -> HttpResponse:
    """Queue the reviewer assignment; a worker runs it and the page shows its status."""
    call = get_object_or_404(Call, pk=pk)
    form = AssignmentRunForm(request.POST)
    form.is_valid()
    errors: list[str] = []
    try:
        services.start_reviewer_assignment(
            call, actor=request.user,
            fair=form.cleaned_data.get("fair", False), same_region=form.cleaned_data.get("same_region", False))
    except services.CallError as error:
        errors = [str(error)]
    if request.htmx:
        return _assignment_status(request, call, errors)
    for message in errors:
        messages.error(request, message)
    if not errors:
        messages.success(request, _("Reviewer assignment started; its status is shown below."))
    return redirect("calls:call-manage", call.pk)


@require_GET
@operator_required
def assignment_status(request: HttpRequest, pk: int) -> HttpResponse:
    return _assignment_status(request, get_object_or_404(Call, pk=pk))


@require_POST
@operator_required
def assignment_add(request: HttpRequest, pk: int) -> HttpResponse:
    call = get_object_or_404(Call, pk=pk)
    form = ManualAssignmentForm(request.POST, applications=call.applications.all(), reviewers=_reviewers())
    if form.is_valid():
        try:
            services.assign_reviewer_manually(form.cleaned_data["application"], reviewer=form.cleaned_data["reviewer"],
                                              actor=request.user)
            messages.success(request, _("Reviewer assigned."))
        except services.CallError as error:
            messages.error(request, str(error))
    else:
        messages.error(request, _("Choose an application and a reviewer."))
    return redirect("calls:call-manage", call.pk)


@require_POST
@operator_required
def assignment_remove(request: HttpRequest, pk: int, assignment_pk: int) -> HttpResponse:
    assignment = get_object_or_404(ReviewAssignment, pk=assignment_pk, application__call_id=pk)
    services.remove_assignment(assignment, actor=request.user)
    messages.success(request, _("Assignment removed."))
    return redirect("calls:call-manage", pk)


@require_POST
@operator_required
def reminders_send(request: HttpRequest, pk: int) -> HttpResponse:
    call = get_object_or_404(Call, pk=pk)
    count = services.send_review_reminders(call, actor=request.user)
    messages.success(request, _("Reminders sent to %(count)s reviewer(s).") % {"count": count})
    return redirect("calls:call-manage", call.pk)


@require_GET
@operator_required
def ranking_view(request: HttpRequest, pk: int) -> HttpResponse:
    call = get_object_or_404(Call, pk=pk)
    normalise = request.GET.get("normalise") == "1"
    return render(request, "calls/ranking.html", {
        "call": call, "rows": services.ranking(call, normalise=normalise), "normalise": normalise,
    })


@require_GET
@operator_required
def ranking_csv(request: HttpRequest, pk: int) -> HttpResponse:
    call = get_object_or_404(Call, pk=pk)
    normalise = request.GET.get("normalise") == "1"
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="call-{call.pk}-ranking.csv"'
    writer = csv.writer(response)
    writer.writerow(["rank", "application", "lead", "raw_score", "normalised_score", "reviews", "requested", "cumulative", "funded"])
    for row in services.ranking(call, normalise=normalise):
        writer.writerow([row["rank"], row["application"].title, row["application"].lead.name, row["raw"], row["normalised"],
                         row["reviews"], row["application"].requested_amount, row["cumulative"], int(row["funded"])])
    return response


@require_POST
@operator_required
def decisions_make(request: HttpRequest, pk: int) -> HttpResponse:
    call = get_object_or_404(Call, pk=pk)
    try:
        decisions = services.decide_call(call, actor=request.user, normalise=request.POST.get("normalise") == "1")
        messages.success(request, _("%(count)s decisions recorded.") % {"count": len(decisions)})
    except services.CallError as error:
        messages.error(request, str(error))
    return redirect("calls:ranking", call.pk)


# --------------------------------------------------------------------------- pitching sessions


@require_POST
@operator_required
def pitch_session_create(request: HttpRequest, pk: int) -> HttpResponse:
    call = get_object_or_404(Call, pk=pk)
    form = PitchSessionForm(request.POST, jurors=_jurors(), applications=call.applications.filter(status=ApplicationStatus.SUBMITTED))
    if form.is_valid():
        session = services.create_pitch_session(
            call, title=form.cleaned_data["title"], jurors=list(form.cleaned_data["jurors"]),
            applications=list(form.cleaned_data["applications"].order_by("title")), actor=request.user)
        return redirect("calls:pitch-session", session.pk)
    return render(request, "calls/call_manage.html", _manage_context(call, pitch_form=form), status=400)


@require_GET
@login_required
def pitch_session_list(request: HttpRequest) -> HttpResponse:
    return render(request, "calls/pitch_list.html", {"sessions": selectors.pitch_sessions_visible_to(request.user)})


@require_GET
@login_required
def pitch_session_detail(request: HttpRequest, pk: int) -> HttpResponse:
    session = selectors.get_pitch_session_for(request.user, pk)
    criteria = list(session.call.criteria.all())
    mine = {s.pitch_id: s.scores for s in PitchScore.objects.filter(pitch__session=session, juror=request.user)}
    pitches = [
        {"pitch": pitch, "rows": [
            {"criterion": c, "name": f"c{c.pk}", "value": mine.get(pitch.pk, {}).get(str(c.pk), ""),
             "range": range(c.scale_max + 1)} for c in criteria]}
        for pitch in session.pitches.select_related("application__lead")
    ]
    return render(request, "calls/pitch_session.html", {
        "session": session, "pitches": pitches, "results": services.pitch_results(session),
        "is_juror": session.jurors.filter(pk=request.user.pk).exists(),
    })


@require_POST
@login_required
def pitch_score(request: HttpRequest, pk: int, pitch_pk: int) -> HttpResponse:
    session = selectors.get_pitch_session_for(request.user, pk)
    # Only the jury scores: an operator who can see the session is refused outright, not
    # redirected with a message (least privilege; the service refuses as well).
    if not session.jurors.filter(pk=request.user.pk).exists():
        raise PermissionDenied
    pitch = get_object_or_404(Pitch, pk=pitch_pk, session=session)
    scores = {str(c.pk): request.POST.get(f"c{c.pk}", "") for c in session.call.criteria.all()}
    try:
        services.score_pitch(pitch, juror=request.user, scores=scores, actor=request.user)
        messages.success(request, _("Scores for “%(title)s” saved.") % {"title": pitch.application.title})
    except services.CallError as error:
        messages.error(request, str(error))
    return redirect("calls:pitch-session", session.pk)


@require_POST
@login_required
def pitch_session_close(request: HttpRequest, pk: int) -> HttpResponse:
    session = selectors.get_pitch_session_for(request.user, pk)
    if not (request.user.is_operator or session.jurors.filter(pk=request.user.pk).exists()):
        raise PermissionDenied
    services.close_pitch_session(session, actor=request.user)
    messages.success(request, _("Session closed; the results are below."))
    return redirect("calls:pitch-session", session.pk)
