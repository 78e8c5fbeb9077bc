"""Demo content for the live-server tests: loaded once per test process, then copied back.

A live server answers from other threads, so its tests need committed data and cannot share the
rolled-back demo of ``tests/base_state.py``: each loaded its own (5-12 s of CPU each, a fifth
of the suite's Python time). The first such test to load a set of demo parts keeps a copy of the
whole database right after loading; the next tests asking for the same parts get that copy back
in milliseconds, the same rows, ids, sequences and search index:

- on SQLite, with SQLite's backup API, into and out of an in-memory database;
- on PostgreSQL, as a schema of the test database holding a copy of each table that has rows
  (``CREATE TABLE … AS``), written back in one transaction after emptying the tables (Django's
  foreign keys are checked at commit), with every sequence set back where it was.

On PostgreSQL, tables are emptied with ``DELETE`` (``empty_tables_sql``), not ``TRUNCATE``:
truncating the ~110 tables gives each a new file, 0.6-1.2 s; deleting the few hundred rows of
a test takes 0.06-0.1 s. The flush after each transactional test uses it too (conftest.py).

Files (images, documents) live in the process's in-memory storage, which tests never empty, so
the copied rows still find them.
"""

import sqlite3
from io import StringIO

import pytest
from django.core.management import call_command
from django.db import DEFAULT_DB_ALIAS, connections, transaction
from django.db.backends.postgresql.operations import DatabaseOperations
from django.utils.module_loading import import_string

from tests.base_state import PARTS


def load_demo_command():
    call_command("load_demo", stdout=StringIO())


LOADERS = {**{part: import_string(path) for part, path in PARTS.items()}, "site": load_demo_command}
ORIGINAL_SQL_FLUSH = DatabaseOperations.sql_flush
_copies = {}  # parts -> a SQLite database in memory, or a PostgresCopy


def load_committed(*parts):
    """Load the demo ``parts`` (keys of LOADERS: ``"site"`` is ``manage.py load_demo``), or copy
    back the database they gave earlier in this process."""
    connection = connections[DEFAULT_DB_ALIAS]
    connection.ensure_connection()
    if parts in _copies:
        _copies[parts].restore(connection)
        return
    for part in parts:
        LOADERS[part]()
    _copies[parts] = copy_database(connection, name=f"tnl_demo_{len(_copies)}")


def same_worker(*parts):
    """The mark that sends the tests loading ``parts`` to one pytest-xdist worker, where the
    copy made by the first serves the others."""
    return pytest.mark.xdist_group("committed-" + "+".join(parts))


def copy_database(connection, name):
    """A copy of the whole database, to ``restore(connection)`` later (``name``: PostgreSQL's
    schema for it)."""
    copy = SqliteCopy if connection.vendor == "sqlite" else PostgresCopy
    return copy.store(connection, name=name)


class SqliteCopy:
    def __init__(self, database):
        self.database = database

    @classmethod
    def store(cls, connection, name):
        database = sqlite3.connect(":memory:", check_same_thread=False)
        connection.ensure_connection()
        connection.connection.backup(database)
        return cls(database)

    def restore(self, connection):
        connection.ensure_connection()
        self.database.backup(connection.connection)


class PostgresCopy:
    """The tables with rows, copied into the schema ``name`` of the same database."""

    def __init__(self, schema, tables, columns, sequences):
        self.schema, self.tables, self.columns, self.sequences = schema, tables, columns, sequences

    @classmethod
    def store(cls, connection, name):
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT c.relname, string_agg(quote_ident(a.attname), ', ' ORDER BY a.attnum)"
                " FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace"
                " JOIN pg_attribute a ON a.attrelid = c.oid"
                " WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p') AND a.attnum > 0"
                " AND NOT a.attisdropped AND a.attgenerated = ''"
                " AND c.relname <> 'django_migrations'"
                " GROUP BY c.relname"
            )
            columns = dict(cursor.fetchall())
            cursor.execute(
                "SELECT quote_ident(sequencename), last_value FROM pg_sequences"
                " WHERE schemaname = 'public'"
            )
            sequences = cursor.fetchall()
            cursor.execute(f"DROP SCHEMA IF EXISTS {name} CASCADE; CREATE SCHEMA {name}")
            cursor.execute(
                "; ".join(
                    f'CREATE TABLE {name}."{table}" AS SELECT {cols} FROM public."{table}"'
                    for table, cols in columns.items()
                )
            )
            cursor.execute(
                " UNION ALL ".join(
                    f"SELECT '{table}' FROM {name}.\"{table}\" HAVING count(*) > 0"
                    for table in columns
                )
            )
            tables = [row[0] for row in cursor.fetchall()]
        return cls(name, tables, columns, sequences)

    def restore(self, connection):
        statements = [
            *empty_tables_sql(f'public."{table}"' for table in self.columns),
            *(
                f'INSERT INTO public."{table}" ({self.columns[table]})'
                f' SELECT {self.columns[table]} FROM {self.schema}."{table}"'
                for table in self.tables
            ),
            *(
                f"SELECT setval('public.{sequence}', {value or 1}, {value is not None})"
                for sequence, value in self.sequences
            ),
        ]
        with transaction.atomic(using=connection.alias), connection.cursor() as cursor:
            cursor.execute("; ".join(statements))


def empty_tables_sql(tables):
    """Statements emptying ``tables`` (quoted names) in one transaction, on PostgreSQL."""
    return [f"DELETE FROM {table}" for table in tables]


def flush_by_delete(operations, style, tables, *, reset_sequences=False, allow_cascade=False):
    """PostgreSQL's ``sql_flush`` for the test database: the same empty tables (sequences
    untouched, as Django's flush without ``reset_sequences``), by ``DELETE``."""
    if reset_sequences:
        return ORIGINAL_SQL_FLUSH(
            operations, style, tables, reset_sequences=True, allow_cascade=allow_cascade
        )
    return [f"{sql};" for sql in empty_tables_sql(map(operations.quote_name, tables))]
