"""The public address is configuration: `manage.py setup_site` gives the Site the address of
SITE_URL, so the sitemap and every page's canonical URL carry it (issue: production path)."""

import os
import re
import subprocess
import sys

import pytest
from django.conf import settings
from django.core.management import call_command
from wagtail.models import Page, Site

from home.models import HomePage
from home.site_setup import site_address

pytestmark = pytest.mark.django_db


def test_a_fresh_install_gets_our_home_page_at_the_configured_address(client, settings):
    settings.SITE_URL = "https://label.example.org"
    # What `migrate` leaves: Wagtail's placeholder "Welcome" page as the Site's root.
    assert not HomePage.objects.exists()
    call_command("setup_site")

    site = Site.objects.get(is_default_site=True)
    assert (site.hostname, site.port) == ("label.example.org", 443)
    assert site.root_url == "https://label.example.org"
    assert isinstance(site.root_page.specific, HomePage)
    assert not Page.objects.filter(title__startswith="Welcome to your new Wagtail site").exists()

    response = client.get("/", HTTP_HOST="label.example.org", secure=True)
    assert response.status_code == 200
    assert settings.WAGTAIL_SITE_NAME in response.content.decode()
    # Asked through another name of the server, the addresses stay the configured ones.
    sitemap = client.get("/sitemap.xml", HTTP_HOST="10.0.0.5").content.decode()
    locations = re.findall(r"<loc>([^<]+)</loc>", sitemap)
    assert locations and all(loc.startswith("https://label.example.org/") for loc in locations)


def test_setup_site_runs_again_without_touching_the_content(home_page):
    home_page.title = "Accueil modifié dans l'admin"
    home_page.save_revision().publish()
    call_command("setup_site", url="http://127.0.0.1:8001")
    call_command("setup_site", url="http://127.0.0.1:8001")

    site = Site.objects.get(is_default_site=True)
    assert (site.hostname, site.port) == ("127.0.0.1", 8001)
    assert HomePage.objects.count() == 1
    assert site.root_page_id == home_page.pk
    assert HomePage.objects.get().title == "Accueil modifié dans l'admin"


def test_canonical_url_of_a_view_that_is_not_a_page_is_on_site_url(client, home_page):
    html = client.get("/recherche/", HTTP_HOST="alias.example.org").content.decode()
    assert f'<link rel="canonical" href="{settings.SITE_URL}/recherche/">' in html


@pytest.mark.parametrize(
    ("url", "address"),
    [
        ("https://label.example.org", ("label.example.org", 443)),
        ("http://127.0.0.1:8000/", ("127.0.0.1", 8000)),
        ("http://localhost", ("localhost", 80)),
    ],
)
def test_site_address(url, address):
    assert site_address(url) == address


def test_production_settings_take_the_address_from_the_environment():
    """SITE_URL defaults to https:// and the first allowed host; emails use it too."""
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "cms.settings.production",
        "SECRET_KEY": "x" * 50,
        "ALLOWED_HOSTS": "label.example.org,www.label.example.org",
    }
    env.pop("SITE_URL", None)
    env.pop("WAGTAILADMIN_BASE_URL", None)
    code = (
        "from django.conf import settings as s; "
        "print(s.SITE_URL, s.WAGTAILADMIN_BASE_URL, s.MAILERS['default']['BACKEND'], "
        "s.MAILERS['outgoing']['BACKEND'])"
    )
    out = subprocess.run(
        [sys.executable, "-c", "import django; django.setup(); " + code],
        env=env,
        capture_output=True,
        text=True,
        check=True,
        cwd=settings.BASE_DIR,
    ).stdout.split()
    assert out == [
        "https://label.example.org",
        "https://label.example.org",
        "home.mail.QueuedEmailBackend",
        "django.core.mail.backends.smtp.EmailBackend",
    ]
