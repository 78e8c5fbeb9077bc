"""Mail faults: a real SMTP server refuses, then accepts; every try is logged; staff see the
failures; a task run is never successful when its send failed."""

from datetime import timedelta

import pytest
from django.core import mail
from django.core.management import call_command
from django.tasks import TaskResultStatus
from django.tasks.base import Task
from django.tasks.signals import task_finished
from django.test import override_settings
from django.utils import timezone
from django_tasks.signals import task_finished as immediate_task_finished
from django_tasks_db.management.commands import db_worker
from django_tasks_db.models import DBTaskResult

import home.mail
from home.models import EmailDelivery
from home.roles import EDITORS, LABEL_TEAM
from home.tests.security_support import member
from home.tests.smtp_support import SMTPServers, mailers_through

pytestmark = pytest.mark.django_db

NO_WAIT = (0, 0, 0, 0)
SECRET_LINK = "https://label.example.org/compte/confirmer/secret-token/"


@pytest.fixture
def task_runs():
    """The status of every finished run of the delivery task, in order."""
    statuses = []

    def record(sender, task_result, **kwargs):
        if task_result.task.name == "send_delivery":
            statuses.append(task_result.status)

    # The test settings' immediate backend (django_tasks) and the production database backend
    # (Django's own tasks) send their own signal.
    for signal in (task_finished, immediate_task_finished):
        signal.connect(record)
    yield statuses
    for signal in (task_finished, immediate_task_finished):
        signal.disconnect(record)


@pytest.fixture
def smtp_server():
    servers = SMTPServers()
    yield servers.start
    servers.stop()


def send_confirmation():
    mail.send_mail(
        "Confirmez votre adresse",
        f"Bonjour,\nConfirmez ici : {SECRET_LINK}\n",
        None,
        ["maire@ville.example"],
    )


def test_a_refused_send_is_retried_until_the_server_accepts(smtp_server, task_runs):
    server, port = smtp_server(refusals=2)
    with override_settings(MAILERS=mailers_through(port), MAIL_RETRY_DELAYS=NO_WAIT):
        send_confirmation()

    delivery = EmailDelivery.objects.get()
    assert delivery.status == EmailDelivery.Status.SENT
    assert delivery.attempts == 3
    tries = list(delivery.tries.values_list("number", "succeeded"))
    assert tries == [(1, False), (2, False), (3, True)]
    assert "451" in delivery.tries.first().error
    assert delivery.message == {}, "the body (a login link) is erased once sent"
    assert len(server.received) == 1
    envelope = server.received[0]
    assert envelope.rcpt_tos == ["maire@ville.example"]
    assert SECRET_LINK in envelope.content.decode()
    # The runs that met a refusal failed; only the one that sent succeeded (the immediate
    # backend runs a retry inside the failed run, so it finishes first).
    assert sorted(task_runs) == sorted(
        [TaskResultStatus.SUCCESSFUL, TaskResultStatus.FAILED, TaskResultStatus.FAILED]
    )


def test_after_the_last_try_the_delivery_is_failed_and_no_run_succeeded(smtp_server, task_runs):
    server, port = smtp_server(refusals=100)
    with override_settings(MAILERS=mailers_through(port), MAIL_RETRY_DELAYS=NO_WAIT):
        send_confirmation()

    delivery = EmailDelivery.objects.get()
    assert delivery.status == EmailDelivery.Status.FAILED
    assert delivery.attempts == 5 and delivery.tries.count() == 5
    assert not delivery.tries.filter(succeeded=True).exists()
    assert "451" in delivery.last_error
    assert delivery.finished_at is not None
    assert server.received == []
    assert task_runs == [TaskResultStatus.FAILED] * 5


@pytest.fixture
def database_tasks(monkeypatch):
    """The production task backend. A task object takes its class from the backend configured
    when its module is imported (here the tests' immediate one): rebuild it as production has it."""
    with override_settings(TASKS={"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}):
        monkeypatch.setattr(home.mail, "send_delivery", Task(func=home.mail.send_delivery.func))
        # The worker closes old connections between tasks: not the test's own connection.
        monkeypatch.setattr(db_worker, "close_old_connections", lambda: None)
        yield


def test_the_worker_retries_after_the_backoff_delay(smtp_server, database_tasks):
    server, port = smtp_server(refusals=1)
    with override_settings(MAILERS=mailers_through(port), MAIL_RETRY_DELAYS=(60, 300)):
        send_confirmation()
        delivery = EmailDelivery.objects.get()
        assert delivery.status == EmailDelivery.Status.PENDING  # queued, not sent in the request

        before = timezone.now()
        call_command("db_worker", batch=True, no_startup_delay=True, verbosity=0)
        delivery.refresh_from_db()
        assert delivery.status == EmailDelivery.Status.RETRYING
        first, retry = DBTaskResult.objects.order_by("enqueued_at")
        assert first.status == TaskResultStatus.FAILED
        assert retry.status == TaskResultStatus.READY
        assert retry.run_after >= before + timedelta(seconds=60)

        call_command("db_worker", batch=True, no_startup_delay=True, verbosity=0)
        assert server.received == [], "not before its time"

        DBTaskResult.objects.filter(pk=retry.pk).update(run_after=timezone.now())
        call_command("db_worker", batch=True, no_startup_delay=True, verbosity=0)
    delivery.refresh_from_db()
    assert delivery.status == EmailDelivery.Status.SENT
    assert DBTaskResult.objects.get(pk=retry.pk).status == TaskResultStatus.SUCCESSFUL
    assert len(server.received) == 1


@pytest.fixture
def failed_delivery(smtp_server):
    _server, port = smtp_server(refusals=100)
    with override_settings(MAILERS=mailers_through(port), MAIL_RETRY_DELAYS=NO_WAIT):
        send_confirmation()
    return EmailDelivery.objects.get()


def test_label_staff_see_the_failure_and_its_error_never_the_body(client, failed_delivery):
    client.force_login(member("equipe", LABEL_TEAM))
    dashboard = client.get("/admin/").content.decode()
    assert "Emails non remis" in dashboard
    assert "maire@ville.example" in dashboard and "451" in dashboard

    listing = client.get("/admin/envois-emails/?status=failed")
    assert listing.status_code == 200
    assert "Confirmez votre adresse" in listing.content.decode()
    inspect = client.get(f"/admin/envois-emails/inspect/{failed_delivery.pk}/")
    assert inspect.status_code == 200
    page = inspect.content.decode()
    assert "Boite pleine" in page
    for response in (dashboard, listing.content.decode(), page):
        assert "secret-token" not in response


def test_nobody_edits_or_deletes_the_log_not_even_the_administrator(client, failed_delivery):
    admin = member("admin", None)
    admin.is_superuser = admin.is_staff = True
    admin.save()
    for user in (member("equipe", LABEL_TEAM), admin):
        client.force_login(user)
        for url in (
            f"/admin/envois-emails/edit/{failed_delivery.pk}/",
            f"/admin/envois-emails/delete/{failed_delivery.pk}/",
            "/admin/envois-emails/new/",
        ):
            response = client.post(url, {})
            assert response.status_code in (302, 403, 404), url
    assert EmailDelivery.objects.filter(pk=failed_delivery.pk).exists()


def test_an_editor_sees_neither_the_log_nor_the_panel(client, failed_delivery):
    client.force_login(member("redactrice", EDITORS))
    assert "Emails non remis" not in client.get("/admin/").content.decode()
    response = client.get("/admin/envois-emails/")
    assert response.status_code in (302, 403)
    followed = client.get("/admin/envois-emails/", follow=True).content.decode()
    assert "Confirmez votre adresse" not in followed
