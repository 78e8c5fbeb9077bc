"""An édition's calendar checked as a whole: opening < deadline < jury < results.

``calendar_errors`` is called by ``Edition.clean()``, so every form that edits an édition (the
admin, the copy from the previous édition, the palmarès screen) gives the same French messages,
each on the field that is out of order. The jury meets on a day (a date): it must come after the
deadline's day, and the results may be published on the jury's day (the 2021 jury met on
5 November, the palmarès was out on the 9th; a jury may also announce the same evening).
"""

from django.utils import formats, timezone
from django.utils.translation import gettext as _


def _when(value):
    if hasattr(value, "hour"):
        return formats.date_format(timezone.localtime(value), "j F Y à H:i")
    return formats.date_format(value, "j F Y")


def _day(value):
    return timezone.localdate(value) if hasattr(value, "hour") else value


def calendar_errors(call_opens_at, deadline, jury_date, results_published_at):
    """``{field: message}`` for each date out of order (empty when the calendar holds)."""
    errors = {}
    if call_opens_at and deadline and deadline <= call_opens_at:
        errors["deadline"] = _(
            "La date limite de dépôt doit suivre l'ouverture des candidatures (%(date)s)."
        ) % {"date": _when(call_opens_at)}
    if deadline and jury_date and jury_date <= _day(deadline):
        errors["jury_date"] = _(
            "Le jury doit se réunir après la date limite de dépôt (%(date)s)."
        ) % {"date": _when(deadline)}
    if results_published_at:
        if deadline and results_published_at <= deadline:
            errors["results_published_at"] = _(
                "La publication des résultats doit suivre la date limite de dépôt (%(date)s) : "
                "les dossiers ne sont pas encore évalués."
            ) % {"date": _when(deadline)}
        elif jury_date and _day(results_published_at) < jury_date:
            errors["results_published_at"] = _(
                "La publication des résultats ne peut précéder la réunion du jury (%(date)s)."
            ) % {"date": _when(jury_date)}
        elif call_opens_at and not deadline and results_published_at <= call_opens_at:
            errors["results_published_at"] = _(
                "La publication des résultats doit suivre l'ouverture des candidatures (%(date)s)."
            ) % {"date": _when(call_opens_at)}
    return errors
