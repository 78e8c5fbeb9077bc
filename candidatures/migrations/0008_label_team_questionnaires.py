"""The label staff ("Équipe label") set the édition's questionnaire (ROLES.md): the
questionnaire permissions no group held (only the superuser reached /admin/questionnaires/).
Idempotent (get_or_create); found by tests/test_route_matrix.py."""

from django.db import migrations

STAFF = "Équipe label"
CODENAMES = [f"{action}_questionnaire" for action in ("add", "change", "delete", "view")]


def grant(apps, schema_editor):
    ContentType = apps.get_model("contenttypes", "ContentType")
    Permission = apps.get_model("auth", "Permission")
    Group = apps.get_model("auth", "Group")
    content_type, _ = ContentType.objects.get_or_create(
        app_label="candidatures", model="questionnaire"
    )
    group, _ = Group.objects.get_or_create(name=STAFF)
    for codename in CODENAMES:
        verb = codename.split("_")[0]
        perm, _ = Permission.objects.get_or_create(
            content_type=content_type,
            codename=codename,
            defaults={"name": f"Can {verb} questionnaire"},
        )
        group.permissions.add(perm)


def revoke(apps, schema_editor):
    Permission = apps.get_model("auth", "Permission")
    Group = apps.get_model("auth", "Group")
    group = Group.objects.filter(name=STAFF).first()
    if group is not None:
        group.permissions.remove(
            *Permission.objects.filter(
                content_type__app_label="candidatures", codename__in=CODENAMES
            )
        )


class Migration(migrations.Migration):
    dependencies = [
        ("candidatures", "0007_body_claims_referent_notices"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(grant, revoke)]
