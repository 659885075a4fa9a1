import pytest
from django.urls import reverse

from sache.cocreation import services
from sache.cocreation.models import Contribution, Vote
from sache.events.enums import EventPublication
from tests.factories.accounts import make_operator, make_user
from tests.factories.cocreation import (
    make_area,
    make_contribution,
    make_participant,
    make_workshop,
    make_world_cafe,
)

pytestmark = [pytest.mark.integration, pytest.mark.django_db]


def _published_conclusions(workshop, body="# Wnioski\n\n<script>alert(1)</script> **Skanowanie** zbiorów"):
    conclusions = services.save_conclusions(workshop, actor=None, title="Wnioski", body=body, language="pl")
    return services.publish_conclusions(conclusions, actor=None)


def test_draft_workshop_is_hidden_from_the_public_and_shown_to_operators(client):
    draft = make_workshop(publication=EventPublication.DRAFT)
    public = make_workshop()
    response = client.get(reverse("cocreation:workshop-list"))
    assert [w.pk for w in response.context["workshops"]] == [public.pk]
    assert client.get(reverse("cocreation:workshop-detail", kwargs={"slug": draft.slug})).status_code == 404
    client.force_login(make_operator())
    response = client.get(reverse("cocreation:workshop-list"))
    assert [w.pk for w in response.context["workshops"]] == [public.pk, draft.pk]


def test_desk_is_for_operators_only(client):
    workshop = make_workshop()
    url = reverse("cocreation:manage", kwargs={"slug": workshop.slug})
    client.force_login(make_user())
    assert client.get(url).status_code == 403
    client.force_login(make_operator())
    response = client.get(url)
    assert response.context["workshop"] == workshop


def test_operator_sets_up_areas_and_tables_through_the_desk(client):
    workshop = make_workshop()
    client.force_login(make_operator())
    client.post(reverse("cocreation:area-add", kwargs={"slug": workshop.slug}), {"area-title": "Cyfryzacja", "area-question": "Jak?"})
    area = workshop.areas.get()
    client.post(
        reverse("cocreation:table-add", kwargs={"slug": workshop.slug}),
        {"table-name": "Stół 1", "table-kind": "online", "table-capacity": "6", "table-area": area.pk, "table-room_url": "https://meet.example.org/1"},
    )
    assert [(t.name, t.kind, t.capacity, t.area) for t in workshop.tables.all()] == [("Stół 1", "online", 6, area)]


def test_plan_pages_route_ics_and_breakout_csv(client, django_capture_on_commit_callbacks):
    workshop = make_world_cafe(areas=3, capacity=4, people=12, rounds=3)
    user = make_user()
    participant = workshop.participants.order_by("id").last()
    participant.person.user = user
    participant.person.save()
    operator = make_operator()
    client.force_login(operator)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("cocreation:plan-start", kwargs={"slug": workshop.slug}))
    response = client.get(reverse("cocreation:table-plan", kwargs={"slug": workshop.slug, "round_number": 2}))
    assert sum(len(entry.seats) for entry in response.context["tables"]) == 12
    csv_text = client.get(reverse("cocreation:breakout-csv", kwargs={"slug": workshop.slug})).content.decode("utf-8-sig")
    assert csv_text.splitlines()[0] == "round,room,room_link,area,email,name,organisation,host"
    assert len(csv_text.splitlines()) == 1 + 12 * 3
    client.force_login(user)
    response = client.get(reverse("cocreation:my-route", kwargs={"slug": workshop.slug}), follow=True)
    assert [entry["seat"].round_number for entry in response.context["rounds"]] == [1, 2, 3]
    other = workshop.participants.order_by("id").first()
    assert client.get(reverse("cocreation:route", kwargs={"slug": workshop.slug, "pk": other.pk})).status_code == 404
    ics = client.get(reverse("cocreation:route-ics", kwargs={"slug": workshop.slug, "pk": participant.pk}))
    assert ics["Content-Type"] == "text/calendar; charset=utf-8"


def test_participant_contributes_and_votes_once(client):
    workshop = make_workshop(rounds=2)
    area = make_area(workshop)
    user = make_user()
    make_participant(workshop, user=user)
    client.force_login(user)
    response = client.post(
        reverse("cocreation:contribute", kwargs={"slug": workshop.slug}),
        {"area": area.pk, "round_number": "2", "kind": "obstacle", "language": "de", "text": "Zu wenig Personal"},
    )
    assert response["Location"] == reverse("cocreation:contribute", kwargs={"slug": workshop.slug}) + f"?area={area.pk}&round=2"
    contribution = Contribution.objects.get()
    assert (contribution.kind, contribution.language, contribution.round_number, contribution.author) == ("obstacle", "de", 2, user)
    vote_url = reverse("cocreation:vote", kwargs={"slug": workshop.slug, "pk": contribution.pk})
    client.post(vote_url)
    assert Vote.objects.filter(contribution=contribution, participant__person__user=user).count() == 1
    response = client.get(reverse("cocreation:contribution-list", kwargs={"slug": workshop.slug}))
    assert [(c.text, c.vote_count, c.voted) for c in response.context["areas"][0]["contributions"]] == [("Zu wenig Personal", 1, True)]


def test_empty_contribution_keeps_the_form_with_an_error(client):
    workshop = make_workshop()
    area = make_area(workshop)
    user = make_user()
    make_participant(workshop, user=user)
    client.force_login(user)
    response = client.post(
        reverse("cocreation:contribute", kwargs={"slug": workshop.slug}),
        {"area": area.pk, "round_number": "1", "kind": "idea", "language": "pl", "text": ""},
    )
    assert (response.status_code, Contribution.objects.count(), response.context["form"]["area"].value()) == (200, 0, str(area.pk))


def test_outsider_cannot_contribute_or_see_contributions(client):
    workshop = make_workshop()
    make_contribution(workshop, make_area(workshop), text="secret note")
    client.force_login(make_user())
    assert client.get(reverse("cocreation:contribution-list", kwargs={"slug": workshop.slug})).status_code == 403
    assert client.get(reverse("cocreation:contribute", kwargs={"slug": workshop.slug})).status_code == 403


def test_published_conclusions_page_markdown_and_pdf_escape_html(client):
    workshop = make_workshop()
    _published_conclusions(workshop)
    response = client.get(reverse("cocreation:conclusions", kwargs={"slug": workshop.slug}))
    html = response.content.decode()
    assert "<script>alert(1)</script>" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt; <strong>Skanowanie</strong> zbiorów" in html
    markdown = client.get(reverse("cocreation:conclusions-markdown", kwargs={"slug": workshop.slug}))
    assert markdown.content.decode().startswith("# Wnioski")
    pdf = client.get(reverse("cocreation:conclusions-pdf", kwargs={"slug": workshop.slug}))
    assert pdf.content[:5] == b"%PDF-"


def test_unpublished_conclusions_are_not_public(client):
    workshop = make_workshop()
    services.save_conclusions(workshop, actor=None, title="Szkic", body="# Szkic", language="pl")
    assert client.get(reverse("cocreation:conclusions", kwargs={"slug": workshop.slug})).status_code == 404
    assert client.get(reverse("cocreation:conclusions-pdf", kwargs={"slug": workshop.slug})).status_code == 404


def test_conclusions_editor_prefills_the_synthesis_draft_and_publishes(client, django_capture_on_commit_callbacks):
    workshop = make_workshop()
    area = make_area(workshop, title="Archiwa")
    for text in ("scan the archive", "skanować archiwum", "train the staff", "szkolić pracowników"):
        make_contribution(workshop, area, text=text)
    client.force_login(make_operator())
    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("cocreation:themes-start", kwargs={"slug": workshop.slug}))
    url = reverse("cocreation:conclusions-edit", kwargs={"slug": workshop.slug})
    form = client.get(url).context["form"]
    assert "## Archiwa" in form.initial["body"]
    client.post(url, {"title": "Wnioski", "language": "pl", "body": "# Wnioski\n\nTekst.", "action": "publish"})
    workshop.refresh_from_db()
    assert (workshop.conclusions.title, workshop.conclusions.is_published) == ("Wnioski", True)


def test_live_view_moves_to_the_chosen_round(client):
    workshop = make_workshop(rounds=3)
    client.force_login(make_operator())
    client.post(reverse("cocreation:live", kwargs={"slug": workshop.slug}), {"round": "2"})
    response = client.get(reverse("cocreation:live-board", kwargs={"slug": workshop.slug}))
    assert response.context["round_number"] == 2


def _queries(client, url):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as context:
        client.get(url)
    return len(context)


def test_workshop_and_contribution_lists_do_not_grow_queries_with_items(client):
    workshop = make_workshop()
    area = make_area(workshop)
    user = make_user()
    make_participant(workshop, user=user)
    make_contribution(workshop, area)
    client.force_login(user)
    list_url = reverse("cocreation:workshop-list")
    contributions_url = reverse("cocreation:contribution-list", kwargs={"slug": workshop.slug})
    one = (_queries(client, list_url), _queries(client, contributions_url))
    for _ in range(2):
        _published_conclusions(make_workshop(), body="# W\n\nT")
        make_contribution(workshop, area)
    assert (_queries(client, list_url), _queries(client, contributions_url)) == one
