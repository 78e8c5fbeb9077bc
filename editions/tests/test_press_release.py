"""The press release of the 2021 palmarès drafts itself from the record, as the seed says."""

import re
from io import StringIO

import pytest
from django.contrib.auth.models import Group, Permission
from django.core import mail
from django.core.management import CommandError, call_command
from django.urls import reverse
from wagtail.models import WorkflowState

from editions.models import Edition
from editions.press_release import (
    ResultsNotPublic,
    draft_press_release,
    in_words,
    ordinal_in_words,
)
from home import roles
from home.models import PressReleaseIndexPage, PressReleasePage

pytestmark = pytest.mark.django_db


@pytest.fixture
def make_user(django_user_model):
    def make(username, group_name):
        user = django_user_model.objects.create_user(
            username=username, password="pw-test-123", email=f"{username}@example.org"
        )
        user.groups.add(Group.objects.get(name=group_name))
        return user

    return make


@pytest.fixture
def site_2021(home_page, demo):
    return Edition.objects.get(year=2021)


def text_of(page):
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", "", page.body[0].value.source))


def test_the_2021_draft_states_the_seed_figures(site_2021):
    page = draft_press_release(site_2021)
    text = text_of(page)
    assert page.title == "« Territoire Numérique Libre » 2021, les résultats sont là !"
    assert "Cette année, 24 candidatures ont été déposées" in text
    assert "trois candidats ont obtenu le niveau 2" in text
    assert "dix candidats ont réussi à décrocher le niveau 3" in text
    assert "dix autres ont atteint le niveau 4" in text
    assert (
        "une collectivité candidate s'est démarquée en accédant au niveau le plus élevé, le "
        "niveau 5 : la ville d'Abbeville, pour sa deuxième participation" in text
    )
    assert "trois mentions spéciales" in text
    assert "« Meilleure première candidature » à la ville d'Échirolles" in text
    assert "« Plus petite collectivité » à la ville de Lettret (« Avec ses 187 habitants" in text
    assert "« Meilleure continuité » à la ville de Mions (« Au niveau 4 à chacune" in text
    assert (
        "a eu lieu mardi 9 novembre 2021 (Open Source Experience, Palais des Congrès, Paris)"
        in text
    )
    assert 'href="/editions/2021/"' in page.body[0].value.source
    assert page.intro.startswith("Depuis sa 1re édition en 2016")
    # A draft in the press index, submitted to the editorial review.
    assert not page.live
    assert page.get_parent().specific_class is PressReleaseIndexPage
    state = page.current_workflow_state
    assert state.status == WorkflowState.STATUS_IN_PROGRESS
    assert state.workflow.name == roles.EDITORIAL_WORKFLOW
    assert page.press_contact.name == "Camille TILLATTE"


def test_communication_is_told_once_that_the_draft_awaits_review(site_2021, make_user):
    make_user("sophie", roles.COMMUNICATION)
    mail.outbox.clear()
    page = draft_press_release(site_2021)
    to_sophie = [m for m in mail.outbox if "sophie@example.org" in m.to]
    assert len(to_sophie) == 1
    assert page.title in to_sophie[0].subject
    assert f"http://testserver/admin/pages/{page.pk}/edit/" in to_sophie[0].body


def test_drafting_again_returns_the_same_page(site_2021):
    first = draft_press_release(site_2021)
    first.title = "Titre retouché par la communication"
    first.save_revision().publish()
    again = draft_press_release(site_2021)
    assert again.pk == first.pk
    assert PressReleasePage.objects.filter(results_year=2021).count() == 1
    assert again.title == "Titre retouché par la communication"


def test_no_draft_while_the_results_are_embargoed(home_page, demo):
    with pytest.raises(ResultsNotPublic):
        draft_press_release(Edition.objects.get(year=2027))
    assert not PressReleasePage.objects.filter(results_year=2027).exists()


def test_the_command_prints_the_drafts_admin_address(site_2021):
    out = StringIO()
    call_command("draft_press_release", "2021", stdout=out)
    page = PressReleasePage.objects.get(results_year=2021)
    assert out.getvalue().strip() == f"http://testserver/admin/pages/{page.pk}/edit/"
    call_command("draft_press_release", "2021", stdout=StringIO())
    assert PressReleasePage.objects.filter(results_year=2021).count() == 1
    with pytest.raises(CommandError, match="ne sont pas encore publics"):
        call_command("draft_press_release", "2027", stdout=StringIO())
    with pytest.raises(CommandError, match="Aucune édition 1999"):
        call_command("draft_press_release", "1999", stdout=StringIO())


@pytest.fixture
def staff(client, make_user):
    group = Group.objects.get(name=roles.LABEL_TEAM)
    # Label staff manage éditions (granted by the candidatures migrations once merged).
    group.permissions.add(Permission.objects.get(codename="change_edition"))
    client.force_login(make_user("nicolas", roles.LABEL_TEAM))
    return client


def test_label_staff_prepare_it_from_the_edition_screen(staff, site_2021):
    listing = staff.get(reverse("wagtailsnippets_editions_edition:list")).content.decode()
    url = reverse("editions_press_release", args=[site_2021.pk])
    assert url in listing and "Préparer le communiqué" in listing
    edit = reverse("wagtailsnippets_editions_edition:edit", args=[site_2021.pk])
    assert url in staff.get(edit).content.decode()
    response = staff.get(url)
    assert response.status_code == 200
    assert "Un brouillon de communiqué de presse sera écrit" in response.content.decode()
    response = staff.post(url, follow=True)
    page = PressReleasePage.objects.get(results_year=2021)
    html = response.content.decode()
    assert "soumis à la relecture de la communication" in html
    assert reverse("wagtailadmin_pages:edit", args=[page.pk]) in html
    assert page.current_workflow_state.requested_by.username == "nicolas"
    staff.post(url)
    assert PressReleasePage.objects.filter(results_year=2021).count() == 1


def test_an_embargoed_edition_cannot_be_announced_from_the_admin(staff, home_page, demo):
    edition = Edition.objects.get(year=2027)
    url = reverse("editions_press_release", args=[edition.pk])
    assert "ne sont pas encore publics" in staff.get(url).content.decode()
    response = staff.post(url)
    assert response.status_code == 400
    assert not PressReleasePage.objects.filter(results_year=2027).exists()


def test_editorial_roles_cannot_prepare_it(client, site_2021, make_user):
    url = reverse("editions_press_release", args=[site_2021.pk])
    for name, group in (("julien", roles.EDITORS), ("sophie", roles.COMMUNICATION)):
        client.force_login(make_user(name, group))
        assert client.post(url).status_code in (302, 403)
    assert not PressReleasePage.objects.filter(results_year=2021).exists()


@pytest.mark.parametrize(
    "number, words",
    [(1, "un"), (17, "dix-sept"), (21, "vingt et un"), (71, "soixante et onze"),
     (80, "quatre-vingts"), (81, "quatre-vingt-un"), (99, "quatre-vingt-dix-neuf"), (150, "150")],
)  # fmt: skip
def test_counts_in_words(number, words):
    assert in_words(number) == words


def test_feminine_and_ordinal_words():
    assert in_words(21, feminine=True) == "vingt et une"
    assert [ordinal_in_words(n) for n in (1, 2, 4, 5, 9, 11, 21)] == [
        "première", "deuxième", "quatrième", "cinquième", "neuvième", "onzième", "vingt et unième",
    ]  # fmt: skip
