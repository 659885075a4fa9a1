import json

import pytest
from django.core.management import call_command
from django.urls import reverse

from sache.accounts.models import User
from sache.accounts.privacy import erase_account, export_personal_data, record_consent
from sache.core.models import ActivityLog
from sache.directory.models import Person
from sache.partnerships.models import Partnership
from tests.factories.accounts import PASSWORD, make_user
from tests.factories.directory import make_member, make_organisation
from tests.factories.partnerships import make_partnership

pytestmark = [pytest.mark.integration, pytest.mark.django_db]


def test_export_holds_account_memberships_consents_and_activity():
    user = make_user(email="ewa@example.org", full_name="Ewa Kowalska")
    organisation = make_organisation(name="Muzeum Regionalne w Jaśle")
    member = make_member(organisation, user)
    member.phone = "+48 13 446 00 00"
    member.save()
    record_consent(user, purpose="privacy_notice", granted=True)
    make_partnership(lead=organisation, actor=user)

    data = export_personal_data(user)

    assert data["accounts"]["account"]["email"] == "ewa@example.org"
    assert [m["organisation"] for m in data["accounts"]["memberships"]] == ["Muzeum Regionalne w Jaśle"]
    assert data["accounts"]["memberships"][0]["phone"] == "+48 13 446 00 00"
    assert [c["purpose"] for c in data["accounts"]["consents"]] == ["privacy_notice"]
    assert [a["action"] for a in data["accounts"]["activity"]] == ["partnerships.opened"]


def test_erasure_removes_personal_data_and_keeps_statistics():
    user = make_user(email="ewa@example.org", full_name="Ewa Kowalska")
    organisation = make_organisation()
    make_member(organisation, user)
    make_partnership(lead=organisation, actor=user)

    erase_account(user, actor=user)

    user.refresh_from_db()
    assert (user.email, user.full_name, user.is_active, user.has_usable_password()) == (
        f"erased-{user.pk}@invalid.example", "", False, False,
    )
    person = Person.objects.get(organisation=organisation)
    assert (person.user, person.first_name, person.last_name, person.email) == (None, "—", "", "")
    assert ActivityLog.objects.filter(action="partnerships.opened", actor=None).count() == 1
    assert Partnership.objects.count() == 1
    assert "ewa@example.org" not in json.dumps(export_personal_data(user))


def test_user_downloads_own_data_as_json(client):
    user = make_user(email="anna@example.org")
    client.force_login(user)

    response = client.get(reverse("accounts:my-data-download"))

    assert response["Content-Disposition"] == 'attachment; filename="my-sache-data.json"'
    assert json.loads(response.content)["accounts"]["account"]["email"] == "anna@example.org"


def test_erasing_own_account_needs_the_password(client):
    user = make_user(email="anna@example.org")
    client.force_login(user)

    refused = client.post(reverse("accounts:erase"), {"password": "wrong", "confirm": "on"})
    erased = client.post(reverse("accounts:erase"), {"password": PASSWORD, "confirm": "on"})

    assert refused.status_code == 400
    assert "The password is not correct." in refused.content.decode()
    assert erased.status_code == 302
    assert User.objects.filter(email="anna@example.org").exists() is False
    assert "_auth_user_id" not in client.session


def test_retention_erases_accounts_unused_for_too_long(settings):
    from datetime import timedelta

    from django.utils import timezone

    settings.SACHE_RETENTION_INACTIVE_DAYS = 30
    stale = make_user(email="old@example.org")
    User.objects.filter(pk=stale.pk).update(date_joined=timezone.now() - timedelta(days=90), last_login=timezone.now() - timedelta(days=60))
    fresh = make_user(email="new@example.org")

    call_command("apply_retention")

    assert sorted(User.objects.filter(is_active=True).values_list("email", flat=True)) == [fresh.email]
