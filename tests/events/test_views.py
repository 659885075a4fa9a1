import icalendar
import pytest
from django.urls import reverse

from sache.events.enums import (
    EventPublication,
    MeetingStatus,
    RegistrationStatus,
    RunStatus,
    ScheduleStatus,
)
from sache.events.models import Meeting, Registration, ScheduleRun
from tests.factories.accounts import make_operator, make_user
from tests.factories.directory import make_member, make_organisation
from tests.factories.events import make_event, make_meeting, make_registration

pytestmark = [pytest.mark.integration, pytest.mark.django_db]


def _participant(event, *, status=RegistrationStatus.APPROVED, name=None):
    organisation = make_organisation(name=name)
    user = make_user()
    make_member(organisation, user)
    return user, make_registration(event, organisation, status=status)


def test_event_list_shows_published_events_only_to_anonymous_visitors(client):
    make_event(title="Rzeszów Heritage Meets Creative")
    make_event(title="Secret draft", publication=EventPublication.DRAFT)

    response = client.get(reverse("events:event-list"))

    assert [event.title for event in response.context["events"]] == ["Rzeszów Heritage Meets Creative"]
    assert "Secret draft" not in response.content.decode()


@pytest.mark.parametrize("count", [1, 3])
def test_event_list_query_count_does_not_grow_with_events(client, django_assert_num_queries, count):
    for _ in range(count):
        make_event()

    with django_assert_num_queries(1):
        client.get(reverse("events:event-list"))


def test_draft_event_is_hidden_from_members_and_shown_to_operators(client):
    event = make_event(publication=EventPublication.DRAFT)
    client.force_login(make_user())
    assert client.get(event.get_absolute_url()).status_code == 404

    client.force_login(make_operator())
    response = client.get(event.get_absolute_url())
    assert (response.status_code, response.context["event"]) == (200, event)


def test_member_registers_their_organisation_and_waits_for_approval(client):
    event = make_event(slots=2)
    organisation = make_organisation(name="Muzeum Okręgowe")
    user = make_user()
    person = make_member(organisation, user)
    client.force_login(user)

    response = client.post(
        reverse("events:event-register", args=[event.slug]),
        {"organisation": organisation.pk, "representatives": [person.pk], "max_meetings": "6",
         "unavailable_slots": [event.slots.first().pk], "motivation": "AR partners"},
    )

    assert response.status_code == 302
    registration = Registration.objects.get()
    assert (registration.organisation, registration.status, registration.max_meetings, registration.motivation) == (
        organisation, RegistrationStatus.PENDING, 6, "AR partners"
    )


def test_registering_an_organisation_one_is_not_a_member_of_is_refused(client):
    event = make_event()
    user = make_user()
    make_member(make_organisation(), user)
    stranger = make_organisation()
    client.force_login(user)

    response = client.post(reverse("events:event-register", args=[event.slug]), {"organisation": stranger.pk})

    assert response.status_code == 200
    assert "organisation" in response.context["form"].errors
    assert Registration.objects.count() == 0


def test_participant_list_is_for_approved_participants_and_hides_pending_ones(client):
    event = make_event()
    user, _mine = _participant(event, name="Muzeum")
    _other_user, other = _participant(event, name="Studio AR")
    _pending_user, pending = _participant(event, status=RegistrationStatus.PENDING, name="Pending Ltd")
    outsider = make_user()

    client.force_login(outsider)
    assert client.get(reverse("events:participant-list", args=[event.slug])).status_code == 404
    client.force_login(user)
    response = client.get(reverse("events:participant-list", args=[event.slug]))

    assert [registration.organisation.name for registration in response.context["participants"]] == ["Muzeum", "Studio AR"]
    assert "Pending Ltd" not in response.content.decode()


@pytest.mark.parametrize("count", [1, 3])
def test_participant_list_query_count_does_not_grow_with_participants(client, django_assert_num_queries, count):
    event = make_event()
    user, _mine = _participant(event)
    for _ in range(count):
        make_registration(event)
    client.force_login(user)

    with django_assert_num_queries(11):
        client.get(reverse("events:participant-list", args=[event.slug]))


def test_one_click_request_from_suggestions_creates_a_request(client):
    event = make_event()
    user, mine = _participant(event)
    _other_user, other = _participant(event)
    client.force_login(user)

    response = client.post(
        reverse("events:meeting-request", args=[event.slug, other.pk]), {"priority": "2", "session": "any"}
    )

    assert response.status_code == 302
    assert list(Meeting.objects.values_list("requester", "recipient", "status")) == [(mine.pk, other.pk, MeetingStatus.REQUESTED)]


def test_request_to_a_pending_registration_is_not_found(client):
    event = make_event()
    user, _mine = _participant(event)
    _other_user, pending = _participant(event, status=RegistrationStatus.PENDING)
    client.force_login(user)

    response = client.post(reverse("events:meeting-request", args=[event.slug, pending.pk]), {"priority": "2", "session": "any"})

    assert (response.status_code, Meeting.objects.count()) == (404, 0)


def test_only_the_recipient_answers_a_request(client):
    event = make_event()
    requester_user, requester = _participant(event)
    recipient_user, recipient = _participant(event)
    meeting = make_meeting(requester, recipient, status=MeetingStatus.REQUESTED)
    url = reverse("events:meeting-respond", args=[event.slug, meeting.pk])

    client.force_login(requester_user)
    assert client.post(url, {"answer": "accept"}).status_code == 403
    client.force_login(recipient_user)
    client.post(url, {"answer": "accept"})

    meeting.refresh_from_db()
    assert meeting.status == MeetingStatus.ACCEPTED


def test_outsider_cannot_see_or_cancel_a_meeting(client):
    event = make_event()
    _u1, first = _participant(event)
    _u2, second = _participant(event)
    outsider_user, _outsider = _participant(event)
    meeting = make_meeting(first, second)
    client.force_login(outsider_user)

    response = client.post(reverse("events:meeting-cancel", args=[event.slug, meeting.pk]))

    meeting.refresh_from_db()
    assert (response.status_code, meeting.status) == (404, MeetingStatus.ACCEPTED)


def test_meeting_list_shows_incoming_requests_and_suggestions(client):
    event = make_event()
    user, mine = _participant(event, name="Muzeum")
    _u, asker = _participant(event, name="Asker")
    _u, suggested = _participant(event, name="Suggested Studio")
    mine.organisation.heritage_domains = ["archaeology"]
    mine.organisation.save()
    suggested.organisation.heritage_domains = ["archaeology"]
    suggested.organisation.save()
    make_meeting(asker, mine, status=MeetingStatus.REQUESTED, message="Hello")
    client.force_login(user)

    response = client.get(reverse("events:meeting-list", args=[event.slug]))

    assert [meeting.requester.organisation.name for meeting in response.context["incoming"]] == ["Asker"]
    assert [suggestion.registration.organisation.name for suggestion in response.context["suggestions"]] == ["Suggested Studio"]


def _published_agenda(event):
    user, mine = _participant(event, name="Muzeum Okręgowe")
    _u, partner = _participant(event, name="Studio Pixel")
    _u, late = _participant(event, name="Late Partner")
    slot0, slot1 = event.slots.all()[:2]
    table = event.tables.first()
    make_meeting(mine, partner, slot=slot0, table=table, published_slot=slot0, published_table=table, message="Let us talk AR")
    make_meeting(late, mine, slot=slot1, table=table)  # computed, not yet published
    return user, mine


def test_agenda_shows_only_published_meetings(client):
    event = make_event(slots=3, tables=2, schedule_status=ScheduleStatus.PRELIMINARY)
    user, _mine = _published_agenda(event)
    client.force_login(user)

    response = client.get(reverse("events:agenda", args=[event.slug]))

    assert [entry.partner.organisation.name for entry in response.context["entries"]] == ["Studio Pixel"]
    assert "Late Partner" not in response.content.decode()


def test_agenda_ics_download_is_a_valid_calendar(client):
    event = make_event(slots=3, tables=2, schedule_status=ScheduleStatus.FINAL, venue="Zamek Lubomirskich", title="Rzeszów B2B")
    user, _mine = _published_agenda(event)
    client.force_login(user)

    response = client.get(reverse("events:agenda-ics", args=[event.slug]))

    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    calendar = icalendar.Calendar.from_ical(response.content)
    items = list(calendar.walk("VEVENT"))
    slot = event.slots.first()
    assert [(str(item["summary"]), item.decoded("dtstart"), item.decoded("dtend"), str(item["location"])) for item in items] == [
        ("Rzeszów B2B: Studio Pixel", slot.starts_at, slot.ends_at, "Table 1, Zamek Lubomirskich")
    ]
    assert str(items[0]["description"]) == "Let us talk AR"


def test_agenda_ics_of_an_outsider_is_not_found(client):
    event = make_event(slots=3, tables=2, schedule_status=ScheduleStatus.FINAL)
    _published_agenda(event)
    client.force_login(make_user())

    assert client.get(reverse("events:agenda-ics", args=[event.slug])).status_code == 404


def test_subscribable_feed_is_shown_once_works_anonymously_and_can_be_revoked(client):
    event = make_event(slots=3, tables=2, schedule_status=ScheduleStatus.FINAL)
    user, _mine = _published_agenda(event)
    client.force_login(user)

    client.post(reverse("events:agenda-feed", args=[event.slug]), {"action": "create"})
    feed_url = client.get(reverse("events:agenda", args=[event.slug])).context["feed_url"]
    again = client.get(reverse("events:agenda", args=[event.slug])).context["feed_url"]
    client.logout()
    feed = client.get(feed_url)

    assert again is None
    assert [str(item["summary"]).split(": ")[1] for item in icalendar.Calendar.from_ical(feed.content).walk("VEVENT")] == ["Studio Pixel"]
    client.force_login(user)
    client.post(reverse("events:agenda-feed", args=[event.slug]), {"action": "revoke"})
    client.logout()
    assert client.get(feed_url).status_code == 404


def test_feedback_form_records_the_wish_to_continue(client):
    event = make_event(slots=3, tables=2, schedule_status=ScheduleStatus.FINAL)
    user, mine = _published_agenda(event)
    meeting = Meeting.objects.get(published_slot__isnull=False)
    client.force_login(user)

    client.post(reverse("events:meeting-feedback", args=[event.slug, meeting.pk]), {"wants_to_continue": "on", "comment": "Great"})

    assert list(meeting.feedback.values_list("registration_id", "wants_to_continue", "comment")) == [(mine.pk, True, "Great")]


def test_organiser_desk_is_for_operators_only(client):
    event = make_event()
    member, _registration = _participant(event)
    client.force_login(member)
    assert client.get(reverse("events:manage", args=[event.slug])).status_code == 403
    assert client.post(reverse("events:schedule-publish", args=[event.slug]), {"stage": "final"}).status_code == 403

    client.force_login(make_operator())
    response = client.get(reverse("events:manage", args=[event.slug]))
    assert response.context["figures"].approved == 1


def test_operator_approves_a_registration(client):
    event = make_event()
    _user, registration = _participant(event, status=RegistrationStatus.PENDING)
    client.force_login(make_operator())

    client.post(reverse("events:registration-decide", args=[event.slug, registration.pk]), {"action": "approve"})

    registration.refresh_from_db()
    assert registration.status == RegistrationStatus.APPROVED


def test_operator_sets_up_the_grid_and_bad_input_keeps_what_was_typed(client):
    event = make_event()
    client.force_login(make_operator())

    bad = client.post(
        reverse("events:grid-setup", args=[event.slug]),
        {"days": "2026-05-14\n14/05/2026", "day_start": "09:00", "day_end": "12:00", "slot_minutes": "30", "breaks": ""},
    )
    good = client.post(
        reverse("events:grid-setup", args=[event.slug]),
        {"days": "2026-05-14", "day_start": "09:00", "day_end": "12:00", "slot_minutes": "30", "breaks": "10:00-10:30"},
    )

    assert bad.status_code == 400
    assert bad.context["grid_form"]["days"].value() == "2026-05-14\n14/05/2026"
    assert good.status_code == 302
    assert event.slots.count() == 5


def test_operator_forces_and_blocks_meetings(client):
    event = make_event(slots=2, tables=1)
    _u, first = _participant(event)
    _u, second = _participant(event)
    _u, third = _participant(event)
    client.force_login(make_operator())
    url = reverse("events:manage-meetings", args=[event.slug])

    client.post(url, {"first": first.pk, "second": second.pk, "action": "force", "fixed_slot": event.slots.first().pk})
    client.post(url, {"first": first.pk, "second": third.pk, "action": "block"})

    assert list(Meeting.objects.order_by("id").values_list("recipient", "status", "forced")) == [
        (second.pk, MeetingStatus.ACCEPTED, True),
        (third.pk, MeetingStatus.BLOCKED, False),
    ]


def test_schedule_run_over_htmx_answers_with_the_status_box(client, settings):
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend", "QUEUES": ["default", "mail"]}}
    event = make_event(slots=2, tables=1)
    client.force_login(make_operator())

    response = client.post(reverse("events:schedule-run", args=[event.slug]), headers={"HX-Request": "true"})

    assert [template.name for template in response.templates][0] == "events/partials/run_status.html"
    assert ScheduleRun.objects.get().status == RunStatus.QUEUED
    assert 'hx-trigger="every 2s"' in response.content.decode()


def test_grid_shows_each_meeting_in_its_slot_and_table(client):
    event = make_event(slots=2, tables=2)
    first = make_registration(event, make_organisation(name="Muzeum"))
    second = make_registration(event, make_organisation(name="Studio"))
    slot = event.slots.last()
    table = event.tables.last()
    meeting = make_meeting(first, second, slot=slot, table=table)
    client.force_login(make_operator())

    response = client.get(reverse("events:grid", args=[event.slug]))

    assert [row.cells for row in response.context["rows"]] == [[None, None], [None, meeting]]


@pytest.mark.parametrize("language", ["en", "pl"])
def test_every_page_renders_for_its_audience_in_each_language(client, language):
    event = make_event(slots=3, tables=2, schedule_status=ScheduleStatus.FINAL, title="Rzeszów B2B")
    user, mine = _published_agenda(event)
    meeting = Meeting.objects.get(published_slot__isnull=False)
    partner = meeting.other(mine.pk)
    client.force_login(user)
    participant_pages = [
        reverse("events:event-list"),
        event.get_absolute_url(),
        reverse("events:event-register", args=[event.slug]),
        reverse("events:participation-edit", args=[event.slug]),
        reverse("events:participant-list", args=[event.slug]),
        reverse("events:meeting-list", args=[event.slug]),
        reverse("events:meeting-request", args=[event.slug, partner.pk]),
        reverse("events:meeting-feedback", args=[event.slug, meeting.pk]),
        reverse("events:agenda", args=[event.slug]),
    ]
    operator_pages = [
        reverse("events:event-create"),
        reverse("events:event-edit", args=[event.slug]),
        reverse("events:manage", args=[event.slug]),
        reverse("events:manage-meetings", args=[event.slug]),
        reverse("events:grid", args=[event.slug]),
        reverse("events:schedule-status", args=[event.slug]),
    ]

    statuses = [client.get(url, headers={"accept-language": language}).status_code for url in participant_pages]
    client.force_login(make_operator())
    statuses += [client.get(url, headers={"accept-language": language}).status_code for url in operator_pages]
    heading = client.get(reverse("events:manage", args=[event.slug]), headers={"accept-language": language}).content.decode()

    assert statuses == [200] * (len(participant_pages) + len(operator_pages))
    expected = {"en": "Organiser's desk: Rzeszów B2B", "pl": "Panel organizatora: Rzeszów B2B"}[language]
    assert expected in heading.replace("&#x27;", "'")


def test_operator_places_a_meeting_by_hand_and_a_clash_is_explained(client):
    event = make_event(slots=2, tables=2)
    first, second, third = (make_registration(event) for _ in range(3))
    slot = event.slots.first()
    table1, table2 = event.tables.all()
    meeting = make_meeting(first, second)
    clash = make_meeting(first, third, slot=slot, table=table2)
    client.force_login(make_operator())
    url = reverse("events:meeting-manage", args=[event.slug, meeting.pk])

    refused = client.post(url, {"action": "place", "slot": slot.pk, "table": table1.pk}, follow=True)
    client.post(url, {"action": "place", "slot": event.slots.last().pk, "table": table1.pk})

    meeting.refresh_from_db()
    assert [str(message) for message in refused.context["messages"]] == ["One of the participants already has a meeting in this slot."]
    assert (meeting.slot, meeting.table, clash.slot) == (event.slots.last(), table1, slot)


def test_organiser_desk_lists_earlier_runs_with_their_gap(client):
    event = make_event(slots=2, tables=1)
    ScheduleRun.objects.create(event=event, objective_kind=event.objective, status=RunStatus.FINISHED, solver_status="optimal", objective=4, bound=4)
    ScheduleRun.objects.create(event=event, objective_kind=event.objective, status=RunStatus.FINISHED, solver_status="feasible", objective=200, bound=210)
    client.force_login(make_operator())

    response = client.get(reverse("events:manage", args=[event.slug]))

    assert [(run.solver_status, run.gap) for run in response.context["runs"]] == [("feasible", 10 / 210), ("optimal", 0.0)]
    assert "4.8 %" in response.content.decode()


@pytest.mark.parametrize("count", [1, 3])
def test_meetings_desk_query_count_does_not_grow_with_meetings(client, django_assert_num_queries, count):
    event = make_event(slots=2, tables=2)
    for _ in range(count):
        make_meeting(make_registration(event), make_registration(event))
    client.force_login(make_operator())

    with django_assert_num_queries(10):
        client.get(reverse("events:manage-meetings", args=[event.slug]))


@pytest.mark.parametrize("count", [1, 3])
def test_desk_and_grid_query_counts_do_not_grow_with_participants(client, django_assert_num_queries, count):
    event = make_event(slots=2, tables=2)
    slot, table = event.slots.first(), event.tables.first()
    for index in range(count):
        make_meeting(make_registration(event), make_registration(event), slot=slot if index == 0 else None, table=table if index == 0 else None)
    client.force_login(make_operator())

    with django_assert_num_queries(11):
        client.get(reverse("events:manage", args=[event.slug]))
    with django_assert_num_queries(6):
        client.get(reverse("events:grid", args=[event.slug]))
