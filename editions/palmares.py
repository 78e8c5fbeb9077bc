"""Publishing an édition's palmarès: now, or at the results date, then announced once.

``publish_now`` lifts the embargo at once (``results_published_at`` becomes now);
``schedule`` keeps the results date and enqueues the announcement to run at that moment (the
task backend must support ``run_after``: ``django_tasks_db`` in production; with a backend that
cannot defer, ``manage.py announce_results`` run by cron does the applicants' part).
``announce`` runs once per édition (``palmares_announced_at``): it sends
``hooks.palmares_published`` (candidatures enqueues the applicants' emails) and drafts the press
release (``editions.press_release``). The embargo itself stays ``Result.objects.public()``.
"""

import logging

from django.db import transaction
from django.tasks import default_task_backend, task
from django.utils import timezone

from home.models import PressReleaseIndexPage

from . import hooks, purge
from .models import Edition
from .press_release import ResultsNotPublic, draft_press_release

logger = logging.getLogger(__name__)


def pending_dossiers(edition):
    """Dossiers still undecided or not yet evaluated, from every provider (candidatures)."""
    return [
        item
        for answer in hooks.responses(hooks.palmares_pending, edition=edition)
        for item in answer
    ]


def can_defer():
    return default_task_backend.supports_defer


def publish_now(edition, user=None):
    now = timezone.now()
    if edition.results_published_at is None or edition.results_published_at > now:
        edition.results_published_at = now
    edition.palmares_scheduled_for = None
    edition.save(update_fields=["results_published_at", "palmares_scheduled_for"])
    purge.purge_palmares(edition)
    announce_palmares.enqueue(edition.pk)


def schedule(edition, user=None):
    """Announce at ``results_published_at`` (in the future); False if it cannot be deferred."""
    edition.palmares_scheduled_for = edition.results_published_at
    # A bookkeeping field the public never sees: no save() signals (cache, search index).
    Edition.objects.filter(pk=edition.pk).update(
        palmares_scheduled_for=edition.palmares_scheduled_for
    )
    if not can_defer():
        return False
    when = edition.results_published_at
    announce_palmares.using(run_after=when).enqueue(edition.pk)
    return True


@task()
def announce_palmares(edition_id):
    """Announce the palmarès once it is public; a date moved later is followed (re-enqueued)."""
    edition = Edition.objects.filter(pk=edition_id).first()
    if edition is None:
        return False
    if not edition.results_are_public():
        if edition.results_published_at and can_defer():
            announce_palmares.using(run_after=edition.results_published_at).enqueue(edition_id)
        return False
    return announce(edition)


def announce(edition):
    """Once per édition: tell the receivers, draft the press release. Idempotent."""
    with transaction.atomic():
        locked = Edition.objects.select_for_update().get(pk=edition.pk)
        if locked.palmares_announced_at is not None or not locked.results_are_public():
            return False
        locked.palmares_announced_at = timezone.now()
        locked.palmares_scheduled_for = None
        Edition.objects.filter(pk=locked.pk).update(
            palmares_announced_at=locked.palmares_announced_at, palmares_scheduled_for=None
        )
    purge.purge_palmares(locked)  # live now: the proxy forgets every page that shows it
    hooks.palmares_published.send(sender=Edition, edition=locked)
    try:
        draft_press_release(locked)
    except (ResultsNotPublic, PressReleaseIndexPage.DoesNotExist):
        logger.warning("No press release drafted for %s", locked.year)
    return True
