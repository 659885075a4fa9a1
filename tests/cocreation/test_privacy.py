import pytest

from sache.accounts.privacy import erase_account, export_personal_data
from sache.cocreation.models import Contribution
from tests.factories.accounts import make_user
from tests.factories.cocreation import make_area, make_contribution, make_workshop

pytestmark = [pytest.mark.integration, pytest.mark.django_db]


def test_export_lists_contributions_and_erasure_keeps_them_without_author():
    workshop = make_workshop()
    user = make_user()
    make_contribution(workshop, make_area(workshop, title="Archiwa"), text="Więcej skanów", author=user, language="pl")
    exported = export_personal_data(user)["cocreation"]["contributions"]
    assert [(item["area"], item["text"]) for item in exported] == [("Archiwa", "Więcej skanów")]
    erase_account(user, actor=user)
    assert list(Contribution.objects.values_list("text", "author")) == [("Więcej skanów", None)]
