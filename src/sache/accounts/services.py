"""Writes for accounts: invitations and their acceptance."""

from __future__ import annotations

import secrets
from datetime import timedelta

from django.conf import settings
from django.core.mail import send_mail
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import override

from sache.accounts.enums import Role
from sache.accounts.models import ConsentRecord, Invitation, User, hash_token
from sache.core.services import log_action
from sache.directory.models import Organisation, Person

INVITATION_VALIDITY = timedelta(days=14)


class InvitationError(Exception):
    pass


def invite_user(
    email: str, *, role: str, organisation: Organisation | None = None, actor: User, language: str | None = None
) -> tuple[Invitation, str]:
    """Create an invitation and email its link once the transaction commits.

    Returns the invitation and the raw token (only its hash is stored). Logs
    ``accounts.invitation.sent``.
    """
    if role == Role.MEMBER and organisation is None:
        raise InvitationError(_("An organisation member must be invited to an organisation."))
    raw_token = secrets.token_urlsafe(32)
    invitation = Invitation.objects.create(
        email=email.lower(),
        role=role,
        organisation=organisation,
        token_hash=hash_token(raw_token),
        invited_by=actor,
        expires_at=timezone.now() + INVITATION_VALIDITY,
    )
    link = settings.SITE_URL + reverse("accounts:invitation-accept", kwargs={"token": raw_token})
    log_action(invitation, "accounts.invitation.sent", actor=actor, data={"role": role})

    def send() -> None:
        with override(language or settings.LANGUAGE_CODE):
            context = {"invitation": invitation, "link": link, "hub": settings.SACHE_HUB_NAME}
            send_mail(
                subject=_("Invitation to %(hub)s") % {"hub": settings.SACHE_HUB_NAME},
                message=render_to_string("accounts/email/invitation.txt", context),
                from_email=None,
                recipient_list=[invitation.email],
            )

    transaction.on_commit(send)
    return invitation, raw_token


def get_usable_invitation(raw_token: str) -> Invitation | None:
    invitation = Invitation.objects.select_related("organisation").filter(token_hash=hash_token(raw_token)).first()
    if invitation is None or not invitation.is_usable:
        return None
    return invitation


@transaction.atomic
def accept_invitation(invitation: Invitation, *, full_name: str, password: str) -> User:
    """Create (or reuse) the invited user's account and grant the invited role.

    Members also get a person record in their organisation. The invitation is
    marked accepted and cannot be used again. Logs ``accounts.invitation.accepted``.
    """
    invitation = Invitation.objects.select_for_update().get(pk=invitation.pk)
    if not invitation.is_usable:
        raise InvitationError(_("This invitation has expired or was already used."))
    user = User.objects.filter(email__iexact=invitation.email).first()
    if user is None:
        user = User.objects.create_user(invitation.email, password, full_name=full_name)
    if invitation.role == Role.OPERATOR:
        user.is_operator = True
    elif invitation.role == Role.REVIEWER:
        user.is_reviewer = True
    user.save(update_fields=["is_operator", "is_reviewer"])
    if invitation.role == Role.MEMBER and invitation.organisation_id:
        first, _sep, last = full_name.partition(" ")
        Person.objects.get_or_create(
            organisation_id=invitation.organisation_id,
            user=user,
            defaults={"first_name": first, "last_name": last, "email": user.email},
        )
    ConsentRecord.objects.create(user=user, purpose="privacy_notice", granted=True)
    invitation.accepted_at = timezone.now()
    invitation.accepted_by = user
    invitation.save(update_fields=["accepted_at", "accepted_by"])
    log_action(invitation, "accounts.invitation.accepted", actor=user, data={"role": invitation.role})
    return user
