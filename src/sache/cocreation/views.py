"""Pages of co-creation workshops: public information and conclusions, the participants'
routes and contributions, the facilitator's desk, plans and live view.

Views parse input, check permission through selectors and rules, call one service and render.
"""

from __future__ import annotations

import csv
from datetime import timedelta

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST
from icalendar import Calendar
from icalendar import Event as CalendarEvent

from sache.cocreation import forms, report, rules, selectors, services
from sache.cocreation.models import (
    SurveyResponse,
    ThematicArea,
    WorkshopParticipant,
    WorkshopTable,
)
from sache.core.permissions import is_operator, operator_required
from sache.events.enums import EventKind
from sache.events.services import events as event_services


def _flash(request: HttpRequest, error: ValidationError) -> None:
    for message in error.messages:
        messages.error(request, message)


def _desk(workshop) -> HttpResponse:
    return redirect("cocreation:manage", slug=workshop.slug)


# --- Public, participants ----------------------------------------------------------------


@require_GET
def workshop_list(request: HttpRequest) -> HttpResponse:
    workshops = selectors.workshops_visible_to(request.user).select_related("conclusions")
    return render(request, "cocreation/workshop_list.html", {"workshops": workshops, "is_operator": is_operator(request.user)})


@require_GET
def workshop_detail(request: HttpRequest, slug: str) -> HttpResponse:
    workshop = selectors.get_workshop_for(request.user, slug)
    conclusions = getattr(workshop, "conclusions", None)
    return render(
        request,
        "cocreation/workshop_detail.html",
        {
            "workshop": workshop,
            "areas": workshop.areas.select_related("host__person"),
            "participant": rules.participant_of(request.user, workshop),
            "can_contribute": rules.can_contribute(request.user, workshop),
            "surveys": selectors.open_surveys_for(request.user, workshop),
            "conclusions": conclusions if conclusions and rules.can_view_conclusions(request.user, conclusions) else None,
            "is_operator": is_operator(request.user),
        },
    )


def _route_context(request: HttpRequest, slug: str, pk: int):
    workshop = selectors.get_workshop_for(request.user, slug)
    participant = selectors.get_participant_for(request.user, workshop, pk)
    plan = selectors.current_plan(workshop)
    seats = selectors.route_of(plan, participant)
    rounds = []
    for seat in seats:
        start = workshop.starts_at + timedelta(minutes=workshop.round_minutes * (seat.round_number - 1)) if workshop.starts_at else None
        rounds.append({"seat": seat, "starts_at": start, "ends_at": start + timedelta(minutes=workshop.round_minutes) if start else None})
    return workshop, participant, rounds


@login_required
@require_GET
def my_route(request: HttpRequest, slug: str) -> HttpResponse:
    workshop = selectors.get_workshop_for(request.user, slug)
    participant = rules.participant_of(request.user, workshop)
    if participant is None:
        raise Http404
    return redirect("cocreation:route", slug=slug, pk=participant.pk)


@login_required
@require_http_methods(["GET", "POST"])
def route(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    workshop, participant, rounds = _route_context(request, slug, pk)
    form = forms.PreferencesForm(
        request.POST or None, workshop=workshop, initial={"preferred_areas": participant.preferred_areas.all()}
    )
    if request.method == "POST" and form.is_valid():
        services.set_area_preferences(participant, actor=request.user, areas=form.cleaned_data["preferred_areas"])
        messages.success(request, _("Your preferences are saved; they count at the next planning."))
        return redirect("cocreation:route", slug=slug, pk=pk)
    return render(
        request,
        "cocreation/route.html",
        {"workshop": workshop, "participant": participant, "rounds": rounds, "form": form, "print": request.GET.get("print") == "1"},
    )


@login_required
@require_GET
def route_ics(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    workshop, participant, rounds = _route_context(request, slug, pk)
    calendar = Calendar()
    calendar.add("prodid", "-//sache//cocreation//EN")
    calendar.add("version", "2.0")
    calendar.add("x-wr-calname", f"{workshop.event.title} · {participant.person.full_name}")
    stamp = timezone.now()
    for entry in rounds:
        if entry["starts_at"] is None:
            continue
        seat = entry["seat"]
        item = CalendarEvent()
        item.add("uid", f"workshop-{workshop.pk}-participant-{participant.pk}-round-{seat.round_number}@sache")
        item.add("dtstamp", stamp)
        item.add("dtstart", entry["starts_at"])
        item.add("dtend", entry["ends_at"])
        area = seat.table.area.title if seat.table.area else ""
        item.add("summary", _("Round %(number)s: %(area)s") % {"number": seat.round_number, "area": area or seat.table.name})
        location = ", ".join(part for part in (seat.table.name, workshop.event.venue) if part)
        item.add("location", location)
        if seat.table.room_url:
            item.add("url", seat.table.room_url)
        if seat.table.area and seat.table.area.question:
            item.add("description", seat.table.area.question)
        calendar.add_component(item)
    response = HttpResponse(calendar.to_ical(), content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{workshop.slug}-route.ics"'
    return response


@login_required
@require_http_methods(["GET", "POST"])
def contribute(request: HttpRequest, slug: str) -> HttpResponse:
    workshop = selectors.get_workshop_for(request.user, slug)
    if not rules.can_contribute(request.user, workshop):
        raise PermissionDenied
    initial = {}
    if request.GET.get("area"):
        initial["area"] = request.GET["area"]
    if request.GET.get("round"):
        initial["round_number"] = request.GET["round"]
    form = forms.ContributionForm(request.POST or None, workshop=workshop, initial=initial)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            services.add_contribution(
                workshop, actor=request.user, area=data["area"], round_number=data["round_number"],
                kind=data["kind"], language=data["language"], text=data["text"],
            )
        except ValidationError as error:
            for message in error.messages:
                form.add_error(None, message)
        else:
            messages.success(request, _("Thank you, your contribution is saved."))
            url = reverse("cocreation:contribute", kwargs={"slug": slug})
            return redirect(f"{url}?area={data['area'].pk}&round={data['round_number']}")
    return render(request, "cocreation/contribute.html", {"workshop": workshop, "form": form})


@login_required
@require_GET
def contribution_list(request: HttpRequest, slug: str) -> HttpResponse:
    workshop = selectors.get_workshop_for(request.user, slug)
    if not rules.can_contribute(request.user, workshop):
        raise PermissionDenied
    contributions = list(selectors.contributions_visible_to(request.user, workshop))
    areas = []
    for area in workshop.areas.all():
        areas.append({"area": area, "contributions": [c for c in contributions if c.area_id == area.pk]})
    return render(
        request,
        "cocreation/contribution_list.html",
        {"workshop": workshop, "areas": areas, "can_vote": rules.is_workshop_participant(request.user, workshop)},
    )


@login_required
@require_POST
def vote(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    workshop = selectors.get_workshop_for(request.user, slug)
    contribution = selectors.get_contribution_for(request.user, workshop, pk)
    participant = rules.participant_of(request.user, workshop)
    if participant is None:
        raise PermissionDenied
    services.toggle_vote(contribution, actor=request.user, participant=participant)
    contribution = selectors.get_contribution_for(request.user, workshop, pk)
    if request.htmx:
        return render(request, "cocreation/partials/vote.html", {"workshop": workshop, "contribution": contribution, "can_vote": True})
    return redirect(f"{reverse('cocreation:contribution-list', kwargs={'slug': slug})}#contribution-{pk}")


@require_GET
def conclusions_page(request: HttpRequest, slug: str) -> HttpResponse:
    workshop = selectors.get_workshop_for(request.user, slug)
    conclusions = selectors.get_conclusions_for(request.user, workshop)
    return render(
        request,
        "cocreation/conclusions.html",
        {"workshop": workshop, "conclusions": conclusions, "body": report.markdown_html(conclusions.body)},
    )


@require_GET
def conclusions_markdown(request: HttpRequest, slug: str) -> HttpResponse:
    workshop = selectors.get_workshop_for(request.user, slug)
    conclusions = selectors.get_conclusions_for(request.user, workshop)
    response = HttpResponse(conclusions.body, content_type="text/markdown; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{workshop.slug}-conclusions.md"'
    return response


@require_GET
def conclusions_pdf(request: HttpRequest, slug: str) -> HttpResponse:
    workshop = selectors.get_workshop_for(request.user, slug)
    conclusions = selectors.get_conclusions_for(request.user, workshop)
    response = HttpResponse(report.conclusions_pdf(conclusions), content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="{workshop.slug}-conclusions.pdf"'
    return response


# --- Operator --------------------------------------------------------------------------


@operator_required
@require_http_methods(["GET", "POST"])
def workshop_create(request: HttpRequest) -> HttpResponse:
    form = forms.WorkshopCreateForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        event = data["event"] or event_services.create_event(actor=request.user, title=data["title"].strip(), kind=EventKind.WORKSHOP)
        if data["programme"] is not None and data["programme"] != event.programme:
            services.set_workshop_programme(event, data["programme"], actor=request.user)
        try:
            workshop = services.create_workshop(
                event, actor=request.user, rounds=data["rounds"], round_minutes=data["round_minutes"],
                starts_at=data["starts_at"], region=data["region"].strip().upper(),
            )
        except ValidationError as error:
            for message in error.messages:
                form.add_error(None, message)
        else:
            messages.success(request, _("Workshop created. Add thematic areas, tables and participants."))
            return _desk(workshop)
    return render(request, "cocreation/workshop_form.html", {"form": form})


@operator_required
@require_http_methods(["GET", "POST"])
def manage(request: HttpRequest, slug: str) -> HttpResponse:
    workshop = selectors.get_workshop_for(request.user, slug)
    settings_form = forms.WorkshopSettingsForm(request.POST or None, instance=workshop, prefix="settings")
    if request.method == "POST" and settings_form.is_valid():
        changed = [name for name in settings_form.changed_data if name != "programme"]
        if changed:
            services.update_workshop(workshop, actor=request.user, **{name: settings_form.cleaned_data[name] for name in changed})
        if "programme" in settings_form.changed_data:
            services.set_workshop_programme(workshop.event, settings_form.cleaned_data["programme"], actor=request.user)
        messages.success(request, _("Workshop settings saved."))
        return _desk(workshop)
    if request.method == "POST":
        workshop.refresh_from_db()
    return render(
        request,
        "cocreation/manage.html",
        {
            "workshop": workshop,
            "settings_form": settings_form,
            "area_form": forms.AreaForm(workshop=workshop, prefix="area"),
            "table_form": forms.TableForm(workshop=workshop, prefix="table"),
            "participant_form": forms.ParticipantForm(workshop=workshop, prefix="participant"),
            "areas": workshop.areas.select_related("host__person"),
            "tables": workshop.tables.select_related("area", "host__person"),
            "participants": selectors.participants_for_desk(workshop),
            "plan": selectors.latest_plan(workshop),
            "theme_run": selectors.latest_theme_run(workshop),
            "contribution_count": workshop.contributions.count(),
        },
    )


def _setup_post(request: HttpRequest, slug: str, form_class, prefix: str, save) -> HttpResponse:
    workshop = selectors.get_workshop_for(request.user, slug)
    form = form_class(request.POST, workshop=workshop, prefix=prefix)
    if form.is_valid():
        try:
            save(workshop, form.cleaned_data)
        except ValidationError as error:
            _flash(request, error)
        else:
            messages.success(request, _("Saved."))
    else:
        for field, errors in form.errors.items():
            label = form.fields[field].label if field in form.fields else ""
            for error in errors:
                messages.error(request, f"{label}: {error}" if label else error)
    return _desk(workshop)


@operator_required
@require_POST
def area_add(request: HttpRequest, slug: str) -> HttpResponse:
    return _setup_post(
        request, slug, forms.AreaForm, "area",
        lambda workshop, data: services.add_thematic_area(workshop, actor=request.user, **data),
    )


@operator_required
@require_POST
def table_add(request: HttpRequest, slug: str) -> HttpResponse:
    return _setup_post(
        request, slug, forms.TableForm, "table",
        lambda workshop, data: services.add_workshop_table(workshop, actor=request.user, **data),
    )


@operator_required
@require_POST
def participant_add(request: HttpRequest, slug: str) -> HttpResponse:
    return _setup_post(
        request, slug, forms.ParticipantForm, "participant",
        lambda workshop, data: services.add_workshop_participant(workshop, actor=request.user, **data),
    )


@operator_required
@require_POST
def participants_import(request: HttpRequest, slug: str) -> HttpResponse:
    workshop = selectors.get_workshop_for(request.user, slug)
    count = services.import_participants_from_registrations(workshop, actor=request.user)
    messages.success(request, _("%(count)s participants added from the event's registrations.") % {"count": count})
    return _desk(workshop)


@operator_required
@require_POST
def setup_remove(request: HttpRequest, slug: str, what: str, pk: int) -> HttpResponse:
    workshop = selectors.get_workshop_for(request.user, slug)
    models = {"area": ThematicArea, "table": WorkshopTable, "participant": WorkshopParticipant}
    removers = {
        "area": services.remove_thematic_area,
        "table": services.remove_workshop_table,
        "participant": services.remove_workshop_participant,
    }
    if what not in models:
        raise Http404
    item = models[what].objects.filter(workshop=workshop, pk=pk).first()
    if item is None:
        raise Http404
    try:
        removers[what](item, actor=request.user)
    except ValidationError as error:
        _flash(request, error)
    else:
        messages.success(request, _("Removed."))
    return _desk(workshop)


@operator_required
@require_POST
def plan_start(request: HttpRequest, slug: str) -> HttpResponse:
    workshop = selectors.get_workshop_for(request.user, slug)
    errors: list[str] = []
    try:
        services.start_rotation_plan(workshop, actor=request.user, seed=workshop.plans.count())
    except ValidationError as error:
        errors = error.messages
    if request.htmx:
        return render(request, "cocreation/partials/plan_status.html", {"workshop": workshop, "plan": selectors.latest_plan(workshop), "errors": errors})
    for message in errors:
        messages.error(request, message)
    if not errors:
        messages.success(request, _("Rotation planning started."))
    return _desk(workshop)


@operator_required
@require_GET
def plan_status(request: HttpRequest, slug: str) -> HttpResponse:
    workshop = selectors.get_workshop_for(request.user, slug)
    return render(request, "cocreation/partials/plan_status.html", {"workshop": workshop, "plan": selectors.latest_plan(workshop)})


@operator_required
@require_GET
def table_plan(request: HttpRequest, slug: str, round_number: int) -> HttpResponse:
    workshop = selectors.get_workshop_for(request.user, slug)
    if not 1 <= round_number <= workshop.rounds:
        raise Http404
    plan = selectors.current_plan(workshop)
    return render(
        request,
        "cocreation/table_plan.html",
        {"workshop": workshop, "plan": plan, "round_number": round_number, "tables": selectors.table_plan(plan, round_number)},
    )


@operator_required
@require_GET
def breakout_csv(request: HttpRequest, slug: str) -> HttpResponse:
    workshop = selectors.get_workshop_for(request.user, slug)
    plan = selectors.current_plan(workshop)
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{workshop.slug}-breakout-rooms.csv"'
    response.write("\ufeff")  # spreadsheet programs read UTF-8 only with the byte-order mark
    writer = csv.writer(response)
    writer.writerow(["round", "room", "room_link", "area", "email", "name", "organisation", "host"])
    for number in workshop.round_numbers():
        for entry in selectors.table_plan(plan, number):
            for seat in entry.seats:
                person = seat.participant.person
                writer.writerow([
                    number, entry.table.name, entry.table.room_url, entry.table.area.title if entry.table.area else "",
                    person.email, person.full_name, person.organisation.name, "yes" if seat.is_host else "",
                ])
    return response


@operator_required
@require_http_methods(["GET", "POST"])
def live(request: HttpRequest, slug: str) -> HttpResponse:
    workshop = selectors.get_workshop_for(request.user, slug)
    if request.method == "POST":
        try:
            services.set_current_round(workshop, actor=request.user, round_number=int(request.POST.get("round", "")))
        except (ValueError, ValidationError):
            messages.error(request, _("There is no such round."))
        return redirect("cocreation:live", slug=slug)
    return render(request, "cocreation/live.html", _live_context(workshop))


def _live_context(workshop) -> dict:
    plan = selectors.current_plan(workshop)
    number = workshop.current_round
    return {
        "workshop": workshop,
        "plan": plan,
        "round_number": number,
        "tables": selectors.table_plan(plan, number) if number else [],
        "contributions_in_round": workshop.contributions.filter(round_number=number).count() if number else 0,
    }


@operator_required
@require_GET
def live_board(request: HttpRequest, slug: str) -> HttpResponse:
    workshop = selectors.get_workshop_for(request.user, slug)
    return render(request, "cocreation/partials/live_board.html", _live_context(workshop))


@operator_required
@require_POST
def themes_start(request: HttpRequest, slug: str) -> HttpResponse:
    workshop = selectors.get_workshop_for(request.user, slug)
    try:
        services.start_theme_synthesis(workshop, actor=request.user)
    except ValidationError as error:
        _flash(request, error)
        return _desk(workshop)
    messages.success(request, _("The synthesis has started; the themes appear below when it is done."))
    return redirect("cocreation:themes", slug=slug)


@operator_required
@require_GET
def themes(request: HttpRequest, slug: str) -> HttpResponse:
    workshop = selectors.get_workshop_for(request.user, slug)
    run = selectors.latest_theme_run(workshop)
    finished = selectors.latest_finished_theme_run(workshop)
    return render(
        request,
        "cocreation/themes.html",
        {"workshop": workshop, "run": run, "areas": selectors.themes_for_display(finished, workshop)},
    )


@operator_required
@require_http_methods(["GET", "POST"])
def conclusions_edit(request: HttpRequest, slug: str) -> HttpResponse:
    workshop = selectors.get_workshop_for(request.user, slug)
    conclusions = getattr(workshop, "conclusions", None)
    if conclusions is not None:
        initial = {"title": conclusions.title, "body": conclusions.body, "language": conclusions.language}
    else:
        run = selectors.latest_finished_theme_run(workshop)
        initial = {
            "title": _("Conclusions: %(title)s") % {"title": workshop.event.title},
            "body": run.draft if run else "",
            "language": workshop.event.language,
        }
    form = forms.ConclusionsForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        conclusions = services.save_conclusions(workshop, actor=request.user, **form.cleaned_data)
        action = request.POST.get("action")
        try:
            if action in {"publish", "withdraw"}:
                services.publish_conclusions(conclusions, actor=request.user, publish=action == "publish")
        except ValidationError as error:
            _flash(request, error)
        else:
            messages.success(
                request,
                {"publish": _("The conclusions are published."), "withdraw": _("The conclusions are withdrawn.")}.get(
                    action, _("The conclusions are saved.")
                ),
            )
        return redirect("cocreation:conclusions-edit", slug=slug)
    return render(request, "cocreation/conclusions_form.html", {"workshop": workshop, "form": form, "conclusions": conclusions})


# --- Surveys ----------------------------------------------------------------------------


@operator_required
@require_http_methods(["GET", "POST"])
def survey_manage(request: HttpRequest, slug: str) -> HttpResponse:
    workshop = selectors.get_workshop_for(request.user, slug)
    form = forms.SurveyCreateForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        services.create_survey(workshop, actor=request.user, **form.cleaned_data)
        messages.success(request, _("Survey created; add its questions."))
        return redirect("cocreation:survey-manage", slug=slug)
    surveys = workshop.surveys.prefetch_related("questions")
    return render(
        request,
        "cocreation/survey_manage.html",
        {"workshop": workshop, "form": form, "surveys": surveys, "question_form": forms.QuestionForm()},
    )


@operator_required
@require_POST
def survey_question_add(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    workshop = selectors.get_workshop_for(request.user, slug)
    survey = selectors.get_survey_for(request.user, workshop, pk)
    form = forms.QuestionForm(request.POST)
    if form.is_valid():
        try:
            services.add_survey_question(survey, actor=request.user, **form.cleaned_data)
        except ValidationError as error:
            _flash(request, error)
        else:
            messages.success(request, _("Question added."))
    else:
        for errors in form.errors.values():
            for error in errors:
                messages.error(request, error)
    return redirect("cocreation:survey-manage", slug=slug)


@operator_required
@require_POST
def survey_toggle(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    workshop = selectors.get_workshop_for(request.user, slug)
    survey = selectors.get_survey_for(request.user, workshop, pk)
    services.set_survey_open(survey, actor=request.user, is_open=not survey.is_open)
    return redirect("cocreation:survey-manage", slug=slug)


@login_required
@require_http_methods(["GET", "POST"])
def survey_answer(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    workshop = selectors.get_workshop_for(request.user, slug)
    survey = selectors.get_survey_for(request.user, workshop, pk)
    previous = SurveyResponse.objects.filter(survey=survey, respondent=request.user).first()
    initial = {f"q{key}": value for key, value in (previous.answers if previous else {}).items()}
    form = forms.SurveyAnswerForm(request.POST or None, survey=survey, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            services.submit_survey_response(survey, actor=request.user, answers=form.answers())
        except ValidationError as error:
            for message in error.messages:
                form.add_error(None, message)
        else:
            messages.success(request, _("Thank you for your answers."))
            return redirect("cocreation:workshop-detail", slug=slug)
    return render(request, "cocreation/survey_answer.html", {"workshop": workshop, "survey": survey, "form": form})


@operator_required
@require_GET
def survey_results(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    workshop = selectors.get_workshop_for(request.user, slug)
    survey = selectors.get_survey_for(request.user, workshop, pk)
    return render(
        request,
        "cocreation/survey_results.html",
        {"workshop": workshop, "survey": survey, "results": selectors.survey_results(survey), "responses": survey.responses.count()},
    )
