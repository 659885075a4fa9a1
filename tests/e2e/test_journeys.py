"""The main journeys, clicked through in a real browser."""

from __future__ import annotations

import re

import pytest

from sache.calls.models import Review
from sache.directory.enums import OrganisationKind, Publication
from sache.directory.models import Need
from sache.events.enums import MeetingStatus
from sache.events.models import Event, Meeting
from tests.e2e.conftest import log_in
from tests.factories.accounts import PASSWORD, make_operator, make_user
from tests.factories.calls import make_assignment, make_call, make_submitted_application
from tests.factories.directory import make_member, make_organisation
from tests.factories.events import make_event, make_registration

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


def test_operator_creates_an_event(browsing):
    make_operator(email="operator@example.org")
    page = browsing.page()

    log_in(page, "operator@example.org", PASSWORD)
    page.goto("/events/new/")
    page.locator("#id_title").fill("Heritage Meets Creative Rzeszów")
    page.locator("main button[type=submit]").click()
    page.wait_for_url(re.compile(r"/events/[\w-]+/manage/$"))

    event = Event.objects.get()
    assert (event.title, page.url.endswith(f"/events/{event.slug}/manage/")) == ("Heritage Meets Creative Rzeszów", True)


def test_museum_publishes_a_need_requests_a_meeting_and_the_studio_accepts(browsing, tmp_path):
    museum = make_organisation(name="Muzeum Okręgowe w Krośnie", kind=OrganisationKind.MUSEUM)
    studio = make_organisation(name="Pixel Forge Studio", kind=OrganisationKind.CREATIVE_BUSINESS)
    museum_user = make_user(email="museum@example.org")
    studio_user = make_user(email="studio@example.org")
    museum_person = make_member(museum, museum_user)
    studio_person = make_member(studio, studio_user)
    event = make_event(title="Heritage Meets Creative", slots=4, tables=2)
    make_registration(event, museum).representatives.add(museum_person)
    make_registration(event, studio).representatives.add(studio_person)

    page = browsing.page()
    log_in(page, "museum@example.org", PASSWORD)

    # Publish a need.
    page.goto(f"/organisations/{museum.slug}/need/new/")
    page.locator("#id_title").fill("Przewodnik AR po zamku")
    page.locator("#id_description").fill("Szukamy studia, które przygotuje przewodnik w rozszerzonej rzeczywistości.")
    page.locator("#id_language").select_option("pl")
    page.locator("#id_publication").select_option(Publication.PUBLISHED)
    page.locator("main form button[type=submit]").first.click()
    page.wait_for_url(re.compile(r"/needs/\d+/$"))
    need = Need.objects.get()
    assert (need.title, need.publication, page.locator("h1").inner_text()) == (
        "Przewodnik AR po zamku", Publication.PUBLISHED, "Przewodnik AR po zamku"
    )

    # Request a meeting with the studio.
    page.goto(f"/events/{event.slug}/participants/")
    page.get_by_role("link", name="Request a meeting with Pixel Forge Studio").click()
    page.locator("#id_message").fill("Czy pomożecie nam z przewodnikiem AR?")
    page.get_by_role("button", name="Send request").click()
    page.wait_for_url(re.compile(rf"/events/{event.slug}/meetings/$"))
    meeting = Meeting.objects.get()
    assert (meeting.requester.organisation, meeting.recipient.organisation, meeting.status) == (
        museum, studio, MeetingStatus.REQUESTED
    )

    # Download the agenda.
    page.goto(f"/events/{event.slug}/agenda/")
    with page.expect_download() as download_info:
        page.get_by_role("link", name="Download the agenda (.ics)").click()
    path = tmp_path / "agenda.ics"
    download_info.value.save_as(path)
    assert path.read_text().splitlines()[0] == "BEGIN:VCALENDAR"

    # The studio accepts.
    studio_page = browsing.page()
    log_in(studio_page, "studio@example.org", PASSWORD)
    studio_page.goto(f"/events/{event.slug}/meetings/")
    studio_page.get_by_role("button", name="Accept Muzeum Okręgowe w Krośnie").click()
    studio_page.locator(".messages").wait_for()
    meeting.refresh_from_db()
    assert meeting.status == MeetingStatus.ACCEPTED


def test_visitor_switches_the_language(browsing):
    page = browsing.page(locale="pl-PL")
    page.goto("/")
    before = page.locator("html").get_attribute("lang")

    page.locator("#language-select").select_option("en")
    page.get_by_role("button", name="Zmień język").click()
    page.wait_for_function("document.documentElement.lang === 'en'")
    after_english = (page.locator("html").get_attribute("lang"), page.get_by_role("button", name="Change language").count())

    page.locator("#language-select").select_option("pl")
    page.get_by_role("button", name="Change language").click()
    page.wait_for_function("document.documentElement.lang === 'pl'")

    assert (before, after_english, page.get_by_role("button", name="Zmień język").count()) == ("pl", ("en", 1), 1)


def test_a_reviewer_scores_an_application(browsing):
    call = make_call(title="Pilotaże dziedzictwa 2026", reviews_per_application=1)
    application = make_submitted_application(call, title="Gra o zamku")
    reviewer = make_user(email="reviewer@example.org", is_reviewer=True)
    assignment = make_assignment(application, reviewer)
    quality, impact = call.criteria.order_by("position", "pk")

    page = browsing.page()
    log_in(page, "reviewer@example.org", PASSWORD)
    page.goto("/calls/reviews/")
    page.get_by_role("link", name="Gra o zamku").click()
    page.wait_for_url(re.compile(rf"/calls/reviews/{assignment.pk}/$"))
    page.get_by_role("group", name=re.compile("Jakość")).get_by_label("4").check()
    page.get_by_role("group", name=re.compile("Wpływ")).get_by_label("3").check()
    page.get_by_label("Comments for the applicant").fill("Dobry pomysł, skromny budżet.")
    page.get_by_role("button", name="Submit review").click()
    page.wait_for_url(re.compile(rf"/calls/reviews/{assignment.pk}/$"))

    review = Review.objects.get(assignment=assignment)
    assert (review.scores, review.comments, review.submitted_at is not None) == (
        {str(quality.pk): 4, str(impact.pk): 3}, "Dobry pomysł, skromny budżet.", True
    )
    # The submitted review is shown read-only, with the other reviews now unlocked.
    assert page.get_by_role("button", name="Submit review").count() == 0
    assert page.get_by_text("No other submitted reviews yet.").is_visible()
