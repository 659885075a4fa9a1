import pytest
from django.http import Http404

from sache.directory.enums import OrganisationKind
from sache.events import selectors
from sache.events.enums import EventPublication, MeetingStatus, RegistrationStatus
from tests.factories.accounts import make_operator, make_user
from tests.factories.directory import make_member, make_organisation
from tests.factories.events import make_event, make_meeting, make_registration

pytestmark = [pytest.mark.integration, pytest.mark.django_db]


def test_events_visible_to_hides_drafts_from_everyone_but_operators():
    published = make_event()
    draft = make_event(publication=EventPublication.DRAFT)

    assert list(selectors.events_visible_to(make_user())) == [published]
    assert sorted(event.pk for event in selectors.events_visible_to(make_operator())) == [published.pk, draft.pk]


def test_current_registration_prefers_the_approved_one_and_only_returns_own():
    event = make_event()
    user = make_user()
    pending_org, approved_org = make_organisation(), make_organisation()
    make_member(pending_org, user)
    make_member(approved_org, user)
    make_registration(event, pending_org, status=RegistrationStatus.PENDING)
    approved = make_registration(event, approved_org)
    foreign = make_registration(event)

    assert selectors.current_registration(user, event) == approved
    assert selectors.current_registration(user, event, registration_id=foreign.pk) is None


def test_participants_visible_to_is_empty_for_pending_participants():
    event = make_event()
    make_registration(event)
    user = make_user()
    organisation = make_organisation()
    make_member(organisation, user)
    make_registration(event, organisation, status=RegistrationStatus.PENDING)

    assert list(selectors.participants_visible_to(user, event)) == []


def test_get_meeting_for_hides_other_peoples_meetings():
    event = make_event()
    meeting = make_meeting(make_registration(event), make_registration(event))

    with pytest.raises(Http404):
        selectors.get_meeting_for(make_user(), event, meeting.pk)
    assert selectors.get_meeting_for(make_operator(), event, meeting.pk) == meeting


def test_suggested_partners_ranks_shared_interests_and_complementary_kinds_and_skips_taken_pairs():
    event = make_event()
    museum = make_registration(
        event, make_organisation(kind=OrganisationKind.MUSEUM, heritage_domains=["archaeology"], competences=["ar_vr"])
    )
    best = make_registration(
        event,
        make_organisation(name="AR Studio", kind=OrganisationKind.CREATIVE_BUSINESS, heritage_domains=["archaeology"], competences=["ar_vr"]),
    )
    complementary = make_registration(event, make_organisation(name="Games", kind=OrganisationKind.CREATIVE_BUSINESS))
    make_registration(event, make_organisation(name="Other museum", kind=OrganisationKind.MUSEUM))
    asked = make_registration(event, make_organisation(name="Asked", kind=OrganisationKind.CREATIVE_BUSINESS))
    declined = make_registration(event, make_organisation(name="Declined", kind=OrganisationKind.CREATIVE_BUSINESS))
    make_meeting(museum, asked, status=MeetingStatus.REQUESTED)
    make_meeting(declined, museum, status=MeetingStatus.DECLINED)

    suggestions = selectors.suggested_partners(museum)

    names = [s.registration.organisation.name for s in suggestions]
    assert suggestions[0].registration == best
    assert any("archaeology" in reason.lower() for reason in suggestions[0].reasons)
    assert "Asked" not in names
    assert complementary in [s.registration for s in suggestions]


def test_agenda_for_lists_published_meetings_in_slot_order():
    event = make_event(slots=3, tables=1)
    mine = make_registration(event)
    first_partner, second_partner = make_registration(event), make_registration(event)
    slot0, _slot1, slot2 = event.slots.all()
    make_meeting(second_partner, mine, published_slot=slot2)
    make_meeting(mine, first_partner, published_slot=slot0)
    make_meeting(mine, make_registration(event), slot=slot0)  # computed only

    agenda = selectors.agenda_for(mine, published=True)

    assert [(entry.slot, entry.partner) for entry in agenda] == [(slot0, first_partner), (slot2, second_partner)]


def test_event_figures_count_by_status():
    event = make_event(slots=1, tables=1)
    first, second = make_registration(event), make_registration(event)
    make_registration(event, status=RegistrationStatus.PENDING)
    make_meeting(first, second, slot=event.slots.get())
    make_meeting(second, first, status=MeetingStatus.REQUESTED)

    assert selectors.event_figures(event) == selectors.EventFigures(
        registrations=3, approved=2, pending=1, requested=1, accepted=1, scheduled=1
    )


def test_suggestions_are_ranked_once_and_a_new_request_removes_its_pair_at_once(monkeypatch):
    from sache.matching import selectors as matching_selectors

    event = make_event()
    museum = make_registration(event, make_organisation(kind=OrganisationKind.MUSEUM, competences=["ar_vr"]))
    studio = make_registration(event, make_organisation(name="AR Studio", kind=OrganisationKind.CREATIVE_BUSINESS, competences=["ar_vr"]))
    make_registration(event, make_organisation(name="Games", kind=OrganisationKind.CREATIVE_BUSINESS))
    calls = []
    real_rank_among = matching_selectors.rank_among
    monkeypatch.setattr(matching_selectors, "rank_among", lambda *a, **k: calls.append(1) or real_rank_among(*a, **k))

    first = [s.registration for s in selectors.suggested_partners(museum)]
    make_meeting(museum, studio, status=MeetingStatus.REQUESTED)
    second = [s.registration for s in selectors.suggested_partners(museum)]
    newcomer = make_registration(event, make_organisation(name="Newcomer", kind=OrganisationKind.CREATIVE_BUSINESS, competences=["ar_vr"]))
    third = [s.registration for s in selectors.suggested_partners(museum)]

    assert first[0] == studio
    assert second == first[1:]
    assert newcomer in third
    assert len(calls) == 2  # once, and again only because the participants changed
