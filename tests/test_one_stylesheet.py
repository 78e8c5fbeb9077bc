"""Every public page, and the applicant space, loads one stylesheet: static/css/main.css.

The éditions' and the applicant space's rules live in it, scoped to the body classes
``editions`` and ``applicant`` (so they change no other page); only the Wagtail admin's own
screens add a stylesheet of ours (jury-admin.css).
"""

import re

import pytest
from django.contrib.auth.models import Group

from editions.models import Collectivite, Result
from home.models import NewsPage, PressReleasePage
from home.roles import APPLICANTS

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("home_page")]  # with `demo`

STYLESHEET = re.compile(r"<link\b[^>]*\brel=[\"']?stylesheet[^>]*>", re.I)


def stylesheets(html):
    return [re.search(r'href="([^"]+)"', link).group(1) for link in STYLESHEET.findall(html)]


def body_class(html):
    return re.search(r'<body class="([^"]*)"', html).group(1)


def test_public_pages_and_the_applicant_space_link_exactly_one_stylesheet(
    client, demo, django_user_model
):
    year = Result.objects.public().values_list("edition__year", flat=True).first()
    body = Collectivite.objects.get(
        pk=Result.objects.public().laureates().values("collectivite")[:1]
    )
    pages = {
        "/": "page-home",
        "/actualites/": "",
        NewsPage.objects.live().first().url: "",
        PressReleasePage.objects.live().first().url: "",
        "/editions/": "editions",
        f"/editions/{year}/": "editions",
        "/collectivites/": "editions",
        body.get_absolute_url(): "editions",
        "/collectivites/carte/": "editions",
        "/donnees/": "editions",
        "/recherche/?q=libre": "",
        "/compte/connexion/": "applicant",
        "/compte/inscription/": "applicant",
        "/page-introuvable-pour-le-test/": "",
    }
    for url, css_class in pages.items():
        response = client.get(url)
        assert response.status_code in (200, 404), (url, response.status_code)
        html = response.content.decode()
        assert stylesheets(html) == ["/static/css/main.css"], (url, stylesheets(html))
        assert body_class(html) == css_class, (url, body_class(html))

    applicant = django_user_model.objects.create_user(
        "feuille@example.org", "feuille@example.org", "pw-one-sheet-1234"
    )
    applicant.groups.add(Group.objects.get(name=APPLICANTS))
    client.force_login(applicant)
    html = client.get("/espace-candidat/").content.decode()
    assert stylesheets(html) == ["/static/css/main.css"]
    assert body_class(html) == "applicant"
