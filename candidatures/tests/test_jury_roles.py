"""Issue 10, label staff and jury points, each as the real role (users in the real groups):
the recevabilité screen, jurors by full name, the jury's settings (president evaluates, staff
decide), the replacement after a declared conflict, the evaluation screen, the deliberation
table. Refusals are checked from the refused person's side."""

from html import unescape

import pytest
from django.core import mail
from django.core.files.base import ContentFile
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from candidatures.access import can_decide, sees_other_evaluations
from candidatures.jury.assignment import assign
from candidatures.jury.deliberation import submit_evaluation, table_rights
from candidatures.models import (
    Assignment,
    Attachment,
    CandidatureStatus,
    ConflictOfInterest,
    Evaluation,
)
from candidatures.permissions import can
from candidatures.tests.jury_fixtures import *  # noqa: F403
from candidatures.tests.jury_fixtures import make_candidature, make_edition, make_user, submit
from editions.models import Result
from tests.people import approve, evaluate

pytestmark = pytest.mark.django_db


S = CandidatureStatus


def login(user):
    client = Client()
    client.force_login(user)
    return client


def instruct_url(dossier):
    return reverse("candidatures_jury:instruct", args=[dossier.pk])


def edit_url(dossier):
    return reverse("wagtailsnippets_candidatures_candidature:edit", args=[dossier.pk])


# Recevabilité -------------------------------------------------------------------------------


def test_recevabilite_screen_for_staff_refused_to_the_jury(cast):
    users, edition = cast["users"], cast["edition"]
    dossier = cast["dossiers"]["eligibility"]
    staff = login(users["staff"])

    # The listing's link and the editor's address lead staff to the instruction screen.
    listing = staff.get(reverse("wagtailsnippets_candidatures_candidature:list")).content.decode()
    assert f'href="{instruct_url(dossier)}"' in listing
    assert staff.get(edit_url(dossier)).url == instruct_url(dossier)
    assert staff.get(edit_url(dossier) + "?editeur=1").status_code == 200

    page = staff.get(instruct_url(dossier))
    assert page.status_code == 200
    html = page.content.decode()
    for label in ("Déclarer recevable", "Demander des compléments", "Déclarer irrecevable"):
        assert f"{label}…</button>" in html
    assert "Un schéma directeur du numérique libre voté en 2024." in html  # read-only answers
    assert "Enregistrer le brouillon" not in html
    # No "Enregistrer le brouillon" in the editor of a submitted dossier; a draft keeps it.
    for state in ("evaluation", "deliberation"):
        assert (
            "Enregistrer le brouillon"
            not in staff.get(edit_url(cast["dossiers"][state])).content.decode()
        )
    assert (
        "Enregistrer le brouillon"
        in staff.get(edit_url(cast["dossiers"]["draft"])).content.decode()
    )

    # Refused side: the jury never instructs (404: no trace of the screen).
    for name, expected in (
        ("juror", (404,)),
        ("juror_free", (404,)),
        ("juror_conflict", (404,)),
        ("president", (404,)),
        ("redacteur", (404,)),
        ("applicant", (302,)),
    ):
        client = login(users[name])
        assert client.get(instruct_url(dossier)).status_code in expected, name
        post = client.post(instruct_url(dossier), {"action": "approve", "confirm": "1"})
        assert post.status_code in expected, name
    dossier.refresh_from_db()
    assert dossier.status == S.ELIGIBILITY

    # Send-back without a message: 400, French error, nothing changes.
    response = staff.post(instruct_url(dossier), {"action": "reject", "reject-comment": ""})
    assert response.status_code == 400
    assert "Écrivez le message destiné au candidat." in unescape(response.content.decode())
    # With a message: a confirmation step first (nothing changes), then the action.
    message = "Merci de joindre la délibération du conseil."
    response = staff.post(instruct_url(dossier), {"action": "reject", "reject-comment": message})
    html = unescape(response.content.decode())
    assert response.status_code == 200 and "Confirmer : Demander des compléments" in html
    assert message in html and users["applicant"].email in html
    dossier.refresh_from_db()
    assert dossier.status == S.ELIGIBILITY
    mail.outbox.clear()
    response = staff.post(
        instruct_url(dossier),
        {"action": "reject", "reject-comment": message, "confirm": "1"},
        follow=True,
    )
    html = unescape(response.content.decode())
    assert "Compléments demandés à Commune eligibility" in html
    assert users["applicant"].email in html  # who is told
    dossier.refresh_from_db()
    assert dossier.status == S.CHANGES_REQUESTED
    assert dossier.changes_requested_message == message
    assert any(message in m.body for m in mail.outbox)
    # Once out of recevabilité the screen offers nothing and a replayed POST is refused.
    replay = staff.post(
        instruct_url(dossier), {"action": "reject", "reject-comment": message, "confirm": "1"}
    )
    assert replay.status_code == 302
    assert "aucune action de recevabilité" in staff.get(instruct_url(dossier)).content.decode()

    # Declare recevable: the dossier goes to evaluation, the message names the jurors told.
    second = make_candidature(edition, users["applicant"], name="Commune recevable")
    submit(second, users["applicant"])
    response = staff.post(instruct_url(second), {"action": "approve", "confirm": "1"}, follow=True)
    second.refresh_from_db()
    assert second.status == S.EVALUATION
    html = unescape(response.content.decode())
    assert "Dossier de Commune recevable déclaré recevable" in html
    for assignment in second.assignments.select_related("juror"):
        name = assignment.juror.get_full_name() or assignment.juror.get_username()
        assert name in html
    assert not second.assignments.filter(juror=users["president"]).exists()

    # Declare irrecevable with a reason.
    third = make_candidature(edition, users["applicant"], name="Commune irrecevable")
    submit(third, users["applicant"])
    response = staff.post(
        instruct_url(third),
        {"action": "ineligible", "ineligible-comment": "Organisme privé.", "confirm": "1"},
        follow=True,
    )
    third.refresh_from_db()
    assert third.status == S.INELIGIBLE and third.ineligibility_reason == "Organisme privé."
    assert "Dossier de Commune irrecevable déclaré irrecevable" in unescape(
        response.content.decode()
    )


# Jury settings and the permission map ---------------------------------------------------------


def test_staff_decide_only_when_the_jury_allows_it_the_president_always(cast):
    users, jury = cast["users"], cast["jury"]
    dossier = cast["dossiers"]["deliberation"]
    url = reverse("candidatures_jury:decide", args=[dossier.pk])
    staff, president = users["staff"], users["president"]
    assert not jury.staff_may_decide and not jury.president_evaluates  # the defaults
    assert not can(staff, "decide", dossier) and not can_decide(staff, dossier)
    assert can(president, "decide", dossier) and can(users["superuser"], "decide", dossier)

    client = login(staff)
    page = client.get(url)  # staff follow the deliberation, read-only
    assert page.status_code == 200
    html = unescape(page.content.decode())
    assert "ne permettent pas à l'équipe du label de décider" in html
    assert "Enregistrer la décision" not in html
    # Refused (Wagtail turns the 403 into a redirect with its message): nothing recorded.
    assert client.post(url, {"level": "", "public_comment": "x"}).status_code in (302, 403)
    table = client.get(reverse("candidatures_jury:table", args=[cast["edition"].year]))
    assert ">Décider<" not in table.content.decode()
    dossier.refresh_from_db()
    assert dossier.status == S.DELIBERATION

    jury.staff_may_decide = True
    jury.save()
    assert can(staff, "decide", dossier) and can_decide(staff, dossier)
    assert "Enregistrer la décision" in client.get(url).content.decode()
    assert (
        client.post(url, {"level": "", "public_comment": "Décidé par l'équipe"}).status_code == 302
    )
    dossier.refresh_from_db()
    assert dossier.status == S.DECIDED
    # The juror and the other roles never decide, whatever the setting.
    for name in ("juror", "juror_free", "juror_conflict", "applicant", "communication"):
        assert not can(users[name], "decide", cast["dossiers"]["deliberation"]), name


def test_president_evaluates_only_when_the_jury_says_so(edition, people):
    from candidatures.tests.jury_fixtures import make_jury

    jury = make_jury(edition, [people["jure1"], people["jure2"]], president=people["president"])
    dossiers = [make_candidature(edition, people["applicant"]) for _ in range(3)]
    assign(dossiers, jury, per_dossier=2)
    assert not Assignment.objects.filter(juror=people["president"]).exists()
    jury.president_evaluates = True
    jury.save()
    jury.jurors_per_dossier = 3
    assign(dossiers, jury, per_dossier=3)
    assert Assignment.objects.filter(juror=people["president"]).count() == 3


# Jurors by full name ------------------------------------------------------------------------


def test_jurors_are_shown_by_full_name_everywhere(edition, jury, people):
    staff = login(people["staff"])
    dossier = make_candidature(edition, people["applicant"], name="Commune Nommée")
    submit(dossier, people["applicant"])
    approve(dossier, people["staff"])
    ConflictOfInterest.objects.create(
        user=people["jure1"], collectivite=make_candidature(edition).collectivite, reason="élue"
    )
    evaluation = evaluate(dossier, people["jure2"])
    submit_evaluation(evaluation, people["jure2"])
    pages = {
        "attributions": reverse("candidatures_jury:assignments", args=[edition.year]),
        "jury": reverse("wagtailsnippets_candidatures_jury:edit", args=[jury.pk]),
        "conflits": "/admin/candidatures/conflictofinterest/",
        "évaluations": "/admin/candidatures/evaluation/",
        "évaluation": f"/admin/candidatures/evaluation/inspect/{evaluation.pk}/",
        "conflit": "/admin/candidatures/conflictofinterest/inspect/"
        f"{ConflictOfInterest.objects.get().pk}/",
        "historique": reverse(
            "wagtailsnippets_candidatures_candidature:history", args=[dossier.pk]
        ),
        "délibération": reverse("candidatures_jury:table", args=[edition.year]),
    }
    for name, url in pages.items():
        html = staff.get(url).content.decode()
        assert "Jeanne Juré" in html or "Paul Juré" in html, name
        for login_name in ("jure1", "jure2"):
            assert f">{login_name}<" not in html and f"> {login_name}<" not in html, name
            assert f"{login_name} —" not in html and f": {login_name}" not in html, name
    add_juror = staff.get(pages["attributions"]).content.decode()
    assert ">Jeanne Juré</option>" in add_juror and ">Paul Juré</option>" in add_juror


# A declared conflict: replacement, staff told ------------------------------------------------


def test_conflict_on_an_assigned_dossier_is_replaced_and_staff_are_told(edition, people):
    from candidatures.jury.assignment import add_juror
    from candidatures.tests.jury_fixtures import make_jury

    jure1, jure2, jure3 = people["jure1"], people["jure2"], people["jure3"]
    jure4 = make_user("jure4", "Jury", first_name="Louise", last_name="Quatre")
    make_jury(edition, [jure1, jure2, jure3, jure4], president=people["president"])
    dossiers = []
    for _ in range(3):
        dossier = make_candidature(edition, people["applicant"])
        submit(dossier, people["applicant"])
        approve(dossier, people["staff"])  # 2 least loaded jurors each
        dossiers.append(dossier)
    target = next(d for d in dossiers if d.assignments.filter(juror=jure1).exists())
    spare = next(
        d for d in dossiers if d != target and not d.assignments.filter(juror=jure3).exists()
    )
    add_juror(spare, jure3)  # jure3 now carries more than jure4

    def loads():
        jurors = (jure1, jure2, jure3, jure4)
        return {j.username: Assignment.objects.filter(juror=j).count() for j in jurors}

    assert loads()["jure3"] > loads()["jure4"]
    on_target = set(target.assignments.values_list("juror__username", flat=True))
    candidates = {"jure2", "jure3", "jure4"} - on_target
    expected = min(candidates, key=lambda u: (loads()[u], u))

    mail.outbox.clear()
    client = login(jure1)
    response = client.post(
        reverse("candidatures_jury:declare_conflict"),
        {"collectivite": target.collectivite_id, "reason": "Ancienne élue"},
        follow=True,
    )
    html = unescape(response.content.decode())
    replacement = type(jure1).objects.get(username=expected)
    name = replacement.get_full_name() or replacement.get_username()
    assert f"est confié à {name}" in html and "L'équipe du label est prévenue" in html
    assert set(target.assignments.values_list("juror__username", flat=True)) == (
        on_target - {"jure1"} | {expected}
    )
    assert not target.assignments.filter(juror=people["president"]).exists()
    assert client.get(reverse("candidatures_jury:dossier", args=[target.pk])).status_code == 404
    staff_mails = [m for m in mail.outbox if people["staff"].email in m.to]
    assert len(staff_mails) == 1 and "Lien d'intérêts déclaré" in staff_mails[0].subject
    assert name in staff_mails[0].body and "/admin/jury/attributions/" in staff_mails[0].body

    # Nobody left to replace: staff are told that too (message, email, assignments screen).
    others = {"jure2", "jure3", "jure4"} - set(
        target.assignments.values_list("juror__username", flat=True)
    )
    for username in others:
        ConflictOfInterest.objects.create(
            user=type(jure1).objects.get(username=username), collectivite=target.collectivite
        )
    leaving = target.assignments.exclude(juror=replacement).get().juror
    assert target.assignments.count() == 2
    mail.outbox.clear()
    staff = login(people["staff"])
    response = staff.post(
        "/admin/candidatures/conflictofinterest/create/",
        {"user": leaving.pk, "collectivite": target.collectivite_id, "reason": "Conjoint"},
        follow=True,
    )
    html = unescape(response.content.decode())
    assert "aucun juré ne peut le remplacer" in html
    assert any("aucun juré ne peut le remplacer" in m.body for m in mail.outbox)
    assert target.assignments.count() == 1
    assignments = staff.get(reverse("candidatures_jury:assignments", args=[edition.year]))
    assert "1 juré manquant" in assignments.content.decode()


# Evaluation screen --------------------------------------------------------------------------


def test_evaluation_screen_shows_the_dossier_and_asks_for_a_level(edition, jury, people):
    dossier = make_candidature(edition, people["applicant"], name="Commune Évaluée")
    dossier.questions[0]["questions"].append(
        {"key": "q_schema", "label": "Joignez votre schéma", "type": "file", "required": False}
    )
    dossier.save(update_fields=["questions"])
    Attachment.objects.create(
        candidature=dossier,
        question_key="q_schema",
        file=ContentFile(b"%PDF-1.4 schema", name="schema.pdf"),
        original_name="schema-directeur.pdf",
        content_type="application/pdf",
        size=15,
    )
    submit(dossier, people["applicant"])
    approve(dossier, people["staff"])
    client = login(people["jure1"])
    url = reverse("candidatures_jury:evaluate", args=[dossier.pk])
    html = client.get(url).content.decode()
    # The dossier beside the form: answers and the attachment given as an answer.
    assert "Un schéma directeur du numérique libre voté en 2024." in html
    row = html.split("Joignez votre schéma", 1)[1][:400]
    assert "schema-directeur.pdf" in row and "Sans réponse" not in row
    assert 'class="tnl-evaluate"' in html
    # No default level: "— choisir —" is selected.
    select = html.split('name="proposed_level"', 1)[1].split("</select>", 1)[0]
    assert '<option value="" selected>— choisir —</option>' in select
    assert "Ne pas labelliser" in select

    domains = list(edition.criteria_domains.all())
    scores = {f"score_{d.pk}": "3" for d in domains}
    # A draft may leave the level empty, and reads back empty.
    response = client.post(url, {**scores, "proposed_level": "", "jury_comment": "Début"})
    assert response.status_code == 302
    evaluation = Evaluation.objects.get(candidature=dossier, juror=people["jure1"])
    assert not evaluation.level_chosen and evaluation.proposed_level is None
    select = client.get(url).content.decode().split('name="proposed_level"', 1)[1]
    assert '<option value="" selected>' in select.split("</select>", 1)[0]
    # Submitting without a level: 400, French error, nothing lost.
    response = client.post(
        url, {**scores, "proposed_level": "", "jury_comment": "Très complet", "submit": "1"}
    )
    assert response.status_code == 400
    html = unescape(response.content.decode())
    assert "Choisissez un niveau, ou « Ne pas labelliser », avant de remettre." in html
    assert "Très complet" in html
    evaluation.refresh_from_db()
    assert not evaluation.is_submitted
    # "Ne pas labelliser" is a real choice, kept in a draft, and can be submitted.
    client.post(url, {**scores, "proposed_level": "non"})
    evaluation.refresh_from_db()
    assert evaluation.level_chosen and evaluation.proposed_level is None
    assert '<option value="non" selected>' in client.get(url).content.decode()
    level = edition.levels.get(number=3)
    response = client.post(url, {**scores, "proposed_level": str(level.pk), "submit": "1"})
    assert response.status_code == 302
    evaluation.refresh_from_db()
    assert evaluation.is_submitted and evaluation.proposed_level == level


# Deliberation table -------------------------------------------------------------------------


def to_deliberation(edition, people, name=None):
    dossier = make_candidature(edition, people["applicant"], name=name)
    submit(dossier, people["applicant"])
    approve(dossier, people["staff"])
    for assignment in dossier.assignments.select_related("juror"):
        submit_evaluation(evaluate(dossier, assignment.juror), assignment.juror)
    dossier.refresh_from_db()
    return dossier


def test_deliberation_table_decide_links_earlier_levels_and_flat_queries(edition, jury, people):
    earlier = make_edition(year=2025, results_in_days=-30)
    embargoed = make_edition(year=2026, results_in_days=5)
    first = to_deliberation(edition, people, name="Commune Fidèle")
    Result.objects.create(
        edition=earlier, collectivite=first.collectivite, level=earlier.levels.get(number=2)
    )
    Result.objects.create(
        edition=embargoed, collectivite=first.collectivite, level=embargoed.levels.get(number=5)
    )
    url = reverse("candidatures_jury:table", args=[edition.year])
    president, staff = login(people["president"]), login(people["staff"])
    html = president.get(url).content.decode()
    decide = reverse("candidatures_jury:decide", args=[first.pk])
    assert f'href="{decide}">Décider<span class="w-sr-only"> Commune Fidèle</span>' in html
    assert "2025 : Niveau 2" in html
    assert "2026 :" not in html  # the public record only: 2026 is still embargoed
    # The rights computed for the whole table agree with the per-dossier rules.
    for user in (people["president"], people["staff"]):
        dossiers = list(first.edition.candidatures.prefetch_related("evaluations"))
        rights = table_rights(user, edition, dossiers)
        for dossier in dossiers:
            assert rights[dossier.pk]["sees_others"] == sees_other_evaluations(user, dossier)
            assert rights[dossier.pk]["decide"] == (
                can_decide(user, dossier) and dossier.status == S.DELIBERATION
            )

    counts = {}
    for name, client in (("president", president), ("staff", staff)):
        client.get(url)  # warm caches
        with CaptureQueriesContext(connection) as small:
            assert client.get(url).status_code == 200
        counts[name] = len(small.captured_queries)
    for n in range(3):
        dossier = to_deliberation(edition, people)
        Result.objects.create(
            edition=earlier, collectivite=dossier.collectivite, level=earlier.levels.get(number=3)
        )
    for name, client in (("president", president), ("staff", staff)):
        with CaptureQueriesContext(connection) as large:
            response = client.get(url)
        assert len(large.captured_queries) == counts[name], name
        assert unescape(response.content.decode()).count(">Décider<") == (
            4 if name == "president" else 0
        )
