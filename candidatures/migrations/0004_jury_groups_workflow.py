"""Groups of the label team and the jury with their permissions, and the moderation workflow
"Instruction des candidatures" attached to the Candidature snippet. Idempotent (get_or_create)."""

from django.db import migrations

STAFF, JURY, PRESIDENT = "Équipe label", "Jury", "Président du jury"
WORKFLOW = "Instruction des candidatures"
TASKS = [
    ("eligibilitytask", "Recevabilité"),
    ("juryevaluationtask", "Évaluation du jury"),
    ("deliberationtask", "Délibération"),
]
CRUD = ("add", "change", "delete", "view")
GROUP_PERMISSIONS = {
    STAFF: [
        ("wagtailadmin", "admin", "access_admin"),
        *[("candidatures", "candidature", f"{a}_candidature") for a in CRUD],
        ("candidatures", "candidature", "lock_candidature"),
        ("candidatures", "candidature", "unlock_candidature"),
        *[
            ("candidatures", model, f"{a}_{model}")
            for model in ("jury", "conflictofinterest", "assignment", "evaluation", "emailtemplate")
            for a in CRUD
        ],
    ],
    JURY: [
        ("wagtailadmin", "admin", "access_admin"),
        ("candidatures", "candidature", "view_candidature"),
        ("candidatures", "evaluation", "add_evaluation"),
        ("candidatures", "evaluation", "change_evaluation"),
        ("candidatures", "evaluation", "view_evaluation"),
        ("candidatures", "conflictofinterest", "add_conflictofinterest"),
        ("candidatures", "conflictofinterest", "view_conflictofinterest"),
    ],
    PRESIDENT: [
        ("wagtailadmin", "admin", "access_admin"),
        ("candidatures", "candidature", "view_candidature"),
        ("candidatures", "evaluation", "add_evaluation"),
        ("candidatures", "evaluation", "change_evaluation"),
        ("candidatures", "evaluation", "view_evaluation"),
        ("candidatures", "conflictofinterest", "add_conflictofinterest"),
        ("candidatures", "conflictofinterest", "view_conflictofinterest"),
        ("candidatures", "jury", "view_jury"),
    ],
}


def permission(apps, app_label, model, codename):
    ContentType = apps.get_model("contenttypes", "ContentType")
    Permission = apps.get_model("auth", "Permission")
    ct, _ = ContentType.objects.get_or_create(app_label=app_label, model=model)
    verb, _, rest = codename.partition("_")
    perm, _ = Permission.objects.get_or_create(
        content_type=ct, codename=codename, defaults={"name": f"Can {verb} {rest}"}
    )
    return perm


def forwards(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    for name, perms in GROUP_PERMISSIONS.items():
        group, _ = Group.objects.get_or_create(name=name)
        group.permissions.add(*[permission(apps, *p) for p in perms])

    ContentType = apps.get_model("contenttypes", "ContentType")
    Workflow = apps.get_model("wagtailcore", "Workflow")
    WorkflowTask = apps.get_model("wagtailcore", "WorkflowTask")
    WorkflowContentType = apps.get_model("wagtailcore", "WorkflowContentType")
    workflow, _ = Workflow.objects.get_or_create(name=WORKFLOW, defaults={"active": True})
    for order, (model_name, task_name) in enumerate(TASKS):
        TaskModel = apps.get_model("candidatures", model_name)
        ct, _ = ContentType.objects.get_or_create(app_label="candidatures", model=model_name)
        task = TaskModel.objects.filter(name=task_name).first()
        if task is None:
            task = TaskModel.objects.create(name=task_name, content_type=ct, active=True)
        WorkflowTask.objects.get_or_create(
            workflow=workflow, task_id=task.pk, defaults={"sort_order": order}
        )
    candidature_ct, _ = ContentType.objects.get_or_create(
        app_label="candidatures", model="candidature"
    )
    WorkflowContentType.objects.update_or_create(
        content_type=candidature_ct, defaults={"workflow": workflow}
    )


def backwards(apps, schema_editor):
    apps.get_model("wagtailcore", "Workflow").objects.filter(name=WORKFLOW).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("candidatures", "0003_jury_models"),
        ("home", "0003_editorial_groups_workflow"),
        ("wagtailadmin", "0001_create_admin_access_permissions"),
        ("wagtailcore", "0098_apitoken"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(forwards, backwards)]
