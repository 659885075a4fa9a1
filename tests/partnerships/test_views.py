import pytest
from django.urls import reverse

from sache.partnerships import services
from sache.partnerships.models import Partnership
from tests.factories.accounts import make_operator, make_user
from tests.factories.directory import make_member, make_organisation
from tests.factories.partnerships import make_partnership

pytestmark = [pytest.mark.integration, pytest.mark.django_db]


def _publish(partnership):
    for member in partnership.members.all():
        services.set_publication_consent(partnership, member.organisation, agreed=True, actor=None)


def test_partner_sees_own_partnership_but_not_another_unpublished_one(client):
    mine = make_partnership(title="Nasza gra o twierdzy Przemyśl")
    theirs = make_partnership(title="Cudzy projekt")
    user = make_user()
    make_member(mine.members.first().organisation, user)
    client.force_login(user)

    listing = client.get(reverse("partnerships:list"))
    other = client.get(reverse("partnerships:detail", args=[theirs.pk]))

    assert [p.title for p in listing.context["page"]] == ["Nasza gra o twierdzy Przemyśl"]
    assert other.status_code == 404


def test_member_of_another_organisation_cannot_change_the_checklist(client):
    partnership = make_partnership()
    outsider = make_user()
    make_member(make_organisation(name="Inna firma"), outsider)
    client.force_login(outsider)

    response = client.post(reverse("partnerships:checklist-toggle", args=[partnership.pk, "shared_goal"]), {"done": "1"})

    assert response.status_code == 404
    assert partnership.checklist.filter(done=True).count() == 0


def test_anonymous_visitor_is_sent_to_login_for_partnerships(client):
    response = client.get(reverse("partnerships:list"))

    assert response.status_code == 302
    assert response.url.startswith(reverse("accounts:login"))


def test_member_opens_a_partnership_with_a_found_partner(client):
    museum = make_organisation(name="Muzeum Historyczne w Sanoku")
    studio = make_organisation(name="Kresy Games", kind="creative_business")
    user = make_user()
    make_member(museum, user)
    client.force_login(user)

    search = client.get(reverse("partnerships:organisation-search"), {"q": "kresy"})
    response = client.post(reverse("partnerships:create"), {
        "title": "Gra o ikonach", "summary": "", "language": "pl", "lead": museum.pk,
        "partners": [studio.pk], "origin": "meeting", "origin_detail": "Rzeszów matchmaking 2026",
    })

    assert [o.name for o in search.context["organisations"]] == ["Kresy Games"]
    partnership = Partnership.objects.get()
    assert response.url == partnership.get_absolute_url()
    assert sorted(partnership.organisations.values_list("name", flat=True)) == ["Kresy Games", "Muzeum Historyczne w Sanoku"]


def test_advancing_without_required_items_shows_what_is_missing(client):
    partnership = make_partnership()
    user = make_user()
    make_member(partnership.members.first().organisation, user)
    client.force_login(user)

    response = client.post(reverse("partnerships:advance", args=[partnership.pk]), follow=True)

    assert "Shared goal written down" in response.content.decode()
    partnership.refresh_from_db()
    assert partnership.stage == "explore"


def test_showcase_lists_only_partnerships_every_partner_agreed_to_publish(client):
    published = make_partnership(title="Wirtualny spacer po cerkwi")
    make_partnership(title="Tajny prototyp")
    _publish(published)

    response = client.get(reverse("partnerships:showcase"))
    hidden = client.get(reverse("partnerships:showcase-detail", args=[published.pk + 1]))

    assert [p.title for p in response.context["page"]] == ["Wirtualny spacer po cerkwi"]
    assert hidden.status_code == 404


def test_operator_sees_every_partnership(client):
    make_partnership(title="A")
    make_partnership(title="B")
    client.force_login(make_operator())

    response = client.get(reverse("partnerships:list"))

    assert sorted(p.title for p in response.context["page"]) == ["A", "B"]
