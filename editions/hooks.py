"""What editions asks of the process without importing it (``candidatures`` answers).

editions never imports candidatures (docs/architecture.md): the process connects receivers to
these signals in ``<app>/announcements.py``, which ``EditionsConfig.ready()`` discovers in every
installed app (as the admin discovers ``admin.py``).

- ``edition_copied(sender=Edition, source, target)``: a new édition was set up from ``source``
  (levels, criteria domains, mention types are copied here); receivers copy what they own (the
  questionnaire) and return a short French description of it, or None.
- ``palmares_pending(sender=Edition, edition)``: receivers return the dossiers of ``edition`` still
  undecided or not yet evaluated, as ``[{"name", "status", "url"}]`` (shown as a warning before the
  palmarès is published).
- ``palmares_published(sender=Edition, edition)``: the palmarès of ``edition`` is public now (once
  per édition): receivers announce it (the applicants' emails, from a background task).
"""

from django.dispatch import Signal
from django.utils.module_loading import autodiscover_modules

from .models import Edition

edition_copied = Signal()
palmares_pending = Signal()
palmares_published = Signal()

RECEIVERS_MODULE = "announcements"


def discover_receivers():
    autodiscover_modules(RECEIVERS_MODULE)


def responses(signal, **kwargs):
    """The non-empty answers of every receiver (a failing receiver raises: nothing is hidden)."""
    return [value for _receiver, value in signal.send(sender=Edition, **kwargs) if value]
