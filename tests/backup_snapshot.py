"""What a restore must bring back, read the same way in the test and in the restored install:
dossiers, attachments (with their content), results, and every stored file."""

import json

from django.apps import apps
from django.core import serializers
from django.core.files.storage import storages

from home.backup import file_digest, media_storages, storage_files

MODELS = [
    ("candidatures", "Candidature"),
    ("candidatures", "Attachment"),
    ("editions", "Result"),
    ("editions", "Collectivite"),
]


def snapshot():
    rows = {
        f"{app}.{model}": json.loads(
            serializers.serialize("json", apps.get_model(app, model).objects.order_by("pk"))
        )
        for app, model in MODELS
    }
    files = {
        alias: {name: file_digest(storages[alias], name) for name in storage_files(storages[alias])}
        for alias in media_storages()
    }
    return {"rows": rows, "files": files}
