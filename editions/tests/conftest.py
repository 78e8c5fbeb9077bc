import pytest
from django.core.cache import cache

from tests.base_state import shared_demo


@pytest.fixture(autouse=True)
def _fresh_cache():
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def demo(db):
    """The demo éditions (2016-2025, 2027), loaded once per group of tests (tests/base_state.py)."""
    from editions.demo import load
    from editions.models import Edition

    if shared_demo.covers("editions"):
        return Edition.objects.get(year=2021)
    return load()
