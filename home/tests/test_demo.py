"""The demo loader: idempotent, keeps admin edits, demo accounts only where allowed."""

from io import StringIO

import pytest
from django.contrib.auth import authenticate, get_user_model
from django.contrib.auth.models import Group
from django.core.management import call_command
from django.core.management.base import CommandError
from django.test import override_settings
from wagtail.images.models import Image
from wagtail.models import Page, WorkflowPage

from home import roles
from home.demo import load
from home.models import (
    FooterItem,
    MainMenuItem,
    NewsPage,
    PressContact,
    PressReleasePage,
    StandardPage,
)

pytestmark = pytest.mark.django_db

LOGINS = [
    "admin",
    "redacteur",
    "communication",
    "equipe",
    "jure1",
    "jure2",
    "president",
    "candidat",
]


def counts():
    return {
        "pages": Page.objects.count(),
        "news": NewsPage.objects.count(),
        "standard": StandardPage.objects.count(),
        "press": PressReleasePage.objects.count(),
        "contacts": PressContact.objects.count(),
        "images": Image.objects.count(),
        "menu": MainMenuItem.objects.count(),
        "footer": FooterItem.objects.count(),
        "users": get_user_model().objects.count(),
    }


def test_loading_twice_changes_nothing_and_keeps_admin_edits(home_page):
    first = counts()
    assert first["news"] == 5 and first["press"] == 1 and first["standard"] == 6
    faq = StandardPage.objects.get(slug="faq")
    faq.title = "FAQ modifiée dans l'admin"
    faq.save_revision().publish()
    admin = get_user_model().objects.get(username="admin")
    admin.set_password("un-autre-mot-de-passe")
    admin.save()
    MainMenuItem.objects.filter(title="Collectivités labellisées").delete()
    load()
    after = counts()
    assert after == {**first, "menu": first["menu"] - 1}
    assert StandardPage.objects.get(slug="faq").title == "FAQ modifiée dans l'admin"
    assert authenticate(username="admin", password="un-autre-mot-de-passe")


def test_demo_builds_the_expected_tree_and_wires_moderation(client, home_page):
    for url in [
        "/reglement/",
        "/criteres/",
        "/faq/",
        "/mentions-legales/",
        "/accessibilite/",
        "/confidentialite/",
        "/actualites/",
        "/communiques/",
    ]:
        assert client.get(url).status_code == 200, url
    criteria = client.get("/criteres/").content.decode()
    for domain in [
        "Stratégie et mutualisation",
        "Interopérabilité et accessibilité",
        "Logiciels libres et systèmes d&#x27;exploitation",
        "Communication et écosystème",
        "Ouverture des données publiques",
    ]:
        assert domain in criteria
    a11y = client.get("/accessibilite/").content.decode()
    assert "RGAA" in a11y and "partiellement conforme" in a11y and "Défenseur des droits" in a11y
    legal = client.get("/mentions-legales/").content.decode()
    assert "ADULLACT" in legal and "Montpellier" in legal
    assert "Le président de l&#x27;ADULLACT" in legal  # publication director, from the settings
    assert "Hébergeur de démonstration" in legal
    privacy = client.get("/confidentialite/").content.decode()
    assert "CNIL" in privacy and "Durée de conservation" in privacy
    assert WorkflowPage.objects.filter(page__slug__in=["actualites", "communiques"]).count() == 2
    assert all(image.description.startswith("Motif abstrait") for image in Image.objects.all())
    news = client.get("/actualites/jury-2021/").content.decode()
    assert 'alt="Motif abstrait de cercles' in news


def test_demo_accounts_have_their_roles(home_page):
    User = get_user_model()
    assert sorted(User.objects.values_list("username", flat=True)) == sorted(LOGINS)
    for login in LOGINS:
        user = authenticate(username=login, password="demo-tnl")
        assert user is not None, login
        assert user.email == f"{login}@example.org"
        assert user.first_name and user.last_name
    assert User.objects.get(username="admin").is_superuser
    president = User.objects.get(username="president")
    assert set(president.groups.values_list("name", flat=True)) == {
        roles.JURY,
        roles.JURY_PRESIDENT,
    }
    assert Group.objects.get(name=roles.EDITORS).user_set.get().username == "redacteur"
    assert Group.objects.get(name=roles.APPLICANTS).user_set.get().username == "candidat"


def test_load_demo_prints_the_accounts(db):
    out = StringIO()
    call_command("load_demo", stdout=out)
    text = out.getvalue()
    assert "Identifiant" in text and "Mot de passe" in text
    table = [line for line in text.splitlines() if line.count("|") == 2]
    for login in LOGINS:
        assert any(line.startswith(login + " ") and "demo-tnl" in line for line in table), login


@override_settings(DEMO_ACCOUNTS_ALLOWED=False)
def test_production_settings_refuse_demo_accounts(db):
    with pytest.raises(CommandError, match="DEMO_ACCOUNTS_ALLOWED"):
        call_command("load_demo", stdout=StringIO())
    assert not get_user_model().objects.exists()
    assert not NewsPage.objects.exists()


def test_production_settings_module_forbids_demo_accounts(monkeypatch):
    import importlib
    import sys

    monkeypatch.setenv("SECRET_KEY", "x" * 50)
    monkeypatch.setenv("ALLOWED_HOSTS", "label.example.org")
    sys.modules.pop("cms.settings.production", None)
    production = importlib.import_module("cms.settings.production")
    assert production.DEMO_ACCOUNTS_ALLOWED is False
    sys.modules.pop("cms.settings.production", None)
