import pytest

from sache.matching import index


@pytest.fixture(autouse=True)
def fresh_index(monkeypatch):
    # Each test builds its own index from its own database rows and sees changes at once.
    monkeypatch.setattr(index, "CHECK_INTERVAL_SECONDS", 0.0)
    index.reset()
    yield
    index.reset()
