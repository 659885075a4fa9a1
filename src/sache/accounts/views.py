from __future__ import annotations

from django.contrib import messages
from django.contrib.auth import login, logout
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import redirect, render
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from sache.accounts import privacy, services
from sache.accounts.forms import AcceptInvitationForm, EraseAccountForm, InvitationForm
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


@require_GET
@login_required
def my_data(request: HttpRequest) -> HttpResponse:
    return render(request, "accounts/my_data.html", {"form": EraseAccountForm(user=request.user)})


@require_GET
@login_required
def my_data_download(request: HttpRequest) -> JsonResponse:
    response = JsonResponse(privacy.export_personal_data(request.user), json_dumps_params={"ensure_ascii": False, "indent": 2})
    response["Content-Disposition"] = 'attachment; filename="my-sache-data.json"'
    return response


@require_http_methods(["POST"])
@login_required
def erase_my_account(request: HttpRequest) -> HttpResponse:
    form = EraseAccountForm(request.POST, user=request.user)
    if not form.is_valid():
        return render(request, "accounts/my_data.html", {"form": form}, status=400)
    user = request.user
    logout(request)
    privacy.erase_account(user, actor=user)
    messages.success(request, _("Your account and personal data were erased."))
    return redirect("core:home")
