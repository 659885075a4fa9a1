import pytest

from tests.factories.accounts import make_operator, make_user
from tests.factories.directory import make_member, make_organisation


@pytest.fixture
def org_a():
    return make_organisation(name="Muzeum A")


@pytest.fixture
def org_b():
    return make_organisation(name="Studio B")


@pytest.fixture
def member_a(org_a):
    user = make_user()
    make_member(org_a, user)
    return user


@pytest.fixture
def operator():
    return make_operator()
