"""Background work of the record (Django tasks; ``manage.py db_worker`` runs them in production)."""

import logging

from django.db import transaction
from django.tasks import task

from .services import import_territories, read_territories

logger = logging.getLogger(__name__)


@task()
def import_shipped_territories():
    """Load the official extract shipped in editions/data (38,000 rows: seconds, not a request)."""
    with transaction.atomic():
        count = import_territories(read_territories())
    logger.info("%s reference territories imported", count)
    return count
