"""Test and demo factories of the editorial pages (wagtail-factories / factory_boy)."""

import datetime

import factory
import wagtail_factories

from home.models import (
    NewsIndexPage,
    NewsPage,
    PressContact,
    PressReleaseIndexPage,
    PressReleasePage,
    StandardPage,
)


class StandardPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Page standard {n}")
    intro = "Une page de test."

    class Meta:
        model = StandardPage


class NewsIndexPageFactory(wagtail_factories.PageFactory):
    title = "Actualités"
    slug = "actualites"

    class Meta:
        model = NewsIndexPage


class NewsPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Actualité de test {n}")
    date = factory.Sequence(lambda n: datetime.date(2022, 1, 1) + datetime.timedelta(days=n))
    intro = "Le chapô de l'actualité."

    class Meta:
        model = NewsPage


class PressReleaseIndexPageFactory(wagtail_factories.PageFactory):
    title = "Communiqués de presse"
    slug = "communiques"

    class Meta:
        model = PressReleaseIndexPage


class PressContactFactory(factory.django.DjangoModelFactory):
    name = "Camille TILLATTE"
    role = "Chargée de Marketing et Relations Presse"
    email = "camille.tillatte@adullact.org"

    class Meta:
        model = PressContact


class PressReleasePageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Communiqué de test {n}")
    date = datetime.date(2023, 5, 4)
    place = "Montpellier"
    intro = "Le chapô du communiqué."

    class Meta:
        model = PressReleasePage
