"""The process's answers to the record's hooks (``editions.hooks``), discovered by editions.

- ``palmares_pending``: the dossiers of an édition still undecided or not yet evaluated, with a
  link to each, shown before the palmarès is published.
- ``palmares_published``: the palmarès is public; the applicants' "decision published" emails
  go out from a background task (``announce_due_results``, the same code as the cron command
  ``manage.py announce_results``: idempotent, each dossier is announced once).
- ``edition_copied``: a new édition set up from the previous one gets a copy of its questionnaire.
"""

from django.dispatch import receiver
from django.tasks import task
from django.urls import reverse
from django.utils.translation import gettext as _

from candidatures.lifecycle.announcement import announce_due_results
from candidatures.models import Candidature, CandidatureStatus, Questionnaire
from editions import hooks

# Submitted dossiers that have no decision yet (drafts, withdrawn and ineligible ones are out).
UNDECIDED = [
    CandidatureStatus.SUBMITTED,
    CandidatureStatus.ELIGIBILITY,
    CandidatureStatus.CHANGES_REQUESTED,
    CandidatureStatus.EVALUATION,
    CandidatureStatus.DELIBERATION,
]


@receiver(hooks.palmares_pending, dispatch_uid="candidatures-palmares-pending")
def undecided_dossiers(sender, edition, **kwargs):
    dossiers = (
        Candidature.objects.filter(edition=edition, status__in=UNDECIDED)
        .select_related("collectivite")
        .order_by("collectivite__name")
    )
    return [
        {
            "name": dossier.collectivite.name,
            "status": dossier.get_status_display(),
            "url": reverse("wagtailsnippets_candidatures_candidature:edit", args=[dossier.pk]),
        }
        for dossier in dossiers
    ]


@task()
def announce_results():
    """Background: every decided dossier whose results date has passed is announced."""
    return announce_due_results()


@receiver(hooks.palmares_published, dispatch_uid="candidatures-palmares-published")
def on_palmares_published(sender, edition, **kwargs):
    announce_results.enqueue()


@receiver(hooks.edition_copied, dispatch_uid="candidatures-copy-questionnaire")
def copy_questionnaire(sender, source, target, **kwargs):
    questionnaires = list(Questionnaire.objects.filter(edition=source).select_related("track"))
    if not questionnaires or Questionnaire.objects.filter(edition=target).exists():
        return None
    for questionnaire in questionnaires:  # one per track when the édition has tracks
        questionnaire.copy_to(target)
    if len(questionnaires) > 1:
        return _("les %(n)s questionnaires") % {"n": len(questionnaires)}
    return _("le questionnaire")
