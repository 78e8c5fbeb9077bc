"""Backup and restore of an install: the database and every media storage (public media and the
private dossier attachments), in one archive. PostgreSQL through pg_dump/pg_restore (custom
format), SQLite through its online backup API; files through the storage API, so local folders
and S3 buckets alike. Static files are rebuilt by collectstatic and are not kept."""

import hashlib
import json
import os
import sqlite3
import subprocess
import tarfile
import tempfile
from pathlib import Path, PurePosixPath

from django.conf import settings
from django.core.files import File
from django.core.files.storage import storages
from django.db import connections
from django.utils import timezone

FORMAT = 1
MANIFEST = "manifest.json"
DATABASE_FILES = {"postgresql": "database.pgdump", "sqlite": "database.sqlite3"}


class BackupError(Exception):
    """A backup or restore that cannot go on; the message says why, in French."""


def media_storages():
    """Every storage alias that holds uploaded files (all but static files)."""
    return [alias for alias in settings.STORAGES if alias != "staticfiles"]


def storage_files(storage, directory=""):
    """Every file name of a storage, walked through listdir (works for S3 and memory too)."""
    try:
        folders, files = storage.listdir(directory)
    except (FileNotFoundError, NotADirectoryError):
        return
    for name in sorted(files):
        yield str(PurePosixPath(directory, name)) if directory else name
    for folder in sorted(folders):
        yield from storage_files(storage, str(PurePosixPath(directory, folder)))


def file_digest(storage, name):
    digest = hashlib.sha256()
    with storage.open(name, "rb") as handle:
        for chunk in iter(lambda: handle.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()


def postgres_environment(database):
    """libpq variables for pg_dump/pg_restore: the password never appears in a command line."""
    values = {
        "PGHOST": database.get("HOST") or "",
        "PGPORT": str(database.get("PORT") or ""),
        "PGUSER": database.get("USER") or "",
        "PGPASSWORD": database.get("PASSWORD") or "",
        "PGDATABASE": database["NAME"],
    }
    return {**os.environ, **{key: value for key, value in values.items() if value}}


def database_vendor():
    vendor = connections["default"].vendor
    if vendor not in DATABASE_FILES:
        raise BackupError(f"Base de données non prise en charge : {vendor}.")
    return vendor


def dump_database(target):
    database = connections["default"].settings_dict
    if database_vendor() == "postgresql":
        run(
            ["pg_dump", "--format=custom", "--no-owner", "--no-privileges", f"--file={target}"],
            postgres_environment(database),
        )
    else:
        source = sqlite3.connect(database["NAME"])
        destination = sqlite3.connect(target)
        with destination:
            source.backup(destination)
        source.close()
        destination.close()


def database_is_empty():
    return not connections["default"].introspection.table_names()


def load_database(source, replace):
    connection = connections["default"]
    database = connection.settings_dict
    connections.close_all()
    if database_vendor() == "postgresql":
        command = ["pg_restore", "--no-owner", "--no-privileges", "--exit-on-error"]
        if replace:
            command += ["--clean", "--if-exists"]
        run([*command, f"--dbname={database['NAME']}", str(source)], postgres_environment(database))
    else:
        origin = sqlite3.connect(source)
        destination = sqlite3.connect(database["NAME"])
        with destination:
            origin.backup(destination)
        origin.close()
        destination.close()


def run(command, environment):
    try:
        subprocess.run(command, env=environment, check=True, capture_output=True, text=True)  # noqa: S603
    except FileNotFoundError as error:
        raise BackupError(
            f"{command[0]} est introuvable : installez les outils PostgreSQL."
        ) from error
    except subprocess.CalledProcessError as error:
        raise BackupError(f"{command[0]} a échoué : {error.stderr.strip()}") from error


def create_backup(directory):
    """Write ``tnl-backup-<date>.tar.gz`` in ``directory``; returns its path and manifest."""
    directory = Path(directory)
    directory.mkdir(parents=True, exist_ok=True)
    archive = directory / f"tnl-backup-{timezone.now():%Y%m%d-%H%M%S}.tar.gz"
    vendor = database_vendor()
    manifest = {"format": FORMAT, "created": timezone.now().isoformat(), "database": vendor}
    with tempfile.TemporaryDirectory() as work, tarfile.open(archive, "w:gz") as tar:
        dump = Path(work) / DATABASE_FILES[vendor]
        dump_database(dump)
        tar.add(dump, arcname=DATABASE_FILES[vendor])
        manifest["storages"] = {}
        for alias in media_storages():
            storage = storages[alias]
            names = list(storage_files(storage))
            manifest["storages"][alias] = {name: file_digest(storage, name) for name in names}
            for name in names:
                with storage.open(name, "rb") as handle:
                    info = tarfile.TarInfo(f"storages/{alias}/{name}")
                    info.size = storage.size(name)
                    tar.addfile(info, handle)
        data = json.dumps(manifest, indent=2).encode()
        info = tarfile.TarInfo(MANIFEST)
        info.size = len(data)
        with tempfile.TemporaryFile() as handle:
            handle.write(data)
            handle.seek(0)
            tar.addfile(info, handle)
    return archive, manifest


def restore_backup(archive, replace=False):
    """Load an archive of ``create_backup`` into this install (empty unless ``replace``)."""
    if not database_is_empty() and not replace:
        raise BackupError(
            "La base de données n'est pas vide : restaurez dans une installation vide, "
            "ou ajoutez --replace pour remplacer son contenu."
        )
    with tempfile.TemporaryDirectory() as work, tarfile.open(archive, "r:gz") as tar:
        tar.extractall(work, filter="data")
        root = Path(work)
        manifest = json.loads((root / MANIFEST).read_text())
        if manifest.get("format") != FORMAT:
            raise BackupError("Format de sauvegarde inconnu.")
        vendor = database_vendor()
        if manifest["database"] != vendor:
            raise BackupError(
                f"Sauvegarde d'une base {manifest['database']}, installation sur {vendor}."
            )
        load_database(root / DATABASE_FILES[vendor], replace)
        for alias, files in manifest["storages"].items():
            if alias not in settings.STORAGES:
                raise BackupError(f"Stockage « {alias} » absent de cette installation.")
            storage = storages[alias]
            for name, digest in files.items():
                if storage.exists(name):
                    storage.delete(name)
                with open(root / "storages" / alias / name, "rb") as handle:
                    saved = storage.save(name, File(handle))
                if saved != name or file_digest(storage, name) != digest:
                    raise BackupError(f"Fichier mal restauré : {alias}/{name}.")
    return manifest
