"""The insights demo adds activity in proportion to the hub, deterministically and once, then refreshes."""

import io

import pytest

from sache.calls.models import Application
from sache.cocreation.models import Workshop
from sache.events.models import Event, Meeting, Registration
from sache.insights import aggregates, demo, selectors
from sache.insights.filters import InsightFilter
from sache.insights.models import RefreshState
from sache.partnerships.models import Partnership
from tests.factories.directory import make_organisation, make_person

pytestmark = [pytest.mark.integration, pytest.mark.django_db]


def _directory(count):
    kinds = ["museum", "library", "creative_business", "technology_provider", "ngo"]
    for number in range(count):
        organisation = make_organisation(name=f"Org {number}", kind=kinds[number % len(kinds)], region=["PL823", "SK042", "HU311"][number % 3],
                                         external_id=f"demo-org-{number:05d}")
        make_person(organisation, external_id=f"demo-person-{number:05d}")


def _activity():
    return (
        sorted(Registration.objects.values_list("event__slug", "organisation__external_id")),
        sorted(Meeting.objects.values_list("requester__organisation__external_id", "recipient__organisation__external_id", "status", "attendance")),
        sorted(Partnership.objects.values_list("title", "stage", "created_at")),
        sorted(Application.objects.values_list("lead__external_id", "status", "submitted_at")),
        sorted(Workshop.objects.values_list("event__slug", "region", "participants__person__external_id")),
    )


def test_activity_grows_with_the_hub_and_fills_every_dashboard_table():
    _directory(100)
    demo.load_demo(seed=1, stdout=io.StringIO(), progress=False)

    assert Event.objects.filter(slug__startswith=demo.SLUG_PREFIX, kind="matchmaking").count() == 1
    assert Meeting.objects.count() == 2 * Registration.objects.count()
    assert Partnership.objects.count() == 8
    assert Application.objects.count() == 4
    assert Workshop.objects.count() == 1 and Workshop.objects.get().participants.count() >= 18
    assert RefreshState.objects.get().refreshed_at is not None
    flt = InsightFilter()
    for key, build in aggregates.TABLE_BUILDERS.items():
        assert [(r.code, r.value) for r in build(flt).rows] == [(r.code, r.value) for r in selectors.TABLE_BUILDERS[key](flt).rows], key


def test_activity_is_deterministic_for_a_seed_and_added_once():
    _directory(60)
    demo.load_demo(seed=3, stdout=io.StringIO(), progress=False)
    first = _activity()
    out = io.StringIO()
    demo.load_demo(seed=3, stdout=out, progress=False)

    assert _activity() == first
    assert "already there" in out.getvalue()


def test_demo_activity_belongs_to_the_two_programmes_and_fills_their_dashboards():
    from sache.programmes.models import Programme

    _directory(100)
    demo.load_demo(seed=1, stdout=io.StringIO(), progress=False)

    project, accelerator = (Programme.objects.get(code=code) for code in ("CE-SACHE", "PK-AKCELERATOR"))
    assert Event.objects.filter(programme__isnull=True).count() == 0
    assert Workshop.objects.filter(event__programme=project).count() == Workshop.objects.count()
    assert Application.objects.filter(call__programme=accelerator).count() == Application.objects.count()
    project_figures = {r.code: r.value for r in aggregates.meetings(InsightFilter(programme=project.pk)).rows}
    assert project_figures["requested"] == Meeting.objects.filter(event__programme=project).count() > 0
    assert not aggregates.calls(InsightFilter(programme=accelerator.pk)).is_empty
    assert aggregates.headline(InsightFilter(programme=project.pk))[0].value > 0
    # Suggestions shown over a year, on every surface.
    assert all(row.value > 0 for row in aggregates.recommendations(InsightFilter()).rows)
    # Again: nothing is added twice.
    before = (Programme.objects.count(), sorted(Event.objects.values_list("pk", "programme")))
    demo.load_demo(seed=1, stdout=io.StringIO(), progress=False)
    assert (Programme.objects.count(), sorted(Event.objects.values_list("pk", "programme"))) == before
