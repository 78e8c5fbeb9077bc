"""Label staff ("Équipe label") see and edit the workflows and their tasks (issue: every role
without the superuser); adding or deleting a workflow stays with the administrator."""

from django.db import migrations

from home.roles import LABEL_TEAM

CODENAMES = {
    "workflow": ["view_workflow", "change_workflow"],
    "task": ["view_task", "change_task"],
}


def grant(apps, schema_editor):
    ContentType = apps.get_model("contenttypes", "ContentType")
    Permission = apps.get_model("auth", "Permission")
    Group = apps.get_model("auth", "Group")
    group, _ = Group.objects.get_or_create(name=LABEL_TEAM)
    for model, codenames in CODENAMES.items():
        content_type, _ = ContentType.objects.get_or_create(app_label="wagtailcore", model=model)
        for codename in codenames:
            perm, _ = Permission.objects.get_or_create(
                content_type=content_type,
                codename=codename,
                defaults={"name": f"Can {codename.replace('_', ' ')}"},
            )
            group.permissions.add(perm)


def revoke(apps, schema_editor):
    Permission = apps.get_model("auth", "Permission")
    Group = apps.get_model("auth", "Group")
    group = Group.objects.filter(name=LABEL_TEAM).first()
    if group is not None:
        codenames = [codename for names in CODENAMES.values() for codename in names]
        group.permissions.remove(
            *Permission.objects.filter(content_type__app_label="wagtailcore", codename__in=codenames)
        )


class Migration(migrations.Migration):
    dependencies = [
        ("editions", "0009_label_team_tracks"),
        ("wagtailcore", "0098_apitoken"),
    ]

    operations = [migrations.RunPython(grant, revoke)]
