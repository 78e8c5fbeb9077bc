"""Staff screens of the record, used by the label staff ("Équipe label", no superuser);
a rédacteur and a juror (admin access, no right on the record) are refused."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from wagtail.models import Workflow

from editions.factories import CollectiviteFactory, EditionFactory, ResultFactory
from editions.models import Collectivite, Edition, Result, Territory

from .people import *  # noqa: F403

pytestmark = pytest.mark.django_db


@pytest.fixture
def staff(label_staff):
    return label_staff


@pytest.fixture(params=["redacteur", "juror"])
def editor(request):
    """Enters the admin but has no right on the record: a rédacteur, a juror."""
    return request.getfixturevalue(request.param)


def edition_form(year, **extra):
    data = {"year": year, "ordinal": year - 2015, "intro": "", "ceremony_place": ""}
    for prefix in ("levels", "criteria_domains", "mention_types"):
        data.update({f"{prefix}-TOTAL_FORMS": 0, f"{prefix}-INITIAL_FORMS": 0,
                     f"{prefix}-MIN_NUM_FORMS": 0, f"{prefix}-MAX_NUM_FORMS": 1000})  # fmt: skip
    data.update(extra)
    return data


def test_the_administrator_still_creates_an_edition(superuser):
    response = superuser.post(reverse("wagtailsnippets_editions_edition:add"), edition_form(2029))
    assert response.status_code == 302, response.content.decode()[:2000]
    assert Edition.objects.filter(year=2029).exists()


def test_a_new_edition_gets_the_default_levels(staff):
    response = staff.post(reverse("wagtailsnippets_editions_edition:add"), edition_form(2028))
    assert response.status_code == 302, response.content.decode()[:2000]
    edition = Edition.objects.get(year=2028)
    assert list(edition.levels.values_list("number", flat=True)) == [1, 2, 3, 4, 5]


def test_an_edition_with_its_own_scheme_keeps_it(staff):
    data = edition_form(2025)
    data.update({"levels-TOTAL_FORMS": 2,
                 "levels-0-number": 1, "levels-0-name": "Badge", "levels-0-description": "",
                 "levels-0-ORDER": 1, "levels-0-id": "", "levels-0-DELETE": "",
                 "levels-1-number": 2, "levels-1-name": "Bronze", "levels-1-description": "",
                 "levels-1-ORDER": 2, "levels-1-id": "", "levels-1-DELETE": ""})  # fmt: skip
    response = staff.post(reverse("wagtailsnippets_editions_edition:add"), data)
    assert response.status_code == 302, response.content.decode()[:3000]
    assert list(Edition.objects.get(year=2025).levels.values_list("name", flat=True)) == [
        "Badge",
        "Bronze",
    ]


def test_staff_screens_answer(staff, demo):
    edition = Edition.objects.get(year=2021)
    result = Result.objects.filter(edition=edition).first()
    for url in [
        reverse("wagtailsnippets_editions_edition:list"),
        reverse("wagtailsnippets_editions_edition:edit", args=[edition.pk]),
        reverse("wagtailsnippets_editions_collectivite:list") + "?kind=region&q=grand",
        reverse("resultats:index") + "?edition=" + str(edition.pk),
        reverse("resultats:edit", args=[result.pk]),
        reverse("editions_from_territory") + "?q=lett",
    ]:
        assert staff.get(url).status_code == 200, url


def test_suggestions_screen_names_lettret_and_mions(staff, demo):
    edition = Edition.objects.get(year=2021)
    listing = staff.get(reverse("wagtailsnippets_editions_edition:list")).content.decode()
    url = reverse("editions_suggestions", args=[edition.pk])
    assert url in listing
    html = staff.get(url).content.decode()
    assert "Suggestions de mentions — édition 2021" in html
    assert "Lettret" in html and "187 habitants (2018)" in html
    assert "Mions" in html and "6 éditions de suite" in html


def test_result_level_must_belong_to_its_edition(staff, demo):
    e2021, e2020 = Edition.objects.get(year=2021), Edition.objects.get(year=2020)
    body = Collectivite.objects.create(name="Nouvelle commune", kind="commune")
    data = {
        "edition": e2021.pk,
        "collectivite": body.pk,
        "level": e2020.levels.get(number=3).pk,
        "public_comment": "",
        "mentions-TOTAL_FORMS": 0,
        "mentions-INITIAL_FORMS": 0,
        "mentions-MIN_NUM_FORMS": 0,
        "mentions-MAX_NUM_FORMS": 1000,
    }
    response = staff.post(reverse("resultats:add"), data)
    assert response.status_code == 200
    assert "appartient à une autre édition" in response.content.decode()
    data["level"] = e2021.levels.get(number=3).pk
    response = staff.post(reverse("resultats:add"), data)
    assert response.status_code == 302
    assert Result.objects.get(collectivite=body).level.number == 3


def test_collectivite_listing_links_to_the_reference_data(staff):
    listing = staff.get(reverse("wagtailsnippets_editions_collectivite:list")).content.decode()
    assert reverse("editions_from_territory") in listing


def test_staff_creates_a_body_from_the_reference_data(staff):
    territory = Territory.objects.create(
        kind="commune", code="05074", name="Lettret", insee_code="05074", siren="210500740",
        population=196, population_year=2023, departement_code="05", departement="Hautes-Alpes",
        region_code="93", region="Provence-Alpes-Côte d'Azur",
    )  # fmt: skip
    assert "Lettret" in staff.get(reverse("editions_from_territory") + "?q=lett").content.decode()
    response = staff.post(reverse("editions_from_territory"), {"territory": territory.pk})
    body = Collectivite.objects.get(siren="210500740")
    assert response.status_code == 302
    assert (body.insee_code, body.population, body.departement) == ("05074", 196, "Hautes-Alpes")
    bad = staff.post(reverse("editions_from_territory"), {"territory": "x"}, follow=True)
    assert "n&#x27;existe pas" in bad.content.decode() or "n'existe pas" in bad.content.decode()


@pytest.mark.parametrize(
    "name",
    [
        "wagtailsnippets_editions_edition:list",
        "wagtailsnippets_editions_edition:add",
        "wagtailsnippets_editions_collectivite:list",
        "resultats:index",
        "resultats:add",
        "editions_from_territory",
    ],
)
def test_admin_users_without_permission_are_refused(editor, name):
    response = editor.get(reverse(name))
    assert response.status_code in (302, 403)
    assert "/admin/login" not in response.get("Location", "")  # logged in, just not allowed


def test_suggestions_are_refused_without_permission(editor, demo):
    url = reverse("editions_suggestions", args=[Edition.objects.get(year=2021).pk])
    response = editor.get(url)
    assert response.status_code in (302, 403)
    assert "Lettret" not in response.content.decode()


def test_anonymous_visitors_are_sent_to_the_login(client, demo):
    url = reverse("editions_suggestions", args=[Edition.objects.get(year=2021).pk])
    response = client.get(url)
    assert response.status_code == 302 and "/admin/login" in response["Location"]


def count_listing_queries(client, results):
    edition = EditionFactory()
    for _ in range(results - Result.objects.count()):
        ResultFactory(edition=edition, collectivite=CollectiviteFactory())
    with CaptureQueriesContext(connection) as ctx:
        response = client.get(reverse("resultats:index"))
    assert response.status_code == 200
    # Only the listing's own queries: the site menus are cached and refetched unpredictably.
    return len([q for q in ctx.captured_queries if "editions_" in q["sql"]])


def test_results_listing_queries_do_not_grow_with_results(staff):
    five = count_listing_queries(staff, 5)
    thirty = count_listing_queries(staff, 30)
    assert five == thirty


def test_label_staff_see_and_edit_the_workflows_but_add_none(staff):
    listing = staff.get(reverse("wagtailadmin_workflows:index"))
    assert listing.status_code == 200
    workflow = Workflow.objects.get(name="Instruction des candidatures")
    assert workflow.name in listing.content.decode()
    assert staff.get(reverse("wagtailadmin_workflows:edit", args=[workflow.pk])).status_code == 200
    assert staff.get(reverse("wagtailadmin_workflows:add")).status_code in (302, 403)
    menu = staff.get(reverse("wagtailadmin_home")).content.decode()
    assert reverse("wagtailadmin_workflows:index") in menu


def test_other_admin_users_see_no_workflow(editor):
    response = editor.get(reverse("wagtailadmin_workflows:index"))
    assert response.status_code in (302, 403)
