"""What comes next for a dossier once it is submitted, with the édition's dates.

The applicant's dashboard shows three steps (recevabilité, jury, results) and marks where the
dossier stands; the dates are those label staff set on the édition.
"""

from django.utils import formats
from django.utils.translation import gettext as _

from candidatures.models import CandidatureStatus

ELIGIBILITY_STEP, JURY_STEP, RESULTS_STEP = 0, 1, 2

# The step a submitted dossier is at, by status; a dossier elsewhere has no next steps to show
# (draft, changes requested, ineligible, withdrawn, or its result already public).
CURRENT_STEP = {
    CandidatureStatus.SUBMITTED: ELIGIBILITY_STEP,
    CandidatureStatus.ELIGIBILITY: ELIGIBILITY_STEP,
    CandidatureStatus.EVALUATION: JURY_STEP,
    CandidatureStatus.DELIBERATION: JURY_STEP,
    CandidatureStatus.DECIDED: RESULTS_STEP,
    CandidatureStatus.PUBLISHED: RESULTS_STEP,
}


def _date(value):
    return formats.date_format(value, "j F Y") if value else ""


def next_steps(candidature, decision_public):
    """The steps after submission, each ``{"text", "current", "done"}``; empty when none apply."""
    current = CURRENT_STEP.get(candidature.status)
    if current is None or decision_public:
        return []
    edition = candidature.edition
    jury = _date(edition.jury_date)
    results = _date(edition.results_published_at)
    texts = [
        _("Recevabilité : l'équipe du label vérifie que le dossier est complet et vous écrit."),
        _("Jury : les jurés évaluent le dossier, le jury se réunit le %(date)s.") % {"date": jury}
        if jury
        else _("Jury : les jurés évaluent le dossier puis le jury délibère."),
        _("Résultats : publiés le %(date)s, vous recevez un courriel ce jour-là.")
        % {"date": results}
        if results
        else _("Résultats : vous recevez un courriel le jour de leur publication."),
    ]
    return [
        {"text": text, "current": index == current, "done": index < current}
        for index, text in enumerate(texts)
    ]
