"""No group holds ``publish_candidature``: a dossier goes live only when its workflow ends
(``candidatures.lifecycle.finish``), so the editor offers Publier to nobody but superusers."""

from django.db import migrations

GROUPS = ("Équipe label", "Président du jury")


def forwards(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    publish = Permission.objects.filter(
        content_type__app_label="candidatures", codename="publish_candidature"
    )
    for group in Group.objects.filter(name__in=GROUPS):
        group.permissions.remove(*publish)


def backwards(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    publish = Permission.objects.filter(
        content_type__app_label="candidatures", codename="publish_candidature"
    )
    for group in Group.objects.filter(name__in=GROUPS):
        group.permissions.add(*publish)


class Migration(migrations.Migration):
    dependencies = [("candidatures", "0004_jury_groups_workflow")]

    operations = [migrations.RunPython(forwards, backwards)]
