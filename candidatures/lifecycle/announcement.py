"""Step 4, Publication: a decided dossier becomes "Résultat publié" for its applicant only once
its édition's results date has passed, together with every other dossier of the édition.

The public record itself is embargoed by ``Result.objects.public()`` (editions); this module
only moves the applicant-facing status (the "decision published" email follows it), from the
workflow's end (late decisions) or from ``manage.py announce_results`` (run by cron).
"""

from django.utils import timezone
from django.utils.translation import gettext as _

from candidatures.lifecycle.states import decision_is_public
from candidatures.lifecycle.workflow import announce
from candidatures.models import Candidature, CandidatureStatus


def decision_label(candidature):
    if candidature.decision_level_id:
        return str(candidature.decision_level)
    return _("non labellisée")


def announce_if_public(candidature, now=None):
    """Announce a decided dossier once its édition's results are public (the email follows
    the ``announce`` transition, see ``notifications_receivers``)."""
    edition = candidature.edition
    if candidature.status != CandidatureStatus.DECIDED or not edition.results_are_public(now):
        return False
    announce(candidature)
    return True


def announce_due_results(now=None):
    now = now or timezone.now()
    due = Candidature.objects.filter(
        status=CandidatureStatus.DECIDED, edition__results_published_at__lte=now
    ).select_related("edition", "collectivite", "decision_level")
    return sum(announce_if_public(c, now) for c in due)


def applicant_feedback(candidature):
    """The jurors' feedback for the applicant, unsigned: only while the decision is public
    (the dashboard's rule). Uses the evaluations prefetched by the dashboard when present."""
    if not decision_is_public(candidature):
        return []
    evaluations = getattr(candidature, "feedback_evaluations", None)
    if evaluations is None:
        evaluations = (
            candidature.evaluations.submitted()
            .exclude(applicant_feedback="")
            .order_by("submitted_at", "pk")
        )
    return [evaluation.applicant_feedback for evaluation in evaluations]
