"""Demo content built once per group of tests instead of once per test.

Loading the home demo and the éditions demo costs seconds, and so does the cast of people and
dossiers of ``tests.people``; a hundred tests only read them (and change a little, rolled back).
Tests are grouped by the parts they ask for (the fixtures ``home_page``, ``demo``, ``assessment``
and ``cast``);
the first test of a group loads those parts inside an outer transaction, every test of the group
runs in its own savepoint on top (pytest-django's usual per-test atomic), and the outer
transaction is rolled back when the group ends. Tests that need
committed data (live server, transactional tests) run last, with no outer transaction.
"""

from django.db import DEFAULT_DB_ALIAS, connections, transaction
from django.utils.module_loading import import_string

# Demo parts, in loading order (as DEMO_LOADERS), and the fixture that asks for each.
PARTS = {
    "home": "home.demo.load",
    "editions": "editions.demo.load",
    "selfassessment": "editions.selfassessment.demo.load",
    "cast": "tests.people.build_cast",
    "jury_dossiers": "candidatures.tests.test_jury_permissions.build_dossiers",
}
# The parts each fixture needs (the self-assessment is the 2027 édition's: the éditions first).
FIXTURE_PARTS = {
    "home_page": ("home",),
    "demo": ("editions",),
    "assessment": ("editions", "selfassessment"),
    "cast": ("cast",),
    "dossiers": ("jury_dossiers",),
}

NO_DATABASE, TRANSACTIONAL = "0", "~"  # sort before and after every group


def is_transactional(item):
    marker = item.get_closest_marker("django_db")
    if marker and (marker.kwargs.get("transaction") or marker.kwargs.get("serialized_rollback")):
        return True
    return bool({"transactional_db", "live_server"} & set(item.fixturenames))


def uses_database(item):
    return item.get_closest_marker("django_db") is not None or "db" in item.fixturenames


def group_of(item):
    """The group a test runs in: its demo parts, or a marker for no database / transactional."""
    if is_transactional(item):
        return TRANSACTIONAL
    if not uses_database(item):
        return NO_DATABASE
    parts = {part for name in item.fixturenames for part in FIXTURE_PARTS.get(name, ())}
    return "+".join(part for part in PARTS if part in parts)


def order(items):
    """Tests of one group next to each other (stable: a module's order is kept inside)."""
    items.sort(key=group_of)


class SharedDemo:
    """The outer transaction holding the demo parts of the current group."""

    def __init__(self):
        self.parts = ()
        self.atomic = None
        self.connection = None

    def covers(self, part):
        return part in self.parts

    def prepare(self, item, blocker):
        group = group_of(item)
        if group == NO_DATABASE:
            return  # touches no database: whatever is loaded may stay
        parts = tuple(group.split("+")) if group and group != TRANSACTIONAL else ()
        if parts == self.parts:
            return
        self.release(blocker)
        if not parts:
            return
        with blocker.unblock():
            self.connection = connections[DEFAULT_DB_ALIAS]
            self.atomic = transaction.atomic(using=DEFAULT_DB_ALIAS)
            self.atomic.__enter__()
            # Let code under test open durable atomics, as inside Django's TestCase.
            connections[DEFAULT_DB_ALIAS].atomic_blocks[-1]._from_testcase = True
            for part in parts:
                import_string(PARTS[part])()
        self.parts = parts

    def release(self, blocker):
        """Roll the group's demo back, on the connection object that loaded it: once Playwright
        runs, asgiref may hand this thread another connection object (see conftest.py)."""
        if self.atomic is None:
            return
        current = connections[DEFAULT_DB_ALIAS]
        connections[DEFAULT_DB_ALIAS] = self.connection
        try:
            with blocker.unblock():
                transaction.set_rollback(True, using=DEFAULT_DB_ALIAS)
                self.atomic.__exit__(None, None, None)
        finally:
            connections[DEFAULT_DB_ALIAS] = current
        self.atomic, self.connection, self.parts = None, None, ()


shared_demo = SharedDemo()
