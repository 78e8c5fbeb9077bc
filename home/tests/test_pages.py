"""Each page type is created, rendered with its content, and listed in the sitemap."""

import pytest
from django.core.exceptions import ValidationError
from wagtail.blocks import StreamBlockValidationError

from home.blocks import BodyBlock, CaptionedImageBlock
from home.demo.images import demo_image, demo_pdf
from home.factories import NewsPageFactory, PressReleasePageFactory, StandardPageFactory
from home.models import HomePage, NewsPage, PressReleasePage, StandardPage

pytestmark = pytest.mark.django_db


def sitemap_locations(client):
    response = client.get("/sitemap.xml")
    assert response.status_code == 200
    return response.content.decode()


def test_home_page_shows_tagline_cta_key_figures_and_latest_items(client, home_page):
    response = client.get("/")
    html = response.content.decode()
    assert response.status_code == 200
    assert home_page.tagline in html
    assert 'class="edition-cta"' in html  # drawn by the editions app (tests/test_home_cta.py)
    assert "première édition du label" in html  # typed; tests/test_home_key_figures.py
    assert "Dernières actualités" in html
    assert "Une grille d&#x27;évaluation plus juste en 2024" in html  # newest news first
    assert "les résultats sont là" in html


def test_standard_page_renders_every_block(client, home_page):
    image = demo_image("Test image", "blue", seed=9)
    document = demo_pdf("Guide du candidat", ["Guide"])
    page = StandardPageFactory(
        parent=home_page,
        title="Page de blocs",
        slug="blocs",
        body=[
            {"type": "heading", "value": {"text": "Un titre de section", "level": "h2"}},
            {"type": "paragraph", "value": "<p>Un paragraphe <b>riche</b>.</p>"},
            {
                "type": "image",
                "value": {"image": image.pk, "alt_text": "Des cercles verts", "caption": "Légende"},
            },
            {"type": "quote", "value": {"quote": "Le Libre avance.", "author": "Une élue"}},
            {
                "type": "call_to_action",
                "value": {
                    "title": "Candidatez",
                    "text": "",
                    "button_label": "Je candidate",
                    "page": None,
                    "url": "/espace-candidat/",
                },
            },
            {
                "type": "documents",
                "value": {"heading": "À télécharger", "documents": [{"document": document.pk}]},
            },
            {
                "type": "accordion",
                "value": {
                    "heading": "FAQ",
                    "items": [{"question": "Est-ce gratuit ?", "answer": "<p>Oui.</p>"}],
                },
            },
            {
                "type": "table",
                "value": {
                    "data": [["Année", "Candidatures"], ["2021", "24"]],
                    "first_row_is_table_header": True,
                    "first_col_is_header": False,
                    "table_caption": "Candidatures par année",
                },
            },
        ],
    )
    response = client.get(page.url)
    html = response.content.decode()
    assert response.status_code == 200
    assert "<h2>Un titre de section</h2>" in html
    assert 'alt="Des cercles verts"' in html and "<figcaption>Légende</figcaption>" in html
    assert "<blockquote>" in html and "Une élue" in html
    assert 'href="/espace-candidat/"' in html
    assert "Guide du candidat" in html
    assert "<summary>Est-ce gratuit ?</summary>" in html
    assert "<caption>Candidatures par année</caption>" in html
    assert '<th scope="col"' in html
    assert f"<loc>http://localhost{page.url}</loc>" in sitemap_locations(client)


def test_image_block_refuses_an_empty_alt_text(home_page):
    image = demo_image("Sans alternative", "green", seed=3)
    block = CaptionedImageBlock()
    with pytest.raises(ValidationError):
        block.clean({"image": image, "alt_text": "", "caption": ""})
    stream = BodyBlock()
    with pytest.raises((ValidationError, StreamBlockValidationError)):
        stream.clean(stream.to_python([{"type": "image", "value": {"image": image.pk}}]))


def test_call_to_action_needs_a_page_or_an_address():
    from home.blocks import CallToActionBlock

    with pytest.raises(ValidationError):
        CallToActionBlock().clean(
            {"title": "T", "text": "", "button_label": "Go", "page": None, "url": ""}
        )


def test_news_page_renders_with_image_tags_and_is_in_sitemap(client, news_index):
    image = demo_image("Illustration test", "orange", seed=4)
    page = NewsPageFactory(
        parent=news_index, title="Une actualité illustrée", image=image, image_alt="Un dessin"
    )
    page.tags.add("Logiciel libre")
    page.save_revision().publish()
    response = client.get(page.url)
    html = response.content.decode()
    assert response.status_code == 200
    assert "Une actualité illustrée" in html
    assert "<picture>" in html and 'type="image/avif"' in html and 'type="image/webp"' in html
    assert 'alt="Un dessin"' in html
    assert "?tag=logiciel-libre" in html
    assert '<meta property="og:type" content="article">' in html
    assert '<meta property="og:image" content="http' in html
    assert f"<loc>http://localhost{page.url}</loc>" in sitemap_locations(client)


def test_press_release_page_shows_place_date_contact_and_documents(client, press_index):
    response = client.get("/communiques/resultats-territoire-numerique-libre-2021/")
    html = response.content.decode()
    assert response.status_code == 200
    assert "Montpellier, le" in html and 'datetime="2021-12-09"' in html
    assert "Camille TILLATTE" in html and "mailto:camille.tillatte@adullact.org" in html
    assert 'href="/editions/2021/"' in html and "Territoire Numérique Libre - Édition 2021" in html
    assert "Version PDF du communiqué" in html and "(PDF)" in html
    assert "24 candidatures" in html
    sitemap = sitemap_locations(client)
    assert "<loc>http://localhost/communiques/resultats-territoire-numerique-libre-2021/</loc>" in (
        sitemap
    )


def test_every_live_page_is_in_the_sitemap(client, home_page):
    from wagtail.models import Page

    sitemap = sitemap_locations(client)
    live_pages = Page.objects.live().public().filter(depth__gt=1)
    assert live_pages.count() >= 14
    for page in live_pages:
        assert f"<loc>{page.full_url}</loc>" in sitemap


def test_draft_pages_are_not_public(client, news_index):
    page = NewsPageFactory(parent=news_index, title="Brouillon secret", live=False)
    assert client.get(page.url).status_code == 404
    assert "Brouillon secret" not in client.get("/actualites/").content.decode()
    assert "Brouillon secret" not in sitemap_locations(client)


def test_page_type_rules_keep_the_tree_sensible(home_page, news_index):
    assert NewsPage.can_exist_under(news_index)
    assert not NewsPage.can_exist_under(home_page)
    assert not PressReleasePage.can_exist_under(news_index)
    assert StandardPage.can_exist_under(home_page)
    assert not HomePage.can_create_at(home_page)  # only one home page


def test_press_release_factory_page_renders(client, press_index):
    page = PressReleasePageFactory(parent=press_index, title="Communiqué du printemps")
    assert client.get(page.url).status_code == 200
