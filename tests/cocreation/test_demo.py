import io

import pytest

from sache.cocreation import demo
from sache.cocreation.enums import RunStatus
from sache.cocreation.models import Contribution, Seat, Vote, Workshop
from sache.directory.enums import OrganisationKind
from sache.directory.models import Person
from tests.factories.accounts import make_user
from tests.factories.directory import make_member, make_organisation

pytestmark = [pytest.mark.integration, pytest.mark.django_db]

KINDS = [OrganisationKind.MUSEUM, OrganisationKind.CREATIVE_BUSINESS, OrganisationKind.TECHNOLOGY_PROVIDER, OrganisationKind.PUBLIC_BODY]


@pytest.fixture
def hub():
    museum = make_organisation(name="Muzeum Okręgowe", kind=OrganisationKind.MUSEUM, external_id="org-0001")
    make_member(museum, make_user(email="museum@demo.sache.example.org"))
    for number in range(2, 40):
        organisation = make_organisation(kind=KINDS[number % 4], external_id=f"org-{number:04d}")
        Person.objects.create(organisation=organisation, first_name="Osoba", last_name=f"Nr {number}")


def test_load_demo_builds_a_finished_cafe_with_published_conclusions_and_is_idempotent(hub):
    out = io.StringIO()
    demo.load_demo(seed=5, stdout=out, progress=False)
    workshop = Workshop.objects.get()
    state = (
        workshop.participants.count(), workshop.areas.count(), Contribution.objects.count(),
        Vote.objects.count(), Seat.objects.count(),
    )
    demo.load_demo(seed=5, stdout=io.StringIO(), progress=False)
    assert state == (
        workshop.participants.count(), workshop.areas.count(), Contribution.objects.count(),
        Vote.objects.count(), Seat.objects.count(),
    )
    assert state[:3] == (30, 5, 60)
    assert workshop.plans.get().status == RunStatus.FINISHED
    assert workshop.participants.filter(person__user__email="museum@demo.sache.example.org").count() == 1
    workshop.refresh_from_db()
    assert workshop.conclusions.is_published is True
    assert workshop.conclusions.body.splitlines()[0] == f"# Wnioski: {workshop.event.title}"
    assert sorted(set(Contribution.objects.values_list("language", flat=True))) == ["cs", "de", "en", "hu", "it", "pl", "sk"]
    assert "conclusions published" in out.getvalue()
