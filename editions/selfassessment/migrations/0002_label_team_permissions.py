"""The label team (Équipe label) configures the self-assessment: admin access and every model
permission on SelfAssessment and its questions. Idempotent (get_or_create)."""

from django.db import migrations

STAFF = "Équipe label"
PERMISSIONS = [
    ("wagtailadmin", "admin", "access_admin"),
    *[
        ("selfassessment", model, f"{action}_{model}")
        for model in ("selfassessment", "selfassessmentquestion")
        for action in ("add", "change", "delete", "view")
    ],
]


def forwards(apps, schema_editor):
    ContentType = apps.get_model("contenttypes", "ContentType")
    Permission = apps.get_model("auth", "Permission")
    Group = apps.get_model("auth", "Group")
    group, _ = Group.objects.get_or_create(name=STAFF)
    for app_label, model, codename in PERMISSIONS:
        ct, _ = ContentType.objects.get_or_create(app_label=app_label, model=model)
        verb, _, rest = codename.partition("_")
        perm, _ = Permission.objects.get_or_create(
            content_type=ct, codename=codename, defaults={"name": f"Can {verb} {rest}"}
        )
        group.permissions.add(perm)


def backwards(apps, schema_editor):
    group = apps.get_model("auth", "Group").objects.filter(name=STAFF).first()
    if group is not None:
        group.permissions.remove(
            *group.permissions.filter(content_type__app_label="selfassessment")
        )


class Migration(migrations.Migration):
    dependencies = [
        ("selfassessment", "0001_initial"),
        ("wagtailadmin", "0001_create_admin_access_permissions"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(forwards, backwards)]
