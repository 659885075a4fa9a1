"""Security headers, production transport settings, upload validation and the audit trail."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from sache.core.middleware import CONTENT_SECURITY_POLICY
from sache.core.models import ActivityLog
from sache.partnerships.models import Document

pytestmark = pytest.mark.integration

SECURITY_HEADERS = {
    "Content-Security-Policy": CONTENT_SECURITY_POLICY,
    "X-Content-Type-Options": "nosniff",
    "X-Frame-Options": "DENY",
    "Referrer-Policy": "same-origin",
    "Cross-Origin-Opener-Policy": "same-origin",
    "Permissions-Policy": "camera=(), microphone=(), geolocation=()",
}


@pytest.mark.django_db
@pytest.mark.parametrize(
    "url",
    ["/", "/accounts/login/", "/organisations/", "/needs/", "/api/v1/needs", "/calendar.ics", "/no-such-page/"],
)
def test_every_response_carries_the_security_headers(client, url):
    response = client.get(url)

    assert {name: response.headers.get(name) for name in SECURITY_HEADERS} == SECURITY_HEADERS


def test_content_security_policy_allows_nothing_inline_and_nothing_from_elsewhere():
    directives = dict(part.split(" ", 1) for part in CONTENT_SECURITY_POLICY.split("; "))

    assert {name: directives[name] for name in ["default-src", "script-src", "style-src", "object-src", "frame-ancestors"]} == {
        "default-src": "'self'",
        "script-src": "'self'",
        "style-src": "'self'",
        "object-src": "'none'",
        "frame-ancestors": "'none'",
    }


def test_production_settings_send_hsts_and_keep_cookies_on_https():
    env = {key: value for key, value in os.environ.items() if key not in {"DEBUG", "SECURE_SSL_REDIRECT"}}
    env.update(
        DJANGO_SETTINGS_MODULE="sache.config.settings.production",
        SECRET_KEY="p" * 30 + "-production-secret-for-the-settings-test-" + "q" * 10,
        ALLOWED_HOSTS="hub.example.org",
    )
    names = [
        "DEBUG", "SECURE_SSL_REDIRECT", "SECURE_HSTS_SECONDS", "SECURE_HSTS_INCLUDE_SUBDOMAINS",
        "SESSION_COOKIE_SECURE", "CSRF_COOKIE_SECURE", "SESSION_COOKIE_HTTPONLY", "SECURE_PROXY_SSL_HEADER",
    ]
    script = (
        "import django, json; django.setup(); from django.conf import settings; "
        f"print(json.dumps({{name: getattr(settings, name) for name in {names!r}}}))"
    )
    result = subprocess.run([sys.executable, "-c", script], env=env, capture_output=True, text=True, timeout=120)

    assert json.loads(result.stdout.strip().splitlines()[-1]) == {
        "DEBUG": False,
        "SECURE_SSL_REDIRECT": True,
        "SECURE_HSTS_SECONDS": 31536000,
        "SECURE_HSTS_INCLUDE_SUBDOMAINS": True,
        "SESSION_COOKIE_SECURE": True,
        "CSRF_COOKIE_SECURE": True,
        "SESSION_COOKIE_HTTPONLY": True,
        "SECURE_PROXY_SSL_HEADER": ["HTTP_X_FORWARDED_PROTO", "https"],
    }


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("filename", "content_type"),
    [("agenda.html", "text/html"), ("logo.svg", "image/svg+xml"), ("setup.exe", "application/octet-stream")],
)
def test_partnership_document_of_a_refused_type_is_not_stored(client, world, filename, content_type):
    client.force_login(world.users["member_a"])
    upload = SimpleUploadedFile(filename, b"<script>alert(1)</script>", content_type=content_type)

    response = client.post(
        reverse("partnerships:document-add", args=[world.partnership.pk]), {"title": "Umowa", "file": upload}, follow=True
    )

    assert (Document.objects.count(), [str(message) for message in response.context["messages"]]) == (
        0, ["The document was not added: This kind of file is not accepted."]
    )


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("filename", "content"),
    [("umowa.pdf", b"<!DOCTYPE html><script>alert(1)</script>"), ("logo.png", b"MZ\x90\x00 executable"),
     ("plan.docx", b"%PDF-1.7 not a word document")],
)
def test_partnership_document_whose_content_is_not_its_type_is_not_stored(client, world, filename, content):
    client.force_login(world.users["member_a"])
    upload = SimpleUploadedFile(filename, content, content_type="application/octet-stream")

    response = client.post(
        reverse("partnerships:document-add", args=[world.partnership.pk]), {"title": "Umowa", "file": upload}, follow=True
    )

    extension = filename.rsplit(".", 1)[1]
    assert (Document.objects.count(), [str(message) for message in response.context["messages"]]) == (
        0, [f"The document was not added: The file's content does not match its type ({extension})."]
    )


@pytest.mark.django_db
def test_partnership_document_of_an_accepted_type_is_stored(client, world):
    client.force_login(world.users["member_a"])
    upload = SimpleUploadedFile("umowa.pdf", b"%PDF-1.7\n", content_type="application/pdf")

    client.post(reverse("partnerships:document-add", args=[world.partnership.pk]), {"title": "Umowa", "file": upload})

    assert list(Document.objects.values_list("title", flat=True)) == ["Umowa"]


@pytest.mark.django_db
def test_sensitive_actions_leave_an_audit_entry_naming_who_acted(client, world):
    member = world.users["member_a"]
    operator = world.users["operator"]
    ActivityLog.objects.all().delete()

    client.force_login(member)
    client.post(reverse("api:tokens"), {"name": "CRM"})
    client.post(reverse("api:token-revoke", args=[world.token.pk]))
    client.post(reverse("directory:person-delete", args=[world.person_a.pk]))
    client.force_login(operator)
    client.post(reverse("directory:organisation-delete", args=[world.org_b.slug]))

    assert list(ActivityLog.objects.order_by("pk").values_list("action", "actor__email")) == [
        ("api.token.created", member.email),
        ("api.token.revoked", member.email),
        ("directory.person.deleted", member.email),
        ("directory.organisation.deleted", operator.email),
    ]
