"""Demo content of the editorial site (see `manage.py load_demo`).

Idempotent: every object is looked up by slug (or title) and created only if missing, so
re-running keeps the edits made in the admin.
"""

from django.db.models import F
from wagtail.models import Site

from home.demo import content, press_release_2021
from home.demo.accounts import accounts_table, check_allowed, create_demo_accounts
from home.demo.images import demo_image, demo_pdf
from home.site_setup import ensure_home_page, setup_site

SITE_NAME = "Territoire Numérique Libre"


def publish_child(parent, instance):
    """Add ``instance`` under ``parent`` with a published revision (as if made in the admin)."""
    page = parent.add_child(instance=instance)
    page.save_revision().publish()
    return page


def child_by_slug(parent, slug):
    page = parent.get_children().filter(slug=slug).first()
    return page.specific if page else None


def build_home():
    from home.models import HomeKeyFigure, HomePage

    home = HomePage(
        title=SITE_NAME,
        slug="accueil",
        tagline=content.HOME["tagline"],
        intro=content.HOME["intro"],
        hero_image=demo_image("Illustration du label", "green", seed=1),
        hero_image_alt="",  # decorative: the title says it all
    )
    for number, (value, label) in enumerate(content.HOME["key_figures"]):
        home.key_figures.add(HomeKeyFigure(value=value, label=label, sort_order=number))
    return home


def ensure_home():
    """Our home page (replacing Wagtail's placeholder) as the default Site's root. The Site keeps
    the address it has (``manage.py setup_site`` sets it from SITE_URL); a new one is localhost."""
    home = ensure_home_page(build_home)
    # Earlier demos typed the 2021 figures by hand; they now come from the record.
    home.key_figures.filter(
        value__in=[value for value, _label in content.FORMER_TYPED_FIGURES],
        label__in=[label for _value, label in content.FORMER_TYPED_FIGURES],
    ).delete()
    site = Site.objects.filter(is_default_site=True).first()
    if site is None:
        setup_site("http://localhost", SITE_NAME, home=home)
    elif site.root_page_id != home.pk:
        site.root_page = home
        site.site_name = SITE_NAME
        site.save()
    return home


def ensure_standard_pages(home):
    from home.models import StandardPage

    pages = {}
    for data in content.STANDARD_PAGES:
        page = child_by_slug(home, data["slug"])
        if page is None:
            page = publish_child(home, StandardPage(**data))
        pages[data["slug"]] = page
    return pages


def ensure_news(home):
    from home.models import NewsIndexPage, NewsPage

    index = child_by_slug(home, "actualites")
    if index is None:
        index = publish_child(
            home,
            NewsIndexPage(
                title="Actualités",
                slug="actualites",
                intro="Les nouvelles du label Territoire Numérique Libre.",
            ),
        )
    colors = ["green", "orange", "blue"]
    for number, data in enumerate(content.NEWS):
        if child_by_slug(index, data["slug"]) is None:
            fields = {k: v for k, v in data.items() if k != "tags"}
            image = demo_image(f"Illustration : {data['title']}", colors[number % 3], number + 2)
            page = NewsPage(**fields, image=image, image_alt=image.description)
            page.tags.add(*data["tags"])
            publish_child(index, page)
    return index


def ensure_press_releases(home):
    from home.models import (
        PressContact,
        PressReleaseDocument,
        PressReleaseIndexPage,
        PressReleasePage,
    )

    release = press_release_2021
    index = child_by_slug(home, "communiques")
    if index is None:
        index = publish_child(
            home,
            PressReleaseIndexPage(
                title="Communiqués de presse",
                slug="communiques",
                intro="Les communiqués de presse de l'ADULLACT sur le label.",
            ),
        )
    contact, _ = PressContact.objects.get_or_create(
        email=release.CONTACT["email"], defaults=release.CONTACT
    )
    if child_by_slug(index, release.SLUG) is None:
        page = PressReleasePage(
            title=release.TITLE,
            slug=release.SLUG,
            date=release.DATE,
            place=release.PLACE,
            intro=release.INTRO,
            body=[{"type": "paragraph", "value": "".join(release.PARAGRAPHS)}],
            press_contact=contact,
        )
        page.documents.add(
            PressReleaseDocument(
                document=demo_pdf("Communiqué de presse 2021 (PDF)", release.PDF_LINES),
                title="Version PDF du communiqué",
            )
        )
        publish_child(index, page)
    return index


def ensure_contact(home, site):
    """The contact page; when created, it also gets a link in the footer."""
    from home.models import ContactFormField, ContactPage, FooterItem, Navigation

    data = content.CONTACT
    page = child_by_slug(home, data["slug"])
    if page is not None:
        return page
    page = ContactPage(
        title=data["title"],
        slug=data["slug"],
        intro=data["intro"],
        thank_you_text=data["thank_you_text"],
    )
    for number, (label, field_type, required, help_text) in enumerate(data["fields"]):
        page.form_fields.add(
            ContactFormField(
                label=label,
                field_type=field_type,
                required=required,
                help_text=help_text,
                sort_order=number,
            )
        )
    page = publish_child(home, page)
    navigation = Navigation.for_site(site)
    if navigation.footer_items.exists():  # a new site gets it from ensure_settings
        FooterItem.objects.create(
            navigation=navigation,
            title="Contact",
            link_page=page,
            sort_order=navigation.footer_items.count(),
        )
    return page


# The self-assessment (editions.selfassessment), in the main menu: "est un outil
# d'auto-évaluation" (the seed), before the applicant space.
SELF_ASSESSMENT_TITLE = "Auto-évaluation"
SELF_ASSESSMENT_URL = "/auto-evaluation/"


def ensure_settings(site, pages, news_index, press_index):
    from home.models import FooterItem, MainMenuItem, Navigation, SiteIdentity

    identity = SiteIdentity.for_site(site)
    defaults = {
        "contact_email": "label@territoire-numerique-libre.org",
        "publication_director": "Le président de l'ADULLACT",
        "host_name": "Hébergeur de démonstration",
        "host_address": "Montpellier, France",
        "twitter_handle": "TerrNumLibre",
    }
    changed = [name for name, value in defaults.items() if not getattr(identity, name)]
    for name in changed:
        setattr(identity, name, defaults[name])
    if changed:
        identity.save()

    navigation = Navigation.for_site(site)
    if not navigation.main_menu_items.exists():
        menu = [
            ("Accueil", site.root_page, ""),
            ("Le label", pages["reglement"], ""),
            ("Éditions", None, "/editions/"),
            ("Collectivités labellisées", None, "/collectivites/"),
            ("Actualités", news_index, ""),
            ("Communiqués", press_index, ""),
            (SELF_ASSESSMENT_TITLE, None, SELF_ASSESSMENT_URL),
            ("Candidater", None, "/espace-candidat/"),
        ]
        for number, (title, page, url) in enumerate(menu):
            MainMenuItem.objects.create(
                navigation=navigation, title=title, link_page=page, link_url=url, sort_order=number
            )
    elif not MainMenuItem.objects.filter(
        navigation=navigation, link_url=SELF_ASSESSMENT_URL
    ).exists():
        # A demo loaded before the self-assessment existed: its link goes before "Candidater".
        items = MainMenuItem.objects.filter(navigation=navigation)
        apply = items.filter(link_url="/espace-candidat/").first()
        position = apply.sort_order if apply else items.count()
        items.filter(sort_order__gte=position).update(sort_order=F("sort_order") + 1)
        MainMenuItem.objects.create(
            navigation=navigation,
            title=SELF_ASSESSMENT_TITLE,
            link_url=SELF_ASSESSMENT_URL,
            sort_order=position,
        )
    if not navigation.footer_items.exists():
        footer = [
            ("Mentions légales", "mentions-legales"),
            ("Déclaration d'accessibilité", "accessibilite"),
            ("Politique de confidentialité", "confidentialite"),
            ("Questions fréquentes", "faq"),
            ("Critères", "criteres"),
            ("Contact", "contact"),
        ]
        for number, (title, slug) in enumerate(footer):
            FooterItem.objects.create(
                navigation=navigation, title=title, link_page=pages[slug], sort_order=number
            )


def load(stdout=None):
    from home.moderation import attach_editorial_moderation

    check_allowed()  # refuse before creating anything under production settings
    home = ensure_home()
    site = Site.objects.get(is_default_site=True)
    pages = ensure_standard_pages(home)
    news_index = ensure_news(home)
    press_index = ensure_press_releases(home)
    for index in (news_index, press_index):
        attach_editorial_moderation(index)
    pages["contact"] = ensure_contact(home, site)
    ensure_settings(site, pages, news_index, press_index)
    create_demo_accounts()
    if stdout is not None:
        stdout.write("Comptes de démonstration :\n" + accounts_table() + "\n")
    return home
