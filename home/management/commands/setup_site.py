"""Give the default Site the public address (SITE_URL) and a home page. Idempotent."""

from django.conf import settings
from django.core.management.base import BaseCommand
from django.db import transaction

from home.site_setup import setup_site


class Command(BaseCommand):
    help = "Règle l'adresse publique du site (SITE_URL) et crée la page d'accueil (idempotent)."

    def add_arguments(self, parser):
        parser.add_argument("--url", default=None, help="adresse publique (défaut : SITE_URL)")

    @transaction.atomic
    def handle(self, *args, url=None, **options):
        site = setup_site(url or settings.SITE_URL)
        message = f"Site « {site.site_name} » : {site.root_url}/ ({site.root_page.title})"
        self.stdout.write(self.style.SUCCESS(message))
