from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from sache.directory.enums import Publication
from sache.directory.models import Organisation
from sache.directory.text import fold
from sache.partnerships import selectors, services
from sache.partnerships.enums import Stage, next_stage
from sache.partnerships.forms import (
    DocumentForm,
    EndForm,
    MilestoneForm,
    OutcomeForm,
    PartnershipForm,
)
from sache.partnerships.rules import can_edit_partnership, partner_organisation_ids


def _editable(request: HttpRequest, pk: int):
    partnership = selectors.get_partnership_for(request.user, pk)
    if not can_edit_partnership(request.user, partnership):
        raise PermissionDenied
    return partnership


@require_GET
@login_required
def partnership_list(request: HttpRequest) -> HttpResponse:
    queryset = selectors.partnerships_visible_to(request.user)
    stage = request.GET.get("stage")
    if stage in Stage.values:
        queryset = queryset.filter(stage=stage)
    page = Paginator(queryset, 25).get_page(request.GET.get("page"))
    return render(request, "partnerships/list.html", {
        "page": page, "stages": Stage.choices, "selected_stage": stage,
        "stage_counts": selectors.partnerships_by_stage(selectors.partnerships_visible_to(request.user)),
    })


@require_GET
@login_required
def organisation_search(request: HttpRequest) -> HttpResponse:
    """HTMX: published organisations whose name matches, as checkboxes for the partner field."""
    query = fold(request.GET.get("q", "")).strip()
    organisations = []
    if len(query) >= 2:
        organisations = list(
            Organisation.objects.filter(publication=Publication.PUBLISHED, search_document__contains=query)
            .exclude(id__in=partner_organisation_ids(request.user))
            .order_by("name")[:15]
        )
    return render(request, "partnerships/partials/organisation_choices.html", {"organisations": organisations})


@require_http_methods(["GET", "POST"])
@login_required
def partnership_create(request: HttpRequest) -> HttpResponse:
    own = Organisation.objects.filter(id__in=partner_organisation_ids(request.user)).order_by("name")
    if not own.exists() and not request.user.is_operator:
        raise PermissionDenied
    lead_choices = Organisation.objects.all() if request.user.is_operator else own
    selected = Organisation.objects.filter(pk__in=request.POST.getlist("partners")) if request.method == "POST" else []
    form = PartnershipForm(request.POST or None, lead_choices=lead_choices, partner_choices=selected)
    if request.method == "POST" and form.is_valid():
        try:
            partnership = services.open_partnership(
                title=form.cleaned_data["title"], summary=form.cleaned_data["summary"],
                language=form.cleaned_data["language"], lead=form.cleaned_data["lead"],
                partners=list(form.cleaned_data["partners"]), origin=form.cleaned_data["origin"],
                origin_detail=form.cleaned_data["origin_detail"], programme=form.cleaned_data["programme"], actor=request.user,
            )
        except services.PartnershipError as error:
            form.add_error("partners", str(error))
        else:
            messages.success(request, _("The partnership is open. Start with its checklist."))
            return redirect(partnership)
    return render(request, "partnerships/form.html", {"form": form})


@require_GET
@login_required
def partnership_detail(request: HttpRequest, pk: int) -> HttpResponse:
    partnership = selectors.get_partnership_for(request.user, pk)
    own = partner_organisation_ids(request.user)
    return render(request, "partnerships/detail.html", {
        "partnership": partnership,
        "checklist": selectors.checklist_view(partnership),
        "missing": services.missing_required_items(partnership),
        "next_stage": next_stage(partnership.stage),
        "transitions": partnership.transitions.all(),
        "milestones": partnership.milestones.all(),
        "outcomes": partnership.outcomes.all(),
        "documents": partnership.documents.all(),
        "my_members": [m for m in partnership.members.all() if m.organisation_id in own],
        "can_edit": can_edit_partnership(request.user, partnership),
        "milestone_form": MilestoneForm(), "outcome_form": OutcomeForm(), "document_form": DocumentForm(), "end_form": EndForm(),
    })


@require_POST
@login_required
def checklist_toggle(request: HttpRequest, pk: int, code: str) -> HttpResponse:
    partnership = _editable(request, pk)
    try:
        services.set_checklist_item(partnership, code, done=request.POST.get("done") == "1", actor=request.user)
    except services.PartnershipError as error:
        messages.error(request, str(error))
    return redirect(partnership)


@require_POST
@login_required
def stage_advance(request: HttpRequest, pk: int) -> HttpResponse:
    partnership = _editable(request, pk)
    try:
        services.advance_stage(partnership, actor=request.user)
    except services.PartnershipError as error:
        messages.error(request, str(error))
    else:
        messages.success(request, _("The partnership moved to the next stage."))
    return redirect(partnership)


@require_POST
@login_required
def partnership_end(request: HttpRequest, pk: int) -> HttpResponse:
    partnership = _editable(request, pk)
    form = EndForm(request.POST)
    if form.is_valid():
        try:
            services.end_partnership(partnership, reason=form.cleaned_data["reason"], actor=request.user)
        except services.PartnershipError as error:
            messages.error(request, str(error))
    return redirect(partnership)


@require_POST
@login_required
def milestone_add(request: HttpRequest, pk: int) -> HttpResponse:
    partnership = _editable(request, pk)
    form = MilestoneForm(request.POST)
    if form.is_valid():
        services.add_milestone(partnership, actor=request.user, **form.cleaned_data)
    else:
        messages.error(request, _("The milestone was not added: %(errors)s") % {"errors": "; ".join(e for errs in form.errors.values() for e in errs)})
    return redirect(partnership)


@require_POST
@login_required
def milestone_done(request: HttpRequest, pk: int, milestone_pk: int) -> HttpResponse:
    partnership = _editable(request, pk)
    milestone = get_object_or_404(partnership.milestones, pk=milestone_pk)
    services.complete_milestone(milestone, actor=request.user)
    return redirect(partnership)


@require_POST
@login_required
def outcome_add(request: HttpRequest, pk: int) -> HttpResponse:
    partnership = _editable(request, pk)
    form = OutcomeForm(request.POST)
    if form.is_valid():
        services.record_outcome(partnership, actor=request.user, **form.cleaned_data)
    else:
        messages.error(request, _("The outcome was not recorded: %(errors)s") % {"errors": "; ".join(e for errs in form.errors.values() for e in errs)})
    return redirect(partnership)


@require_POST
@login_required
def document_add(request: HttpRequest, pk: int) -> HttpResponse:
    partnership = _editable(request, pk)
    form = DocumentForm(request.POST, request.FILES)
    if form.is_valid():
        services.add_document(partnership, title=form.cleaned_data["title"], url=form.cleaned_data["url"],
                              file=form.cleaned_data["file"], actor=request.user)
    else:
        messages.error(request, _("The document was not added: %(errors)s") % {"errors": "; ".join(e for errs in form.errors.values() for e in errs)})
    return redirect(partnership)


@require_POST
@login_required
def consent(request: HttpRequest, pk: int, organisation_pk: int) -> HttpResponse:
    partnership = _editable(request, pk)
    if organisation_pk not in partner_organisation_ids(request.user):
        raise PermissionDenied
    organisation = get_object_or_404(partnership.organisations, pk=organisation_pk)
    services.set_publication_consent(partnership, organisation, agreed=request.POST.get("agreed") == "1", actor=request.user)
    return redirect(partnership)


@require_GET
def showcase(request: HttpRequest) -> HttpResponse:
    page = Paginator(selectors.published_partnerships(), 20).get_page(request.GET.get("page"))
    return render(request, "partnerships/showcase.html", {"page": page})


@require_GET
def showcase_detail(request: HttpRequest, pk: int) -> HttpResponse:
    return render(request, "partnerships/showcase_detail.html", {"partnership": selectors.get_published_partnership(pk)})
