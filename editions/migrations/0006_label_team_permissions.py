"""The label staff ("Équipe label") reach the record's admin screens without the superuser:
the permissions that ``editions.permissions`` lists. Idempotent (get_or_create)."""

from django.db import migrations

from editions.permissions import GROUP, LABEL_TEAM_PERMISSIONS


def permission(apps, app_label, model, codename):
    # Permissions are normally created after migrations (post_migrate): create them if missing.
    ContentType = apps.get_model("contenttypes", "ContentType")
    Permission = apps.get_model("auth", "Permission")
    content_type, _ = ContentType.objects.get_or_create(app_label=app_label, model=model)
    verb, _, rest = codename.partition("_")
    name = "Can access Wagtail admin" if codename == "access_admin" else f"Can {verb} {rest}"
    perm, _ = Permission.objects.get_or_create(
        content_type=content_type, codename=codename, defaults={"name": name}
    )
    return perm


def grant(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    group, _ = Group.objects.get_or_create(name=GROUP)
    group.permissions.add(*(permission(apps, *p) for p in LABEL_TEAM_PERMISSIONS))


def revoke(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    group = Group.objects.filter(name=GROUP).first()
    if group is not None:
        codenames = [c for a, _m, c in LABEL_TEAM_PERMISSIONS if a == "editions"]
        group.permissions.remove(
            *Permission.objects.filter(content_type__app_label="editions", codename__in=codenames)
        )


class Migration(migrations.Migration):
    dependencies = [
        ("editions", "0005_backfill_result_population_and_rank"),
        ("home", "0003_editorial_groups_workflow"),
        ("wagtailadmin", "0001_create_admin_access_permissions"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(grant, revoke)]
