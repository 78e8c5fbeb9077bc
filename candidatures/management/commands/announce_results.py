"""Make decided dossiers "Résultat publié" once their édition's results date has passed, and
email the applicants. Run by cron every few minutes (idempotent)."""

from django.core.management.base import BaseCommand

from candidatures.lifecycle.announcement import announce_due_results


class Command(BaseCommand):
    help = "Annonce aux candidats les décisions dont la date de publication est passée."

    def handle(self, *args, **options):
        count = announce_due_results()
        self.stdout.write(f"{count} décision(s) annoncée(s).")
