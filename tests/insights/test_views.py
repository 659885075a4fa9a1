import io

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from tests.factories.accounts import make_operator, make_user
from tests.factories.directory import make_member, make_organisation
from tests.factories.partnerships import make_partnership

pytestmark = [pytest.mark.integration, pytest.mark.django_db]


@pytest.fixture
def operator_client(client):
    make_organisation(name="Muzeum w Łańcucie", kind="museum", heritage_domains=["built_heritage"])
    make_partnership()
    client.force_login(make_operator())
    return client


def test_anonymous_visitor_is_sent_to_login(client):
    response = client.get(reverse("insights:dashboard"))

    assert response.status_code == 302
    assert response.url.startswith(reverse("accounts:login"))


def test_member_of_a_museum_cannot_read_the_dashboards(client):
    user = make_user()
    make_member(make_organisation(kind="museum"), user)
    client.force_login(user)

    assert client.get(reverse("insights:dashboard")).status_code == 403
    assert client.get(reverse("insights:report")).status_code == 403


def test_member_of_a_public_body_reads_the_dashboard(client):
    user = make_user()
    make_member(make_organisation(kind="public_body", name="Urząd Marszałkowski Województwa Podkarpackiego"), user)
    client.force_login(user)

    response = client.get(reverse("insights:dashboard"))

    assert response.status_code == 200
    assert [row.code for row in response.context["headline"]] == ["organisations", "heritage", "creative", "meetings-held", "partnerships", "pilots"]


def test_dashboard_draws_accessible_svg_charts(operator_client):
    response = operator_client.get(reverse("insights:dashboard"), {"region": "PL82"})

    content = response.content.decode()
    assert 'role="img"' in content
    assert '<title id="chart-organisations-by-kind-title">Organisations by kind</title>' in content
    assert "<desc id=\"chart-organisations-by-kind-desc\">Organisations by kind. Largest: Museum: 2" in content


def test_dashboard_rejects_a_period_that_ends_before_it_starts(operator_client):
    response = operator_client.get(reverse("insights:dashboard"), {"start": "2026-05-01", "end": "2026-01-01"})

    assert "The end of the period is before its start." in response.content.decode()


def test_csv_export_has_the_table_rows(operator_client):
    response = operator_client.get(reverse("insights:export", args=["organisations-by-kind", "csv"]))

    lines = response.content.decode("utf-8-sig").splitlines()
    assert lines[0] == "code,label,organisations"
    assert "museum,Museum,2" in lines


def test_xlsx_export_opens_with_the_same_rows(operator_client):
    response = operator_client.get(reverse("insights:export", args=["partnerships-by-stage", "xlsx"]))

    sheet = load_workbook(io.BytesIO(response.content)).active
    rows = list(sheet.iter_rows(min_row=5, values_only=True))
    assert rows[0] == ("explore", "Explore", 1)


def test_unknown_export_is_404(operator_client):
    assert operator_client.get(reverse("insights:export", args=["nope", "csv"])).status_code == 404
    assert operator_client.get(reverse("insights:export", args=["outcomes", "exe"])).status_code == 404


def test_programme_report_is_a_pdf_with_polish_letters(operator_client):
    response = operator_client.get(reverse("insights:report"), headers={"accept-language": "pl"})

    assert response["Content-Type"] == "application/pdf"
    assert response.content.startswith(b"%PDF")
    assert b"DejaVuSans" in response.content


def test_network_shows_partners_as_nodes(operator_client):
    response = operator_client.get(reverse("insights:network"))

    names = sorted(node.name for node in response.context["graph"].nodes)
    assert names == ["Muzeum-Zamek w Łańcucie", "Pixel Forge Studio"]
    assert 'data-name="Pixel Forge Studio"' in response.content.decode()


def test_map_places_organisations_with_coordinates(operator_client):
    make_organisation(name="Skansen w Sanoku", region="PL822", latitude=49.56, longitude=22.2)

    response = operator_client.get(reverse("insights:map"))

    assert [(p.region, p.organisations) for p in response.context["points"]] == [("PL822", 1)]


def test_after_a_refresh_the_pages_read_the_aggregates_and_say_as_of_when(operator_client):
    from sache.insights.refresh import refresh_insights

    live = operator_client.get(reverse("insights:dashboard"))
    refresh_insights()
    stored = operator_client.get(reverse("insights:dashboard"))

    assert live.context["state"] is None
    assert stored.context["state"] is not None
    assert "Figures as of" in stored.content.decode()
    assert [(r.code, r.value) for r in stored.context["headline"]] == [(r.code, r.value) for r in live.context["headline"]]
    assert operator_client.get(reverse("insights:map")).status_code == 200


def test_network_search_focuses_on_the_organisation_found(operator_client):
    from sache.directory.models import Organisation
    from sache.insights.refresh import refresh_insights

    refresh_insights()
    studio = Organisation.objects.get(name="Pixel Forge Studio")

    found = operator_client.get(reverse("insights:network"), {"q": "Pixel"})
    nothing = operator_client.get(reverse("insights:network"), {"q": "Nonexistent"})

    assert found.context["focus"].id == studio.pk
    assert 'class="focus"' in found.content.decode()
    assert "No organisation in the network has that name." in nothing.content.decode()


def test_dashboard_filters_by_programme_and_the_exports_and_report_follow(operator_client):
    from sache.insights.refresh import refresh_insights
    from tests.factories.events import make_event, make_meeting, make_registration
    from tests.factories.programmes import make_programme

    programme = make_programme(code="CE-SACHE", name="Smart Accelerators")
    inside, outside = make_event(programme=programme), make_event()
    make_meeting(make_registration(inside), make_registration(inside), attendance="held")
    make_meeting(make_registration(outside), make_registration(outside), attendance="held")
    refresh_insights()

    page = operator_client.get(reverse("insights:dashboard"), {"programme": programme.pk})
    everything = operator_client.get(reverse("insights:dashboard"))
    csv_body = operator_client.get(reverse("insights:export", args=["meetings", "csv"]), {"programme": programme.pk}).content.decode("utf-8-sig")
    workbook = load_workbook(io.BytesIO(operator_client.get(reverse("insights:export", args=["meetings", "xlsx"]), {"programme": programme.pk}).content))
    report = operator_client.get(reverse("insights:report"), {"programme": programme.pk})

    held = {r.code: r.value for r in page.context["headline"]}["meetings-held"]
    assert (held, {r.code: r.value for r in everything.context["headline"]}["meetings-held"]) == (1, 2)
    assert f'<option value="{programme.pk}" selected>Smart Accelerators (CE-SACHE)</option>' in page.content.decode()
    assert "held,Held,1" in csv_body.replace("\r", "")
    assert "Smart Accelerators (CE-SACHE)" in workbook.active["A2"].value
    assert report.status_code == 200 and report.content.startswith(b"%PDF")
    # An unknown programme is a form error, not a crash; the figures are then unfiltered.
    assert operator_client.get(reverse("insights:dashboard"), {"programme": "999999"}).status_code == 200


def test_recommendations_panel_has_its_numbers_in_a_captioned_table_and_says_what_filters_apply(operator_client):
    from datetime import date

    from sache.matching.models import SuggestionImpressions

    SuggestionImpressions.objects.create(day=date.today(), surface="organisation", lists=3, shown=18)

    page = operator_client.get(reverse("insights:dashboard"), {"region": "PL82"}).content.decode()
    csv_body = operator_client.get(reverse("insights:export", args=["recommendations", "csv"])).content.decode("utf-8-sig")

    assert '<caption class="visually-hidden">Recommendations shown and marked useful</caption>' in page
    assert '<th scope="col">Useful rate (%)</th>' in page
    assert "the region and programme filters do not apply to recommendations" in page
    assert '<title id="chart-recommendations-title">' in page
    assert csv_body.splitlines()[0] == "code,label,suggestions shown,marked useful,marked not useful,useful rate (%)"
    assert "organisation,Organisation pages,18,0,0,0.0" in csv_body.replace("\r", "")
