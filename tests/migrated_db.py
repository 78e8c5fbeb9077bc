"""The test database built by the migrations once, then copied, while the migrations stay the same.

Running the 260 migrations (Wagtail's and ours) costs ~45 s per test process on this machine, paid
by every pytest-xdist worker of every run. The first process to migrate keeps a copy, keyed by
what decides the migrated schema and data (INPUTS below, the engine, the Python version); later
processes start from that copy (a SQLite file, a PostgreSQL template database) and Django's
``migrate`` then finds nothing to apply. A changed migration, model, dependency or setting gives
a new key, hence a real migration run. ``TNL_TEST_DB_CACHE=off`` migrates every
time; ``.ci/production-path`` migrates an empty PostgreSQL database as the README says, so CI
still runs every migration.
"""

import hashlib
import os
import sqlite3
import sys
import time
from contextlib import closing, suppress
from pathlib import Path

from django.db import DEFAULT_DB_ALIAS, DatabaseError, connections

BASE_DIR = Path(__file__).resolve().parent.parent
KEEP = 3  # copies kept (checkouts with other migrations share the cache and the cluster)
# What decides the migrated database: the migrations, the modules they import (group names,
# permission lists, field callables), the models (permissions made after migrating), the locked
# dependencies (Wagtail's migrations) and the settings.
INPUTS = (
    "*/migrations/*.py",
    "*/*/migrations/*.py",
    "*/models.py",
    "*/models/*.py",
    "*/*/models.py",
    "home/roles.py",
    "home/listing.py",
    "editions/permissions.py",
    "requirements.lock",
    "cms/settings/base.py",
    "cms/settings/test.py",
)


def cache_dir():
    """Where the SQLite copies live (outside the clone: a fresh clone of CI finds them too)."""
    value = os.environ.get("TNL_TEST_DB_CACHE", "")
    if value == "off":
        return None
    return Path(value or Path.home() / ".cache" / "tnl-tests")


def migrations_digest(*extra):
    """A digest of INPUTS (and of ``extra`` strings): it changes when the migrated state may."""
    digest = hashlib.sha256(f"{sys.version_info[:2]}".encode())
    for value in extra:
        digest.update(value.encode())
    for pattern in INPUTS:
        for path in sorted(BASE_DIR.glob(pattern)):
            digest.update(str(path.relative_to(BASE_DIR)).encode())
            digest.update(path.read_bytes())
    return digest.hexdigest()


def key(connection):
    return migrations_digest(connection.vendor)[:20]


def copy_sqlite(source, target):
    """SQLite's backup API: a consistent copy, WAL included."""
    with closing(sqlite3.connect(source)) as origin, closing(sqlite3.connect(target)) as copy:
        origin.backup(copy)


class MigratedCopy:
    """Seeds the session's test database from the copy before Django sets it up (with
    ``keepdb``), and stores a copy after a session that had to migrate."""

    def __init__(self):
        self.seeded = False

    @property
    def connection(self):
        return connections[DEFAULT_DB_ALIAS]

    def enabled(self):
        return cache_dir() is not None and self.connection.vendor in {"sqlite", "postgresql"}

    def test_name(self):
        return self.connection.creation._get_test_db_name()

    def seed(self):
        """Replace whatever test database a former session left with the migrated copy, or
        remove it so that Django creates and migrates a new one."""
        if not self.enabled():
            return
        if self.connection.vendor == "sqlite":
            self.seeded = self._seed_sqlite()
        else:
            self.seeded = self._seed_postgresql()

    def store(self):
        """After Django's setup migrated a new database (nothing of the tests in it yet)."""
        if self.seeded or not self.enabled():
            return
        if self.connection.vendor == "sqlite":
            self._store_sqlite()
        else:
            self._store_postgresql()

    # SQLite: one file per key; the backup API copies a WAL database whole.
    def _copy_path(self):
        return cache_dir() / f"{key(self.connection)}.sqlite3"

    def _seed_sqlite(self):
        name = self.test_name()
        for suffix in ("", "-wal", "-shm"):
            Path(name + suffix).unlink(missing_ok=True)
        copy = self._copy_path()
        if not copy.exists():
            return False
        copy_sqlite(copy, name)
        return True

    def _store_sqlite(self):
        copy = self._copy_path()
        copy.parent.mkdir(parents=True, exist_ok=True)
        partial = copy.with_suffix(f".{os.getpid()}.partial")
        self.connection.close()
        copy_sqlite(self.connection.settings_dict["NAME"], partial)
        os.replace(partial, copy)  # atomic: a worker storing the same key at once is harmless
        older = sorted(copy.parent.glob("*.sqlite3"), key=lambda path: -path.stat().st_mtime)
        for stale in older[KEEP:]:
            stale.unlink(missing_ok=True)

    # PostgreSQL: a template database per key, cloned by CREATE DATABASE ... TEMPLATE.
    def _template(self):
        return f"tnl_migrated_{key(self.connection)}"

    def _admin(self, sql, retry_busy=False):
        """Runs ``sql`` outside any database under test (CREATE/DROP DATABASE)."""
        for attempt in range(20):
            try:
                with self.connection._nodb_cursor() as cursor:
                    cursor.execute(sql)
                    return cursor.fetchall() if cursor.description else None
            except DatabaseError as error:
                # Two workers cloning one template at the same instant: wait for the other.
                if not (retry_busy and "being accessed by other users" in str(error)):
                    raise
                time.sleep(0.1 + 0.1 * attempt)
        raise RuntimeError(f"{sql}: the template stayed busy")

    def _exists(self, name):
        rows = self._admin(f"SELECT 1 FROM pg_database WHERE datname = '{name}'")
        return bool(rows)

    def _seed_postgresql(self):
        quote = self.connection.ops.quote_name
        name = self.test_name()
        self._admin(f"DROP DATABASE IF EXISTS {quote(name)}")
        if not self._exists(self._template()):
            return False
        self._admin(
            f"CREATE DATABASE {quote(name)} TEMPLATE {quote(self._template())}", retry_busy=True
        )
        return True

    def _store_postgresql(self):
        quote = self.connection.ops.quote_name
        name = self.connection.settings_dict["NAME"]
        self.connection.close()
        if self._exists(self._template()):
            return
        partial = f"{self._template()}_{os.getpid()}"
        self._admin(f"CREATE DATABASE {quote(partial)} TEMPLATE {quote(name)}", retry_busy=True)
        try:
            self._admin(f"ALTER DATABASE {quote(partial)} RENAME TO {quote(self._template())}")
        except DatabaseError:
            # Another worker stored the same key first.
            self._admin(f"DROP DATABASE IF EXISTS {quote(partial)}")
        older = self._admin(
            # Templates only: a partial copy's name has one more "_<pid>".
            "SELECT datname FROM pg_database WHERE datname ~ '^tnl_migrated_[0-9a-f]+$' "
            f"ORDER BY oid DESC OFFSET {KEEP}"
        )
        for (stale,) in older:
            with suppress(DatabaseError):  # being cloned by another checkout's run: next time
                self._admin(f"DROP DATABASE IF EXISTS {quote(stale)}")


migrated_copy = MigratedCopy()
