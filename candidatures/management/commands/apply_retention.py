"""Anonymise what the retention period has passed (daily timer: tnl-scheduled@apply_retention)."""

from django.core.management.base import BaseCommand

from candidatures.privacy.retention import apply_retention


class Command(BaseCommand):
    help = "Anonymise inactive applicant accounts and closed dossiers past the retention period."

    def handle(self, *args, **options):
        counts = apply_retention()
        self.stdout.write(
            "Anonymised {accounts} account(s) and {dossiers} dossier(s); deleted {deliveries} "
            "email log entries and {reads} read log entries.".format(**counts)
        )
