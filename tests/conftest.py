import pytest
from django.core.cache import cache
from django.utils import translation


@pytest.fixture(autouse=True)
def _fresh_login_throttle(settings):
    # django-axes counts failures in the database; each test starts with a clean slate.
    settings.AXES_ENABLED = True


@pytest.fixture(autouse=True)
def _default_language():
    # A request in Polish leaves Polish active in the thread; without this reset a later
    # test's messages would depend on the order the tests ran in.
    translation.activate("en")
    yield
    translation.activate("en")


@pytest.fixture(autouse=True)
def _empty_cache():
    # Ids repeat between tests (rolled-back rows), so a cached entry or a process's
    # matching index of one test could answer another's question.
    from sache.matching import index

    cache.clear()
    index.reset()
    yield
    cache.clear()
    index.reset()
