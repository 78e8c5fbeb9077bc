"""Record an édition's past results from a CSV (see editions/importers.py for the columns)."""

from django.core.management.base import BaseCommand, CommandError

from editions.importers import ResultImportError, import_results
from editions.models import Edition


class Command(BaseCommand):
    help = "Importe les résultats d'une édition passée depuis un CSV (idempotent)."

    def add_arguments(self, parser):
        parser.add_argument("year", type=int)
        parser.add_argument("file")

    def handle(self, *args, year, file, **options):
        edition = Edition.objects.filter(year=year).first()
        if edition is None:
            raise CommandError(f"L'édition {year} n'existe pas.")
        if not edition.levels.exists():
            edition.add_default_levels()
        try:
            with open(file, encoding="utf-8-sig", newline="") as handle:
                count = import_results(edition, handle)
        except (OSError, ResultImportError) as error:
            raise CommandError(str(error)) from error
        self.stdout.write(self.style.SUCCESS(f"{count} résultats enregistrés pour {year}."))
