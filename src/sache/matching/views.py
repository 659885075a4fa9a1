from __future__ import annotations

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse, HttpResponseBadRequest
from django.shortcuts import redirect, render
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from sache.directory import rules
from sache.directory.selectors import get_organisation_for, get_record_for
from sache.matching import selectors, services
from sache.matching.models import Surface


@require_GET
def organisation_suggestions(request: HttpRequest, slug: str) -> HttpResponse:
    organisation = get_organisation_for(request.user, slug)
    suggestions = selectors.suggested_partners_for_organisation(organisation, request.user)
    services.record_impressions(Surface.ORGANISATION, len(suggestions))
    return render(request, "matching/partials/suggestions.html", {
        "suggestions": suggestions, "heading_id": "suggested-partners",
        "can_give_verdict": rules.can_edit_organisation(request.user, organisation), "next": organisation.get_absolute_url(),
    })


@require_GET
def need_suggestions(request: HttpRequest, pk: int) -> HttpResponse:
    need = get_record_for("need", request.user, pk)
    suggestions = selectors.suggested_partners_for_need(need, request.user)
    services.record_impressions(Surface.NEED, len(suggestions))
    return render(request, "matching/partials/suggestions.html", {
        "suggestions": suggestions, "heading_id": "suggested-partners",
        "can_give_verdict": rules.can_edit_organisation(request.user, need.organisation), "next": need.get_absolute_url(),
    })


@require_GET
@login_required
def needs_to_answer(request: HttpRequest, slug: str) -> HttpResponse:
    organisation = get_organisation_for(request.user, slug)
    if not rules.can_edit_organisation(request.user, organisation):
        raise PermissionDenied
    needs = selectors.needs_you_could_answer(organisation, request.user)
    services.record_impressions(Surface.NEEDS, len(needs))
    return render(request, "matching/partials/needs.html", {"needs": needs, "next": organisation.get_absolute_url()})


class FeedbackForm(forms.Form):
    """A verdict on one suggestion: an organisation (``suggested``) or a need (``suggested_need``)."""

    subject = forms.RegexField(regex=r"^(organisation|need|registration):\d+$", max_length=40)
    suggested = forms.IntegerField(min_value=1, required=False)
    suggested_need = forms.IntegerField(min_value=1, required=False)
    useful = forms.TypedChoiceField(choices=[("1", "1"), ("0", "0")], coerce=lambda value: value == "1")
    rank = forms.IntegerField(min_value=1, max_value=100)
    score = forms.FloatField()

    def clean(self) -> dict:
        cleaned = super().clean()
        if (cleaned.get("suggested") is None) == (cleaned.get("suggested_need") is None):
            raise forms.ValidationError("Give either a suggested organisation or a suggested need.")
        return cleaned


@require_POST
@login_required
def feedback(request: HttpRequest) -> HttpResponse:
    """Store a verdict from the "Useful?" buttons of any suggestion list (403 for a subject not the user's)."""
    form = FeedbackForm(request.POST)
    if not form.is_valid():
        return HttpResponseBadRequest(form.errors.as_text())
    data = form.cleaned_data
    try:
        target = selectors.verdict_target(
            request.user, data["subject"], organisation_id=data["suggested"], need_id=data["suggested_need"]
        )
    except selectors.UnknownSuggestion:
        return HttpResponseBadRequest("unknown suggestion")
    services.record_verdict(target, useful=data["useful"], rank=data["rank"], score=data["score"], actor=request.user)
    if not request.htmx:
        back = request.POST.get("next", "")
        if url_has_allowed_host_and_scheme(back, allowed_hosts={request.get_host()}, require_https=request.is_secure()):
            messages.success(request, _("Thank you: marked as useful.") if data["useful"] else _("Thank you: marked as not useful."))
            return redirect(back)
    return render(request, "matching/partials/feedback_done.html", {"useful": data["useful"]})
