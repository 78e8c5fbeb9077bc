"""The application's page cache (home.page_cache), as the people who meet it: an anonymous
visitor served from it, Communication publishing and unpublishing a news item through the admin,
label staff publishing a palmarès, logged-in readers who never get nor leave an anonymous copy."""

import datetime as dt
import gzip
import time

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from wagtail.models import PageViewRestriction

from editions import palmares
from editions.factories import edition_with_results
from home.models import NewsIndexPage, NewsPage
from home.roles import APPLICANTS, COMMUNICATION, EDITORS, LABEL_TEAM
from home.tests.forms import news_form

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def app_page_cache(settings):
    settings.APP_PAGE_CACHE = True


def person(group, username):
    user = get_user_model().objects.create_user(username=username, password="pw-cache-123456")
    user.groups.add(Group.objects.get(name=group))
    client = Client()
    client.force_login(user)
    return client


def served(client, url, **headers):
    response = client.get(url, headers=headers)
    return response.get("X-App-Cache"), response


def test_a_second_anonymous_visit_is_served_from_the_cache(home_page, django_assert_num_queries):
    visitor = Client()
    state, first = served(visitor, "/")
    assert state == "miss" and first.status_code == 200
    with django_assert_num_queries(0):
        state, again = served(visitor, "/")
    assert state == "hit"
    assert again.content == first.content
    assert again["Cache-Control"] == first["Cache-Control"]
    assert not again.cookies


def test_communication_publishes_then_unpublishes_a_news_item_seen_at_the_next_visit(home_page):
    visitor = Client()
    index = NewsIndexPage.objects.get()
    for _ in range(2):
        served(visitor, "/actualites/")
        served(visitor, "/")
    assert served(visitor, "/actualites/")[0] == "hit"

    communication = person(COMMUNICATION, "chloe-com")
    add = reverse("wagtailadmin_pages:add", args=("home", "newspage", index.pk))
    assert (
        communication.post(
            add,
            news_form(
                "Une annonce toute fraîche",
                date=timezone.localdate().isoformat(),
                **{"action-publish": "1"},
            ),
        ).status_code
        == 302
    )
    news = NewsPage.objects.get(title="Une annonce toute fraîche")
    assert news.live

    state, listing = served(visitor, "/actualites/")
    assert state == "miss" and "Une annonce toute fraîche" in listing.content.decode()
    assert "Une annonce toute fraîche" in served(visitor, "/")[1].content.decode()
    assert served(visitor, news.url)[1].status_code == 200
    assert served(visitor, "/actualites/")[0] == "hit"

    unpublish = reverse("wagtailadmin_pages:unpublish", args=(news.pk,))
    assert communication.post(unpublish, {}).status_code == 302
    assert "Une annonce toute fraîche" not in served(visitor, "/actualites/")[1].content.decode()
    assert "Une annonce toute fraîche" not in served(visitor, "/")[1].content.decode()
    assert served(visitor, news.url)[1].status_code == 404


def test_label_staff_publishing_the_palmares_shows_it_at_the_next_visit(home_page):
    edition = edition_with_results(2042, 3, published=False)
    laureate = edition.results.select_related("collectivite").first().collectivite.name
    visitor = Client()
    for _ in range(2):
        state, page = served(visitor, "/editions/2042/")
    assert state == "hit" and laureate not in page.content.decode()

    staff = person(LABEL_TEAM, "membre-equipe")
    url = reverse("editions_palmares", args=[edition.pk])
    assert staff.post(url, {"action": "now"}).status_code == 302
    state, page = served(visitor, "/editions/2042/")
    assert state == "miss" and laureate in page.content.decode()


def test_the_announcement_at_the_results_date_forgets_the_embargoed_copies(
    home_page, monkeypatch, django_capture_on_commit_callbacks
):
    """The worker's task at the results date: the clock alone lifted the embargo, the task's
    purge makes every server forget the copies made before (they would otherwise live up to
    max-age)."""
    edition = edition_with_results(2043, 3, published=False)
    laureate = edition.results.select_related("collectivite").first().collectivite.name
    visitor = Client()
    for _ in range(2):
        state, page = served(visitor, "/editions/2043/")
    assert state == "hit" and laureate not in page.content.decode()

    later = edition.results_published_at + dt.timedelta(minutes=1)
    monkeypatch.setattr(timezone, "now", lambda: later)
    with django_capture_on_commit_callbacks(execute=True):
        assert palmares.announce_palmares.call(edition.pk)
    state, page = served(visitor, "/editions/2043/")
    assert state == "miss" and laureate in page.content.decode()


def test_a_copy_lives_no_longer_than_the_browsers_max_age(home_page, settings, monkeypatch):
    """What changes with the clock alone (an embargo, a call opening) is at most max-age old."""
    visitor = Client()
    served(visitor, "/collectivites/")
    assert served(visitor, "/collectivites/")[0] == "hit"
    now = time.time()
    monkeypatch.setattr(time, "time", lambda: now + settings.HTTP_CACHE_MAX_AGE + 1)
    assert served(visitor, "/collectivites/")[0] == "miss"


def test_logged_in_readers_never_get_nor_leave_a_cached_copy(home_page):
    visitor = Client()
    served(visitor, "/")
    assert served(visitor, "/")[0] == "hit"
    editor = person(EDITORS, "un-redacteur")
    state, page = served(editor, "/")
    assert state is None
    assert "private" in page["Cache-Control"]
    assert "wagtail-userbar" in page.content.decode()  # their own page, with the userbar
    assert "wagtail-userbar" not in served(visitor, "/")[1].content.decode()

    applicant = person(APPLICANTS, "camille")
    for _ in range(2):
        assert served(applicant, "/collectivites/")[0] is None
    assert served(visitor, "/collectivites/")[0] == "miss"  # nothing was stored for them


def test_applicant_space_accounts_admin_and_forms_are_never_stored(home_page):
    visitor = Client()
    applicant = person(APPLICANTS, "camille")
    editor = person(EDITORS, "un-redacteur")
    news = NewsPage.objects.live().first()
    for _ in range(2):
        for client, url in [
            (applicant, "/espace-candidat/"),
            (visitor, "/compte/connexion/"),
            (visitor, "/admin/login/"),
            (editor, "/admin/"),
            (editor, f"/admin/pages/{news.pk}/edit/preview/"),
            (visitor, "/contact/"),
        ]:
            state, response = served(client, url)
            assert state is None, url
            assert "no-store" in response["Cache-Control"], url


def test_a_private_page_is_not_served_from_an_old_copy(home_page):
    visitor = Client()
    news = NewsPage.objects.live().first()
    served(visitor, news.url)
    assert served(visitor, news.url)[0] == "hit"
    PageViewRestriction.objects.create(page=news, restriction_type=PageViewRestriction.LOGIN)
    response = visitor.get(news.url)
    assert response.status_code == 302 and "X-App-Cache" not in response


def test_if_none_match_and_gzip_from_the_cache(home_page):
    visitor = Client()
    served(visitor, "/", **{"Accept-Encoding": "gzip"})
    state, zipped = served(visitor, "/", **{"Accept-Encoding": "gzip"})
    assert state == "hit" and zipped["Content-Encoding"] == "gzip"
    assert "Accept-Encoding" in zipped["Vary"]
    served(visitor, "/")
    state, plain = served(visitor, "/")
    assert state == "hit" and not plain.has_header("Content-Encoding")
    assert gzip.decompress(zipped.content) == plain.content

    state, not_modified = served(visitor, "/", **{"If-None-Match": plain["ETag"]})
    assert (state, not_modified.status_code, not_modified.content) == ("hit", 304, b"")
    state, not_modified = served(
        visitor, "/", **{"If-None-Match": zipped["ETag"], "Accept-Encoding": "gzip"}
    )
    assert (state, not_modified.status_code) == ("hit", 304)
    assert served(visitor, "/", **{"If-None-Match": '"autre"'})[1].status_code == 200
