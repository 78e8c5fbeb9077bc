"""What each editorial role can do in the admin, tested with an account of that real group."""

import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from PIL import Image as PILImage
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.test.utils.form_data import inline_formset, nested_form_data

from home import roles
from home.models import FooterItem, NewsPage, SiteIdentity

pytestmark = pytest.mark.django_db


def png(name="photo.png"):
    buffer = io.BytesIO()
    PILImage.new("RGB", (40, 30), "green").save(buffer, "PNG")
    return SimpleUploadedFile(name, buffer.getvalue(), content_type="image/png")


def pdf(name="note.pdf"):
    return SimpleUploadedFile(name, b"%PDF-1.4\n%%EOF\n", content_type="application/pdf")


def settings_url(site, model):
    return reverse("wagtailsettings:edit", args=("home", model, site.pk))


def navigation_form(navigation, footer_titles):
    def links(items):
        return [
            {"id": item.pk, "title": item.title, "link_page": item.link_page_id or "",
             "link_url": item.link_url, "ORDER": n}
            for n, item in enumerate(items)
        ]  # fmt: skip

    footer = links(navigation.footer_items.all())
    footer += [
        {"title": title, "link_page": "", "link_url": "/contact/", "ORDER": len(footer) + n}
        for n, title in enumerate(footer_titles)
    ]
    return nested_form_data(
        {
            "main_menu_items": inline_formset(
                links(navigation.main_menu_items.all()), initial=navigation.main_menu_items.count()
            ),
            "footer_items": inline_formset(footer, initial=navigation.footer_items.count()),
        }
    )


@pytest.fixture
def communication(client, home_page, make_user):
    client.force_login(make_user("sophie", roles.COMMUNICATION))
    return client


@pytest.fixture
def editor(client, home_page, make_user):
    client.force_login(make_user("julien", roles.EDITORS))
    return client


def test_communication_edits_the_menus_and_the_footer(communication, home_page):
    from home.models import Navigation

    site = home_page.get_site()
    navigation = Navigation.for_site(site)
    url = settings_url(site, "navigation")
    assert communication.get(url).status_code == 200
    response = communication.post(url, navigation_form(navigation, ["Écrire au label"]))
    assert response.status_code == 302
    assert FooterItem.objects.filter(title="Écrire au label").exists()
    assert "Écrire au label" in communication.get("/").content.decode()


def test_communication_edits_the_site_identity(communication, home_page):
    site = home_page.get_site()
    url = settings_url(site, "siteidentity")
    assert communication.get(url).status_code == 200
    identity = SiteIdentity.for_site(site)
    data = {
        "association_name": identity.association_name,
        "association_seat": identity.association_seat,
        "contact_email": "presse@territoire-numerique-libre.org",
        "publication_director": identity.publication_director,
        "host_name": identity.host_name,
        "host_address": identity.host_address,
        "accessibility_status": identity.accessibility_status,
        "mastodon_url": "",
        "twitter_handle": "TerrNumLibre",
        "linkedin_url": "",
        "peertube_url": "",
    }
    assert communication.post(url, data).status_code == 302
    identity.refresh_from_db()
    assert identity.contact_email == "presse@territoire-numerique-libre.org"


def test_communication_uploads_edits_and_deletes_images(communication):
    response = communication.post(
        reverse("wagtailimages:add"), {"title": "Cérémonie", "file": png(), "tags": ""}
    )
    assert response.status_code == 302
    image = get_image_model().objects.get(title="Cérémonie")
    edit = reverse("wagtailimages:edit", args=(image.pk,))
    assert communication.get(edit).status_code == 200
    delete = reverse("wagtailimages:delete", args=(image.pk,))
    assert communication.post(delete).status_code == 302
    assert not get_image_model().objects.filter(pk=image.pk).exists()


def test_communication_uploads_and_deletes_documents(communication):
    response = communication.post(
        reverse("wagtaildocs:add"), {"title": "Dossier de presse", "file": pdf(), "tags": ""}
    )
    assert response.status_code == 302
    document = get_document_model().objects.get(title="Dossier de presse")
    delete = reverse("wagtaildocs:delete", args=(document.pk,))
    assert communication.post(delete).status_code == 302
    assert not get_document_model().objects.filter(pk=document.pk).exists()


def test_communication_unpublishes_and_deletes_a_page(communication, news_index):
    news = NewsPage.objects.child_of(news_index).live().first()
    url = news.url
    response = communication.post(reverse("wagtailadmin_pages:unpublish", args=(news.pk,)))
    assert response.status_code == 302
    news.refresh_from_db()
    assert not news.live
    assert communication.get(url).status_code == 404
    response = communication.post(reverse("wagtailadmin_pages:delete", args=(news.pk,)))
    assert response.status_code == 302
    assert not NewsPage.objects.filter(pk=news.pk).exists()


def test_editors_upload_images_and_documents(editor):
    response = editor.post(
        reverse("wagtailimages:add"), {"title": "Atelier", "file": png(), "tags": ""}
    )
    assert response.status_code == 302
    assert get_image_model().objects.filter(title="Atelier").exists()
    response = editor.post(
        reverse("wagtaildocs:add"), {"title": "Programme", "file": pdf(), "tags": ""}
    )
    assert response.status_code == 302
    assert get_document_model().objects.filter(title="Programme").exists()


def test_editors_cannot_touch_menus_settings_or_the_label(editor, home_page, news_index):
    site = home_page.get_site()
    for model in ("navigation", "siteidentity"):
        response = editor.get(settings_url(site, model))
        assert response.status_code in (302, 403), model
    # No "Paramètres" entry for them in the admin menu.
    dashboard = editor.get(reverse("wagtailadmin_home")).content.decode()
    assert reverse("wagtailsettings:edit", args=("home", "navigation")) not in dashboard
    # Nothing of the label process: éditions, bodies, results.
    for url in (
        reverse("wagtailsnippets_editions_edition:list"),
        reverse("wagtailsnippets_editions_collectivite:list"),
    ):
        assert editor.get(url).status_code in (302, 403), url
    # Unpublishing and deleting a live news item are refused.
    news = NewsPage.objects.child_of(news_index).live().first()
    editor.post(reverse("wagtailadmin_pages:unpublish", args=(news.pk,)))
    editor.post(reverse("wagtailadmin_pages:delete", args=(news.pk,)))
    news.refresh_from_db()
    assert news.live


def test_communication_is_refused_the_label_process(communication):
    for url in (
        reverse("wagtailsnippets_editions_edition:list"),
        reverse("wagtailsnippets_editions_collectivite:list"),
    ):
        assert communication.get(url).status_code in (302, 403), url


def test_the_permissions_migration_can_run_again():
    import importlib

    from django.apps import apps
    from django.contrib.auth.models import Group
    from wagtail.models import GroupCollectionPermission, GroupPagePermission

    migration = importlib.import_module(
        "home.migrations.0005_communication_manages_settings_and_media"
    )
    communication = Group.objects.get(name=roles.COMMUNICATION)

    def counts():
        return (
            communication.permissions.count(),
            GroupCollectionPermission.objects.filter(group=communication).count(),
            GroupPagePermission.objects.filter(group=communication).count(),
        )

    before = counts()
    migration.grant_editorial_permissions(apps, None)
    migration.grant_editorial_permissions(apps, None)
    assert counts() == before
    assert communication.permissions.filter(codename="change_navigation").exists()


def test_communication_edits_the_home_page_and_its_key_figures_wording(communication, home_page):
    response = communication.get(reverse("wagtailadmin_pages:edit", args=(home_page.pk,)))
    html = response.content.decode()
    assert response.status_code == 200
    assert 'name="candidatures_figure_label"' in html and 'name="mentions_figure_label"' in html
