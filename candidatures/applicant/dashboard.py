"""What the applicant's dashboard shows, in plain French, with the results embargo applied."""

from django.db.models import Prefetch

from candidatures.applicant.drafts import is_editable, open_edition, user_collectivites
from candidatures.applicant.next_steps import next_steps
from candidatures.applicant.submission import latest_staff_message
from candidatures.lifecycle.announcement import applicant_feedback
from candidatures.lifecycle.states import applicant_label, decision_is_public
from candidatures.models import (
    Candidature,
    CandidatureMention,
    CandidatureStatus,
    Evaluation,
    Questionnaire,
)


def dossier_row(candidature):
    public = decision_is_public(candidature)
    row = {
        "candidature": candidature,
        "status": applicant_label(candidature),
        "editable": is_editable(candidature),
        "staff_message": "",
        "decision": None,
        "next_steps": next_steps(candidature, public),
    }
    if candidature.status == CandidatureStatus.CHANGES_REQUESTED:
        row["staff_message"] = latest_staff_message(candidature)
    if public:
        row["decision"] = {
            "level": candidature.decision_level,
            "mentions": list(candidature.mentions.all()),
            "public_comment": candidature.public_comment,
            # The jurors' words for the applicant, unsigned (prefetched by dashboard_rows).
            "feedback": applicant_feedback(candidature),
            "badge_url": f"/collectivites/{candidature.collectivite.slug}/"
            f"badge-{candidature.edition.year}.svg"
            if candidature.decision_level_id
            else "",
        }
    return row


def dashboard_rows(user):
    edition = open_edition()
    if edition and not Questionnaire.objects.filter(edition=edition).exists():
        edition = None  # nothing to fill yet
    bodies = list(user_collectivites(user))
    dossiers = (
        Candidature.objects.filter(collectivite__in=bodies)
        .select_related("edition", "collectivite", "decision_level", "track")
        .prefetch_related(
            Prefetch(
                "mentions", queryset=CandidatureMention.objects.select_related("mention_type")
            ),
            Prefetch(
                "evaluations",
                queryset=Evaluation.objects.submitted()
                .exclude(applicant_feedback="")
                .only("pk", "candidature_id", "applicant_feedback")
                .order_by("submitted_at", "pk"),
                to_attr="feedback_evaluations",
            ),
        )
        .order_by("-edition__year")
    )
    by_body = {}
    for candidature in dossiers:
        by_body.setdefault(candidature.collectivite_id, []).append(candidature)
    rows = []
    for body in bodies:
        mine = by_body.get(body.pk, [])
        has_open = edition is not None and any(c.edition_id == edition.pk for c in mine)
        rows.append(
            {
                "collectivite": body,
                "dossiers": [dossier_row(c) for c in mine],
                "can_start": edition is not None and not has_open,
                "previous": next(
                    (c for c in mine if edition and c.edition.year < edition.year), None
                ),
            }
        )
    return rows
