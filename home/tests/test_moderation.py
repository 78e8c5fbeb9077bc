"""Editorial moderation: groups and workflow after migrate; editors submit, managers decide."""

import datetime

import pytest
from django.contrib.auth.models import Group
from django.core import mail
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone
from wagtail.models import GroupPagePermission, Page, Workflow, WorkflowState

from home import roles
from home.factories import NewsIndexPageFactory
from home.models import NewsPage
from home.tests.forms import news_form

pytestmark = pytest.mark.django_db


def add_url(index):
    return reverse("wagtailadmin_pages:add", args=("home", "newspage", index.pk))


def test_groups_and_workflow_exist_after_migrate_alone():
    names = set(Group.objects.values_list("name", flat=True))
    assert {
        "Rédacteurs",
        "Responsables communication",
        "Candidats",
        "Équipe label",
        "Jury",
        "Président du jury",
    } <= names
    editors = Group.objects.get(name=roles.EDITORS)
    assert set(editors.permissions.values_list("codename", flat=True)) == {"access_admin"}
    collection_codenames = set(
        editors.collection_permissions.values_list("permission__codename", flat=True)
    )
    assert {"add_image", "choose_image", "add_document", "choose_document"} == collection_codenames
    assert not Group.objects.get(name=roles.APPLICANTS).permissions.exists()
    # The jury's own permissions come from the candidatures migration: admin access, no pages.
    jury = Group.objects.get(name=roles.JURY)
    assert jury.permissions.filter(codename="access_admin").exists()
    assert not GroupPagePermission.objects.filter(group=jury).exists()
    communication = Group.objects.get(name=roles.COMMUNICATION)
    root = Page.get_first_root_node()
    assert GroupPagePermission.objects.filter(
        group=communication, page=root, permission__codename="publish_page"
    ).exists()
    workflow = Workflow.objects.get(name=roles.EDITORIAL_WORKFLOW)
    task = workflow.tasks.get().specific
    assert list(task.groups.all()) == [communication]


def test_a_new_index_page_gets_the_workflow_and_the_editors_rights(home_page):
    index = NewsIndexPageFactory.build(title="Autres nouvelles", slug="autres")
    index = home_page.add_child(instance=index)
    assert index.get_workflow().name == roles.EDITORIAL_WORKFLOW
    assert GroupPagePermission.objects.filter(
        group__name=roles.EDITORS, page=index, permission__codename="add_page"
    ).exists()


def test_editor_submits_a_news_item_and_cannot_publish_it(client, news_index, make_user):
    editor = make_user("julien", roles.EDITORS)
    client.force_login(editor)
    # Publishing directly is refused: the page is saved as a draft, never live.
    response = client.post(
        add_url(news_index), news_form("Tentative directe", **{"action-publish": "1"})
    )
    assert response.status_code == 302, response.context and response.context["form"].errors
    page = NewsPage.objects.get(title="Tentative directe")
    assert not page.live
    # Publishing from the edit view of a draft is refused as well.
    client.post(
        reverse("wagtailadmin_pages:edit", args=(page.pk,)),
        news_form("Tentative directe", slug=page.slug, **{"action-publish": "1"}),
    )
    page.refresh_from_db()
    assert not page.live
    # Outside the news and press indexes, the editor cannot even add a page.
    home_add = reverse(
        "wagtailadmin_pages:add", args=("home", "standardpage", news_index.get_parent().pk)
    )
    assert client.get(home_add).status_code in (302, 403)
    # The editor submits to the workflow.
    response = client.post(
        add_url(news_index), news_form("Nouvelle soumise", **{"action-submit": "1"})
    )
    assert response.status_code == 302
    submitted = NewsPage.objects.get(title="Nouvelle soumise")
    state = submitted.current_workflow_state
    assert state.workflow.name == roles.EDITORIAL_WORKFLOW
    assert state.status == WorkflowState.STATUS_IN_PROGRESS
    assert not submitted.live
    # The editor cannot approve their own submission.
    approve = reverse(
        "wagtailadmin_pages:workflow_action",
        args=(submitted.pk, "approve", state.current_task_state.pk),
    )
    client.post(approve, {"comment": ""})
    submitted.refresh_from_db()
    assert not submitted.live


def test_communication_approves_and_the_page_goes_live(client, news_index, make_user):
    editor = make_user("julien", roles.EDITORS)
    manager = make_user("sophie", roles.COMMUNICATION)
    client.force_login(editor)
    client.post(add_url(news_index), news_form("À valider", **{"action-submit": "1"}))
    page = NewsPage.objects.get(title="À valider")
    task_state = page.current_workflow_state.current_task_state
    client.force_login(manager)
    response = client.post(
        reverse("wagtailadmin_pages:workflow_action", args=(page.pk, "approve", task_state.pk)),
        {"comment": "Parfait."},
    )
    assert response.status_code == 302
    page.refresh_from_db()
    assert page.live
    assert client.get(page.url).status_code == 200


def test_communication_rejects_with_a_comment_and_the_editor_gets_it_back(
    client, news_index, make_user
):
    editor = make_user("julien", roles.EDITORS)
    manager = make_user("sophie", roles.COMMUNICATION)
    client.force_login(editor)
    client.post(add_url(news_index), news_form("À reprendre", **{"action-submit": "1"}))
    page = NewsPage.objects.get(title="À reprendre")
    task_state = page.current_workflow_state.current_task_state
    client.force_login(manager)
    client.post(
        reverse("wagtailadmin_pages:workflow_action", args=(page.pk, "reject", task_state.pk)),
        {"comment": "Précisez la date de la cérémonie."},
    )
    page.refresh_from_db()
    assert not page.live
    state = page.workflow_states.get()
    assert state.status == WorkflowState.STATUS_NEEDS_CHANGES
    task_state.refresh_from_db()
    assert task_state.comment == "Précisez la date de la cérémonie."
    assert any("julien@example.org" in message.to for message in mail.outbox)
    # Back to the editor, who can edit and resubmit.
    client.force_login(editor)
    edit_url = reverse("wagtailadmin_pages:edit", args=(page.pk,))
    assert client.get(edit_url).status_code == 200
    client.post(
        edit_url,
        news_form(
            "À reprendre",
            slug=page.slug,
            intro="Cérémonie le 9 novembre.",
            **{"action-submit": "1"},
        ),
    )
    page.refresh_from_db()
    assert page.current_workflow_state.status == WorkflowState.STATUS_IN_PROGRESS


def test_scheduled_publication_goes_live_with_publish_scheduled(
    client, news_index, make_user, monkeypatch
):
    manager = make_user("sophie", roles.COMMUNICATION)
    client.force_login(manager)
    go_live = timezone.now() + datetime.timedelta(hours=2)
    response = client.post(
        add_url(news_index),
        news_form(
            "Annonce programmée",
            go_live_at=timezone.localtime(go_live).strftime("%Y-%m-%d %H:%M"),
            **{"action-publish": "1"},
        ),
    )
    assert response.status_code == 302
    page = NewsPage.objects.get(title="Annonce programmée")
    assert not page.live
    assert page.revisions.filter(approved_go_live_at__isnull=False).exists()
    call_command("publish_scheduled")
    page.refresh_from_db()
    assert not page.live  # not yet
    # Two hours and a minute later (the clock moves, nothing else is faked):
    later = go_live + datetime.timedelta(minutes=1)
    monkeypatch.setattr(timezone, "now", lambda: later)
    call_command("publish_scheduled")
    page.refresh_from_db()
    assert page.live
    monkeypatch.undo()
    assert page.go_live_at == go_live.replace(second=0, microsecond=0)


def test_editors_can_choose_and_upload_images_and_documents(client, home_page, make_user):
    client.force_login(make_user("julien", roles.EDITORS))
    assert client.get(reverse("wagtailimages_chooser:choose")).status_code == 200
    assert client.get(reverse("wagtaildocs_chooser:choose")).status_code == 200
    assert client.get(reverse("wagtailimages:add")).status_code == 200
    client.force_login(make_user("marc", roles.APPLICANTS))
    assert client.get(reverse("wagtailimages_chooser:choose")).status_code == 302
