"""Build the demo page tree and content. Idempotent: running it again keeps admin edits."""

from django.conf import settings
from django.core.management.base import BaseCommand
from django.db import transaction
from django.utils.module_loading import import_string


class Command(BaseCommand):
    help = "Charge le contenu de démonstration (idempotent)."

    def handle(self, *args, **options):
        for path in settings.DEMO_LOADERS:
            with transaction.atomic():
                import_string(path)(stdout=self.stdout)
        self.stdout.write(self.style.SUCCESS("Contenu de démonstration prêt."))
