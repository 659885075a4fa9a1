"""A small hub with two member organisations, a reviewer and an operator.

Every kind of record exists once for organisation A, so that each URL pattern
can be pointed at A's objects and requested by every role.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any

import pytest

from sache.accounts.enums import Role
from sache.accounts.services import invite_user
from sache.api.services import create_api_token
from sache.calls.models import Pitch, PitchSession
from sache.cocreation.enums import Sector
from sache.cocreation.models import Conclusions, Survey, SurveyQuestion, WorkshopParticipant
from sache.directory.enums import OrganisationKind
from sache.directory.models import ImportBatch
from sache.events.enums import MeetingStatus
from sache.events.services.schedule import create_agenda_feed
from sache.matching import index
from sache.partnerships import services as partnership_services
from sache.partnerships.enums import CHECKLIST
from tests.factories.accounts import make_operator, make_user
from tests.factories.calls import (
    make_application,
    make_assignment,
    make_call,
    make_submitted_application,
)
from tests.factories.cocreation import make_area, make_contribution, make_table, make_workshop
from tests.factories.directory import (
    make_asset,
    make_member,
    make_need,
    make_offer,
    make_organisation,
    make_person,
    make_product,
)
from tests.factories.events import make_event, make_meeting, make_registration
from tests.factories.programmes import make_programme

ROLES = ("anonymous", "member_a", "member_b", "reviewer", "operator")


@pytest.fixture(autouse=True)
def fresh_matching_index():
    # The process-wide matching index is built from this test's rows, once.
    index.reset()
    yield
    index.reset()


@dataclass
class World:
    users: dict[str, Any]
    objects: dict[str, Any] = field(default_factory=dict)
    secrets: dict[str, str] = field(default_factory=dict)

    def __getattr__(self, name: str) -> Any:
        try:
            return self.objects[name]
        except KeyError as exc:
            raise AttributeError(name) from exc


@pytest.fixture
def world(db) -> World:
    operator = make_operator(email="operator@example.org")
    reviewer = make_user(email="reviewer@example.org", is_reviewer=True)
    member_a = make_user(email="member-a@example.org")
    member_b = make_user(email="member-b@example.org")
    org_a = make_organisation(name="Muzeum A", kind=OrganisationKind.MUSEUM)
    org_b = make_organisation(name="Studio B", kind=OrganisationKind.CREATIVE_BUSINESS)
    org_c = make_organisation(name="Studio C", kind=OrganisationKind.CREATIVE_BUSINESS)
    person_a = make_member(org_a, member_a)
    make_member(org_b, member_b)
    contact_a = make_person(org_a)

    programme = make_programme(code="CE-SACHE")
    event = make_event(slots=4, tables=2, programme=programme)
    registration_a = make_registration(event, org_a)
    registration_b = make_registration(event, org_b)
    registration_a.representatives.add(person_a)
    meeting = make_meeting(registration_a, registration_b, status=MeetingStatus.REQUESTED)

    partnership = partnership_services.open_partnership(
        title="Przewodnik AR", lead=org_a, partners=[org_c], actor=member_a
    )
    milestone = partnership_services.add_milestone(
        partnership, title="Prototyp", due_date=date(2026, 6, 1), actor=member_a
    )
    batch = ImportBatch.objects.create(
        kind=ImportBatch.Kind.ORGANISATIONS, filename="orgs.csv", content=b"name\nX\n", created_by=operator
    )
    token, _raw = create_api_token(member_a, name="website")
    _invitation, invitation_token = invite_user(
        "new@example.org", role=Role.MEMBER, organisation=org_a, actor=operator
    )
    feed_token = create_agenda_feed(registration_a, actor=member_a)

    # Calls: A's draft application (C invited as partner), A's submitted one reviewed by the
    # reviewer, and a pitching session whose only juror is the reviewer.
    call = make_call()
    application = make_application(call, lead=org_a, partners=[org_c], title="Szkic wniosku A")
    submitted = make_submitted_application(call, lead=org_a, partners=[org_c], title="Wniosek A")
    assignment = make_assignment(submitted, reviewer)
    pitch_session = PitchSession.objects.create(call=call, title="Prezentacje")
    pitch_session.jurors.add(reviewer)
    pitch = Pitch.objects.create(session=pitch_session, application=submitted)

    # Co-creation: a published workshop where A's member takes part; B's member does not.
    workshop = make_workshop()
    participant_a = WorkshopParticipant.objects.create(workshop=workshop, person=person_a, sector=Sector.HERITAGE)
    area = make_area(workshop, title="Archiwa", question="Jak otworzyć archiwa?", host=participant_a)
    table = make_table(workshop, area=area)
    contribution = make_contribution(workshop, area, author=member_a)
    Conclusions.objects.create(workshop=workshop, title="Wnioski", body="# Wnioski", is_published=True)
    survey = Survey.objects.create(workshop=workshop, title="Ankieta")
    SurveyQuestion.objects.create(survey=survey, text="Czy warto?", choices=["tak", "nie"])

    return World(
        users={"operator": operator, "reviewer": reviewer, "member_a": member_a, "member_b": member_b},
        objects={
            "org_a": org_a,
            "org_b": org_b,
            "person_a": contact_a,
            "need": make_need(org_a),
            "offer": make_offer(org_a),
            "asset": make_asset(org_a),
            "product": make_product(org_a),
            "event": event,
            "programme": programme,
            "registration_a": registration_a,
            "registration_b": registration_b,
            "meeting": meeting,
            "partnership": partnership,
            "milestone": milestone,
            "checklist_code": CHECKLIST[0].code,
            "batch": batch,
            "token": token,
            "call": call,
            "application": application,
            "application_partner": application.partners.get(),
            "submitted": submitted,
            "assignment": assignment,
            "pitch_session": pitch_session,
            "pitch": pitch,
            "workshop": workshop,
            "participant_a": participant_a,
            "table": table,
            "contribution": contribution,
            "survey": survey,
        },
        secrets={"invitation": invitation_token, "feed": feed_token},
    )
