"""Concurrent writers on the configured database: no "database is locked", no lost update.

Each thread has its own connection and runs the read-modify-write a dossier save does (read a
row, write it back changed) inside a transaction. On SQLite the IMMEDIATE transactions and the
busy timeout of cms/settings/base.py serialise them; on PostgreSQL select_for_update does.
"""

import threading

import pytest
from django.conf import settings
from django.contrib.auth.models import Group
from django.db import OperationalError, connection, connections, transaction

WRITERS = 8
SAVES_EACH = 5


def test_sqlite_settings_take_the_write_lock_at_begin():
    database = settings.DATABASES["default"]
    if database["ENGINE"] != "django.db.backends.sqlite3":
        assert "postgresql" in database["ENGINE"]
        return
    options = database["OPTIONS"]
    assert options["transaction_mode"] == "IMMEDIATE"
    assert options["timeout"] >= 5
    assert "journal_mode=WAL" in options["init_command"]


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_concurrent_read_modify_write_never_fails_nor_loses_a_save():
    counter = Group.objects.create(name="compteur-0")
    errors = []
    start = threading.Barrier(WRITERS)

    def writer():
        try:
            start.wait()
            for _ in range(SAVES_EACH):
                with transaction.atomic():
                    group = Group.objects.select_for_update().get(pk=counter.pk)
                    number = int(group.name.rsplit("-", 1)[1])
                    group.name = f"compteur-{number + 1}"
                    group.save(update_fields=["name"])
        except OperationalError as exc:  # "database is locked" would land here
            errors.append(str(exc))
        finally:
            connections.close_all()

    threads = [threading.Thread(target=writer) for _ in range(WRITERS)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)

    assert errors == []
    counter.refresh_from_db()
    assert counter.name == f"compteur-{WRITERS * SAVES_EACH}"
    if connection.vendor == "sqlite":
        with connection.cursor() as cursor:
            cursor.execute("PRAGMA journal_mode")
            assert cursor.fetchone()[0] == "wal"
