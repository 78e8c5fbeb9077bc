"""Which public URLs show an édition's palmarès, for the reverse proxy's purge.

A palmarès going live (its results date passed, or a decision published or corrected after it)
is shown by: the édition page, its JSON and CSV, the list of éditions, the directory of bodies,
the laureates' map and the map pages of the laureates' départements, the open data (page, CSV,
JSON), each laureate body's page and its badge of that year, and the home page (key figures of
the latest édition). ``palmares_urls`` lists them, ``purge_palmares`` sends them through
Wagtail's front-end cache (``home.purge.send_purge``), after the transaction commits.
"""

from django.db import transaction
from django.urls import reverse

from home.models import HomePage
from home.purge import send_purge

from .models import Result


def edition_urls(year):
    return [
        reverse("editions:edition_detail", kwargs={"year": year}),
        reverse("editions:edition_json", kwargs={"year": year}),
        reverse("editions:edition_csv", kwargs={"year": year}),
        reverse("editions:edition_list"),
    ]


def record_urls():
    """Pages built on every édition's record: the directory, the map, the open data."""
    return [
        reverse("editions:collectivite_list"),
        reverse("editions:laureate_map"),
        reverse("editions:open_data"),
        reverse("editions:open_data_csv"),
        reverse("editions:open_data_json"),
        reverse("sitemap"),
    ]


def body_urls(edition, slugs=None):
    """Each laureate body's page and badge of the édition (or of the given slugs only)."""
    rows = Result.objects.filter(edition=edition).laureates()
    if slugs is not None:
        rows = rows.filter(collectivite__slug__in=slugs)
    rows = rows.order_by("collectivite__slug").values_list(
        "collectivite__slug", "collectivite__departement_code"
    )
    urls, departements = [], []
    for slug, departement_code in rows:
        urls.append(reverse("editions:collectivite_detail", kwargs={"slug": slug}))
        urls.append(reverse("editions:badge_svg", kwargs={"slug": slug, "year": edition.year}))
        if departement_code:
            departements.append(departement_code)
    for code in sorted(set(departements)):
        urls.append(reverse("editions:map_departement", kwargs={"code": code}))
    return urls


def home_urls():
    home = HomePage.objects.live().first()
    url = home.get_url() if home is not None else None
    return [url] if url else []


def palmares_urls(edition):
    """Every site-relative URL that shows ``edition``'s palmarès, without duplicates."""
    urls = edition_urls(edition.year) + record_urls() + body_urls(edition) + home_urls()
    return list(dict.fromkeys(urls))


def decision_urls(edition, slug):
    """One body's decision changed after the palmarès went live (a correction)."""
    urls = edition_urls(edition.year) + record_urls() + body_urls(edition, [slug]) + home_urls()
    if not Result.objects.filter(edition=edition, collectivite__slug=slug).laureates().exists():
        # No longer a laureate: its page and badge still have to go.
        urls += [
            reverse("editions:collectivite_detail", kwargs={"slug": slug}),
            reverse("editions:badge_svg", kwargs={"slug": slug, "year": edition.year}),
        ]
    return list(dict.fromkeys(urls))


def purge_palmares(edition):
    urls = palmares_urls(edition)
    transaction.on_commit(lambda: send_purge(urls))
    return urls
