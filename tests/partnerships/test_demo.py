"""The demo partnerships cover every stage, are deterministic for a seed and idempotent."""

import io

import pytest

from sache.partnerships import demo
from sache.partnerships.enums import Stage
from sache.partnerships.models import Milestone, Outcome, Partnership
from sache.partnerships.selectors import published_partnerships
from tests.factories.directory import make_organisation

pytestmark = [pytest.mark.integration, pytest.mark.django_db]


@pytest.fixture
def directory():
    for number in range(6):
        make_organisation(name=f"Muzeum {number}", kind="museum", external_id=f"demo-org-h{number}")
        make_organisation(name=f"Studio {number}", kind="creative_business", external_id=f"demo-org-c{number}")


def _snapshot():
    return sorted(
        (p.title, p.stage, p.end_reason, p.is_published, tuple(sorted(m.organisation.name for m in p.members.all())),
         p.milestones.count(), p.milestones.filter(done_at__isnull=False).count(), p.outcomes.count())
        for p in Partnership.objects.prefetch_related("members__organisation")
    )


def test_every_stage_has_partnerships_with_milestones_and_the_later_ones_outcomes(directory):
    demo.load_demo(seed=2026, stdout=io.StringIO(), progress=False)

    stages = set(Partnership.objects.values_list("stage", flat=True))
    assert stages == {stage.value for stage in Stage}
    assert not Partnership.objects.filter(milestones__isnull=True).exists()
    for stage in (Stage.PILOT, Stage.SUSTAIN):
        assert Outcome.objects.filter(partnership__stage=stage).exists()
    assert published_partnerships().count() >= 3
    assert Milestone.objects.filter(done_at__isnull=False).exists()
    # Ended partnerships walked the navigator before ending: the funnel has a history.
    ended = Partnership.objects.filter(stage=Stage.ENDED).first()
    assert ended.transitions.count() >= 2


def test_a_second_run_adds_nothing_and_equal_seeds_give_equal_partnerships(directory):
    demo.load_demo(seed=2026, stdout=io.StringIO(), progress=False)
    first = _snapshot()
    out = io.StringIO()
    demo.load_demo(seed=2026, stdout=out, progress=False)

    assert _snapshot() == first
    assert "0 new" in out.getvalue()
    Partnership.objects.all().delete()
    demo.load_demo(seed=2026, stdout=io.StringIO(), progress=False)
    assert _snapshot() == first
