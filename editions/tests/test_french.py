"""French grammar of generated text: elision before a name, the French plural rule (0 lauréat)."""

import re

import pytest
from django.template import Context, Template

from editions.french import choose, fr_ngettext, of_name


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("Erdeven", "d'Erdeven"),
        ("Abbeville", "d'Abbeville"),
        ("Échirolles", "d'Échirolles"),
        ("Alès Agglomération", "d'Alès Agglomération"),
        ("Yzeure", "d'Yzeure"),
        ("Lettret", "de Lettret"),
        ("La Tronche", "de La Tronche"),
        ("Le Havre", "du Havre"),
        ("Les Mureaux", "des Mureaux"),
        ("Hautes-Alpes", "de Hautes-Alpes"),
    ],
)
def test_of_name_elides_and_contracts(name, expected):
    assert of_name(name) == expected


@pytest.mark.parametrize(("count", "word"), [(0, "lauréat"), (1, "lauréat"), (2, "lauréats")])
def test_the_french_plural_rule(count, word):
    assert fr_ngettext("%(n)s lauréat", "%(n)s lauréats", count) % {"n": count} == f"{count} {word}"
    assert choose(count, "lauréat", "lauréats") == word


def test_template_filters():
    template = Template(
        "{% load i18n editions_tags %}Dossiers {{ name|de }} · "
        "{% for n in counts %}{% blocktranslate with count=n count form=n|fr_form %}"
        "{{ count }} lauréat{% plural %}{{ count }} lauréats{% endblocktranslate %};"
        "{% endfor %}"
    )
    html = template.render(Context({"name": "Erdeven", "counts": [0, 1, 3]}))
    assert html == "Dossiers d&#x27;Erdeven · 0 lauréat;1 lauréat;3 lauréats;"


@pytest.mark.django_db
def test_public_pages_say_0_laureat_and_labels_d_abbeville(client, demo):
    palmares = client.get("/editions/2021/").content.decode()
    assert "Niveau 1 : 0 lauréat<" in palmares  # no level 1 in 2021
    assert not re.search(r"(?<!\d)0 lauréats", palmares)
    body = client.get("/collectivites/abbeville/").content.decode()
    assert "Labels d&#x27;Abbeville, édition par édition" in body
