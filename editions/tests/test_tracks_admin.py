"""Label staff set up an édition's application tracks (Badge beside Label) in the admin."""

import pytest
from django.urls import reverse

from editions.factories import EditionFactory
from editions.models import ApplicationTrack

from .people import *  # noqa: F403

pytestmark = pytest.mark.django_db


def track_form(edition, levels, name="Badge"):
    return {
        "edition": edition.pk,
        "name": name,
        "slug": "",
        "description": "Un questionnaire court d'une dizaine de questions.",
        "levels": [level.pk for level in levels],
    }


def test_label_staff_create_a_track_with_its_editions_levels_only(label_staff):
    edition, other = EditionFactory(year=2031), EditionFactory(year=2030)
    edition.add_default_levels()
    other.add_default_levels()
    form = label_staff.get(reverse("parcours:add"))
    assert form.status_code == 200
    assert "2031 — " in form.content.decode()  # levels named with their édition's year

    wrong = label_staff.post(reverse("parcours:add"), track_form(edition, other.levels.all()[:1]))
    assert "Ces niveaux doivent appartenir à l&#x27;édition du parcours." in wrong.content.decode()
    none = label_staff.post(reverse("parcours:add"), track_form(edition, []))
    assert "Choisissez au moins un niveau de l&#x27;édition." in none.content.decode()
    assert not ApplicationTrack.objects.exists()

    first = edition.levels.order_by("number").first()
    done = label_staff.post(reverse("parcours:add"), track_form(edition, [first]))
    assert done.status_code == 302
    track = ApplicationTrack.objects.get(edition=edition)
    assert track.slug == "badge" and list(track.levels.all()) == [first]
    again = label_staff.post(reverse("parcours:add"), track_form(edition, [first]))
    assert again.status_code == 200 and ApplicationTrack.objects.count() == 1  # no 500
    assert "existe déjà" in again.content.decode()
    listing = label_staff.get(reverse("parcours:index")).content.decode()
    assert "Badge" in listing
    # Editing it offers only its édition's levels.
    edit = label_staff.get(reverse("parcours:edit", args=[track.pk])).content.decode()
    assert "2031 — " in edit and "2030 — " not in edit


@pytest.mark.parametrize("who", ["redacteur", "juror"])
def test_other_admin_users_cannot_reach_the_tracks(request, who):
    client = request.getfixturevalue(who)
    response = client.get(reverse("parcours:index"))
    assert response.status_code in (302, 403)
    assert "/admin/login" not in response.get("Location", "")
