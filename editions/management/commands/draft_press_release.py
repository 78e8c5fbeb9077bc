"""Draft the press release of an édition's palmarès and print its admin address."""

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.urls import reverse

from editions.models import Edition
from editions.press_release import ResultsNotPublic, draft_press_release
from home.models import PressReleaseIndexPage


class Command(BaseCommand):
    help = (
        "Prépare le brouillon du communiqué de presse du palmarès d'une édition (idempotent) "
        "et affiche son adresse dans l'administration."
    )

    def add_arguments(self, parser):
        parser.add_argument("year", type=int, help="année de l'édition, par exemple 2021")

    def handle(self, *args, year, **options):
        edition = Edition.objects.filter(year=year).first()
        if edition is None:
            raise CommandError(f"Aucune édition {year}.")
        try:
            page = draft_press_release(edition)
        except ResultsNotPublic as error:
            raise CommandError(str(error)) from error
        except PressReleaseIndexPage.DoesNotExist as error:
            raise CommandError("Le site n'a pas de page « Communiqués de presse ».") from error
        url = settings.WAGTAILADMIN_BASE_URL.rstrip("/") + reverse(
            "wagtailadmin_pages:edit", args=(page.pk,)
        )
        self.stdout.write(url)
