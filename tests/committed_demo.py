"""Demo content for the live-server tests: loaded once per test process, then copied back.

A live server answers from other threads, so its tests need committed data and cannot share the
rolled-back demo of ``tests/base_state.py``: each loaded its own (5-12 s of CPU each, a fifth
of the suite's Python time). On SQLite the first such test to load a set of demo parts keeps a
copy of the whole database right after loading (SQLite's backup API, in memory); the next tests
asking for the same parts get that copy back in a few milliseconds, the same rows, ids and
search index. Files (images, documents) live in the process's in-memory storage, which tests
never empty, so the copied rows still find them. On PostgreSQL each test loads its parts.
"""

import sqlite3
from io import StringIO

from django.core.management import call_command
from django.db import DEFAULT_DB_ALIAS, connections
from django.utils.module_loading import import_string

from tests.base_state import PARTS


def load_demo_command():
    call_command("load_demo", stdout=StringIO())


LOADERS = {**{part: import_string(path) for part, path in PARTS.items()}, "site": load_demo_command}
_copies = {}  # parts -> an in-memory SQLite database holding the state right after loading


def load_committed(*parts):
    """Load the demo ``parts`` (keys of LOADERS: ``"site"`` is ``manage.py load_demo``), or copy
    back the database they gave earlier in this process."""
    connection = connections[DEFAULT_DB_ALIAS]
    if connection.vendor != "sqlite":
        for part in parts:
            LOADERS[part]()
        return
    connection.ensure_connection()
    if parts in _copies:
        _copies[parts].backup(connection.connection)
        return
    for part in parts:
        LOADERS[part]()
    copy = sqlite3.connect(":memory:", check_same_thread=False)
    connection.connection.backup(copy)
    _copies[parts] = copy
