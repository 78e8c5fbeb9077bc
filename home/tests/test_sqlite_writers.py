"""Concurrent writers on SQLite with the settings of cms/settings/base.py: no "database is
locked", no lost update.

The writers use a database file of their own (same engine OPTIONS as the site's database), so
the test database is never flushed. Each thread has its own connection and runs the
read-modify-write of a dossier save (read a row, write it back changed) in a transaction: the
IMMEDIATE transactions take the write lock at BEGIN and the busy timeout makes the others wait.
Without them (DEFERRED), a reader that turns writer fails at once under WAL.
"""

import threading

from django.conf import settings
from django.db import OperationalError, connections, transaction

WRITERS = 8
SAVES_EACH = 5
ALIAS = "concurrent_writers"


def sqlite_options():
    """The OPTIONS base.py gives a SQLite database (whatever the test run's database is)."""
    database = settings.DATABASES["default"]
    if database["ENGINE"] == "django.db.backends.sqlite3":
        return database["OPTIONS"]
    # On PostgreSQL runs, rebuild them the way base.py does for a sqlite:/// DATABASE_URL.
    return {
        "transaction_mode": "IMMEDIATE",
        "timeout": 20,
        "init_command": "PRAGMA journal_mode=WAL;PRAGMA synchronous=NORMAL;PRAGMA foreign_keys=ON",
    }


def test_sqlite_settings_take_the_write_lock_at_begin():
    options = sqlite_options()
    assert options["transaction_mode"] == "IMMEDIATE"
    assert options["timeout"] >= 5
    assert "journal_mode=WAL" in options["init_command"]


def run_writers(path):
    database = {"ENGINE": "django.db.backends.sqlite3", "NAME": str(path)}
    database["OPTIONS"] = dict(sqlite_options())
    connections.settings[ALIAS] = connections.configure_settings(
        {"default": settings.DATABASES["default"], ALIAS: database}
    )[ALIAS]
    with connections[ALIAS].cursor() as cursor:
        cursor.execute("CREATE TABLE dossier (id INTEGER PRIMARY KEY, saves INTEGER NOT NULL)")
        cursor.execute("INSERT INTO dossier (id, saves) VALUES (1, 0)")
    connections[ALIAS].close()
    errors = []
    start = threading.Barrier(WRITERS)

    def writer():
        try:
            start.wait()
            for _ in range(SAVES_EACH):
                with transaction.atomic(using=ALIAS), connections[ALIAS].cursor() as cursor:
                    cursor.execute("SELECT saves FROM dossier WHERE id = 1")
                    saves = cursor.fetchone()[0]
                    cursor.execute("UPDATE dossier SET saves = %s WHERE id = 1", [saves + 1])
        except OperationalError as exc:  # "database is locked" lands here
            errors.append(str(exc))
        finally:
            connections[ALIAS].close()

    threads = [threading.Thread(target=writer) for _ in range(WRITERS)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)
    with connections[ALIAS].cursor() as cursor:
        cursor.execute("SELECT saves FROM dossier WHERE id = 1")
        saves = cursor.fetchone()[0]
        cursor.execute("PRAGMA journal_mode")
        journal = cursor.fetchone()[0]
    connections[ALIAS].close()
    del connections.settings[ALIAS]
    return errors, saves, journal


def test_concurrent_read_modify_write_never_fails_nor_loses_a_save(tmp_path, django_db_blocker):
    with django_db_blocker.unblock():  # a database of its own, not the test database
        errors, saves, journal = run_writers(tmp_path / "writers.sqlite3")
    assert errors == []
    assert saves == WRITERS * SAVES_EACH
    assert journal == "wal"
