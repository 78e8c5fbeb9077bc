"""One editorial notification per event for pages: in French, to the right people, with the
right link (Wagtail's moderation emails, kept for pages)."""

import pytest
from django.contrib.auth import get_user_model
from django.core import mail
from django.urls import reverse

from home import roles
from home.models import NewsPage
from home.tests.test_moderation import add_url, news_form

pytestmark = pytest.mark.django_db


@pytest.fixture
def people(make_user, home_page):
    get_user_model().objects.create_superuser("root", "root@example.org", "pw-test-123")
    return {
        "editor": make_user("julien", roles.EDITORS, first_name="Julien"),
        "manager": make_user("sophie", roles.COMMUNICATION, first_name="Sophie"),
        "other_manager": make_user("marie", roles.COMMUNICATION, first_name="Marie"),
    }


def to(address):
    return [message for message in mail.outbox if address in message.to]


def submit(client, news_index, editor, title):
    client.force_login(editor)
    mail.outbox.clear()
    response = client.post(add_url(news_index), news_form(title, **{"action-submit": "1"}))
    assert response.status_code == 302
    return NewsPage.objects.get(title=title)


def test_a_submission_tells_each_manager_once_in_french(client, news_index, people):
    page = submit(client, news_index, people["editor"], "Ouverture 2027")
    for address in ("sophie@example.org", "marie@example.org"):
        [email] = to(address)
        assert email.subject == (
            "La page «\xa0Ouverture 2027\xa0» a été soumise pour validation dans la tâche "
            "«\xa0Validation par la communication\xa0»."
        )
        assert f"http://testserver/admin/pages/{page.pk}/edit/" in email.body
        assert "Vous pouvez modifier la page ici" in email.body
        # Sent as text + HTML, the HTML in the site's email layout with no remote asset.
        [(html, mimetype)] = email.alternatives
        assert mimetype == "text/html" and 'lang="fr"' in html and "Territoire Numérique" in html
        assert f"/admin/pages/{page.pk}/edit/" in html and "<img" not in html
    # One email to each manager (the demo's "communication" too), to nobody else: not the
    # author, not the administrator, no generic "submitted to workflow" email.
    managers = get_user_model().objects.filter(groups__name=roles.COMMUNICATION)
    assert sorted(address for m in mail.outbox for address in m.to) == sorted(
        managers.values_list("email", flat=True)
    )
    assert to("julien@example.org") == [] and to("root@example.org") == []


def decide(client, people, page, action, comment=""):
    """The manager approves or sends back ``page``; returns the emails that left."""
    task_state = page.current_workflow_state.current_task_state
    client.force_login(people["manager"])
    mail.outbox.clear()
    client.post(
        reverse("wagtailadmin_pages:workflow_action", args=(page.pk, action, task_state.pk)),
        {"comment": comment},
    )
    return list(mail.outbox)


def test_approval_tells_the_author(client, news_index, people):
    page = submit(client, news_index, people["editor"], "À approuver")
    [email] = decide(client, people, page, "approve")
    assert email.to == ["julien@example.org"]
    assert email.subject == (
        "La page «\xa0À approuver\xa0» a été approuvée dans «\xa0Relecture éditoriale\xa0»."
    )


def test_rejection_tells_the_author_with_the_comment(client, news_index, people):
    page = submit(client, news_index, people["editor"], "À reprendre")
    [email] = decide(client, people, page, "reject", "Ajoutez la date limite.")
    assert email.to == ["julien@example.org"]
    assert email.subject == (
        "La page « À reprendre » vous est renvoyée pour modifications (Relecture éditoriale)."
    )
    assert "Ajoutez la date limite." in email.body
    assert f"http://testserver/admin/pages/{page.pk}/edit/" in email.body
