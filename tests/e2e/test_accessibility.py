"""WCAG 2.1 AA: axe-core on the key pages in both interface languages, and keyboard-only use.

axe-core comes from the npm registry into ``node_modules/`` (``make e2e-deps``) and
is injected by Playwright; the page's CSP forbids injected scripts, so only the
axe contexts bypass it.
"""

from __future__ import annotations

import pytest

from sache.directory.enums import OrganisationKind
from sache.events.enums import ScheduleStatus
from sache.partnerships import services as partnership_services
from tests.e2e.conftest import AXE, _unavailable
from tests.factories.accounts import PASSWORD, make_operator, make_user
from tests.factories.calls import make_assignment, make_call, make_submitted_application
from tests.factories.directory import make_member, make_need, make_offer, make_organisation
from tests.factories.events import make_event, make_meeting, make_registration

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

BLOCKING = {"serious", "critical"}
AXE_OPTIONS = {"runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"]}}


def _hub():
    museum = make_organisation(
        name="Muzeum-Zamek w Łańcucie", kind=OrganisationKind.MUSEUM,
        description=("pl", "Rezydencja magnacka z kolekcją powozów i ogrodami."),
    )
    studio = make_organisation(
        name="Pixel Forge Studio", kind=OrganisationKind.CREATIVE_BUSINESS,
        description=("en", "We build augmented reality guides for castles."),
    )
    member = make_user(email="museum@example.org")
    person = make_member(museum, member)
    need = make_need(museum)
    make_offer(studio)
    event = make_event(title="Heritage Meets Creative", slots=3, tables=2, schedule_status=ScheduleStatus.NONE)
    registration = make_registration(event, museum)
    registration.representatives.add(person)
    make_meeting(registration, make_registration(event, studio))
    partnership_services.open_partnership(title="Przewodnik AR", lead=museum, partners=[studio], actor=member)
    call = make_call()
    reviewer = make_user(email="reviewer@example.org", is_reviewer=True)
    assignment = make_assignment(make_submitted_application(call, lead=museum, partners=[studio]), reviewer)
    return {
        "museum": museum, "need": need, "event": event, "member": member, "operator": make_operator(),
        "reviewer": reviewer, "assignment": assignment,
    }


def _violations(page, path: str) -> list[str]:
    page.goto(path)
    page.add_script_tag(path=str(AXE))
    result = page.evaluate("options => axe.run(document, options)", AXE_OPTIONS)
    return [
        f"{path} [{page.locator('html').get_attribute('lang')}] {violation['id']} ({violation['impact']}): "
        + ", ".join(" ".join(node["target"]) for node in violation["nodes"][:5])
        for violation in result["violations"]
        if violation["impact"] in BLOCKING
    ]


@pytest.mark.parametrize("locale", ["pl-PL", "en-GB"])
def test_key_pages_have_no_serious_accessibility_violations(browsing, locale):
    if not AXE.exists():
        _unavailable(f"{AXE} is missing (make e2e-deps)")
    hub = _hub()
    visitor = browsing.page(locale=locale, bypass_csp=True)
    member = browsing.page(locale=locale, bypass_csp=True, user=hub["member"])
    operator = browsing.page(locale=locale, bypass_csp=True, user=hub["operator"])
    reviewer = browsing.page(locale=locale, bypass_csp=True, user=hub["reviewer"])
    event = hub["event"]

    found = []
    for path in [
        "/",
        "/organisations/",
        hub["museum"].get_absolute_url(),
        "/needs/",
        f"/needs/{hub['need'].pk}/",
        "/accounts/login/",
        "/events/",
        f"/events/{event.slug}/",
        "/showcase/",
        "/programmes/",
    ]:
        found += _violations(visitor, path)
    found += _violations(member, f"/events/{event.slug}/agenda/")
    found += _violations(member, f"/events/{event.slug}/meetings/")
    found += _violations(operator, "/insights/")
    found += _violations(operator, "/programmes/new/")
    found += _violations(reviewer, "/calls/reviews/")
    found += _violations(reviewer, f"/calls/reviews/{hub['assignment'].pk}/")

    assert found == []


def test_keyboard_reaches_main_content_through_the_skip_link(browsing):
    page = browsing.page()
    page.goto("/organisations/")

    page.keyboard.press("Tab")
    first = page.evaluate("document.activeElement.getAttribute('href')")
    page.keyboard.press("Enter")

    assert (first, page.evaluate("document.activeElement.id")) == ("#main", "main")


def _focused(page) -> tuple[str, str, bool, bool]:
    return tuple(
        page.evaluate(
            "(() => { const e = document.activeElement;"
            " return [e.tagName.toLowerCase(), e.id || e.getAttribute('href') || e.type || '',"
            " !!e.closest('nav'), !!e.closest('main')]; })()"
        )
    )


def test_keyboard_alone_walks_the_navigation_and_logs_in(browsing):
    make_user(email="museum@example.org")
    page = browsing.page()
    page.goto("/")

    # Tab from the top of the page through the main navigation to the log-in link.
    visited = []
    while len(visited) < 40:
        page.keyboard.press("Tab")
        visited.append(_focused(page))
        if visited[-1][1].startswith("/accounts/login/"):
            break
    page.keyboard.press("Enter")
    page.wait_for_url("**/accounts/login/**")

    # The e-mail field has focus; tab to the password and on to the submit button.
    on_arrival = _focused(page)
    page.keyboard.type("museum@example.org")
    page.keyboard.press("Tab")
    page.keyboard.type(PASSWORD)
    page.keyboard.press("Tab")
    on_submit = _focused(page)
    page.keyboard.press("Enter")
    page.wait_for_url(lambda url: "/accounts/login/" not in url)

    assert (
        visited[0][1],
        sum(entry[2] for entry in visited) >= 5,
        visited[-1][1].startswith("/accounts/login/"),
        on_arrival,
        on_submit,
        page.get_by_role("link", name="Log in").count(),
    ) == ("#main", True, True, ("input", "id_username", False, True), ("button", "submit", False, True), 0)
