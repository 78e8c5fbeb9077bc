"""Fixtures shared by every app's tests."""

import os
import shutil

import pytest
from pytest_django.plugin import blocking_manager_key

from tests.base_state import NO_DATABASE, TRANSACTIONAL, group_of, order, shared_demo
from tests.browser import stop_shared
from tests.migrated_db import migrated_copy

# Playwright's sync API runs an event loop in the test thread; Django's ORM is still used
# synchronously there (fixtures, assertions), which is safe in tests.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

XDIST_RUN = pytest.StashKey[str]()


@pytest.fixture(scope="session")
def django_db_modify_db_settings(django_db_modify_db_settings_parallel_suffix, django_db_blocker):
    """The session's test database starts as the migrated copy when one exists for the current
    migrations (tests/migrated_db.py); Django then keeps it (``keepdb``) and applies nothing."""
    with django_db_blocker.unblock():
        migrated_copy.seed()


@pytest.fixture(scope="session")
def django_db_keepdb(request):
    # With the copies, each session's database is new anyway (seeded or removed just above).
    return migrated_copy.enabled() or request.config.getvalue("reuse_db")


@pytest.fixture(scope="session")
def django_db_createdb(request):
    return not migrated_copy.enabled() and request.config.getvalue("create_db")


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    """Store the migrated copy if this session had to migrate; bring the migrated state back
    quickly for ``serialized_rollback``.

    A transactional test with ``serialized_rollback`` (every live-server test) starts by
    rewriting, row by row through the ORM, what Django serialised after migrating (groups,
    content types, the root page...): ~0.5 s per test on PostgreSQL. The same state, copied once
    here (tests/committed_demo.py), is written back instead, in milliseconds. On PostgreSQL the
    flush after such a test deletes the rows instead of truncating every table (~1 s less).

    Playwright's sync API switches context; asgiref then gives Django a fresh connection object
    (same database) that lacks ``_test_serialized_contents``, so transactional tests after the
    browser started were flushed and never restored. Storing it on the class fixes it.
    """
    from django.db import connections
    from django.db.backends.postgresql.operations import DatabaseOperations

    from tests.committed_demo import copy_database, flush_by_delete

    default = connections["default"]
    with django_db_blocker.unblock():
        migrated_copy.store()
        migrated_state = copy_database(default, name="tnl_migrated_state")
    contents = getattr(default, "_test_serialized_contents", None)
    if contents is not None:
        type(default)._test_serialized_contents = contents

    def restore_migrated_state(creation, data):
        migrated_state.restore(creation.connection)

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(type(default.creation), "deserialize_db_from_string", restore_migrated_state)
        patch.setattr(DatabaseOperations, "sql_flush", flush_by_delete)
        yield


def pytest_collection_modifyitems(items):
    order(items)
    for item in items:
        # Under pytest-xdist (``--dist loadgroup``, see the Makefile) a group's tests go to one
        # worker, which builds its demo once; tests without a shared demo are spread one by one.
        group = group_of(item)
        if group not in (NO_DATABASE, TRANSACTIONAL, "") and not item.get_closest_marker(
            "xdist_group"
        ):
            item.add_marker(pytest.mark.xdist_group(group))


@pytest.hookimpl(wrapper=True)
def pytest_fixture_setup(fixturedef, request):
    """Before a test's own atomic (pytest-django's ``_django_db_helper``): its group's demo."""
    if fixturedef.argname == "_django_db_helper":
        request.getfixturevalue("django_db_setup")
        shared_demo.prepare(request.node, request.getfixturevalue("django_db_blocker"))
    elif fixturedef.argname in {"browser", "live_server"}:
        # Before Playwright switches contexts or a server thread opens its own connection.
        shared_demo.release(request.getfixturevalue("django_db_blocker"))
    return (yield)


@pytest.hookimpl(optionalhook=True)
def pytest_configure_node(node):
    """pytest-xdist's controller: remember the run, to stop the workers' shared HTML checker."""
    node.config.stash[XDIST_RUN] = node.workerinput["testrunuid"]


def pytest_sessionfinish(session):
    if XDIST_RUN in session.config.stash:
        stop_shared(session.config.stash[XDIST_RUN])
    if blocking_manager_key in session.config.stash:
        shared_demo.release(session.config.stash[blocking_manager_key])


@pytest.fixture(scope="session", autouse=True)
def _renditions_encoded_once():
    """Each rendition's bytes encoded once per process (tests/renditions.py)."""
    from wagtail.images.models import Filter

    from tests import renditions

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(Filter, "run", renditions.run)
        yield


@pytest.fixture(autouse=True)
def _clear_cache():
    """Each test starts with an empty cache: cached pages or menus never leak between tests."""
    from django.core.cache import cache

    cache.clear()
    yield


@pytest.fixture
def home_page(db):
    """The demo site's home page (and the Site pointing at it), loaded once per group of tests."""
    from home.demo import load
    from home.models import HomePage

    if shared_demo.covers("home"):
        return HomePage.objects.order_by("pk").first()
    return load()


@pytest.fixture
def demo(db):
    """The demo éditions (2016-2025, 2027), loaded once per group of tests (tests/base_state.py)."""
    from editions.demo import load
    from editions.models import Edition

    if shared_demo.covers("editions"):
        return Edition.objects.get(year=2021)
    return load()


@pytest.fixture
def cast(db):
    """People in their real groups and a dossier in each state (``tests.people``), built once
    per group of tests."""
    from tests.people import build_cast, find_cast

    return find_cast() if shared_demo.covers("cast") else build_cast()


CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


def chromium_path():
    return shutil.which("chromium") or shutil.which("chromium-browser")


@pytest.fixture(scope="session")
def browser():
    executable = chromium_path()
    if not executable:
        message = "Debian's chromium is not installed (apt-get install chromium)"
        if os.environ.get("REQUIRE_BROWSER") == "1":
            pytest.fail(message + " and REQUIRE_BROWSER=1 is set")
        pytest.skip(message)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=executable, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture
def page(browser):
    context = browser.new_context(locale="fr-FR", viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.console_errors = []
    page.on(
        "console",
        lambda msg: (
            msg.type == "error"
            and page.console_errors.append(f"{msg.text} ({msg.location.get('url', '')})")
        ),
    )
    page.on("pageerror", lambda exc: page.console_errors.append(str(exc)))
    yield page
    context.close()
