"""A large data set for the benchmark (benchmarks/run.sh), on the database of DATABASE_URL.

12 éditions with 250 results each (3,000 results, 3,000 bodies), 500 news items, 200 press
releases, and 20 applicants (accounts in "Candidats", verified address, one body each, a draft
dossier of the open édition). Run after `manage.py migrate` and `load_demo`-like content:
`python benchmarks/build_data.py` (idempotent: it stops when the data set is there).
"""

import datetime as dt
import os
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "cms.settings.production")

import django  # noqa: E402

django.setup()

from django.contrib.auth import get_user_model  # noqa: E402
from django.contrib.auth.models import Group  # noqa: E402
from django.utils import timezone  # noqa: E402

from candidatures.applicant.drafts import start_dossier  # noqa: E402
from candidatures.demo.applicant import build_questionnaires, open_or_demo_edition  # noqa: E402
from candidatures.models import (  # noqa: E402
    ApplicantProfile,
    Candidature,
    Membership,
    MembershipRole,  # noqa: E402
)
from editions.factories import edition_with_results  # noqa: E402
from editions.models import Collectivite, CollectiviteKind, Edition  # noqa: E402
from home.factories import NewsPageFactory, PressReleasePageFactory  # noqa: E402
from home.models import NewsIndexPage, NewsPage, PressReleaseIndexPage, PressReleasePage  # noqa: E402

YEARS = range(2030, 2042)
RESULTS_PER_EDITION = 250
NEWS = 500
PRESS = 200
APPLICANTS = int(os.environ.get("BENCH_APPLICANTS", "20"))
PASSWORD = "bench-tnl-password"


def editions():
    for year in YEARS:
        if not Edition.objects.filter(year=year).exists():
            edition_with_results(year, RESULTS_PER_EDITION)
            print(f"édition {year}: {RESULTS_PER_EDITION} results", flush=True)


def pages():
    news_index = NewsIndexPage.objects.get()
    for n in range(NewsPage.objects.count(), NEWS):
        NewsPageFactory(
            parent=news_index,
            title=f"Actualité du label numéro {n}",
            slug=f"actualite-bench-{n}",
            date=dt.date(2020, 1, 1) + dt.timedelta(days=n * 3),
            intro="Mutualisation, logiciel libre et collectivités : un texte de mesure.",
        )
    press_index = PressReleaseIndexPage.objects.get()
    for n in range(PressReleasePage.objects.count(), PRESS):
        PressReleasePageFactory(
            parent=press_index,
            title=f"Communiqué numéro {n}",
            slug=f"communique-bench-{n}",
            date=dt.date(2020, 1, 1) + dt.timedelta(days=n * 7),
        )
    print(f"{NewsPage.objects.count()} news, {PressReleasePage.objects.count()} press releases")


def applicants():
    edition = open_or_demo_edition()
    build_questionnaires(edition)
    label = edition.tracks.filter(slug="label").first()  # None for an édition without tracks
    group = Group.objects.get(name="Candidats")
    User = get_user_model()
    for n in range(APPLICANTS):
        user, created = User.objects.get_or_create(
            username=f"bench-candidat-{n}", defaults={"email": f"bench-{n}@example.invalid"}
        )
        if created:
            user.set_password(PASSWORD)
            user.save()
        user.groups.add(group)
        ApplicantProfile.objects.update_or_create(
            user=user, defaults={"email_verified_at": timezone.now()}
        )
        body, _ = Collectivite.objects.get_or_create(
            slug=f"bench-commune-{n}",
            defaults={"name": f"Commune de mesure {n}", "kind": CollectiviteKind.COMMUNE},
        )
        Membership.objects.get_or_create(
            user=user, collectivite=body, defaults={"role": MembershipRole.MANAGER}
        )
        if not Candidature.objects.filter(edition=edition, collectivite=body).exists():
            start_dossier(user, body, edition, prefill=False, track=label)
    print(f"{APPLICANTS} applicants with a draft for {edition.year}")


if __name__ == "__main__":
    if os.environ.get("BENCH_ONLY") != "applicants":  # the SQLite applicants run needs no more
        editions()
        pages()
    applicants()
