"""Export and erasure of personal data (GDPR Articles 15, 17 and 20)."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from sache.accounts.models import ConsentRecord, Invitation, User
from sache.core import privacy
from sache.core.models import ActivityLog
from sache.core.services import log_action
from sache.directory.models import Person


def _account_export(user: User) -> dict[str, Any]:
    return {
        "account": {
            "email": user.email,
            "full_name": user.full_name,
            "preferred_language": user.preferred_language,
            "date_joined": user.date_joined.isoformat(),
            "last_login": user.last_login.isoformat() if user.last_login else None,
            "roles": [str(role) for role in user.roles],
        },
        "consents": [
            {"purpose": c.purpose, "granted": c.granted, "text_version": c.text_version, "recorded_at": c.recorded_at.isoformat()}
            for c in user.consents.all()
        ],
        "memberships": [
            {
                "organisation": person.organisation.name,
                "first_name": person.first_name,
                "last_name": person.last_name,
                "role": person.role,
                "email": person.email,
                "phone": person.phone,
                "skills": person.skills,
                "languages": person.languages,
                "consent_contact": person.consent_contact,
            }
            for person in Person.objects.filter(user=user).select_related("organisation")
        ],
        "activity": [
            {"time": entry.created_at.isoformat(), "action": entry.action, "data": entry.data}
            for entry in ActivityLog.objects.filter(actor=user).order_by("created_at")
        ],
    }


def _account_erase(user: User) -> None:
    # The people records stay (organisations keep their member count) but say nothing about who it was.
    Person.objects.filter(user=user).update(
        user=None, first_name="—", last_name="", email="", phone="", skills=[], languages=[],
        consent_contact=False, consent_recorded_at=None, role="",
    )
    Invitation.objects.filter(email__iexact=user.email).update(email=f"erased-{user.pk}@invalid.example")
    # Audit entries keep the action (statistics) but lose the link to the person.
    ActivityLog.objects.filter(actor=user).update(actor=None)
    ConsentRecord.objects.filter(user=user).delete()


privacy.register("accounts", export=_account_export, erase=_account_erase)


def export_personal_data(user: User) -> dict[str, Any]:
    """Everything the hub holds about ``user``, app by app, as JSON-ready data."""
    return {
        "generated_at": timezone.now().isoformat(),
        "hub": settings.SACHE_HUB_NAME,
        **{holder.name: holder.export(user) for holder in privacy.holders()},
    }


@transaction.atomic
def erase_account(user: User, *, actor: Any) -> None:
    """Remove or anonymise ``user``'s personal data in every app and close the account.

    The user row stays as an anonymous, inactive placeholder so that aggregate
    statistics (counts of meetings, reviews, partnerships) keep adding up.
    Logs ``accounts.erased`` without personal data.
    """
    for holder in privacy.holders():
        holder.erase(user)
    user.email = f"erased-{user.pk}@invalid.example"
    user.full_name = ""
    user.is_active = False
    user.is_operator = False
    user.is_reviewer = False
    user.is_staff = False
    user.is_superuser = False
    user.set_unusable_password()
    user.save()
    log_action(None, "accounts.erased", actor=None, data={"user_id": user.pk, "by_self": actor == user})


def record_consent(user: User, *, purpose: str, granted: bool) -> ConsentRecord:
    return ConsentRecord.objects.create(user=user, purpose=purpose, granted=granted)


def accounts_past_retention(now=None) -> list[User]:
    """Accounts inactive for longer than ``SACHE_RETENTION_INACTIVE_DAYS`` (operators excluded)."""
    now = now or timezone.now()
    cutoff = now - timedelta(days=settings.SACHE_RETENTION_INACTIVE_DAYS)
    return list(
        User.objects.filter(is_active=True, is_operator=False)
        .exclude(last_login__gte=cutoff)
        .filter(date_joined__lt=cutoff)
    )
