"""Factories for the record (factory_boy); used by tests and query-count benchmarks."""

import datetime as dt

import factory
from django.utils import timezone

from .models import (
    Collectivite,
    CollectiviteKind,
    Edition,
    Level,
    MentionAward,
    MentionType,
    Result,
)


class EditionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Edition
        django_get_or_create = ("year",)
        skip_postgeneration_save = True

    year = factory.Sequence(lambda n: 2030 + n)
    ordinal = factory.LazyAttribute(lambda o: o.year - 2015)
    ceremony_date = factory.LazyAttribute(lambda o: dt.date(o.year, 11, 9))
    ceremony_place = "Paris"
    results_published_at = factory.LazyFunction(lambda: timezone.now() - dt.timedelta(days=30))

    @factory.post_generation
    def levels(self, create, extracted, **kwargs):
        if create and extracted is not False:
            self.add_default_levels()


class CollectiviteFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Collectivite

    name = factory.Sequence(lambda n: f"Commune de test {n}")
    kind = CollectiviteKind.COMMUNE
    population = factory.Sequence(lambda n: 1000 + n)
    population_year = 2023
    departement_code = "34"
    departement = "Hérault"
    region_code = "76"
    region = "Occitanie"


class ResultFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Result

    edition = factory.SubFactory(EditionFactory)
    collectivite = factory.SubFactory(CollectiviteFactory)
    level = factory.LazyAttribute(lambda o: o.edition.levels.order_by("number").last())


class MentionTypeFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = MentionType

    edition = factory.SubFactory(EditionFactory)
    name = factory.Sequence(lambda n: f"Mention {n}")


class MentionAwardFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = MentionAward

    result = factory.SubFactory(ResultFactory)
    mention_type = factory.LazyAttribute(lambda o: MentionTypeFactory(edition=o.result.edition))
    citation = "Pour l'exemple."


def edition_with_results(year, count, published=True, levels=(2, 3, 4), mentions=2):
    """An édition with ``count`` results spread over ``levels`` (built in bulk for speed)."""
    when = timezone.now() + dt.timedelta(days=-30 if published else 30)
    edition = EditionFactory(year=year, results_published_at=when)
    by_number = {level.number: level for level in Level.objects.filter(edition=edition)}
    bodies = Collectivite.objects.bulk_create(
        Collectivite(
            name=f"Organisme {year}-{i}",
            slug=f"organisme-{year}-{i}",
            kind=CollectiviteKind.COMMUNE if i % 2 else CollectiviteKind.SYNDICAT,
            population=500 + i,
            population_year=2023,
            departement="Hérault",
            departement_code="34",
            region="Occitanie" if i % 3 else "Bretagne",
        )
        for i in range(count)
    )
    results = Result.objects.bulk_create(
        Result(edition=edition, collectivite=body, level=by_number[levels[i % len(levels)]])
        for i, body in enumerate(bodies)
    )
    for i in range(mentions):
        MentionAward.objects.create(
            result=results[i],
            mention_type=MentionType.objects.create(edition=edition, name=f"Mention {i}"),
            citation="Citation",
        )
    return edition
