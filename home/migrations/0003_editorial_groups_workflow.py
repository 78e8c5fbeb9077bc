"""Groups, their permissions and the "Relecture éditoriale" workflow exist after `migrate`."""

from django.db import migrations

from home import roles

PERMISSION_NAMES = {
    "access_admin": "Can access Wagtail admin",
    "choose_image": "Can choose image",
    "choose_document": "Can choose document",
}


def permission(apps, app_label, model, codename):
    # Permissions are normally created after migrations (post_migrate): create them if missing.
    ContentType = apps.get_model("contenttypes", "ContentType")
    Permission = apps.get_model("auth", "Permission")
    content_type, _ = ContentType.objects.get_or_create(app_label=app_label, model=model)
    name = PERMISSION_NAMES.get(codename, codename.replace("_", " ").capitalize())
    perm, _ = Permission.objects.get_or_create(
        content_type=content_type, codename=codename, defaults={"name": name}
    )
    return perm


def grant_permissions(apps, editors, communication):
    """The model, collection and root page permissions that ``home.roles`` lists (idempotent;
    migration 0005 runs it again for databases migrated before the lists grew)."""
    Page = apps.get_model("wagtailcore", "Page")
    GroupPagePermission = apps.get_model("wagtailcore", "GroupPagePermission")
    editors.permissions.add(*(permission(apps, *p) for p in roles.EDITOR_PERMISSIONS))
    communication.permissions.add(
        *(permission(apps, *p) for p in roles.COMMUNICATION_PERMISSIONS)
    )

    Collection = apps.get_model("wagtailcore", "Collection")
    GroupCollectionPermission = apps.get_model("wagtailcore", "GroupCollectionPermission")
    root_collection = Collection.objects.filter(depth=1).order_by("path").first()
    if root_collection is not None:
        for group, perms in (
            (editors, roles.EDITOR_COLLECTION_PERMISSIONS),
            (communication, roles.COMMUNICATION_COLLECTION_PERMISSIONS),
        ):
            for perm in perms:
                GroupCollectionPermission.objects.get_or_create(
                    group=group, collection=root_collection, permission=permission(apps, *perm)
                )

    root = Page.objects.filter(depth=1).order_by("path").first()
    if root is not None:
        for codename in roles.COMMUNICATION_PAGE_PERMISSIONS:
            GroupPagePermission.objects.get_or_create(
                group=communication,
                page=root,
                permission=permission(apps, "wagtailcore", "page", codename),
            )


def create_groups_and_workflow(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Page = apps.get_model("wagtailcore", "Page")
    GroupPagePermission = apps.get_model("wagtailcore", "GroupPagePermission")
    Workflow = apps.get_model("wagtailcore", "Workflow")
    WorkflowTask = apps.get_model("wagtailcore", "WorkflowTask")
    WorkflowPage = apps.get_model("wagtailcore", "WorkflowPage")
    GroupApprovalTask = apps.get_model("wagtailcore", "GroupApprovalTask")
    ContentType = apps.get_model("contenttypes", "ContentType")

    editors, _ = Group.objects.get_or_create(name=roles.EDITORS)
    communication, _ = Group.objects.get_or_create(name=roles.COMMUNICATION)
    for name in (roles.APPLICANTS, roles.LABEL_TEAM, roles.JURY, roles.JURY_PRESIDENT):
        Group.objects.get_or_create(name=name)

    grant_permissions(apps, editors, communication)

    task_type, _ = ContentType.objects.get_or_create(
        app_label="wagtailcore", model="groupapprovaltask"
    )
    task, _ = GroupApprovalTask.objects.get_or_create(
        name=roles.EDITORIAL_TASK, defaults={"content_type": task_type, "active": True}
    )
    task.groups.add(communication)
    workflow, created = Workflow.objects.get_or_create(
        name=roles.EDITORIAL_WORKFLOW, defaults={"active": True}
    )
    if created:
        WorkflowTask.objects.create(workflow=workflow, task=task, sort_order=0)

    # Index pages that already exist get the editors' rights and the workflow now; later ones
    # get them from home.moderation (post_save signal).
    NewsIndexPage = apps.get_model("home", "NewsIndexPage")
    PressReleaseIndexPage = apps.get_model("home", "PressReleaseIndexPage")
    for index in [*NewsIndexPage.objects.all(), *PressReleaseIndexPage.objects.all()]:
        for codename in roles.EDITOR_PAGE_PERMISSIONS:
            GroupPagePermission.objects.get_or_create(
                group=editors,
                page_id=index.pk,
                permission=permission(apps, "wagtailcore", "page", codename),
            )
        if not WorkflowPage.objects.filter(page_id=index.pk).exists():
            WorkflowPage.objects.create(workflow=workflow, page_id=index.pk)


class Migration(migrations.Migration):
    dependencies = [
        ("home", "0002_editorial_pages"),
        ("wagtailcore", "0098_apitoken"),
        ("wagtailadmin", "0001_create_admin_access_permissions"),
        ("wagtailimages", "0027_image_description"),
        ("wagtaildocs", "0014_alter_document_file_size"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(create_groups_and_workflow, migrations.RunPython.noop)]
