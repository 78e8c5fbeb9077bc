"""Load the official communes and EPCI shipped in editions/data/ (no network needed)."""

import time

from django.core.management.base import BaseCommand
from django.db import transaction

from editions.services import DIVISIONS_FILE, TERRITORIES_FILE, import_territories, read_territories


class Command(BaseCommand):
    help = (
        "Importe les communes et intercommunalités de référence (@etalab/decoupage-administratif, "
        "Licence Ouverte 2.0). Peut être relancée : met à jour sans dupliquer."
    )

    def add_arguments(self, parser):
        parser.add_argument("--file", default=str(TERRITORIES_FILE), help="CSV (gzip ou non)")
        parser.add_argument("--divisions", default=str(DIVISIONS_FILE))

    def handle(self, *args, **options):
        start = time.monotonic()
        with transaction.atomic():
            count = import_territories(read_territories(options["file"], options["divisions"]))
        self.stdout.write(
            self.style.SUCCESS(
                f"{count} territoires importés en {time.monotonic() - start:.1f} s "
                "(source : @etalab/decoupage-administratif, Licence Ouverte 2.0)."
            )
        )
