import pytest


@pytest.fixture(autouse=True)
def _fresh_login_throttle(settings):
    # django-axes counts failures in the database; each test starts with a clean slate.
    settings.AXES_ENABLED = True
