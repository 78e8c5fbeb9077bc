"""Fixtures shared by every app's tests."""

import os

import pytest

# Playwright's sync API runs an event loop in the test thread; Django's ORM is still used
# synchronously there (fixtures, assertions), which is safe in tests.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")


@pytest.fixture
def home_page(db):
    """The demo site's home page (and the Site pointing at it)."""
    from home.demo import load

    return load()
