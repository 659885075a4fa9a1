import pytest


@pytest.fixture(autouse=True)
def _fast_engines(settings):
    # The character n-gram encoder needs no model; small cafés are planned well within a second.
    settings.SACHE_THEMES_ENCODER = "hashing"
    settings.SACHE_ROTATIONS_TIME_LIMIT = 1.0
