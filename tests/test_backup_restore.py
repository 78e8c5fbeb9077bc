"""deploy/backup then deploy/restore into an empty install: the same dossiers, attachments (with
their content), results and media come back, on SQLite and on PostgreSQL alike."""

import json
import os
import secrets
import subprocess
import sys
from io import StringIO
from pathlib import Path

import psycopg
import pytest
from django.apps import apps
from django.conf import settings
from django.core.files.base import ContentFile
from django.core.files.storage import storages
from django.core.management import call_command
from django.db import connection

from tests.backup_snapshot import snapshot
from tests.committed_demo import load_committed, same_worker

ROOT = Path(__file__).resolve().parents[1]


def empty_database(tmp_path):
    """An empty database of the suite's kind, and its DATABASE_URL; dropped by the caller."""
    if connection.vendor == "sqlite":
        return f"sqlite:///{tmp_path / 'restored.sqlite3'}", None
    database = settings.DATABASES["default"]
    # Named after the configured database (wt_<name>_restore, or test_restore in CI).
    name = f"{os.environ['DATABASE_URL'].rsplit('/', 1)[1]}_restore"
    server = {
        "host": database["HOST"],
        "port": database["PORT"] or 5432,
        "user": database["USER"],
        "password": database["PASSWORD"],
    }
    with psycopg.connect(dbname="postgres", autocommit=True, **server) as admin:
        admin.execute(f'DROP DATABASE IF EXISTS "{name}"')
        admin.execute(f'CREATE DATABASE "{name}"')
    url = f"postgres://{server['user']}@{server['host']}:{server['port']}/{name}"

    def drop():
        with psycopg.connect(dbname="postgres", autocommit=True, **server) as admin:
            admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')

    return url, drop


def in_the_new_install(tmp_path, database_url, *command):
    """Run manage.py with the production settings of a fresh install (its own database and
    media folders, nothing shared with the suite)."""
    keep = {"PATH", "HOME", "LANG", "PYTHONPATH", "PYTHONDONTWRITEBYTECODE"}
    env = {name: value for name, value in os.environ.items() if name in keep}
    env.update(
        DJANGO_SETTINGS_MODULE="cms.settings.production",
        SECRET_KEY=secrets.token_urlsafe(50),
        ALLOWED_HOSTS="label.example.org",
        DATABASE_URL=database_url,
        MEDIA_ROOT=str(tmp_path / "media"),
        PRIVATE_MEDIA_ROOT=str(tmp_path / "private"),
    )
    result = subprocess.run(
        [sys.executable, "manage.py", *command],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 0, result.stderr
    return result


def add_files():
    """An attachment of a dossier (private storage) and a document (public media)."""
    candidature = apps.get_model("candidatures", "Candidature").objects.order_by("pk").first()
    content = b"%PDF-1.4 deliberation du conseil municipal\n"
    name = storages["private"].save(
        f"candidatures/{candidature.pk}/deliberation.pdf", ContentFile(content)
    )
    apps.get_model("candidatures", "Attachment").objects.create(
        candidature=candidature,
        question_key="deliberation",
        file=name,
        original_name="Délibération.pdf",
        content_type="application/pdf",
        size=len(content),
    )
    document = apps.get_model("wagtaildocs", "Document")(title="Règlement 2026")
    document.file.save("reglement-2026.txt", ContentFile(b"Article premier."), save=True)


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
@same_worker("site")
def test_a_backup_restores_into_an_empty_install_with_the_same_dossiers_files_and_results(
    tmp_path,
):
    load_committed("site")  # manage.py load_demo
    add_files()
    before = snapshot()
    assert before["rows"]["candidatures.Candidature"]
    assert before["rows"]["editions.Result"]
    assert before["files"]["private"] and before["files"]["default"]

    archive = call_command(
        "backup", str(tmp_path / "backups"), stdout=StringIO(), stderr=StringIO()
    )
    assert Path(archive).name.startswith("tnl-backup-")

    database_url, drop = empty_database(tmp_path)
    try:
        restored = in_the_new_install(tmp_path, database_url, "restore", archive)
        assert "restaurée" in restored.stderr
        shown = in_the_new_install(
            tmp_path,
            database_url,
            "shell",
            "-c",
            "import json; from tests.backup_snapshot import snapshot; "
            "print('SNAPSHOT', json.dumps(snapshot()))",
        )
        printed = [line for line in shown.stdout.splitlines() if line.startswith("SNAPSHOT ")]
        assert printed, shown.stdout[:500]
        after = json.loads(printed[-1].removeprefix("SNAPSHOT "))
        assert after == json.loads(json.dumps(before))
        # The attachment is where the dossier says, under the private root, not the public one.
        (attachment,) = [
            row["fields"]["file"]
            for row in before["rows"]["candidatures.Attachment"]
            if row["fields"]["original_name"] == "Délibération.pdf"
        ]
        assert (tmp_path / "private" / attachment).read_bytes().startswith(b"%PDF")
        assert not (tmp_path / "media" / attachment).exists()
        # A second restore over the now full install is refused without --replace.
        refused = subprocess.run(
            [sys.executable, "manage.py", "restore", archive],
            cwd=ROOT,
            env={
                **os.environ,
                "DJANGO_SETTINGS_MODULE": "cms.settings.production",
                "SECRET_KEY": secrets.token_urlsafe(50),
                "ALLOWED_HOSTS": "label.example.org",
                "DATABASE_URL": database_url,
            },
            capture_output=True,
            text=True,
            timeout=120,
        )
        assert refused.returncode != 0
        assert "n'est pas vide" in refused.stderr
    finally:
        if drop:
            drop()
