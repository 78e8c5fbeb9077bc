"""Menus, footer, site settings and SEO metadata shared by every page."""

import pytest
from django.core.cache import cache
from wagtail.models import Site

from home.models import MainMenuItem, Navigation, SiteIdentity

pytestmark = pytest.mark.django_db

PAGES = ["/", "/reglement/", "/actualites/", "/communiques/", "/recherche/?q=label", "/inconnue/"]


def test_every_page_reaches_the_legal_pages_and_shows_the_accessibility_status(client, home_page):
    for url in PAGES:
        html = client.get(url).content.decode()
        assert 'href="/mentions-legales/"' in html, url
        assert 'href="/accessibilite/"' in html, url
        assert 'href="/confidentialite/"' in html, url
        assert "Accessibilité : partiellement conforme" in html, url


def test_main_menu_marks_the_active_section(client, home_page):
    html = client.get("/actualites/ceremonie-2021/").content.decode()
    assert '<a href="/actualites/" aria-current="page">Actualités</a>' in html
    assert '<a href="/">Accueil</a>' in html
    assert '<a href="/editions/">Éditions</a>' in html
    assert '<a href="/espace-candidat/">Candidater</a>' in html
    home_html = client.get("/").content.decode()
    assert '<a href="/" aria-current="page">Accueil</a>' in home_html


def test_menu_edits_in_the_settings_show_on_the_site(client, home_page):
    navigation = Navigation.for_site(Site.objects.get(is_default_site=True))
    MainMenuItem.objects.create(
        navigation=navigation, title="Presse", link_url="/communiques/", sort_order=99
    )
    identity = SiteIdentity.for_site(Site.objects.get(is_default_site=True))
    identity.accessibility_status = "totalement conforme"
    identity.mastodon_url = "https://mastodon.example.org/@tnl"
    identity.save()
    html = client.get("/faq/").content.decode()
    assert ">Presse</a>" in html
    assert "Accessibilité : totalement conforme" in html
    assert 'href="https://mastodon.example.org/@tnl"' in html


def test_menu_queries_do_not_grow_with_the_number_of_links(
    client, home_page, django_assert_max_num_queries
):
    client.get("/faq/")
    cache.clear()  # measure the uncached menus, the path that could grow with links
    with django_assert_max_num_queries(30) as before:
        client.get("/faq/")
    navigation = Navigation.for_site(Site.objects.get(is_default_site=True))
    pages = list(home_page.get_children())
    for number, page in enumerate(pages):
        MainMenuItem.objects.create(
            navigation=navigation, title=f"Lien {number}", link_page=page, sort_order=50 + number
        )
    cache.clear()
    with django_assert_max_num_queries(len(before.captured_queries)):
        response = client.get("/faq/")
    assert f"Lien {len(pages) - 1}" in response.content.decode()


def test_menus_are_cached_and_follow_edits(client, home_page, django_assert_max_num_queries):
    client.get("/faq/")
    with django_assert_max_num_queries(30) as cached:
        client.get("/faq/")
    cache.clear()
    with django_assert_max_num_queries(30) as uncached:
        client.get("/faq/")
    # The navigation setting and its two lists of links are not read again.
    assert len(cached.captured_queries) <= len(uncached.captured_queries) - 3
    # An edit of the menus shows on the next page served.
    navigation = Navigation.for_site(Site.objects.get(is_default_site=True))
    MainMenuItem.objects.create(
        navigation=navigation, title="Nouveau lien", link_url="/nouveau/", sort_order=99
    )
    assert "Nouveau lien" in client.get("/faq/").content.decode()
    # So does a page renamed in the tree.
    faq = home_page.get_children().get(slug="faq").specific
    faq.slug = "questions"
    faq.save_revision().publish()
    html = client.get("/questions/").content.decode()
    assert 'href="/questions/"' in html


def test_pages_render_without_a_site_or_settings(client, db):
    # A fresh install before load_demo: Wagtail's welcome page, no menus, no error.
    response = client.get("/recherche/")
    assert response.status_code == 200


def test_canonical_and_opengraph_metadata(client, home_page):
    html = client.get("/reglement/").content.decode()
    assert '<link rel="canonical" href="http://localhost/reglement/">' in html
    assert '<meta property="og:title" content="Règlement du label">' in html
    assert '<meta property="og:url" content="http://localhost/reglement/">' in html
    assert '<meta property="og:type" content="website">' in html
    assert '<meta name="twitter:card"' in html
    home = client.get("/").content.decode()
    assert '<meta property="og:image" content="http://' in home  # the hero image
    search = client.get("/recherche/?q=x").content.decode()
    assert '<link rel="canonical" href="http://testserver/recherche/">' in search


def test_mobile_menu_toggle_is_hidden_without_javascript(client, home_page):
    html = client.get("/").content.decode()
    assert 'class="nav-toggle" hidden aria-expanded="false" aria-controls="site-nav"' in html
    assert 'id="site-nav"' in html


@pytest.mark.parametrize("url", ["", "javascript:alert(1)", "www.example.org"])
def test_a_menu_link_needs_a_page_or_a_safe_address(url):
    from django.core.exceptions import ValidationError

    with pytest.raises(ValidationError):
        MainMenuItem(title="Lien", link_url=url).clean()


def test_uploaded_media_other_than_images_and_pdf_are_downloads(client, db):
    from django.core.files.base import ContentFile
    from django.core.files.storage import default_storage

    svg = default_storage.save("tests/drawing.svg", ContentFile(b"<svg onload='alert(1)'/>"))
    response = client.get(f"/media/{svg}")
    assert response.status_code == 200
    assert response["Content-Disposition"].startswith("attachment")
    assert response["X-Content-Type-Options"] == "nosniff"
    png = default_storage.save("tests/pixel.png", ContentFile(b"\x89PNG\r\n\x1a\n"))
    assert client.get(f"/media/{png}")["Content-Disposition"].startswith("inline")
    assert client.get("/media/../cms/settings/base.py").status_code == 404


def test_the_cached_site_follows_a_change_of_its_root_page(client, home_page):
    """The request's Site comes from the cache (home.sites); saving the Site forgets it."""
    faq = home_page.get_children().get(slug="faq")
    assert f"<title>{faq.title} —" not in client.get("/").content.decode()
    site = Site.objects.get(is_default_site=True)
    site.root_page = faq
    site.save()
    assert f"<title>{faq.title} —" in client.get("/").content.decode()
