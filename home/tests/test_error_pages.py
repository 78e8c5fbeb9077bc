"""Error pages in French, styled like the site, and telling nothing of what went wrong."""

import pytest
from django.test import Client

from tests.browser import html_errors

pytestmark = [pytest.mark.django_db, pytest.mark.urls("home.tests.error_urls")]


def test_the_500_page_is_french_styled_and_leaks_nothing(home_page):
    client = Client(raise_request_exception=False)
    response = client.get("/erreur-de-test/")
    html = response.content.decode()
    assert response.status_code == 500
    assert "Une erreur est survenue" in html and 'lang="fr"' in html
    assert "/static/css/main.css" in html and 'href="/"' in html
    for secret in ("hunter2", "secret-detail", "RuntimeError", "Traceback", "SECRET_KEY"):
        assert secret not in html
    assert html_errors(html) == []


def test_the_403_page_is_french_styled_and_leaks_nothing(client, home_page):
    response = client.get("/refus-de-test/")
    html = response.content.decode()
    assert response.status_code == 403
    assert "Accès refusé" in html and "Retour à l'accueil" in html
    assert 'class="site-header"' in html  # the site's own layout
    assert "group check failed" not in html
    assert html_errors(html) == []


def test_an_expired_form_gets_a_french_403(home_page):
    client = Client(enforce_csrf_checks=True)
    response = client.post("/contact/", {"votre_nom": "Claire"})
    html = response.content.decode()
    assert response.status_code == 403
    assert "Le formulaire a expiré" in html and "CSRF" not in html
    assert html_errors(html) == []


def test_the_404_page_is_french(client, home_page):
    response = client.get("/cette-page-n-existe-pas/")
    assert response.status_code == 404
    assert "Page introuvable" in response.content.decode()
