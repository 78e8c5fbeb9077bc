"""Recevabilité as its own screen: which dossier opens on it, the Recevabilité task's actions
offered there (the workflow task decides who gets them), and what each action tells whom.

The actions stay the Wagtail workflow actions of ``EligibilityTask`` (approve, reject,
ineligible); the screen only shows the dossier read-only, asks for confirmation and says what
happened.
"""

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _l

from candidatures import notifications
from candidatures.access import is_label_staff
from candidatures.models import CandidatureStatus, EligibilityTask
from candidatures.models.jury import person_name

NEEDS_MESSAGE = {"reject", "ineligible"}
ACTION_TEXTS = {
    "approve": {
        "title": _l("Déclarer recevable"),
        "explain": _l(
            "Le dossier passe à l'évaluation du jury ; les jurés attribués sont prévenus par "
            "courriel."
        ),
        "field": "",
    },
    "reject": {
        "title": _l("Demander des compléments"),
        "explain": _l(
            "Le dossier revient au candidat avec votre message ; il le complète puis le dépose "
            "de nouveau."
        ),
        "field": _l("Message au candidat"),
    },
    "ineligible": {
        "title": _l("Déclarer irrecevable"),
        "explain": _l("Le dossier est clos ; le candidat reçoit le motif par courriel."),
        "field": _l("Motif de l'irrecevabilité (envoyé au candidat)"),
    },
}


def opens_on_instruction(candidature, user):
    """A dossier in recevabilité opens, for label staff, on the instruction screen (listing
    links, the editor's address, the dashboard's "awaiting review")."""
    return is_label_staff(user) and candidature.status == CandidatureStatus.ELIGIBILITY


def editor_saves_drafts(candidature):
    """The editor offers "Enregistrer le brouillon" only on a draft: once submitted, the dossier
    changes through the workflow's actions (and the decision panels), never as a draft."""
    return candidature.status == CandidatureStatus.DRAFT


def eligibility_task_state(candidature):
    state = candidature.current_workflow_task_state
    if state is not None and isinstance(state.task.specific, EligibilityTask):
        return state
    return None


def instruction_actions(candidature, user, task_state=None):
    """The Recevabilité task's actions for this user: [(name, label)], empty for anyone the
    task refuses (jurors, the president) or once the dossier has left recevabilité."""
    state = task_state or eligibility_task_state(candidature)
    if state is None:
        return []
    return [
        (name, label)
        for name, label, _modal in state.task.specific.get_actions(candidature, user)
        if name in ACTION_TEXTS
    ]


def comment_form(task_state, action, data=None):
    """The task's own form for the action (a required message for send-back and
    ineligibility), prefixed so that the three forms of the screen do not clash."""
    form_class = task_state.task.specific.get_form_for_action(action)
    form = form_class(data, prefix=action)
    if "comment" in form.fields:
        field = form.fields["comment"]
        if action in NEEDS_MESSAGE:
            field.label = ACTION_TEXTS[action]["field"]
            field.required = True
            if action == "ineligible":
                field.error_messages["required"] = _("Indiquez le motif de l'irrecevabilité.")
        else:
            field.widget = field.hidden_widget()
    return form


def run(task_state, user, action, comment):
    """Fire the workflow action exactly as the editor's action menu does."""
    candidature = task_state.workflow_state.content_object
    task_state.task.specific.on_action(task_state, user, action, comment=comment)
    candidature.refresh_from_db()
    return candidature


def who_is_told(candidature, action):
    """The people an action informs, for the confirmation and the success message."""
    if action == "approve":
        return [person_name(a.juror) for a in candidature.assignments.select_related("juror")]
    return notifications.applicant_recipients(candidature)


def success_message(candidature, action):
    told = ", ".join(who_is_told(candidature, action))
    values = {"body": candidature.collectivite, "told": told}
    if action == "approve":
        if told:
            return (
                _(
                    "Dossier de %(body)s déclaré recevable : il passe à l'évaluation du jury. "
                    "Jurés attribués et prévenus par courriel : %(told)s."
                )
                % values
            )
        return (
            _(
                "Dossier de %(body)s déclaré recevable : il passe à l'évaluation du jury. Aucun "
                "juré n'a pu lui être attribué : complétez le jury puis les attributions."
            )
            % values
        )
    if not told:
        return _(
            "%(what)s Aucun membre de %(body)s n'a d'adresse vérifiée : personne n'est "
            "prévenu par courriel, prévenez le candidat autrement."
        ) % {
            "body": candidature.collectivite,
            "what": _("Compléments demandés à %(body)s.") % {"body": candidature.collectivite}
            if action == "reject"
            else _("Dossier de %(body)s déclaré irrecevable.") % {"body": candidature.collectivite},
        }
    if action == "reject":
        return (
            _(
                "Compléments demandés à %(body)s : le candidat est prévenu par courriel avec "
                "votre message (%(told)s)."
            )
            % values
        )
    return (
        _(
            "Dossier de %(body)s déclaré irrecevable : le candidat est prévenu par courriel avec "
            "le motif (%(told)s)."
        )
        % values
    )


def action_done(candidature, action):
    """Did the action take effect? (a refused transition leaves the state unchanged)."""
    return candidature.status != CandidatureStatus.ELIGIBILITY or action not in ACTION_TEXTS
