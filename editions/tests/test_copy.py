"""A new édition starts from the previous one: one action copies its level scheme, criteria
domains, mention types and questionnaire (through ``hooks.edition_copied``), dates a year on."""

import datetime as dt

import pytest
from django.urls import reverse

from candidatures.models import Questionnaire
from editions.copying import shifted
from editions.models import Edition

from .people import *  # noqa: F403

pytestmark = pytest.mark.django_db


def test_the_demo_2027_edition_has_mention_types(demo):
    names = list(Edition.objects.get(year=2027).mention_types.values_list("name", flat=True))
    assert names == [
        "Meilleure première candidature",
        "Mutualisation",
        "Promotion et sensibilisation",
        "Sobriété numérique",
    ]


def test_label_staff_create_2028_from_2027(label_staff, demo):
    source = Edition.objects.get(year=2027)
    Questionnaire.objects.get_or_create(edition=source, defaults={"intro": "Questionnaire 2027"})
    listing = label_staff.get(reverse("wagtailsnippets_editions_edition:list")).content.decode()
    url = reverse("editions_copy", args=[source.pk])
    assert url in listing and "Créer l&#x27;édition suivante" in listing
    form = label_staff.get(url)
    assert form.status_code == 200 and 'value="2028"' in form.content.decode()
    response = label_staff.post(url, {"year": 2028}, follow=True)
    new = Edition.objects.get(year=2028)
    assert response.redirect_chain[-1][0] == reverse(
        "wagtailsnippets_editions_edition:edit", args=[new.pk]
    )
    html = response.content.decode()
    assert "L&#x27;édition 2028 est créée à partir de 2027" in html
    assert "4 type(s) de mention, 2 parcours, le questionnaire" in html
    assert list(new.levels.values_list("name", flat=True)) == ["Badge", "Bronze", "Argent", "Or"]
    assert new.criteria_domains.count() == 5
    assert new.mention_types.count() == 4
    assert new.questionnaires.get().intro == "Questionnaire 2027"
    # The 2025 scheme's tracks, each with its levels among the new édition's.
    assert [
        (
            t.name,
            [lv.name for lv in t.levels.order_by("number")],
            {lv.edition_id for lv in t.levels.all()},
        )
        for t in new.tracks.order_by("sort_order")
    ] == [("Badge", ["Badge"], {new.pk}), ("Label", ["Bronze", "Argent", "Or"], {new.pk})]
    assert new.deadline == shifted(source.deadline, 1)
    assert new.jury_date == dt.date(2028, 3, 16)
    new.full_clean()  # the shifted calendar holds
    assert source.mention_types.count() == 4  # the source is untouched


def test_an_existing_year_is_refused_in_french(label_staff, demo):
    url = reverse("editions_copy", args=[Edition.objects.get(year=2025).pk])
    response = label_staff.post(url, {"year": 2027})
    assert response.status_code == 400
    assert "L&#x27;édition 2027 existe déjà." in response.content.decode()
    assert label_staff.post(url, {"year": "deux mille"}).status_code == 400


def test_29_february_moves_to_28():
    assert shifted(dt.date(2028, 2, 29), 1) == dt.date(2029, 2, 28)


@pytest.mark.parametrize("who", ["redacteur", "juror"])
def test_copying_is_refused_to_a_redacteur_and_a_juror(request, who, demo):
    client = request.getfixturevalue(who)
    url = reverse("editions_copy", args=[Edition.objects.get(year=2027).pk])
    assert client.get(url).status_code in (302, 403)
    assert client.post(url, {"year": 2028}).status_code in (302, 403)
    assert not Edition.objects.filter(year=2028).exists()
