"""Demo content of the editorial site (see `manage.py load_demo`)."""


def load(stdout=None):
    from wagtail.models import Page, Site

    from home.models import HomePage

    root = Page.get_first_root_node()
    home = HomePage.objects.first()
    if home is None:
        # Replace Wagtail's placeholder welcome page with ours.
        for page in root.get_children().exclude(content_type__model="homepage"):
            page.delete()
        home = root.add_child(
            instance=HomePage(
                title="Territoire Numérique Libre",
                slug="accueil",
                intro="<p>Le label des collectivités qui choisissent le logiciel libre.</p>",
            )
        )
    site = Site.objects.filter(is_default_site=True).first()
    if site is None:
        Site.objects.create(
            hostname="localhost",
            port=80,
            root_page=home,
            is_default_site=True,
            site_name="Territoire Numérique Libre",
        )
    elif site.root_page_id != home.pk:
        site.root_page = home
        site.site_name = "Territoire Numérique Libre"
        site.save()
    return home
