import pytest
from django.core import mail
from django.urls import reverse

from sache.accounts.models import Invitation, User, hash_token
from sache.directory.models import Person
from tests.factories.accounts import PASSWORD, make_operator, make_user
from tests.factories.directory import make_organisation

pytestmark = [pytest.mark.integration, pytest.mark.django_db]


def test_login_with_email_and_password(client):
    user = make_user(email="anna@example.org")

    response = client.post(reverse("accounts:login"), {"username": "anna@example.org", "password": PASSWORD})

    assert response.status_code == 302
    assert client.session["_auth_user_id"] == str(user.pk)


def test_login_is_throttled_after_repeated_failures(client, settings):
    make_user(email="anna@example.org")
    statuses = [
        client.post(reverse("accounts:login"), {"username": "anna@example.org", "password": "wrong"}).status_code
        for _attempt in range(settings.AXES_FAILURE_LIMIT)
    ]
    assert statuses == [200] * (settings.AXES_FAILURE_LIMIT - 1) + [429]

    locked = client.post(reverse("accounts:login"), {"username": "anna@example.org", "password": PASSWORD})

    assert locked.status_code == 429
    assert "_auth_user_id" not in client.session
    assert "Too many failed login attempts" in locked.content.decode()


def test_anonymous_visitor_cannot_reach_operator_pages(client):
    response = client.get(reverse("accounts:invitation-list"))

    assert response.status_code == 302
    assert response.url.startswith(reverse("accounts:login"))


def test_member_without_operator_role_gets_403_on_operator_pages(client):
    client.force_login(make_user())

    response = client.get(reverse("accounts:invitation-list"))

    assert response.status_code == 403


def test_operator_invites_a_member_who_accepts_and_joins_the_organisation(client, django_capture_on_commit_callbacks):
    organisation = make_organisation(name="Muzeum Okręgowe w Krośnie")
    client.force_login(make_operator())

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            reverse("accounts:invitation-list"),
            {"email": "new.member@example.org", "role": "member", "organisation": organisation.pk},
        )

    assert response.status_code == 302
    invitation = Invitation.objects.get()
    assert [message.to for message in mail.outbox] == [["new.member@example.org"]]
    link = next(line for line in mail.outbox[0].body.splitlines() if "/accounts/invitations/" in line)
    token = link.rstrip("/").rsplit("/", 1)[1]
    assert invitation.token_hash == hash_token(token)
    assert token not in invitation.token_hash

    client.logout()
    accepted = client.post(
        f"/accounts/invitations/{token}/",
        {"full_name": "Ewa Kowalska", "password1": "Zamek-Krosno-2026", "password2": "Zamek-Krosno-2026", "privacy_notice": "on"},
    )

    assert accepted.status_code == 302
    user = User.objects.get(email="new.member@example.org")
    assert list(Person.objects.filter(user=user).values_list("organisation__name", flat=True)) == ["Muzeum Okręgowe w Krośnie"]
    assert list(user.consents.values_list("purpose", "granted")) == [("privacy_notice", True)]
    reused = client.get(f"/accounts/invitations/{token}/")
    assert reused.status_code == 404


def test_member_invitation_without_organisation_is_refused_with_a_message(client):
    client.force_login(make_operator())

    response = client.post(reverse("accounts:invitation-list"), {"email": "x@example.org", "role": "member"})

    assert response.status_code == 200
    assert "Choose the organisation the new member will belong to." in response.content.decode()
    assert Invitation.objects.count() == 0


def test_password_reset_sends_a_link_by_email(client):
    make_user(email="anna@example.org")

    client.post(reverse("accounts:password_reset"), {"email": "anna@example.org"})

    assert len(mail.outbox) == 1
    assert "/accounts/password/reset/" in mail.outbox[0].body


def test_passwords_are_hashed_with_argon2_outside_tests(settings):
    from sache.config.settings import base

    settings.PASSWORD_HASHERS = base.PASSWORD_HASHERS
    user = make_user()

    assert base.PASSWORD_HASHERS[0] == "django.contrib.auth.hashers.Argon2PasswordHasher"
    assert user.password.startswith("argon2")
