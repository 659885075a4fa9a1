"""Pages of events: public information, participants' requests and agendas, the organiser's desk.

Views parse input, check permission through selectors and rules, call one service and render.
"""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from sache.core.permissions import is_operator, operator_required
from sache.events import forms, ics, rules, selectors
from sache.events.enums import Attendance, MeetingStatus, RegistrationStatus, ScheduleStatus
from sache.events.services import events as event_services
from sache.events.services import meetings as meeting_services
from sache.events.services import schedule as schedule_services


def _errors(form, error: ValidationError) -> None:
    for message in error.messages:
        form.add_error(None, message)


def _flash(request: HttpRequest, error: ValidationError) -> None:
    for message in error.messages:
        messages.error(request, message)


# --- Public and participants ---------------------------------------------------------


@require_GET
def event_list(request: HttpRequest) -> HttpResponse:
    events = selectors.events_visible_to(request.user)
    return render(request, "events/event_list.html", {"events": events, "is_operator": is_operator(request.user)})


@require_GET
def event_detail(request: HttpRequest, slug: str) -> HttpResponse:
    event = selectors.get_event_for(request.user, slug)
    registration = selectors.current_registration(request.user, event)
    return render(
        request,
        "events/event_detail.html",
        {
            "event": event,
            "registration": registration,
            "is_participant": rules.is_approved_participant(registration),
            "can_register": rules.can_register(request.user, event)
            and (registration is None or registration.status in {RegistrationStatus.REJECTED, RegistrationStatus.CANCELLED}),
            "is_operator": is_operator(request.user),
            "slots": list(event.slots.all()),
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def event_register(request: HttpRequest, slug: str) -> HttpResponse:
    event = selectors.get_event_for(request.user, slug)
    organisations = selectors.member_organisations(request.user)
    if not organisations:
        messages.error(request, _("Only members of an organisation in the directory can register."))
        return redirect(event)
    form = forms.RegistrationForm(request.POST or None, event=event, organisations=organisations)
    if request.method == "POST" and form.is_valid():
        try:
            event_services.register_organisation(
                event,
                organisation=form.cleaned_data["organisation"],
                actor=request.user,
                representatives=form.cleaned_data["representatives"],
                motivation=form.cleaned_data["motivation"],
                max_meetings=form.cleaned_data["max_meetings"],
                unavailable_slots=form.cleaned_data["unavailable_slots"],
            )
        except ValidationError as error:
            _errors(form, error)
        else:
            messages.success(request, _("Thank you. The organiser will confirm your registration."))
            return redirect(event)
    return render(request, "events/registration_form.html", {"event": event, "form": form})


@login_required
@require_http_methods(["GET", "POST"])
def participation_edit(request: HttpRequest, slug: str) -> HttpResponse:
    event = selectors.get_event_for(request.user, slug)
    registration = selectors.current_registration(request.user, event)
    if registration is None:
        raise Http404
    initial = {
        "representatives": list(registration.representatives.all()),
        "max_meetings": registration.max_meetings,
        "unavailable_slots": list(registration.unavailable_slots.all()),
    }
    form = forms.ParticipationForm(
        request.POST or None, initial=initial, event=event, organisations=[registration.organisation]
    )
    if request.method == "POST" and form.is_valid():
        event_services.update_participation(registration, actor=request.user, **form.cleaned_data)
        messages.success(request, _("Your participation details are saved."))
        return redirect(event)
    return render(request, "events/participation_form.html", {"event": event, "form": form, "registration": registration})


@login_required
@require_GET
def participant_list(request: HttpRequest, slug: str) -> HttpResponse:
    event = selectors.get_event_for(request.user, slug)
    registration = selectors.current_registration(request.user, event)
    if not is_operator(request.user) and not rules.is_approved_participant(registration):
        raise Http404
    participants = selectors.participants_visible_to(request.user, event)
    taken = set()
    if registration is not None:
        for meeting in selectors.meetings_of(registration).exclude(status__in=[MeetingStatus.DECLINED, MeetingStatus.CANCELLED]):
            taken.add(meeting.other(registration.pk).pk)
    page = Paginator(participants, 50).get_page(request.GET.get("page"))
    return render(
        request,
        "events/participant_list.html",
        {"event": event, "registration": registration, "participants": page, "page": page, "taken": taken},
    )


def _count_shown(count: int) -> None:
    """Suggested partners come from the matching engine, which counts how many it showed where."""
    from sache.matching.models import Surface
    from sache.matching.services import record_impressions

    record_impressions(Surface.EVENT, count)


@login_required
@require_GET
def meeting_list(request: HttpRequest, slug: str) -> HttpResponse:
    event = selectors.get_event_for(request.user, slug)
    registration = selectors.participant_registration(request.user, event)
    meetings = list(selectors.meetings_of(registration))
    suggestions = selectors.suggested_partners(registration, viewer=request.user)
    _count_shown(len(suggestions))
    return render(
        request,
        "events/meeting_list.html",
        {
            "event": event,
            "registration": registration,
            "incoming": [m for m in meetings if m.recipient_id == registration.pk and m.status == MeetingStatus.REQUESTED],
            "outgoing": [m for m in meetings if m.requester_id == registration.pk and m.status == MeetingStatus.REQUESTED],
            "accepted": [m for m in meetings if m.status == MeetingStatus.ACCEPTED],
            "closed": [m for m in meetings if m.status in {MeetingStatus.DECLINED, MeetingStatus.CANCELLED}],
            "suggestions": suggestions,
            "suggestion_subject": selectors.registration_subject(registration),
            "request_form": forms.MeetingRequestForm(),
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def meeting_request(request: HttpRequest, slug: str, registration_id: int) -> HttpResponse:
    event = selectors.get_event_for(request.user, slug)
    registration = selectors.participant_registration(request.user, event)
    recipient = selectors.participants_visible_to(request.user, event).filter(pk=registration_id).first()
    if recipient is None:
        raise Http404
    form = forms.MeetingRequestForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            meeting_services.request_meeting(
                event, requester=registration, recipient=recipient, actor=request.user, **form.cleaned_data
            )
        except ValidationError as error:
            _errors(form, error)
        else:
            messages.success(request, _("Your request was sent to %(name)s.") % {"name": recipient.organisation.name})
            return redirect("events:meeting-list", slug=event.slug)
    return render(request, "events/meeting_request.html", {"event": event, "recipient": recipient, "form": form})


@login_required
@require_POST
def meeting_respond(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    event = selectors.get_event_for(request.user, slug)
    meeting = selectors.get_meeting_for(request.user, event, pk)
    if not rules.can_respond_to_meeting(request.user, meeting):
        raise PermissionDenied
    accept = request.POST.get("answer") == "accept"
    try:
        meeting_services.respond_to_meeting(meeting, actor=request.user, accept=accept)
    except ValidationError as error:
        _flash(request, error)
    else:
        messages.success(request, _("Meeting accepted.") if accept else _("Meeting declined."))
    return redirect("events:meeting-list", slug=event.slug)


@login_required
@require_POST
def meeting_cancel(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    event = selectors.get_event_for(request.user, slug)
    meeting = selectors.get_meeting_for(request.user, event, pk)
    if not rules.can_cancel_meeting(request.user, meeting):
        raise PermissionDenied
    try:
        meeting_services.cancel_meeting(meeting, actor=request.user)
    except ValidationError as error:
        _flash(request, error)
    else:
        messages.success(request, _("Meeting cancelled."))
    if is_operator(request.user) and request.POST.get("next") == "manage":
        return redirect("events:manage-meetings", slug=event.slug)
    return redirect("events:meeting-list", slug=event.slug)


@login_required
@require_http_methods(["GET", "POST"])
def meeting_feedback(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    event = selectors.get_event_for(request.user, slug)
    registration = selectors.participant_registration(request.user, event)
    meeting = selectors.get_meeting_for(request.user, event, pk)
    if registration.pk not in (meeting.requester_id, meeting.recipient_id):
        raise Http404
    form = forms.FeedbackForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            meeting_services.record_meeting_feedback(meeting, registration=registration, actor=request.user, **form.cleaned_data)
        except ValidationError as error:
            _errors(form, error)
        else:
            messages.success(request, _("Thank you for your feedback."))
            return redirect("events:agenda", slug=event.slug)
    partner = meeting.other(registration.pk)
    return render(request, "events/meeting_feedback.html", {"event": event, "meeting": meeting, "partner": partner, "form": form})


def _agenda_context(request: HttpRequest, slug: str):
    event = selectors.get_event_for(request.user, slug)
    registration = selectors.participant_registration(request.user, event)
    published = event.schedule_status != ScheduleStatus.NONE
    entries = selectors.agenda_for(registration, published=True) if published else []
    return event, registration, entries


@login_required
@require_GET
def agenda(request: HttpRequest, slug: str) -> HttpResponse:
    event, registration, entries = _agenda_context(request, slug)
    return render(
        request,
        "events/agenda.html",
        {
            "event": event,
            "registration": registration,
            "entries": entries,
            "feed_url": request.session.pop(f"events-feed-{registration.pk}", None),
        },
    )


def _ics_response(content: bytes, filename: str) -> HttpResponse:
    response = HttpResponse(content, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


@login_required
@require_GET
def agenda_ics(request: HttpRequest, slug: str) -> HttpResponse:
    event, registration, entries = _agenda_context(request, slug)
    return _ics_response(ics.agenda_calendar(event, registration, entries), f"{event.slug}-agenda.ics")


@login_required
@require_POST
def agenda_feed(request: HttpRequest, slug: str) -> HttpResponse:
    event = selectors.get_event_for(request.user, slug)
    registration = selectors.participant_registration(request.user, event)
    if request.POST.get("action") == "revoke":
        schedule_services.revoke_agenda_feeds(registration, actor=request.user)
        messages.success(request, _("Your calendar subscription address no longer works."))
    else:
        token = schedule_services.create_agenda_feed(registration, actor=request.user)
        # Shown once on the next page: the token itself is not stored.
        request.session[f"events-feed-{registration.pk}"] = request.build_absolute_uri(
            reverse("events:feed", kwargs={"token": token})
        )
    return redirect("events:agenda", slug=event.slug)


@require_GET
def feed(request: HttpRequest, token: str) -> HttpResponse:
    registration = selectors.registration_for_feed(token)
    if registration is None or registration.status != RegistrationStatus.APPROVED:
        raise Http404
    event = registration.event
    entries = selectors.agenda_for(registration, published=True) if event.schedule_status != ScheduleStatus.NONE else []
    response = HttpResponse(ics.agenda_calendar(event, registration, entries), content_type="text/calendar; charset=utf-8")
    response["Cache-Control"] = "private, max-age=300"
    return response


# --- The organiser's desk -------------------------------------------------------------


@operator_required
@require_http_methods(["GET", "POST"])
def event_create(request: HttpRequest) -> HttpResponse:
    form = forms.EventForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = dict(form.cleaned_data)
        event = event_services.create_event(actor=request.user, title=data.pop("title"), **data)
        messages.success(request, _("Event created. Now set up its slots and tables."))
        return redirect("events:manage", slug=event.slug)
    return render(request, "events/event_form.html", {"form": form, "event": None})


@operator_required
@require_http_methods(["GET", "POST"])
def event_edit(request: HttpRequest, slug: str) -> HttpResponse:
    event = selectors.get_event_for(request.user, slug)
    form = forms.EventForm(request.POST or None, instance=event)
    if request.method == "POST" and form.is_valid():
        event_services.update_event(event, actor=request.user, **{name: form.cleaned_data[name] for name in form.changed_data})
        messages.success(request, _("Event saved."))
        return redirect("events:manage", slug=event.slug)
    return render(request, "events/event_form.html", {"form": form, "event": event})


def _manage_context(event, **overrides):
    tables = list(event.tables.all())
    context = {
        "event": event,
        "figures": selectors.event_figures(event),
        "registrations": selectors.registrations_for_desk(event),
        "grid_form": forms.SlotGridForm(),
        "tables_form": forms.TablesForm(initial={"count": len(tables) or 10}),
        "tables": tables,
        "slots": list(event.slots.all()),
        "run": selectors.latest_run(event),
        "runs": list(event.schedule_runs.all()[:5]),
    }
    context.update(overrides)
    return context


@operator_required
@require_GET
def manage(request: HttpRequest, slug: str) -> HttpResponse:
    event = selectors.get_event_for(request.user, slug)
    return render(request, "events/manage.html", _manage_context(event))


@operator_required
@require_POST
def registration_decide(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    event = selectors.get_event_for(request.user, slug)
    registration = selectors.registrations_for_desk(event).filter(pk=pk).first()
    if registration is None:
        raise Http404
    action = request.POST.get("action")
    if action == "check_in":
        event_services.check_in(registration, actor=request.user)
        messages.success(request, _("%(name)s checked in.") % {"name": registration.organisation.name})
    else:
        event_services.decide_registration(registration, actor=request.user, approve=action == "approve")
        messages.success(request, _("Registration of %(name)s: %(status)s.") % {
            "name": registration.organisation.name, "status": registration.get_status_display()})
    return redirect("events:manage", slug=event.slug)


@operator_required
@require_POST
def grid_setup(request: HttpRequest, slug: str) -> HttpResponse:
    event = selectors.get_event_for(request.user, slug)
    form = forms.SlotGridForm(request.POST)
    if form.is_valid():
        try:
            slots = event_services.set_slot_grid(event, actor=request.user, **form.cleaned_data)
        except ValidationError as error:
            _errors(form, error)
        else:
            messages.success(
                request, ngettext("The grid has %(count)s slot.", "The grid has %(count)s slots.", len(slots)) % {"count": len(slots)}
            )
            return redirect("events:manage", slug=event.slug)
    return render(request, "events/manage.html", _manage_context(event, grid_form=form), status=400)


@operator_required
@require_POST
def tables_setup(request: HttpRequest, slug: str) -> HttpResponse:
    event = selectors.get_event_for(request.user, slug)
    form = forms.TablesForm(request.POST)
    if form.is_valid():
        try:
            tables = event_services.set_tables(event, actor=request.user, **form.cleaned_data)
        except ValidationError as error:
            _errors(form, error)
        else:
            messages.success(
                request,
                ngettext("The event has %(count)s table.", "The event has %(count)s tables.", len(tables)) % {"count": len(tables)},
            )
            return redirect("events:manage", slug=event.slug)
    return render(request, "events/manage.html", _manage_context(event, tables_form=form), status=400)


@operator_required
@require_http_methods(["GET", "POST"])
def manage_meetings(request: HttpRequest, slug: str) -> HttpResponse:
    event = selectors.get_event_for(request.user, slug)
    participants = selectors.participants_visible_to(request.user, event)
    form = forms.OperatorMeetingForm(request.POST or None, event=event, participants=participants)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            if data["action"] == "block":
                meeting_services.block_meeting(event, first=data["first"], second=data["second"], actor=request.user)
            else:
                meeting_services.add_meeting(
                    event, first=data["first"], second=data["second"], actor=request.user,
                    forced=data["action"] == "force", fixed_slot=data["fixed_slot"],
                )
        except ValidationError as error:
            _errors(form, error)
        else:
            messages.success(request, _("Saved."))
            return redirect("events:manage-meetings", slug=event.slug)
    page = Paginator(selectors.meetings_for_desk(event), 50).get_page(request.GET.get("page"))
    return render(
        request,
        "events/manage_meetings.html",
        {
            "event": event,
            "form": form,
            "page": page,
            "attendance_choices": Attendance.choices,
            "slots": list(event.slots.all()),
            "tables": list(event.tables.all()),
        },
        status=400 if form.errors else 200,
    )


@operator_required
@require_POST
def meeting_manage_action(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    event = selectors.get_event_for(request.user, slug)
    meeting = selectors.get_meeting_for(request.user, event, pk)
    action = request.POST.get("action")
    try:
        if action == "attendance":
            meeting_services.mark_attendance(meeting, actor=request.user, attendance=request.POST.get("attendance", ""))
        elif action == "force":
            meeting_services.force_meeting(meeting, actor=request.user)
        elif action == "place":
            form = forms.PlaceMeetingForm(request.POST, event=event)
            if not form.is_valid():
                raise ValidationError(_("Choose a slot and a table of this event."))
            meeting_services.place_meeting(meeting, actor=request.user, **form.cleaned_data)
        else:
            raise ValidationError(_("Unknown action."))
    except ValidationError as error:
        _flash(request, error)
    else:
        messages.success(request, _("Saved."))
    return redirect("events:manage-meetings", slug=event.slug)


@operator_required
@require_POST
def schedule_run(request: HttpRequest, slug: str) -> HttpResponse:
    event = selectors.get_event_for(request.user, slug)
    try:
        schedule_services.start_schedule_run(event, actor=request.user, allow_moves=request.POST.get("allow_moves") == "on")
    except ValidationError as error:
        if request.htmx:
            return render(request, "events/partials/run_status.html", {"event": event, "run": selectors.latest_run(event), "errors": error.messages})
        _flash(request, error)
        return redirect("events:manage", slug=event.slug)
    if request.htmx:
        return render(request, "events/partials/run_status.html", {"event": event, "run": selectors.latest_run(event)})
    messages.success(request, _("Scheduling started."))
    return redirect("events:manage", slug=event.slug)


@operator_required
@require_GET
def schedule_status(request: HttpRequest, slug: str) -> HttpResponse:
    event = selectors.get_event_for(request.user, slug)
    return render(request, "events/partials/run_status.html", {"event": event, "run": selectors.latest_run(event)})


@operator_required
@require_POST
def schedule_publish(request: HttpRequest, slug: str) -> HttpResponse:
    event = selectors.get_event_for(request.user, slug)
    final = request.POST.get("stage") == "final"
    changed = schedule_services.publish_schedule(event, actor=request.user, final=final)
    messages.success(
        request,
        ngettext(
            "Schedule published; %(count)s participant will be told about changes.",
            "Schedule published; %(count)s participants will be told about changes.",
            len(changed),
        )
        % {"count": len(changed)},
    )
    return redirect("events:manage", slug=event.slug)


@operator_required
@require_POST
def remind(request: HttpRequest, slug: str) -> HttpResponse:
    event = selectors.get_event_for(request.user, slug)
    reminded = meeting_services.remind_participants_without_meetings(event, actor=request.user)
    messages.success(
        request,
        ngettext(
            "%(count)s participant without meetings will get a reminder.",
            "%(count)s participants without meetings will get a reminder.",
            len(reminded),
        )
        % {"count": len(reminded)},
    )
    return redirect("events:manage", slug=event.slug)


@operator_required
@require_GET
def grid(request: HttpRequest, slug: str) -> HttpResponse:
    event = selectors.get_event_for(request.user, slug)
    tables, rows, unplaced = selectors.schedule_grid(event)
    return render(request, "events/grid.html", {"event": event, "tables": tables, "rows": rows, "unplaced": unplaced})
