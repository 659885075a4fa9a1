from __future__ import annotations

from django.contrib import messages
from django.contrib.auth import login
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from sache.accounts import services
from sache.accounts.forms import AcceptInvitationForm, InvitationForm
from sache.accounts.models import Invitation
from sache.core.permissions import operator_required


@require_GET
@login_required
def profile(request: HttpRequest) -> HttpResponse:
    memberships = request.user.memberships.select_related("organisation")
    return render(request, "accounts/profile.html", {"memberships": memberships})


@require_http_methods(["GET", "POST"])
@operator_required
def invitation_list(request: HttpRequest) -> HttpResponse:
    form = InvitationForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        services.invite_user(
            form.cleaned_data["email"],
            role=form.cleaned_data["role"],
            organisation=form.cleaned_data["organisation"],
            actor=request.user,
            language=get_language(),
        )
        messages.success(request, _("Invitation sent to %(email)s.") % {"email": form.cleaned_data["email"]})
        return redirect("accounts:invitation-list")
    invitations = Invitation.objects.select_related("organisation", "invited_by")[:100]
    return render(request, "accounts/invitation_list.html", {"form": form, "invitations": invitations})


@require_http_methods(["GET", "POST"])
def invitation_accept(request: HttpRequest, token: str) -> HttpResponse:
    invitation = services.get_usable_invitation(token)
    if invitation is None:
        return render(request, "accounts/invitation_invalid.html", status=404)
    form = AcceptInvitationForm(request.POST or None, email=invitation.email)
    if request.method == "POST" and form.is_valid():
        user = services.accept_invitation(
            invitation, full_name=form.cleaned_data["full_name"], password=form.cleaned_data["password1"]
        )
        login(request, user, backend="django.contrib.auth.backends.ModelBackend")
        messages.success(request, _("Welcome! Your account is ready."))
        return redirect("core:home")
    return render(request, "accounts/invitation_accept.html", {"form": form, "invitation": invitation})
