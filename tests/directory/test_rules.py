import pytest
from django.contrib.auth.models import AnonymousUser

from sache.directory import rules
from tests.factories.accounts import make_operator, make_user
from tests.factories.directory import make_member, make_organisation

pytestmark = [pytest.mark.integration, pytest.mark.django_db]


@pytest.fixture
def organisation():
    return make_organisation()


def test_is_org_member(organisation):
    member, stranger = make_user(), make_user()
    make_member(organisation, member)

    assert [rules.is_org_member(u, organisation) for u in (member, stranger, AnonymousUser())] == [True, False, False]


def test_is_org_admin_needs_the_admin_flag(organisation):
    admin, member = make_user(), make_user()
    organisation.people.create(user=admin, first_name="A", last_name="A", is_admin=True)
    make_member(organisation, member)

    assert [rules.is_org_admin(u, organisation) for u in (admin, member, AnonymousUser())] == [True, False, False]


def test_can_edit_organisation(organisation):
    member, operator, other = make_user(), make_operator(), make_user()
    make_member(organisation, member)
    make_member(make_organisation(), other)

    assert [rules.can_edit_organisation(u, organisation) for u in (member, operator, other, AnonymousUser())] == [
        True, True, False, False
    ]


def test_can_delete_organisation(organisation):
    admin, member, operator = make_user(), make_user(), make_operator()
    organisation.people.create(user=admin, first_name="A", last_name="A", is_admin=True)
    make_member(organisation, member)

    assert [rules.can_delete_organisation(u, organisation) for u in (admin, member, operator)] == [True, False, True]


def test_can_create_and_moderate():
    user, operator = make_user(), make_operator()

    assert [rules.can_create_organisation(u) for u in (user, AnonymousUser())] == [True, False]
    assert [rules.can_moderate(u) for u in (user, operator, AnonymousUser())] == [False, True, False]
