"""Every URL pattern and every API operation, requested by every role.

The rules below are the contract: for each named URL pattern, the status each
role gets for GET and for an empty POST, when the pattern is pointed at
organisation A's objects. A pattern added to the URL configuration without a
rule here fails ``test_every_url_pattern_has_a_rule`` with its name; an API
operation without a rule fails ``test_every_api_operation_has_a_rule``.

Statuses: a number, or a set of numbers where either is a correct refusal
(403 and 404 both keep another organisation's records out of reach).
Each request runs inside a savepoint that is rolled back, so one role's POST
never changes what the next role sees.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from typing import Any
from urllib.parse import urlencode

import pytest
from django.db import transaction
from django.test import Client
from django.urls import NoReverseMatch, URLPattern, URLResolver, get_resolver, reverse

from sache.api.services import create_api_token
from sache.cocreation.models import Conclusions
from sache.directory.enums import Publication
from tests.factories.cocreation import make_workshop
from tests.factories.directory import make_record
from tests.trust.conftest import ROLES, World

pytestmark = [pytest.mark.integration, pytest.mark.django_db]

DENY = frozenset({403, 404})  # refused without telling whether the record exists
LOGIN = 302  # anonymous visitors are sent to the login page
GONE = 405  # the method is not allowed for anybody

# --- Arguments: which of A's objects each pattern is pointed at ------------------------

Args = Callable[[World], dict[str, Any]]
ORG = lambda w: {"slug": w.org_a.slug}  # noqa: E731
ORG_QUERY = lambda w: {"organisation": w.org_a.slug}  # noqa: E731
EVENT = lambda w: {"slug": w.event.slug}  # noqa: E731
PARTNERSHIP = lambda w: {"pk": w.partnership.pk}  # noqa: E731
CALL = lambda w: {"pk": w.call.pk}  # noqa: E731
APPLICATION = lambda w: {"pk": w.application.pk}  # noqa: E731
PITCH_SESSION = lambda w: {"pk": w.pitch_session.pk}  # noqa: E731
REVIEW = lambda w: {"pk": w.assignment.pk}  # noqa: E731
WORKSHOP = lambda w: {"slug": w.workshop.slug}  # noqa: E731
SURVEY = lambda w: {"slug": w.workshop.slug, "pk": w.survey.pk}  # noqa: E731
PROGRAMME = lambda w: {"code": w.programme.code}  # noqa: E731

ARGS: dict[str, Args] = {
    "accounts:password_reset_confirm": lambda w: {"uidb64": "MQ", "token": "set-password"},
    "accounts:invitation-accept": lambda w: {"token": w.secrets["invitation"]},
    "api:token-revoke": lambda w: {"pk": w.token.pk},
    "events:feed": lambda w: {"token": w.secrets["feed"]},
    "events:event-detail": EVENT,
    "events:event-register": EVENT,
    "events:participation-edit": EVENT,
    "events:participant-list": EVENT,
    "events:meeting-list": EVENT,
    "events:meeting-request": lambda w: {"slug": w.event.slug, "registration_id": w.registration_b.pk},
    "events:meeting-respond": lambda w: {"slug": w.event.slug, "pk": w.meeting.pk},
    "events:meeting-cancel": lambda w: {"slug": w.event.slug, "pk": w.meeting.pk},
    "events:meeting-feedback": lambda w: {"slug": w.event.slug, "pk": w.meeting.pk},
    "events:agenda": EVENT,
    "events:agenda-ics": EVENT,
    "events:agenda-feed": EVENT,
    "events:event-edit": EVENT,
    "events:manage": EVENT,
    "events:registration-decide": lambda w: {"slug": w.event.slug, "pk": w.registration_a.pk},
    "events:grid-setup": EVENT,
    "events:tables-setup": EVENT,
    "events:manage-meetings": EVENT,
    "events:meeting-manage": lambda w: {"slug": w.event.slug, "pk": w.meeting.pk},
    "events:schedule-run": EVENT,
    "events:schedule-status": EVENT,
    "events:schedule-publish": EVENT,
    "events:remind": EVENT,
    "events:grid": EVENT,
    "directory:import-preview": lambda w: {"pk": w.batch.pk},
    "directory:organisation-detail": ORG,
    "directory:organisation-edit": ORG,
    "directory:organisation-delete": ORG,
    "directory:organisation-publication": ORG,
    "directory:organisation-merge": ORG,
    "directory:person-create": ORG,
    "directory:record-create": lambda w: {"slug": w.org_a.slug, "kind": "need"},
    "directory:person-edit": lambda w: {"pk": w.person_a.pk},
    "directory:person-delete": lambda w: {"pk": w.person_a.pk},
    "directory:need-detail": lambda w: {"pk": w.need.pk},
    "directory:offer-detail": lambda w: {"pk": w.offer.pk},
    "directory:asset-detail": lambda w: {"pk": w.asset.pk},
    "directory:product-detail": lambda w: {"pk": w.product.pk},
    "directory:record-edit": lambda w: {"kind": "need", "pk": w.need.pk},
    "directory:record-delete": lambda w: {"kind": "need", "pk": w.need.pk},
    "directory:record-publication": lambda w: {"kind": "need", "pk": w.need.pk},
    "partnerships:detail": PARTNERSHIP,
    "partnerships:checklist-toggle": lambda w: {"pk": w.partnership.pk, "code": w.checklist_code},
    "partnerships:advance": PARTNERSHIP,
    "partnerships:end": PARTNERSHIP,
    "partnerships:milestone-add": PARTNERSHIP,
    "partnerships:milestone-done": lambda w: {"pk": w.partnership.pk, "milestone_pk": w.milestone.pk},
    "partnerships:outcome-add": PARTNERSHIP,
    "partnerships:document-add": PARTNERSHIP,
    "partnerships:consent": lambda w: {"pk": w.partnership.pk, "organisation_pk": w.org_a.pk},
    "partnerships:showcase-detail": PARTNERSHIP,
    "insights:export": lambda w: {"key": "organisations-by-kind", "file_format": "csv"},
    "matching:organisation-suggestions": ORG,
    "matching:needs-to-answer": ORG,
    "matching:need-suggestions": lambda w: {"pk": w.need.pk},
    "calls:call-detail": CALL,
    "calls:call-edit": CALL,
    "calls:application-create": CALL,
    "calls:call-manage": CALL,
    "calls:question-add": CALL,
    "calls:criterion-add": CALL,
    "calls:assignment-run": CALL,
    "calls:assignment-status": CALL,
    "calls:assignment-add": CALL,
    "calls:assignment-remove": lambda w: {"pk": w.call.pk, "assignment_pk": w.assignment.pk},
    "calls:reminders-send": CALL,
    "calls:ranking": CALL,
    "calls:ranking-csv": CALL,
    "calls:decide": CALL,
    "calls:pitch-session-create": CALL,
    "calls:application-detail": APPLICATION,
    "calls:partner-invite": APPLICATION,
    "calls:partner-confirm": lambda w: {"pk": w.application.pk, "partner_pk": w.application_partner.pk},
    "calls:partner-remove": lambda w: {"pk": w.application.pk, "partner_pk": w.application_partner.pk},
    "calls:application-submit": APPLICATION,
    "calls:application-withdraw": APPLICATION,
    "calls:review-detail": REVIEW,
    "calls:review-conflict": REVIEW,
    "calls:pitch-session": PITCH_SESSION,
    "calls:pitch-score": lambda w: {"pk": w.pitch_session.pk, "pitch_pk": w.pitch.pk},
    "calls:pitch-session-close": PITCH_SESSION,
    "cocreation:workshop-detail": WORKSHOP,
    "cocreation:my-route": WORKSHOP,
    "cocreation:route": lambda w: {"slug": w.workshop.slug, "pk": w.participant_a.pk},
    "cocreation:route-ics": lambda w: {"slug": w.workshop.slug, "pk": w.participant_a.pk},
    "cocreation:contribute": WORKSHOP,
    "cocreation:contribution-list": WORKSHOP,
    "cocreation:vote": lambda w: {"slug": w.workshop.slug, "pk": w.contribution.pk},
    "cocreation:conclusions": WORKSHOP,
    "cocreation:conclusions-markdown": WORKSHOP,
    "cocreation:conclusions-pdf": WORKSHOP,
    "cocreation:manage": WORKSHOP,
    "cocreation:area-add": WORKSHOP,
    "cocreation:table-add": WORKSHOP,
    "cocreation:participant-add": WORKSHOP,
    "cocreation:participants-import": WORKSHOP,
    "cocreation:setup-remove": lambda w: {"slug": w.workshop.slug, "what": "table", "pk": w.table.pk},
    "cocreation:plan-start": WORKSHOP,
    "cocreation:plan-status": WORKSHOP,
    "cocreation:table-plan": lambda w: {"slug": w.workshop.slug, "round_number": 1},
    "cocreation:breakout-csv": WORKSHOP,
    "cocreation:live": WORKSHOP,
    "cocreation:live-board": WORKSHOP,
    "cocreation:themes": WORKSHOP,
    "cocreation:themes-start": WORKSHOP,
    "cocreation:conclusions-edit": WORKSHOP,
    "cocreation:survey-manage": WORKSHOP,
    "cocreation:survey-question-add": SURVEY,
    "cocreation:survey-toggle": SURVEY,
    "cocreation:survey-results": SURVEY,
    "cocreation:survey-answer": SURVEY,
    "programmes:programme-detail": PROGRAMME,
    "programmes:programme-edit": PROGRAMME,
    "programmes:programme-delete": PROGRAMME,
}

# Patterns served by the REST API's own matrix below (its operations are listed in OpenAPI).
API_NAMESPACE = "api-v1"

# --- Rules: (anonymous, member of A, member of B, reviewer, operator) ------------------

RULES: dict[str, dict[str, tuple]] = {
    "accounts:erase": {"GET": (GONE, GONE, GONE, GONE, GONE), "POST": (LOGIN, 400, 400, 400, 400)},
    "accounts:invitation-accept": {"GET": (200, 200, 200, 200, 200), "POST": (200, 200, 200, 200, 200)},
    "accounts:invitation-list": {"GET": (LOGIN, DENY, DENY, DENY, 200), "POST": (LOGIN, DENY, DENY, DENY, 200)},
    "accounts:login": {"GET": (200, 302, 302, 302, 302), "POST": (200, 302, 302, 302, 302)},
    "accounts:logout": {"GET": (GONE, GONE, GONE, GONE, GONE), "POST": (LOGIN, 302, 302, 302, 302)},
    "accounts:my-data": {"GET": (LOGIN, 200, 200, 200, 200), "POST": (GONE, GONE, GONE, GONE, GONE)},
    "accounts:my-data-download": {"GET": (LOGIN, 200, 200, 200, 200), "POST": (GONE, GONE, GONE, GONE, GONE)},
    "accounts:password_change": {"GET": (LOGIN, 200, 200, 200, 200), "POST": (LOGIN, 200, 200, 200, 200)},
    "accounts:password_change_done": {"GET": (LOGIN, 200, 200, 200, 200), "POST": (LOGIN, GONE, GONE, GONE, GONE)},
    "accounts:password_reset": {"GET": (200, 200, 200, 200, 200), "POST": (200, 200, 200, 200, 200)},
    "accounts:password_reset_complete": {"GET": (200, 200, 200, 200, 200), "POST": (GONE, GONE, GONE, GONE, GONE)},
    "accounts:password_reset_confirm": {"GET": (200, 200, 200, 200, 200), "POST": (200, 200, 200, 200, 200)},
    "accounts:password_reset_done": {"GET": (200, 200, 200, 200, 200), "POST": (GONE, GONE, GONE, GONE, GONE)},
    "accounts:profile": {"GET": (LOGIN, 200, 200, 200, 200), "POST": (GONE, GONE, GONE, GONE, GONE)},
    "api:events-calendar": {"GET": (200, 200, 200, 200, 200), "POST": (GONE, GONE, GONE, GONE, GONE)},
    "api:oai": {"GET": (200, 200, 200, 200, 200), "POST": (200, 200, 200, 200, 200)},
    "api:token-revoke": {"GET": (GONE, GONE, GONE, GONE, GONE), "POST": (LOGIN, 302, DENY, DENY, DENY)},
    "api:tokens": {"GET": (LOGIN, 200, 200, 200, 200), "POST": (LOGIN, 200, 200, 200, 200)},
    "calls:application-create": {"GET": (GONE, GONE, GONE, GONE, GONE), "POST": (LOGIN, 400, 400, DENY, DENY)},
    "calls:application-detail": {"GET": (LOGIN, 200, DENY, DENY, 200), "POST": (LOGIN, 302, DENY, DENY, DENY)},
    "calls:application-list": {"GET": (LOGIN, 200, 200, 200, 200), "POST": (GONE, GONE, GONE, GONE, GONE)},
    "calls:application-submit": {"GET": (GONE, GONE, GONE, GONE, GONE), "POST": (LOGIN, 302, DENY, DENY, DENY)},
    "calls:application-withdraw": {"GET": (GONE, GONE, GONE, GONE, GONE), "POST": (LOGIN, 302, DENY, DENY, DENY)},
    "calls:assignment-add": {"GET": (GONE, GONE, GONE, GONE, GONE), "POST": (LOGIN, DENY, DENY, DENY, 302)},
    "calls:assignment-remove": {"GET": (GONE, GONE, GONE, GONE, GONE), "POST": (LOGIN, DENY, DENY, DENY, 302)},
    "calls:assignment-status": {"GET": (LOGIN, DENY, DENY, DENY, 200), "POST": (GONE, GONE, GONE, GONE, GONE)},
    "calls:assignment-run": {"GET": (GONE, GONE, GONE, GONE, GONE), "POST": (LOGIN, DENY, DENY, DENY, 302)},
    "calls:call-create": {"GET": (LOGIN, DENY, DENY, DENY, 200), "POST": (LOGIN, DENY, DENY, DENY, 200)},
    "calls:call-detail": {"GET": (200, 200, 200, 200, 200), "POST": (GONE, GONE, GONE, GONE, GONE)},
    "calls:call-edit": {"GET": (LOGIN, DENY, DENY, DENY, 200), "POST": (LOGIN, DENY, DENY, DENY, 200)},
    "calls:call-list": {"GET": (200, 200, 200, 200, 200), "POST": (GONE, GONE, GONE, GONE, GONE)},
    "calls:call-manage": {"GET": (LOGIN, DENY, DENY, DENY, 200), "POST": (GONE, GONE, GONE, GONE, GONE)},
    "calls:criterion-add": {"GET": (GONE, GONE, GONE, GONE, GONE), "POST": (LOGIN, DENY, DENY, DENY, 400)},
    "calls:decide": {"GET": (GONE, GONE, GONE, GONE, GONE), "POST": (LOGIN, DENY, DENY, DENY, 302)},
    "calls:partner-confirm": {"GET": (GONE, GONE, GONE, GONE, GONE), "POST": (LOGIN, DENY, DENY, DENY, DENY)},
    "calls:partner-invite": {"GET": (GONE, GONE, GONE, GONE, GONE), "POST": (LOGIN, 302, DENY, DENY, DENY)},
    "calls:partner-remove": {"GET": (GONE, GONE, GONE, GONE, GONE), "POST": (LOGIN, 302, DENY, DENY, DENY)},
    "calls:pitch-score": {"GET": (GONE, GONE, GONE, GONE, GONE), "POST": (LOGIN, DENY, DENY, 302, DENY)},
    "calls:pitch-session": {"GET": (LOGIN, DENY, DENY, 200, 200), "POST": (GONE, GONE, GONE, GONE, GONE)},
    "calls:pitch-session-close": {"GET": (GONE, GONE, GONE, GONE, GONE), "POST": (LOGIN, DENY, DENY, 302, 302)},
    "calls:pitch-session-create": {"GET": (GONE, GONE, GONE, GONE, GONE), "POST": (LOGIN, DENY, DENY, DENY, 400)},
    "calls:pitch-session-list": {"GET": (LOGIN, 200, 200, 200, 200), "POST": (GONE, GONE, GONE, GONE, GONE)},
    "calls:question-add": {"GET": (GONE, GONE, GONE, GONE, GONE), "POST": (LOGIN, DENY, DENY, DENY, 400)},
    "calls:ranking": {"GET": (LOGIN, DENY, DENY, DENY, 200), "POST": (GONE, GONE, GONE, GONE, GONE)},
    "calls:ranking-csv": {"GET": (LOGIN, DENY, DENY, DENY, 200), "POST": (GONE, GONE, GONE, GONE, GONE)},
    "calls:reminders-send": {"GET": (GONE, GONE, GONE, GONE, GONE), "POST": (LOGIN, DENY, DENY, DENY, 302)},
    "calls:review-conflict": {"GET": (GONE, GONE, GONE, GONE, GONE), "POST": (LOGIN, DENY, DENY, 302, DENY)},
    "calls:review-detail": {"GET": (LOGIN, DENY, DENY, 200, DENY), "POST": (LOGIN, DENY, DENY, 302, DENY)},
    "calls:review-list": {"GET": (LOGIN, 200, 200, 200, 200), "POST": (GONE, GONE, GONE, GONE, GONE)},
    "cocreation:area-add": {"GET": (LOGIN, DENY, DENY, DENY, GONE), "POST": (LOGIN, DENY, DENY, DENY, 302)},
    "cocreation:breakout-csv": {"GET": (LOGIN, DENY, DENY, DENY, 200), "POST": (LOGIN, DENY, DENY, DENY, GONE)},
    "cocreation:conclusions": {"GET": (200, 200, 200, 200, 200), "POST": (GONE, GONE, GONE, GONE, GONE)},
    "cocreation:conclusions-edit": {"GET": (LOGIN, DENY, DENY, DENY, 200), "POST": (LOGIN, DENY, DENY, DENY, 200)},
    "cocreation:conclusions-markdown": {"GET": (200, 200, 200, 200, 200), "POST": (GONE, GONE, GONE, GONE, GONE)},
    "cocreation:conclusions-pdf": {"GET": (200, 200, 200, 200, 200), "POST": (GONE, GONE, GONE, GONE, GONE)},
    "cocreation:contribute": {"GET": (LOGIN, 200, DENY, DENY, 200), "POST": (LOGIN, 200, DENY, DENY, 200)},
    "cocreation:contribution-list": {"GET": (LOGIN, 200, DENY, DENY, 200), "POST": (LOGIN, GONE, GONE, GONE, GONE)},
    "cocreation:live": {"GET": (LOGIN, DENY, DENY, DENY, 200), "POST": (LOGIN, DENY, DENY, DENY, 302)},
    "cocreation:live-board": {"GET": (LOGIN, DENY, DENY, DENY, 200), "POST": (LOGIN, DENY, DENY, DENY, GONE)},
    "cocreation:manage": {"GET": (LOGIN, DENY, DENY, DENY, 200), "POST": (LOGIN, DENY, DENY, DENY, 200)},
    "cocreation:my-route": {"GET": (LOGIN, 302, DENY, DENY, DENY), "POST": (LOGIN, GONE, GONE, GONE, GONE)},
    "cocreation:participant-add": {"GET": (LOGIN, DENY, DENY, DENY, GONE), "POST": (LOGIN, DENY, DENY, DENY, 302)},
    "cocreation:participants-import": {"GET": (LOGIN, DENY, DENY, DENY, GONE), "POST": (LOGIN, DENY, DENY, DENY, 302)},
    "cocreation:plan-start": {"GET": (LOGIN, DENY, DENY, DENY, GONE), "POST": (LOGIN, DENY, DENY, DENY, 302)},
    "cocreation:plan-status": {"GET": (LOGIN, DENY, DENY, DENY, 200), "POST": (LOGIN, DENY, DENY, DENY, GONE)},
    "cocreation:route": {"GET": (LOGIN, 200, DENY, DENY, 200), "POST": (LOGIN, 200, DENY, DENY, 200)},
    "cocreation:route-ics": {"GET": (LOGIN, 200, DENY, DENY, 200), "POST": (LOGIN, GONE, GONE, GONE, GONE)},
    "cocreation:setup-remove": {"GET": (LOGIN, DENY, DENY, DENY, GONE), "POST": (LOGIN, DENY, DENY, DENY, 302)},
    "cocreation:survey-answer": {"GET": (LOGIN, 200, DENY, DENY, 200), "POST": (LOGIN, 200, DENY, DENY, 200)},
    "cocreation:survey-manage": {"GET": (LOGIN, DENY, DENY, DENY, 200), "POST": (LOGIN, DENY, DENY, DENY, 200)},
    "cocreation:survey-question-add": {"GET": (LOGIN, DENY, DENY, DENY, GONE), "POST": (LOGIN, DENY, DENY, DENY, 302)},
    "cocreation:survey-results": {"GET": (LOGIN, DENY, DENY, DENY, 200), "POST": (LOGIN, DENY, DENY, DENY, GONE)},
    "cocreation:survey-toggle": {"GET": (LOGIN, DENY, DENY, DENY, GONE), "POST": (LOGIN, DENY, DENY, DENY, 302)},
    "cocreation:table-add": {"GET": (LOGIN, DENY, DENY, DENY, GONE), "POST": (LOGIN, DENY, DENY, DENY, 302)},
    "cocreation:table-plan": {"GET": (LOGIN, DENY, DENY, DENY, 200), "POST": (LOGIN, DENY, DENY, DENY, GONE)},
    "cocreation:themes": {"GET": (LOGIN, DENY, DENY, DENY, 200), "POST": (LOGIN, DENY, DENY, DENY, GONE)},
    "cocreation:themes-start": {"GET": (LOGIN, DENY, DENY, DENY, GONE), "POST": (LOGIN, DENY, DENY, DENY, 302)},
    "cocreation:vote": {"GET": (LOGIN, GONE, GONE, GONE, GONE), "POST": (LOGIN, 302, DENY, DENY, DENY)},
    "cocreation:workshop-create": {"GET": (LOGIN, DENY, DENY, DENY, 200), "POST": (LOGIN, DENY, DENY, DENY, 200)},
    "cocreation:workshop-detail": {"GET": (200, 200, 200, 200, 200), "POST": (GONE, GONE, GONE, GONE, GONE)},
    "cocreation:workshop-list": {"GET": (200, 200, 200, 200, 200), "POST": (GONE, GONE, GONE, GONE, GONE)},
    "core:accessibility": {"GET": (200, 200, 200, 200, 200), "POST": (GONE, GONE, GONE, GONE, GONE)},
    "core:home": {"GET": (200, 200, 200, 200, 200), "POST": (GONE, GONE, GONE, GONE, GONE)},
    "core:privacy": {"GET": (200, 200, 200, 200, 200), "POST": (GONE, GONE, GONE, GONE, GONE)},
    "directory:asset-detail": {"GET": (200, 200, 200, 200, 200), "POST": (GONE, GONE, GONE, GONE, GONE)},
    "directory:asset-export": {"GET": (LOGIN, DENY, DENY, DENY, 200), "POST": (LOGIN, DENY, DENY, DENY, GONE)},
    "directory:asset-list": {"GET": (200, 200, 200, 200, 200), "POST": (GONE, GONE, GONE, GONE, GONE)},
    "directory:import-preview": {"GET": (LOGIN, DENY, DENY, DENY, 200), "POST": (LOGIN, DENY, DENY, DENY, 400)},
    "directory:import-start": {"GET": (LOGIN, DENY, DENY, DENY, 200), "POST": (LOGIN, DENY, DENY, DENY, 200)},
    "directory:need-detail": {"GET": (200, 200, 200, 200, 200), "POST": (GONE, GONE, GONE, GONE, GONE)},
    "directory:need-export": {"GET": (LOGIN, DENY, DENY, DENY, 200), "POST": (LOGIN, DENY, DENY, DENY, GONE)},
    "directory:need-list": {"GET": (200, 200, 200, 200, 200), "POST": (GONE, GONE, GONE, GONE, GONE)},
    "directory:offer-detail": {"GET": (200, 200, 200, 200, 200), "POST": (GONE, GONE, GONE, GONE, GONE)},
    "directory:offer-export": {"GET": (LOGIN, DENY, DENY, DENY, 200), "POST": (LOGIN, DENY, DENY, DENY, GONE)},
    "directory:offer-list": {"GET": (200, 200, 200, 200, 200), "POST": (GONE, GONE, GONE, GONE, GONE)},
    "directory:organisation-create": {"GET": (LOGIN, 200, 200, 200, 200), "POST": (LOGIN, 200, 200, 200, 200)},
    "directory:organisation-delete": {"GET": (LOGIN, DENY, DENY, DENY, 200), "POST": (LOGIN, DENY, DENY, DENY, 302)},
    "directory:organisation-detail": {"GET": (200, 200, 200, 200, 200), "POST": (GONE, GONE, GONE, GONE, GONE)},
    "directory:organisation-edit": {"GET": (LOGIN, 200, DENY, DENY, 200), "POST": (LOGIN, 200, DENY, DENY, 200)},
    "directory:organisation-export": {"GET": (LOGIN, DENY, DENY, DENY, 200), "POST": (LOGIN, DENY, DENY, DENY, GONE)},
    "directory:organisation-list": {"GET": (200, 200, 200, 200, 200), "POST": (GONE, GONE, GONE, GONE, GONE)},
    "directory:organisation-merge": {"GET": (LOGIN, DENY, DENY, DENY, 200), "POST": (LOGIN, DENY, DENY, DENY, 200)},
    "directory:organisation-publication": {"GET": (LOGIN, DENY, DENY, DENY, GONE), "POST": (LOGIN, DENY, DENY, DENY, 302)},
    "directory:people-export": {"GET": (LOGIN, DENY, DENY, DENY, 200), "POST": (LOGIN, DENY, DENY, DENY, GONE)},
    "directory:person-create": {"GET": (LOGIN, 200, DENY, DENY, 200), "POST": (LOGIN, 200, DENY, DENY, 200)},
    "directory:person-delete": {"GET": (LOGIN, 200, DENY, DENY, 200), "POST": (LOGIN, 302, DENY, DENY, 302)},
    "directory:person-edit": {"GET": (LOGIN, 200, DENY, DENY, 200), "POST": (LOGIN, 200, DENY, DENY, 200)},
    "directory:product-detail": {"GET": (200, 200, 200, 200, 200), "POST": (GONE, GONE, GONE, GONE, GONE)},
    "directory:product-export": {"GET": (LOGIN, DENY, DENY, DENY, 200), "POST": (LOGIN, DENY, DENY, DENY, GONE)},
    "directory:product-list": {"GET": (200, 200, 200, 200, 200), "POST": (GONE, GONE, GONE, GONE, GONE)},
    "directory:record-create": {"GET": (LOGIN, 200, DENY, DENY, 200), "POST": (LOGIN, 200, DENY, DENY, 200)},
    "directory:record-delete": {"GET": (LOGIN, 200, DENY, DENY, 200), "POST": (LOGIN, 302, DENY, DENY, 302)},
    "directory:record-edit": {"GET": (LOGIN, 200, DENY, DENY, 200), "POST": (LOGIN, 200, DENY, DENY, 200)},
    "directory:record-publication": {"GET": (LOGIN, DENY, DENY, DENY, GONE), "POST": (LOGIN, DENY, DENY, DENY, 302)},
    "programmes:programme-create": {"GET": (LOGIN, DENY, DENY, DENY, 200), "POST": (LOGIN, DENY, DENY, DENY, 200)},
    "programmes:programme-delete": {"GET": (LOGIN, DENY, DENY, DENY, GONE), "POST": (LOGIN, DENY, DENY, DENY, 302)},
    "programmes:programme-detail": {"GET": (200, 200, 200, 200, 200), "POST": (GONE, GONE, GONE, GONE, GONE)},
    "programmes:programme-export": {"GET": (LOGIN, DENY, DENY, DENY, 200), "POST": (LOGIN, DENY, DENY, DENY, GONE)},
    "programmes:programme-edit": {"GET": (LOGIN, DENY, DENY, DENY, 200), "POST": (LOGIN, DENY, DENY, DENY, 200)},
    "programmes:programme-list": {"GET": (200, 200, 200, 200, 200), "POST": (GONE, GONE, GONE, GONE, GONE)},
    "events:agenda": {"GET": (LOGIN, 200, 200, DENY, DENY), "POST": (LOGIN, GONE, GONE, GONE, GONE)},
    "events:agenda-feed": {"GET": (LOGIN, GONE, GONE, GONE, GONE), "POST": (LOGIN, 302, 302, DENY, DENY)},
    "events:agenda-ics": {"GET": (LOGIN, 200, 200, DENY, DENY), "POST": (LOGIN, GONE, GONE, GONE, GONE)},
    "events:event-create": {"GET": (LOGIN, DENY, DENY, DENY, 200), "POST": (LOGIN, DENY, DENY, DENY, 200)},
    "events:event-detail": {"GET": (200, 200, 200, 200, 200), "POST": (GONE, GONE, GONE, GONE, GONE)},
    "events:event-edit": {"GET": (LOGIN, DENY, DENY, DENY, 200), "POST": (LOGIN, DENY, DENY, DENY, 200)},
    "events:event-list": {"GET": (200, 200, 200, 200, 200), "POST": (GONE, GONE, GONE, GONE, GONE)},
    "events:event-register": {"GET": (LOGIN, 200, 200, 302, 302), "POST": (LOGIN, 200, 200, 302, 302)},
    "events:feed": {"GET": (200, 200, 200, 200, 200), "POST": (GONE, GONE, GONE, GONE, GONE)},
    "events:grid": {"GET": (LOGIN, DENY, DENY, DENY, 200), "POST": (LOGIN, DENY, DENY, DENY, GONE)},
    "events:grid-setup": {"GET": (LOGIN, DENY, DENY, DENY, GONE), "POST": (LOGIN, DENY, DENY, DENY, 400)},
    "events:manage": {"GET": (LOGIN, DENY, DENY, DENY, 200), "POST": (LOGIN, DENY, DENY, DENY, GONE)},
    "events:manage-meetings": {"GET": (LOGIN, DENY, DENY, DENY, 200), "POST": (LOGIN, DENY, DENY, DENY, 200)},
    "events:meeting-cancel": {"GET": (LOGIN, GONE, GONE, GONE, GONE), "POST": (LOGIN, 302, DENY, DENY, 302)},
    "events:meeting-feedback": {"GET": (LOGIN, 200, 200, DENY, DENY), "POST": (LOGIN, 200, 200, DENY, DENY)},
    "events:meeting-list": {"GET": (LOGIN, 200, 200, DENY, DENY), "POST": (LOGIN, GONE, GONE, GONE, GONE)},
    "events:meeting-manage": {"GET": (LOGIN, DENY, DENY, DENY, GONE), "POST": (LOGIN, DENY, DENY, DENY, 302)},
    "events:meeting-request": {"GET": (LOGIN, 200, 200, DENY, DENY), "POST": (LOGIN, 200, 200, DENY, DENY)},
    "events:meeting-respond": {"GET": (LOGIN, GONE, GONE, GONE, GONE), "POST": (LOGIN, DENY, 302, DENY, DENY)},
    "events:participant-list": {"GET": (LOGIN, 200, 200, DENY, 200), "POST": (LOGIN, GONE, GONE, GONE, GONE)},
    "events:participation-edit": {"GET": (LOGIN, 200, 200, DENY, DENY), "POST": (LOGIN, 200, 200, DENY, DENY)},
    "events:registration-decide": {"GET": (LOGIN, DENY, DENY, DENY, GONE), "POST": (LOGIN, DENY, DENY, DENY, 302)},
    "events:remind": {"GET": (LOGIN, DENY, DENY, DENY, GONE), "POST": (LOGIN, DENY, DENY, DENY, 302)},
    "events:schedule-publish": {"GET": (LOGIN, DENY, DENY, DENY, GONE), "POST": (LOGIN, DENY, DENY, DENY, 302)},
    "events:schedule-run": {"GET": (LOGIN, DENY, DENY, DENY, GONE), "POST": (LOGIN, DENY, DENY, DENY, 302)},
    "events:schedule-status": {"GET": (LOGIN, DENY, DENY, DENY, 200), "POST": (LOGIN, DENY, DENY, DENY, GONE)},
    "events:tables-setup": {"GET": (LOGIN, DENY, DENY, DENY, GONE), "POST": (LOGIN, DENY, DENY, DENY, 400)},
    "healthz": {"GET": (200, 200, 200, 200, 200), "POST": (GONE, GONE, GONE, GONE, GONE)},
    "insights:dashboard": {"GET": (LOGIN, DENY, DENY, DENY, 200), "POST": (GONE, GONE, GONE, GONE, GONE)},
    "insights:export": {"GET": (LOGIN, DENY, DENY, DENY, 200), "POST": (GONE, GONE, GONE, GONE, GONE)},
    "insights:map": {"GET": (LOGIN, DENY, DENY, DENY, 200), "POST": (GONE, GONE, GONE, GONE, GONE)},
    "insights:network": {"GET": (LOGIN, DENY, DENY, DENY, 200), "POST": (GONE, GONE, GONE, GONE, GONE)},
    "insights:report": {"GET": (LOGIN, DENY, DENY, DENY, 200), "POST": (GONE, GONE, GONE, GONE, GONE)},
    "javascript-catalog": {"GET": (200, 200, 200, 200, 200), "POST": (GONE, GONE, GONE, GONE, GONE)},
    "matching:feedback": {"GET": (GONE, GONE, GONE, GONE, GONE), "POST": (LOGIN, 400, 400, 400, 400)},
    "matching:need-suggestions": {"GET": (200, 200, 200, 200, 200), "POST": (GONE, GONE, GONE, GONE, GONE)},
    "matching:needs-to-answer": {"GET": (LOGIN, 200, DENY, DENY, 200), "POST": (GONE, GONE, GONE, GONE, GONE)},
    "matching:organisation-suggestions": {"GET": (200, 200, 200, 200, 200), "POST": (GONE, GONE, GONE, GONE, GONE)},
    "partnerships:advance": {"GET": (GONE, GONE, GONE, GONE, GONE), "POST": (LOGIN, 302, DENY, DENY, 302)},
    "partnerships:checklist-toggle": {"GET": (GONE, GONE, GONE, GONE, GONE), "POST": (LOGIN, 302, DENY, DENY, 302)},
    "partnerships:consent": {"GET": (GONE, GONE, GONE, GONE, GONE), "POST": (LOGIN, 302, DENY, DENY, DENY)},
    "partnerships:create": {"GET": (LOGIN, 200, 200, DENY, 200), "POST": (LOGIN, 200, 200, DENY, 200)},
    "partnerships:detail": {"GET": (LOGIN, 200, DENY, DENY, 200), "POST": (GONE, GONE, GONE, GONE, GONE)},
    "partnerships:document-add": {"GET": (GONE, GONE, GONE, GONE, GONE), "POST": (LOGIN, 302, DENY, DENY, 302)},
    "partnerships:end": {"GET": (GONE, GONE, GONE, GONE, GONE), "POST": (LOGIN, 302, DENY, DENY, 302)},
    "partnerships:list": {"GET": (LOGIN, 200, 200, 200, 200), "POST": (GONE, GONE, GONE, GONE, GONE)},
    "partnerships:milestone-add": {"GET": (GONE, GONE, GONE, GONE, GONE), "POST": (LOGIN, 302, DENY, DENY, 302)},
    "partnerships:milestone-done": {"GET": (GONE, GONE, GONE, GONE, GONE), "POST": (LOGIN, 302, DENY, DENY, 302)},
    "partnerships:organisation-search": {"GET": (LOGIN, 200, 200, 200, 200), "POST": (GONE, GONE, GONE, GONE, GONE)},
    "partnerships:outcome-add": {"GET": (GONE, GONE, GONE, GONE, GONE), "POST": (LOGIN, 302, DENY, DENY, 302)},
    "partnerships:showcase": {"GET": (200, 200, 200, 200, 200), "POST": (GONE, GONE, GONE, GONE, GONE)},
    "partnerships:showcase-detail": {"GET": (DENY, DENY, DENY, DENY, DENY), "POST": (GONE, GONE, GONE, GONE, GONE)},
    "set_language": {"GET": (LOGIN, 302, 302, 302, 302), "POST": (LOGIN, 302, 302, 302, 302)},
}

# --- Walking the URL configuration -------------------------------------------------------


def url_pattern_names() -> list[str]:
    """Every named URL pattern as ``namespace:name``; unnamed ones as ``<unnamed …>``."""

    def walk(patterns: list, namespace: str) -> Iterator[str]:
        for entry in patterns:
            if isinstance(entry, URLResolver):
                inner = f"{namespace}:{entry.namespace}" if namespace and entry.namespace else (entry.namespace or namespace)
                yield from walk(entry.url_patterns, inner or "")
            elif isinstance(entry, URLPattern):
                if entry.name is None:
                    yield f"<unnamed {entry.pattern}>"
                else:
                    yield f"{namespace}:{entry.name}" if namespace else entry.name

    return sorted(set(walk(get_resolver().url_patterns, "")))


def web_pattern_names() -> list[str]:
    return [name for name in url_pattern_names() if not name.startswith(f"{API_NAMESPACE}:")]


def _request(world: World, role: str, method: str, url: str, **extra: Any) -> int:
    """The status ``role`` gets, inside a savepoint that is rolled back afterwards.

    The login happens inside the savepoint too: a request that cycles the session
    key would otherwise leave the client holding a session the rollback removed.
    """
    client = Client()
    with transaction.atomic():
        if role in world.users:
            client.force_login(world.users[role])
        try:
            status = getattr(client, method)(url, **extra).status_code
        except Exception as exc:  # a crash is a result too: report it as the server would
            status = 500
            print(f"{method.upper()} {url} as {role}: {exc!r}")  # noqa: T201 - shown with the failing test
        transaction.set_rollback(True)
    return status


def _matches(expected: int | frozenset, actual: int) -> bool:
    return actual in expected if isinstance(expected, frozenset) else actual == expected


def _needs_arguments(name: str) -> bool:
    try:
        reverse(name)
    except NoReverseMatch:
        return True
    return False


def test_every_url_pattern_has_a_rule():
    names = web_pattern_names()
    missing = [name for name in names if name not in RULES]
    without_arguments = [
        name for name in names if name not in ARGS and _needs_arguments(name)
    ]
    stale = [name for name in [*RULES, *ARGS] if name not in names]

    assert (missing, without_arguments, stale) == ([], [], []), (
        "Each URL pattern needs a rule in tests/trust/test_authorisation_matrix.py (RULES, and ARGS if it "
        f"takes arguments). Without a rule: {missing}; without arguments: {without_arguments}; "
        f"entries for patterns that no longer exist: {stale}"
    )


# POST endpoints that accept requests from other sites by design (read-only protocols).
CSRF_EXEMPT = {"api:oai"}


def test_every_post_without_a_csrf_token_is_refused(world):
    """A logged-in member of A posting to any URL without the CSRF token gets 403."""
    accepted = []
    for name in web_pattern_names():
        if name not in RULES or name in CSRF_EXEMPT or RULES[name]["POST"][1] == GONE:
            continue
        url = reverse(name, kwargs=ARGS[name](world) if name in ARGS else None)
        client = Client(enforce_csrf_checks=True)
        with transaction.atomic():
            client.force_login(world.users["member_a"])
            status = client.post(url).status_code
            transaction.set_rollback(True)
        if status != 403:
            accepted.append(f"{name}: {status}")

    assert accepted == []


@pytest.mark.parametrize("method", ["get", "post"])
def test_every_role_gets_the_expected_status_on_every_url(world, method):
    mismatches = []
    for name in web_pattern_names():
        if name not in RULES:
            continue
        url = reverse(name, kwargs=ARGS[name](world) if name in ARGS else None)
        for role, expected in zip(ROLES, RULES[name][method.upper()], strict=True):
            actual = _request(world, role, method, url)
            if not _matches(expected, actual):
                mismatches.append(f"{method.upper()} {name} as {role}: expected {expected}, got {actual}")

    assert mismatches == []


# --- The REST API -----------------------------------------------------------------------

API_RULES: dict[str, tuple] = {
    "DELETE /api/v1/assets/{record_id}": (401, 204, DENY, DENY, 204),
    "DELETE /api/v1/needs/{record_id}": (401, 204, DENY, DENY, 204),
    "DELETE /api/v1/offers/{record_id}": (401, 204, DENY, DENY, 204),
    "DELETE /api/v1/products/{record_id}": (401, 204, DENY, DENY, 204),
    "GET /api/v1/assets": (200, 200, 200, 200, 200),
    "GET /api/v1/assets/{record_id}": (200, 200, 200, 200, 200),
    "GET /api/v1/conclusions": (200, 200, 200, 200, 200),
    "GET /api/v1/conclusions/{slug}": (200, 200, 200, 200, 200),
    "GET /api/v1/events": (200, 200, 200, 200, 200),
    "GET /api/v1/events/{slug}": (200, 200, 200, 200, 200),
    "GET /api/v1/needs": (200, 200, 200, 200, 200),
    "GET /api/v1/needs/{record_id}": (200, 200, 200, 200, 200),
    "GET /api/v1/offers": (200, 200, 200, 200, 200),
    "GET /api/v1/offers/{record_id}": (200, 200, 200, 200, 200),
    "GET /api/v1/organisations": (200, 200, 200, 200, 200),
    "GET /api/v1/organisations/{slug}": (200, 200, 200, 200, 200),
    "GET /api/v1/organisations/{slug}/people": (200, 200, 200, 200, 200),
    "GET /api/v1/partnerships": (200, 200, 200, 200, 200),
    "GET /api/v1/partnerships/{partnership_id}": (DENY, DENY, DENY, DENY, DENY),
    "GET /api/v1/products": (200, 200, 200, 200, 200),
    "GET /api/v1/programmes": (200, 200, 200, 200, 200),
    "GET /api/v1/programmes/{code}": (200, 200, 200, 200, 200),
    "GET /api/v1/recommendations": (401, 200, DENY, DENY, 200),
    "GET /api/v1/products/{record_id}": (200, 200, 200, 200, 200),
    "PATCH /api/v1/assets/{record_id}": (401, 200, DENY, DENY, 200),
    "PATCH /api/v1/needs/{record_id}": (401, 200, DENY, DENY, 200),
    "PATCH /api/v1/offers/{record_id}": (401, 200, DENY, DENY, 200),
    "PATCH /api/v1/organisations/{slug}": (401, 200, DENY, DENY, 200),
    "PATCH /api/v1/products/{record_id}": (401, 200, DENY, DENY, 200),
    "POST /api/v1/assets": (401, 422, DENY, DENY, 422),
    "POST /api/v1/needs": (401, 422, DENY, DENY, 422),
    "POST /api/v1/offers": (401, 422, DENY, DENY, 422),
    "POST /api/v1/products": (401, 422, DENY, DENY, 422),
    "POST /api/v1/recommendations/verdicts": (401, 200, DENY, DENY, 200),
}
def _published_conclusions(world: World) -> dict[str, Any]:
    """A published workshop with published conclusions: public to every role (drafts: tests/api)."""
    workshop = make_workshop()
    Conclusions.objects.create(workshop=workshop, title="Wnioski", body="Tekst.", is_published=True)
    return {"slug": workshop.slug}


API_ARGS: dict[str, Args] = {
    "/api/v1/conclusions/{slug}": _published_conclusions,
    "/api/v1/assets/{record_id}": lambda w: {"record_id": w.asset.pk},
    "/api/v1/needs/{record_id}": lambda w: {"record_id": w.need.pk},
    "/api/v1/offers/{record_id}": lambda w: {"record_id": w.offer.pk},
    "/api/v1/products/{record_id}": lambda w: {"record_id": w.product.pk},
    "/api/v1/events/{slug}": EVENT,
    "/api/v1/programmes/{code}": PROGRAMME,
    "/api/v1/organisations/{slug}": ORG,
    "/api/v1/organisations/{slug}/people": ORG,
    "/api/v1/partnerships/{partnership_id}": lambda w: {"partnership_id": w.partnership.pk},
}
# Required query parameters, pointed at A as well.
API_QUERY: dict[str, Args] = {
    "/api/v1/recommendations": ORG_QUERY,
}


# Bodies complete enough to reach the ownership check, for operations whose fields are all required.
API_BODIES: dict[str, Args] = {
    "/api/v1/recommendations/verdicts": lambda w: {
        "organisation": w.org_a.slug, "suggested": w.org_b.slug, "useful": True, "rank": 1, "score": 0.5,
    },
}


def _api_body(method: str, world: World, path: str = "") -> str:
    """An empty change, or a new record claimed for organisation A (so that ownership is checked)."""
    if path in API_BODIES:
        return json.dumps(API_BODIES[path](world))
    return json.dumps({"organisation": world.org_a.slug} if method == "POST" else {})


def _api_operations(client: Client) -> list[str]:
    document = client.get("/api/v1/openapi.json").json()
    return sorted(
        f"{method.upper()} {path}"
        for path, operations in document["paths"].items()
        for method in operations
        if method in {"get", "post", "put", "patch", "delete"}
    )


def test_every_api_operation_has_a_rule(db):
    operations = _api_operations(Client())
    missing = [operation for operation in operations if operation not in API_RULES]
    stale = [operation for operation in API_RULES if operation not in operations]

    assert (missing, stale) == ([], []), (
        "Each API operation needs a rule in tests/trust/test_authorisation_matrix.py (API_RULES). "
        f"Without a rule: {missing}; rules for operations that no longer exist: {stale}"
    )


def test_every_role_gets_the_expected_status_on_every_api_operation(world):
    headers = {"anonymous": {}}
    for role, user in world.users.items():
        _token, raw = create_api_token(user, name="matrix")
        headers[role] = {"HTTP_AUTHORIZATION": f"Bearer {raw}"}
    mismatches = []
    for operation in _api_operations(Client()):
        if operation not in API_RULES:
            continue
        method, path = operation.split(" ", 1)
        url = path.format(**API_ARGS[path](world)) if "{" in path else path
        if path in API_QUERY:
            url += "?" + urlencode(API_QUERY[path](world))
        for role, expected in zip(ROLES, API_RULES[operation], strict=True):
            extra = {"data": _api_body(method, world, path), "content_type": "application/json"} if method in {"POST", "PUT", "PATCH"} else {}
            actual = _request(world, "anonymous", method.lower(), url, **extra, **headers[role])
            if not _matches(expected, actual):
                mismatches.append(f"{operation} as {role}: expected {expected}, got {actual}")

    assert mismatches == []


# --- Drafts: records only their organisation and the operators may see ---------------------

DRAFT_RULE = (404, 200, 404, 404, 200)


@pytest.mark.parametrize("kind", ["need", "offer", "asset", "product"])
def test_a_draft_record_is_seen_only_by_its_organisation_and_operators(world, kind):
    record = make_record(kind, world.org_a, title="Szkic: jeszcze nie publikować", publication=Publication.DRAFT)
    page = reverse(f"directory:{kind}-detail", args=[record.pk])
    api = f"/api/v1/{kind}s/{record.pk}"
    headers = {"anonymous": {}}
    for role, user in world.users.items():
        _token, raw = create_api_token(user, name="drafts")
        headers[role] = {"HTTP_AUTHORIZATION": f"Bearer {raw}"}

    seen = {
        "page": tuple(_request(world, role, "get", page) for role in ROLES),
        "api": tuple(_request(world, "anonymous", "get", api, **headers[role]) for role in ROLES),
    }

    assert seen == {"page": DRAFT_RULE, "api": DRAFT_RULE}
