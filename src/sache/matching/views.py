from __future__ import annotations

from django import forms
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse, HttpResponseBadRequest
from django.shortcuts import render
from django.views.decorators.http import require_GET, require_POST

from sache.directory import rules
from sache.directory.selectors import get_organisation_for, get_record_for, organisations_visible_to
from sache.matching import selectors, services
from sache.matching.models import Surface


@require_GET
def organisation_suggestions(request: HttpRequest, slug: str) -> HttpResponse:
    organisation = get_organisation_for(request.user, slug)
    suggestions = selectors.suggested_partners_for_organisation(organisation, request.user)
    services.record_impressions(Surface.ORGANISATION, len(suggestions))
    return render(request, "matching/partials/suggestions.html", {"suggestions": suggestions, "heading_id": "suggested-partners"})


@require_GET
def need_suggestions(request: HttpRequest, pk: int) -> HttpResponse:
    need = get_record_for("need", request.user, pk)
    suggestions = selectors.suggested_partners_for_need(need, request.user)
    services.record_impressions(Surface.NEED, len(suggestions))
    return render(request, "matching/partials/suggestions.html", {"suggestions": suggestions, "heading_id": "suggested-partners"})


@require_GET
@login_required
def needs_to_answer(request: HttpRequest, slug: str) -> HttpResponse:
    organisation = get_organisation_for(request.user, slug)
    if not rules.can_edit_organisation(request.user, organisation):
        raise PermissionDenied
    needs = selectors.needs_you_could_answer(organisation, request.user)
    services.record_impressions(Surface.NEEDS, len(needs))
    return render(request, "matching/partials/needs.html", {"needs": needs})


class FeedbackForm(forms.Form):
    subject = forms.RegexField(regex=r"^(organisation|need):\d+$", max_length=40)
    suggested = forms.IntegerField(min_value=1)
    useful = forms.TypedChoiceField(choices=[("1", "1"), ("0", "0")], coerce=lambda value: value == "1")
    rank = forms.IntegerField(min_value=1, max_value=100)
    score = forms.FloatField()


@require_POST
@login_required
def feedback(request: HttpRequest) -> HttpResponse:
    form = FeedbackForm(request.POST)
    if not form.is_valid():
        return HttpResponseBadRequest(form.errors.as_text())
    suggested = organisations_visible_to(request.user).filter(pk=form.cleaned_data["suggested"]).first()
    if suggested is None:
        return HttpResponseBadRequest("unknown organisation")
    services.record_suggestion_feedback(
        suggested, subject=form.cleaned_data["subject"], useful=form.cleaned_data["useful"],
        rank=form.cleaned_data["rank"], score=form.cleaned_data["score"], actor=request.user,
    )
    return render(request, "matching/partials/feedback_done.html", {"useful": form.cleaned_data["useful"]})
