"""Communication manages the menus, the footer, the site identity, images and documents (delete
included) and unlocks pages: databases migrated before ``home.roles`` listed these get them.
Idempotent: it grants what the lists say, whatever already exists."""

import importlib

from django.db import migrations

from home import roles

editorial_groups = importlib.import_module("home.migrations.0003_editorial_groups_workflow")


def grant_editorial_permissions(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    editors, _ = Group.objects.get_or_create(name=roles.EDITORS)
    communication, _ = Group.objects.get_or_create(name=roles.COMMUNICATION)
    editorial_groups.grant_permissions(apps, editors, communication)


class Migration(migrations.Migration):
    dependencies = [("home", "0004_dated_pages_date_without_callable_default")]

    operations = [migrations.RunPython(grant_editorial_permissions, migrations.RunPython.noop)]
