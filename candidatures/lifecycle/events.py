"""The lifecycle's own signal, so that the layers above it (the emails of ``notifications``)
react to a dossier's moves without the lifecycle importing them.

``transitioned`` is sent by ``workflow.fire`` once the status is stored, inside the
transition's transaction, with ``sender`` the transition's name (``states.TRANSITIONS``) and
the arguments ``name``, ``candidature``, ``user`` and ``extra`` (the fields written with the
status, e.g. ``changes_requested_message`` or ``ineligibility_reason``).
"""

from django.dispatch import Signal

transitioned = Signal()
