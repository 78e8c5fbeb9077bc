"""Every refusal, from the side of the user who must be refused."""

import pytest
from django.urls import reverse

from candidatures.lifecycle.workflow import set_status
from candidatures.models import Assignment, Candidature, CandidatureStatus, ConflictOfInterest
from candidatures.tests.jury_fixtures import *  # noqa: F403
from candidatures.tests.jury_fixtures import (
    make_candidature,
    make_edition,
    make_jury,
    make_people,
    submit,
)
from tests.base_state import shared_demo

pytestmark = pytest.mark.django_db


def snippet_url(name, *args):
    return reverse(f"wagtailsnippets_candidatures_candidature:{name}", args=args)


NAMES = {
    "mine": "Commune Attribuée",
    "conflicted": "Commune En Conflit",
    "other": "Commune Étrangère",
}


def build_dossiers():
    """Three dossiers in evaluation: one assigned to jure1, one assigned to jure1 but conflicted,
    one not assigned to jure1 (a demo part: built once per group, tests/base_state.py)."""
    edition, people = make_edition(), make_people()
    make_jury(edition, [people["jure1"], people["jure2"]], president=people["president"])
    built = {}
    for key, name in NAMES.items():
        built[key] = c = make_candidature(edition, people["applicant"], name=name)
        submit(c, people["applicant"])
        c.current_workflow_task_state.task.specific.approve(
            c.current_workflow_task_state, people["staff"]
        )
        c.refresh_from_db()
        assert c.status == CandidatureStatus.EVALUATION
    Assignment.objects.filter(juror=people["jure1"]).delete()
    Assignment.objects.get_or_create(candidature=built["mine"], juror=people["jure1"])
    Assignment.objects.get_or_create(candidature=built["conflicted"], juror=people["jure1"])
    ConflictOfInterest.objects.create(
        user=people["jure1"], collectivite=built["conflicted"].collectivite
    )
    return built


@pytest.fixture
def dossiers(edition, jury, people):
    if not shared_demo.covers("jury_dossiers"):
        return build_dossiers()
    return {key: Candidature.objects.get(collectivite__name=name) for key, name in NAMES.items()}


def assert_refused(response):
    """Refused: 403/404, or Wagtail's redirect to the dashboard with an error message."""
    assert response.status_code in (302, 403, 404), response.status_code
    if response.status_code == 302:
        assert response["Location"] in ("/admin/",) or "login" in response["Location"]


OBJECT_VIEWS = ["edit", "inspect", "history", "workflow_history", "usage"]


@pytest.mark.parametrize("which", ["conflicted", "other"])
@pytest.mark.parametrize("view", OBJECT_VIEWS)
def test_juror_cannot_open_unassigned_or_conflicted_dossier(client, people, dossiers, which, view):
    client.force_login(people["jure1"])
    response = client.get(snippet_url(view, dossiers[which].pk))
    assert response.status_code == 404


@pytest.mark.parametrize("which", ["conflicted", "other"])
@pytest.mark.parametrize("name", ["dossier", "evaluate", "decide"])
def test_juror_jury_screens_refuse_unassigned_or_conflicted(client, people, dossiers, which, name):
    client.force_login(people["jure1"])
    response = client.get(reverse(f"candidatures_jury:{name}", args=[dossiers[which].pk]))
    assert response.status_code == 404


def test_juror_listing_search_and_export_show_only_assigned(client, people, dossiers):
    client.force_login(people["jure1"])
    listing = client.get(snippet_url("list")).content.decode()
    assert "Commune Attribuée" in listing
    assert "Commune En Conflit" not in listing
    assert "Commune Étrangère" not in listing
    search = client.get(snippet_url("list_results"), {"q": "Commune"}).content.decode()
    assert "Commune Attribuée" in search
    assert "Commune Étrangère" not in search and "Commune En Conflit" not in search
    export = client.get(snippet_url("list"), {"export": "csv"})
    body = b"".join(export.streaming_content).decode()
    assert "Commune Attribuée" in body
    assert "Commune Étrangère" not in body and "Commune En Conflit" not in body


def test_juror_can_read_an_assigned_dossier_but_not_edit_it(client, people, dossiers):
    client.force_login(people["jure1"])
    mine = dossiers["mine"]
    assert client.get(snippet_url("inspect", mine.pk)).status_code == 200
    assert client.get(reverse("candidatures_jury:dossier", args=[mine.pk])).status_code == 200
    assert_refused(client.get(snippet_url("edit", mine.pk)))


def test_juror_cannot_publish(client, people, dossiers):
    mine = dossiers["mine"]
    client.force_login(people["jure1"])
    response = client.post(
        snippet_url("edit", mine.pk),
        {
            "action-publish": "publish",
            "elected_name": "x",
            "mentions-TOTAL_FORMS": "0",
            "mentions-INITIAL_FORMS": "0",
        },
    )
    assert_refused(response)
    mine.refresh_from_db()
    assert not mine.live
    assert mine.elected_name != "x"


def test_juror_cannot_record_a_decision(client, edition, people, dossiers):
    mine = dossiers["mine"]
    set_status(mine, CandidatureStatus.DELIBERATION)
    client.force_login(people["jure1"])
    level = edition.levels.get(number=5)
    response = client.post(
        reverse("candidatures_jury:decide", args=[mine.pk]), {"level": str(level.pk)}
    )
    assert_refused(response)
    mine.refresh_from_db()
    assert mine.decision_level is None and not mine.live


def test_juror_cannot_close_evaluation_or_act_on_workflow(client, people, dossiers):
    mine = dossiers["mine"]
    client.force_login(people["jure1"])
    url = snippet_url("workflow_action", mine.pk, "approve", mine.current_workflow_task_state.pk)
    response = client.post(url, {"comment": "fin"})
    assert_refused(response)
    mine.refresh_from_db()
    assert mine.status == CandidatureStatus.EVALUATION


def test_juror_sees_no_staff_tables(client, people, dossiers, edition):
    client.force_login(people["jure1"])
    assert_refused(client.get(reverse("candidatures_jury:table", args=[edition.year])))
    assert_refused(client.get(reverse("candidatures_jury:assignments", args=[edition.year])))
    assert_refused(client.get("/admin/candidatures/evaluation/"))
    assert_refused(client.get("/admin/candidatures/conflictofinterest/"))


def test_juror_sees_other_evaluations_only_after_submitting(client, people, dossiers, edition):
    from candidatures.models import Evaluation

    mine = dossiers["mine"]
    Assignment.objects.get_or_create(candidature=mine, juror=people["jure2"])
    Evaluation.objects.create(
        candidature=mine,
        juror=people["jure2"],
        jury_comment="Avis secret de Paul",
        submitted_at="2026-01-01T00:00:00Z",
    )
    client.force_login(people["jure1"])
    page = client.get(reverse("candidatures_jury:evaluate", args=[mine.pk])).content.decode()
    assert "Avis secret de Paul" not in page


def test_applicant_cannot_reach_the_admin(client, people, dossiers):
    client.force_login(people["applicant"])
    for url in (
        "/admin/",
        snippet_url("list"),
        snippet_url("edit", dossiers["mine"].pk),
        reverse("candidatures_jury:dashboard"),
        reverse("candidatures_jury:dossier", args=[dossiers["mine"].pk]),
    ):
        response = client.get(url)
        assert response.status_code in (302, 403), url
        if response.status_code == 302:
            assert "login" in response["Location"] or "connexion" in response["Location"]


def test_anonymous_is_sent_to_login(client, dossiers):
    response = client.get(reverse("candidatures_jury:dossier", args=[dossiers["mine"].pk]))
    assert response.status_code == 302


def test_president_sees_edition_dossiers_except_conflicts_and_staff_sees_all(
    client, people, dossiers
):
    ConflictOfInterest.objects.create(
        user=people["president"], collectivite=dossiers["other"].collectivite
    )
    client.force_login(people["president"])
    listing = client.get(snippet_url("list")).content.decode()
    assert "Commune Attribuée" in listing and "Commune En Conflit" in listing
    assert "Commune Étrangère" not in listing
    client.force_login(people["staff"])
    listing = client.get(snippet_url("list")).content.decode()
    assert all(
        n in listing for n in ("Commune Attribuée", "Commune En Conflit", "Commune Étrangère")
    )


def test_juror_refused_wagtail_reports_and_workflow_admin(client, people, dossiers):
    client.force_login(people["jure3"])
    for url in (
        "/admin/reports/workflow/",
        "/admin/reports/workflow_tasks/",
        "/admin/workflows/list/",
    ):
        assert_refused(client.get(url))
    home = client.get("/admin/").content.decode()
    assert "Commune Étrangère" not in home and "Commune Attribuée" not in home


def test_evaluation_with_a_level_of_another_edition_is_refused(client, people, dossiers):
    from candidatures.models import Evaluation
    from editions.models import Edition

    other = Edition.objects.create(year=2026, ordinal=11)
    other.add_default_levels()
    foreign = other.levels.get(number=5)
    client.force_login(people["jure1"])
    response = client.post(
        reverse("candidatures_jury:evaluate", args=[dossiers["mine"].pk]),
        {"proposed_level": str(foreign.pk), "jury_comment": "Mon texte", "save": "1"},
    )
    assert response.status_code == 400
    assert "Mon texte" in response.content.decode()  # nothing typed is lost
    assert not Evaluation.objects.filter(juror=people["jure1"]).exists()


def test_staff_can_close_evaluation_early_and_it_is_logged(client, people, dossiers):
    from wagtail.models import ModelLogEntry

    mine = dossiers["mine"]
    client.force_login(people["staff"])
    url = reverse(
        "wagtailsnippets_candidatures_candidature:workflow_action",
        args=[mine.pk, "approve", mine.current_workflow_task_state.pk],
    )
    client.post(url, {"comment": "Juré indisponible, deux avis suffisent."})
    mine.refresh_from_db()
    assert mine.status == CandidatureStatus.DELIBERATION
    entry = ModelLogEntry.objects.get(object_id=str(mine.pk), action="tnl.evaluation_closed")
    assert entry.user == people["staff"]
    assert entry.data["comment"] == "Juré indisponible, deux avis suffisent."


def test_jury_form_refuses_two_presidents(client, people, edition, jury):
    client.force_login(people["staff"])
    url = reverse("wagtailsnippets_candidatures_jury:edit", args=[jury.pk])
    members = list(jury.members.all())
    data = {
        "edition": str(edition.pk),
        "jurors_per_dossier": "2",
        "members-TOTAL_FORMS": str(len(members)),
        "members-INITIAL_FORMS": str(len(members)),
        "members-MIN_NUM_FORMS": "1",
        "members-MAX_NUM_FORMS": "1000",
    }
    for i, m in enumerate(members):
        data.update(
            {
                f"members-{i}-id": str(m.pk),
                f"members-{i}-user": str(m.user_id),
                f"members-{i}-organisation": "",
                f"members-{i}-is_president": "on",
                f"members-{i}-ORDER": str(i + 1),
                f"members-{i}-DELETE": "",
            }
        )
    response = client.post(url, data)
    assert response.status_code == 200
    assert "Un jury n&#x27;a qu&#x27;un président." in response.content.decode()


def test_president_cannot_unpublish_lock_or_revert(client, people, dossiers, edition):
    from candidatures.jury.deliberation import record_decision

    mine = dossiers["mine"]
    set_status(mine, CandidatureStatus.DELIBERATION)
    # Move the workflow to Délibération as the evaluations would.
    state = mine.current_workflow_task_state
    state.task.specific.approve(state, people["staff"])
    mine.refresh_from_db()
    record_decision(mine, people["president"], edition.levels.get(number=2))
    mine.refresh_from_db()
    assert mine.live
    revision = mine.latest_revision
    client.force_login(people["president"])
    for name, args in (
        ("unpublish", [mine.pk]),
        ("lock", [mine.pk]),
        ("unlock", [mine.pk]),
        ("delete", [mine.pk]),
        ("copy", [mine.pk]),
        ("revisions_revert", [mine.pk, revision.pk]),
        ("revisions_unschedule", [mine.pk, revision.pk]),
        ("edit", [mine.pk]),
    ):
        assert_refused(client.post(snippet_url(name, *args)))
    mine.refresh_from_db()
    assert mine.live and not mine.locked
    # Reading stays possible.
    assert client.get(snippet_url("inspect", mine.pk)).status_code == 200
