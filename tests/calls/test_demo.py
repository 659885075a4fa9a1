import io

import pytest

from sache.calls import demo, services
from sache.calls.enums import ApplicationStatus
from sache.calls.models import Application, Call, Decision, Review, ReviewAssignment
from sache.directory.enums import OrganisationKind
from tests.factories.accounts import make_user
from tests.factories.directory import make_member, make_organisation

pytestmark = [pytest.mark.integration, pytest.mark.django_db]


@pytest.fixture
def hub():
    museum = make_organisation(name="Muzeum Okręgowe", external_id="org-0001")
    studio = make_organisation(name="Studio Pixel", kind=OrganisationKind.CREATIVE_BUSINESS, external_id="org-0002")
    make_member(museum, make_user(email="museum@demo.sache.example.org"))
    make_member(studio, make_user(email="studio@demo.sache.example.org"))
    make_user(email=demo.DEMO_REVIEWER, is_reviewer=True)
    for number in range(3, 23):
        kind = OrganisationKind.GALLERY if number % 2 else OrganisationKind.CREATIVE_BUSINESS
        make_organisation(kind=kind, external_id=f"org-{number:04d}")
    return museum, studio


def _state():
    return (
        sorted(Application.objects.values_list("call__title", "lead__name", "status")),
        sorted(ReviewAssignment.objects.values_list("application__lead__name", "reviewer__email")),
        sorted(Decision.objects.values_list("application__lead__name", "outcome", "rank")),
    )


def test_load_demo_is_idempotent_with_a_ranked_closed_call_and_an_open_call(hub):
    museum, _studio = hub

    demo.load_demo(seed=3, stdout=io.StringIO(), progress=False)
    first = _state()
    out = io.StringIO()
    demo.load_demo(seed=3, stdout=out, progress=False)

    closed, open_call = Call.objects.get(title=demo.CLOSED_TITLE), Call.objects.get(title=demo.OPEN_TITLE)
    assert _state() == first
    assert out.getvalue() == "Demo calls: 0 new applications, 0 new reviews, 0 decisions."
    assert (closed.is_open(), open_call.is_open()) == (False, True)
    assert closed.applications.filter(status=ApplicationStatus.SUBMITTED).count() == 10
    assert Decision.objects.filter(application__call=closed).count() == len(services.ranking(closed)) > 0
    demo_reviews = ReviewAssignment.objects.filter(reviewer__email=demo.DEMO_REVIEWER)
    assert demo_reviews.count() >= 1
    assert Review.objects.filter(assignment__in=demo_reviews, submitted_at__isnull=False).count() == demo_reviews.count() - 1
    assert open_call.applications.filter(lead=museum, status=ApplicationStatus.DRAFT).count() == 1
