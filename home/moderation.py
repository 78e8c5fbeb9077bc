"""Editorial moderation: the news and press indexes get the editors' rights and the workflow.

The groups and the workflow are created by migration ``0003_editorial_groups_workflow``; an index
page created later (by the demo or in the admin) is wired here, through a ``post_save`` signal.
"""

from django.contrib.auth.models import Group, Permission
from wagtail.models import GroupPagePermission, Page, Workflow, WorkflowPage

from home import roles


def editorial_workflow():
    return Workflow.objects.filter(name=roles.EDITORIAL_WORKFLOW).first()


def attach_editorial_moderation(index_page):
    """Let the editors write under ``index_page`` and send it through the editorial workflow."""
    editors = Group.objects.filter(name=roles.EDITORS).first()
    if editors is not None:
        page_type = Page._meta
        for codename in roles.EDITOR_PAGE_PERMISSIONS:
            permission = Permission.objects.get(
                content_type__app_label=page_type.app_label, codename=codename
            )
            GroupPagePermission.objects.get_or_create(
                group=editors, page_id=index_page.pk, permission=permission
            )
    workflow = editorial_workflow()
    if workflow is not None and not WorkflowPage.objects.filter(page_id=index_page.pk).exists():
        WorkflowPage.objects.create(workflow=workflow, page_id=index_page.pk)


def on_index_saved(sender, instance, created, raw=False, **kwargs):
    if created and not raw:
        attach_editorial_moderation(instance)
