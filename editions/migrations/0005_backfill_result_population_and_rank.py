"""Each result gets the population of its édition; each édition its rank from the data.

Idempotent: only results without a figure are filled, with the body's figure when its reference
year does not postdate the édition (the rule of ``editions.models.population_as_of``); the rank is
recomputed from the years.
"""

from django.db import migrations


def forwards(apps, schema_editor):
    Edition = apps.get_model("editions", "Edition")
    Result = apps.get_model("editions", "Result")
    for rank, edition in enumerate(Edition.objects.order_by("year"), start=1):
        if edition.ordinal != rank:
            Edition.objects.filter(pk=edition.pk).update(ordinal=rank)
    empty = Result.objects.filter(population__isnull=True, population_year__isnull=True)
    for result in empty.select_related("collectivite", "edition").iterator():
        body = result.collectivite
        if body.population is None or (body.population_year or 0) > result.edition.year:
            continue
        Result.objects.filter(pk=result.pk).update(
            population=body.population, population_year=body.population_year
        )


class Migration(migrations.Migration):
    dependencies = [("editions", "0004_result_population_seat_rank")]

    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
