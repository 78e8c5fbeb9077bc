"""Custom entries of a dossier's history (Wagtail's log), registered in wagtail_hooks."""

from django.utils.translation import gettext_lazy as _
from wagtail.log_actions import log

LOG_ACTIONS = {
    "tnl.status": _("Changement d'état"),
    "tnl.assign": _("Dossier attribué à un juré"),
    "tnl.unassign": _("Attribution retirée"),
    "tnl.evaluate": _("Évaluation remise"),
    "tnl.evaluation_closed": _("Évaluation close par l'équipe"),
    "tnl.decide": _("Décision enregistrée"),
    "tnl.ineligible": _("Dossier déclaré irrecevable"),
    "tnl.changes_requested": _("Compléments demandés au candidat"),
    "tnl.results_announced": _("Résultat rendu public"),
}


def log_candidature(candidature, action, user=None, data=None):
    return log(instance=candidature, action=action, user=user, data=data or {})


def describe(action, data):
    """Human message for the history screen."""
    label = str(LOG_ACTIONS.get(action, action))
    details = []
    for key in ("juror", "status", "level", "comment"):
        if data.get(key):
            details.append(str(data[key]))
    return f"{label} : {', '.join(details)}" if details else label
