"""'Useful / not useful' on every surface: who may give a verdict, on what, where it is counted and exported."""

import pytest
from django.db import IntegrityError, transaction
from django.urls import reverse

from sache.accounts.privacy import erase_account, export_personal_data
from sache.api.services import create_api_token
from sache.insights import selectors as insights
from sache.insights.filters import InsightFilter
from sache.matching.models import SuggestionFeedback
from tests.factories.accounts import make_user
from tests.factories.directory import make_member, make_need, make_organisation
from tests.factories.events import make_event, make_registration

pytestmark = [pytest.mark.integration, pytest.mark.django_db]


@pytest.fixture
def hub():
    """A museum with a need and a member, a scanning studio with a member, and a games studio."""
    museum = make_organisation(name="Muzeum", description=("pl", "Zbiory archeologiczne i skanowanie 3D obiektów."))
    studio = make_organisation(name="Scan Studio", kind="creative_business", description=("en", "3D scanning of archaeological objects."))
    games = make_organisation(name="Games", kind="creative_business", description=("en", "Serious games for museums and archaeology."))
    need = make_need(museum, title="Skanowanie 3D", description="Skanowanie 3D zbiorów archeologicznych.")
    curator, scanner = make_user(), make_user()
    make_member(museum, curator)
    make_member(studio, scanner)
    return {"museum": museum, "studio": studio, "games": games, "need": need, "curator": curator, "scanner": scanner}


def _post(client, **fields):
    data = {"useful": "1", "rank": 1, "score": "0.5", **fields}
    return client.post(reverse("matching:feedback"), data, HTTP_HX_REQUEST="true")


# --- Needs you could answer ---------------------------------------------------------------


def test_needs_you_could_answer_carry_labelled_verdict_buttons_and_store_a_need_verdict(client, hub):
    studio, need = hub["studio"], hub["need"]
    client.force_login(hub["scanner"])

    partial = client.get(reverse("matching:needs-to-answer", args=[studio.slug]))
    item = partial.context["needs"][0]
    response = _post(client, subject=f"organisation:{studio.pk}", suggested_need=need.pk, useful="0", rank=item.rank, score=item.score)
    again = client.get(reverse("matching:needs-to-answer", args=[studio.slug]))

    html = partial.content.decode()
    assert item.need == need and item.subject == f"organisation:{studio.pk}"
    assert 'name="suggested_need"' in html and "<legend>" in html and 'id="verdict-needs-1"' in html
    assert "Skanowanie 3D is not a useful suggestion" in html  # what a screen reader says on the button
    assert response.status_code == 200 and b'role="status"' in response.content
    feedback = SuggestionFeedback.objects.get()
    assert (feedback.subject, feedback.suggested_id, feedback.suggested_need, feedback.surface, feedback.useful) == (
        f"organisation:{studio.pk}", None, need, "needs", False,
    )
    assert again.context["needs"][0].verdict is False and b"You marked this suggestion as not useful." in again.content


def test_a_second_verdict_on_the_same_need_replaces_the_first(client, hub):
    studio, need = hub["studio"], hub["need"]
    client.force_login(hub["scanner"])

    _post(client, subject=f"organisation:{studio.pk}", suggested_need=need.pk, useful="0")
    _post(client, subject=f"organisation:{studio.pk}", suggested_need=need.pk, useful="1")

    assert list(SuggestionFeedback.objects.values_list("suggested_need", "useful")) == [(need.pk, True)]


def test_need_verdicts_are_refused_to_anyone_not_acting_for_the_organisation(client, hub):
    studio, need = hub["studio"], hub["need"]
    subject = {"subject": f"organisation:{studio.pk}", "suggested_need": need.pk}

    anonymous = _post(client, **subject)
    client.force_login(hub["curator"])  # a member of another organisation forges the studio's subject
    forged = _post(client, **subject)
    client.force_login(make_user())
    stranger = _post(client, **subject)

    assert anonymous.status_code == 302 and "login" in anonymous.url
    assert (forged.status_code, stranger.status_code) == (403, 403)
    assert not SuggestionFeedback.objects.exists()


@pytest.mark.parametrize("fields", [
    {"subject": "organisation:{studio}"},  # no suggestion at all
    {"subject": "organisation:{studio}", "suggested_need": "{need}", "suggested": "{games}"},  # both at once
    {"subject": "need:{own_need}", "suggested_need": "{need}"},  # a need suggested for a need: no such list
    {"subject": "organisation:{studio}", "suggested_need": "{own_need}"},  # its own need
    {"subject": "organisation:{studio}", "suggested_need": "{draft_need}"},  # a need it cannot see
    {"subject": "organisation:{studio}", "suggested_need": "999999"},
    {"subject": "organisation:{studio}", "suggested_need": "{need}", "useful": "maybe"},
    {"subject": "organisation:{studio}", "suggested_need": "{need}", "rank": "0"},
    {"subject": "organisation:{studio}", "suggested_need": "{need}", "score": "nan"},
    {"subject": "event:{studio}", "suggested_need": "{need}"},
])
def test_bad_verdicts_are_rejected(client, hub, fields):
    studio = hub["studio"]
    ids = {
        "studio": studio.pk, "need": hub["need"].pk, "games": hub["games"].pk,
        "own_need": make_need(studio, title="Szukamy muzeum").pk,
        "draft_need": make_need(make_organisation(publication="draft"), title="Szkic").pk,
    }
    client.force_login(hub["scanner"])

    response = _post(client, **{key: value.format(**ids) for key, value in fields.items()})

    assert response.status_code == 400
    assert not SuggestionFeedback.objects.exists()


def test_without_javascript_a_verdict_returns_to_the_page_it_came_from(client, hub):
    studio, need = hub["studio"], hub["need"]
    client.force_login(hub["scanner"])
    fields = {"subject": f"organisation:{studio.pk}", "suggested_need": need.pk, "useful": "1", "rank": 1, "score": "0.5"}

    back = client.post(reverse("matching:feedback"), {**fields, "next": studio.get_absolute_url()})
    elsewhere = client.post(reverse("matching:feedback"), {**fields, "next": "https://evil.example.com/"})

    assert back.status_code == 302 and back.url == studio.get_absolute_url()
    assert elsewhere.status_code == 200  # no open redirect: the plain confirmation instead


# --- Organisation and need pages ------------------------------------------------------------


def test_partner_verdicts_are_offered_and_accepted_only_for_your_own_organisation_or_need(client, hub):
    museum, studio, need = hub["museum"], hub["studio"], hub["need"]
    client.force_login(hub["curator"])
    own = client.get(reverse("matching:organisation-suggestions", args=[museum.slug]))
    own_need = client.get(reverse("matching:need-suggestions", args=[need.pk]))
    client.force_login(hub["scanner"])
    visited = client.get(reverse("matching:organisation-suggestions", args=[museum.slug]))
    refused = _post(client, subject=f"organisation:{museum.pk}", suggested=studio.pk)
    refused_need = _post(client, subject=f"need:{need.pk}", suggested=studio.pk)
    client.force_login(hub["curator"])
    allowed = _post(client, subject=f"organisation:{museum.pk}", suggested=studio.pk)
    itself = _post(client, subject=f"organisation:{museum.pk}", suggested=museum.pk)

    assert b'name="useful"' in own.content and b'name="useful"' in own_need.content
    assert b'id="verdict-partners-1"' in own.content
    assert visited.context["suggestions"] and b'name="useful"' not in visited.content
    assert (refused.status_code, refused_need.status_code, allowed.status_code, itself.status_code) == (403, 403, 200, 400)
    assert list(SuggestionFeedback.objects.values_list("surface", "suggested", "suggested_need")) == [("organisation", studio.pk, None)]


def test_a_subject_that_does_not_exist_is_refused_like_a_forged_one(client, hub):
    client.force_login(hub["curator"])

    assert _post(client, subject="organisation:999999", suggested=hub["studio"].pk).status_code == 403
    assert _post(client, subject="registration:999999", suggested=hub["studio"].pk).status_code == 403


# --- Meetings suggested at an event -----------------------------------------------------------


@pytest.fixture
def event(hub):
    event = make_event()
    return event, make_registration(event, hub["museum"]), make_registration(event, hub["studio"])


def test_suggested_meetings_carry_verdict_buttons_and_store_an_event_verdict(client, hub, event):
    event, museum_at_event, _studio_at_event = event
    client.force_login(hub["curator"])

    page = client.get(reverse("events:meeting-list", args=[event.slug]))
    suggestion = page.context["suggestions"][0]
    response = _post(client, subject=f"registration:{museum_at_event.pk}", suggested=hub["studio"].pk, rank=suggestion.rank, score=suggestion.score)
    again = client.get(reverse("events:meeting-list", args=[event.slug]))

    html = page.content.decode()
    assert suggestion.registration.organisation == hub["studio"] and suggestion.rank == 1
    assert f'value="registration:{museum_at_event.pk}"' in html and 'id="verdict-meetings-1"' in html
    assert "Scan Studio is a useful suggestion" in html
    assert response.status_code == 200
    assert list(SuggestionFeedback.objects.values_list("subject", "suggested", "surface", "useful")) == [
        (f"registration:{museum_at_event.pk}", hub["studio"].pk, "event", True)
    ]
    assert again.context["suggestions"][0].verdict is True


def test_event_verdicts_only_for_your_own_approved_registration_and_its_fellow_participants(client, hub, event):
    event, museum_at_event, studio_at_event = event
    pending = make_registration(event, make_organisation(name="Pending"), status="pending")
    member_of_pending = make_user()
    make_member(pending.organisation, member_of_pending)
    outsider = make_organisation(name="Not taking part")

    anonymous = _post(client, subject=f"registration:{museum_at_event.pk}", suggested=hub["studio"].pk)
    client.force_login(hub["scanner"])  # the studio's member forges the museum's registration
    forged = _post(client, subject=f"registration:{museum_at_event.pk}", suggested=hub["games"].pk)
    client.force_login(member_of_pending)
    not_approved = _post(client, subject=f"registration:{pending.pk}", suggested=hub["studio"].pk)
    client.force_login(hub["curator"])
    not_participant = _post(client, subject=f"registration:{museum_at_event.pk}", suggested=outsider.pk)
    pending_partner = _post(client, subject=f"registration:{museum_at_event.pk}", suggested=pending.organisation.pk)
    itself = _post(client, subject=f"registration:{museum_at_event.pk}", suggested=hub["museum"].pk)
    a_need = _post(client, subject=f"registration:{museum_at_event.pk}", suggested_need=hub["need"].pk)

    assert anonymous.status_code == 302
    assert (forged.status_code, not_approved.status_code) == (403, 403)
    assert (not_participant.status_code, pending_partner.status_code, itself.status_code, a_need.status_code) == (400, 400, 400, 400)
    assert not SuggestionFeedback.objects.exists()
    assert studio_at_event.status == "approved"


# --- The API ------------------------------------------------------------------------------


def _verdict(client, headers=None, **fields):
    return client.post("/api/v1/recommendations/verdicts", fields, content_type="application/json", headers=headers or {})


def test_the_api_takes_verdicts_on_its_recommendations_for_your_own_organisation(client, hub):
    museum, studio = hub["museum"], hub["studio"]
    _token, raw = create_api_token(hub["curator"], name="CRM")
    bearer = {"Authorization": f"Bearer {raw}"}

    listed = client.get("/api/v1/recommendations", {"organisation": museum.slug}, headers=bearer).json()
    first = next(item for item in listed if item["organisation"] == studio.slug)
    response = _verdict(client, bearer, organisation=museum.slug, suggested=studio.slug, useful=True, rank=first["rank"], score=first["score"])
    changed = _verdict(client, bearer, organisation=museum.slug, suggested=studio.slug, useful=False, rank=first["rank"], score=first["score"])

    assert response.status_code == 200, response.content
    assert response.json()["useful"] is True and response.json()["suggested"] == studio.slug
    assert changed.json()["useful"] is False
    assert list(SuggestionFeedback.objects.values_list("subject", "suggested", "surface", "useful")) == [
        (f"organisation:{museum.pk}", studio.pk, "api", False)
    ]


def test_the_api_refuses_verdicts_for_others_and_bad_input(client, hub):
    museum, studio, games = hub["museum"], hub["studio"], hub["games"]
    _token, raw = create_api_token(hub["curator"], name="CRM")
    bearer = {"Authorization": f"Bearer {raw}"}
    good = {"organisation": museum.slug, "suggested": studio.slug, "useful": True, "rank": 1, "score": 0.5}

    anonymous = _verdict(client, **good)
    theirs = _verdict(client, bearer, **{**good, "organisation": studio.slug, "suggested": games.slug})
    unknown_organisation = _verdict(client, bearer, **{**good, "organisation": "no-such-organisation"})
    unknown = _verdict(client, bearer, **{**good, "suggested": "no-such-organisation"})
    itself = _verdict(client, bearer, **{**good, "suggested": museum.slug})
    bad_rank = _verdict(client, bearer, **{**good, "rank": 0})
    missing = _verdict(client, bearer, organisation=museum.slug, suggested=studio.slug)

    assert (anonymous.status_code, theirs.status_code, unknown_organisation.status_code) == (401, 403, 404)
    assert (unknown.status_code, itself.status_code, bad_rank.status_code, missing.status_code) == (422, 422, 422, 422)
    assert not SuggestionFeedback.objects.exists()


def test_the_verdict_endpoint_is_typed_in_the_openapi_schema(client):
    schema = client.get("/api/v1/openapi.json").json()

    operation = schema["paths"]["/api/v1/recommendations/verdicts"]["post"]
    body = operation["requestBody"]["content"]["application/json"]["schema"]["$ref"].rsplit("/", 1)[1]
    assert set(schema["components"]["schemas"][body]["required"]) == {"organisation", "suggested", "useful", "rank", "score"}
    assert {"200", "401", "403", "422"} <= set(operation["responses"])


# --- Counted per surface, exported and erased ------------------------------------------------


def test_every_surface_counts_its_own_verdicts_and_they_are_exported_and_erased(client, hub, event):
    museum, studio, need = hub["museum"], hub["studio"], hub["need"]
    event, museum_at_event, _studio_at_event = event
    curator, scanner = hub["curator"], hub["scanner"]
    _token, raw = create_api_token(curator, name="CRM")
    client.force_login(curator)
    _post(client, subject=f"organisation:{museum.pk}", suggested=hub["games"].pk, useful="0")
    _post(client, subject=f"need:{need.pk}", suggested=studio.pk)
    _post(client, subject=f"registration:{museum_at_event.pk}", suggested=studio.pk)
    _verdict(client, {"Authorization": f"Bearer {raw}"}, organisation=museum.slug, suggested=studio.slug, useful=True, rank=1, score=0.5)
    client.force_login(scanner)
    _post(client, subject=f"organisation:{studio.pk}", suggested_need=need.pk)

    rows = {row.code: row.extra[:2] for row in insights.recommendations(InsightFilter()).rows}
    exported = export_personal_data(curator)["matching"]["suggestion_feedback"]
    erase_account(curator, actor=curator)

    assert rows == {"organisation": (0, 1), "need": (1, 0), "needs": (1, 0), "event": (1, 0), "api": (1, 0)}
    assert sorted((item["surface"], item["suggested"], item["suggested_kind"]) for item in exported) == [
        ("api", "Scan Studio", "organisation"), ("event", "Scan Studio", "organisation"),
        ("need", "Scan Studio", "organisation"), ("organisation", "Games", "organisation"),
    ]
    assert export_personal_data(scanner)["matching"]["suggestion_feedback"][0]["suggested"] == "Skanowanie 3D"
    assert not SuggestionFeedback.objects.filter(user=curator).exists()
    assert SuggestionFeedback.objects.filter(user=scanner, surface="needs").exists()


def test_a_verdict_is_on_exactly_one_organisation_or_need(hub):
    common = {"user": hub["curator"], "subject": f"organisation:{hub['museum'].pk}", "useful": True, "rank": 1, "score": 0.5}

    for suggestion in ({}, {"suggested": hub["studio"], "suggested_need": hub["need"]}):
        with pytest.raises(IntegrityError), transaction.atomic():
            SuggestionFeedback.objects.create(surface="organisation", **common, **suggestion)
    SuggestionFeedback.objects.create(surface="needs", suggested_need=hub["need"], **common)
    with pytest.raises(IntegrityError), transaction.atomic():
        SuggestionFeedback.objects.create(surface="needs", suggested_need=hub["need"], **common)
