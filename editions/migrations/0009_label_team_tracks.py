"""Label staff ("Équipe label") set up the application tracks of an édition."""

from django.db import migrations

from home.roles import LABEL_TEAM as GROUP

CODENAMES = [f"{action}_applicationtrack" for action in ("add", "change", "delete", "view")]


def grant(apps, schema_editor):
    ContentType = apps.get_model("contenttypes", "ContentType")
    Permission = apps.get_model("auth", "Permission")
    Group = apps.get_model("auth", "Group")
    content_type, _ = ContentType.objects.get_or_create(
        app_label="editions", model="applicationtrack"
    )
    group, _ = Group.objects.get_or_create(name=GROUP)
    for codename in CODENAMES:
        verb = codename.partition("_")[0]
        perm, _ = Permission.objects.get_or_create(
            content_type=content_type,
            codename=codename,
            defaults={"name": f"Can {verb} parcours de candidature"},
        )
        group.permissions.add(perm)


def revoke(apps, schema_editor):
    Permission = apps.get_model("auth", "Permission")
    Group = apps.get_model("auth", "Group")
    group = Group.objects.filter(name=GROUP).first()
    if group is not None:
        group.permissions.remove(
            *Permission.objects.filter(content_type__app_label="editions", codename__in=CODENAMES)
        )


class Migration(migrations.Migration):
    dependencies = [
        ("editions", "0008_application_track"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(grant, revoke)]
