"""Publishing the palmarès is an action on the édition: preview as the public will see it,
dossiers still undecided listed with links, then "publier maintenant" (applicants emailed from a
background task, press release drafted) or "programmer à la date des résultats"."""

import datetime as dt

import pytest
from django.contrib.auth import get_user_model
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from candidatures.models import ApplicantProfile, Candidature, CandidatureStatus, Membership
from editions import palmares
from editions.factories import CollectiviteFactory, EditionFactory
from editions.models import Edition, Result
from home.models import PressReleasePage

from .people import *  # noqa: F403

pytestmark = pytest.mark.django_db


@pytest.fixture
def edition(home_page, demo):
    """2027 with one decided dossier (Or, recorded) and one still in evaluation."""
    edition = Edition.objects.get(year=2027)
    decided_body = CollectiviteFactory(name="Commune de démonstration Erdeven")
    or_level = edition.levels.get(name="Or")
    decided = Candidature.objects.create(
        edition=edition,
        collectivite=decided_body,
        status=CandidatureStatus.DECIDED,
        decision_level=or_level,
        technical_email="referent@example.org",
    )
    Result.objects.create(edition=edition, collectivite=decided_body, level=or_level)
    # Decision emails go to the body's verified members only (candidatures.notifications).
    referent = get_user_model().objects.create_user("referent@example.org", "referent@example.org")
    ApplicantProfile.objects.create(user=referent, email_verified_at=timezone.now())
    Membership.objects.create(user=referent, collectivite=decided_body)
    waiting = Candidature.objects.create(
        edition=edition,
        collectivite=CollectiviteFactory(name="Commune en attente"),
        status=CandidatureStatus.EVALUATION,
    )
    edition.decided, edition.waiting = decided, waiting
    return edition


def test_the_screen_previews_the_page_and_lists_undecided_dossiers(label_staff, edition):
    listing = label_staff.get(reverse("wagtailsnippets_editions_edition:list")).content.decode()
    url = reverse("editions_palmares", args=[edition.pk])
    assert url in listing
    html = label_staff.get(url).content.decode()
    assert "Attention : 1 dossier n'est pas encore décidé ou évalué" in html
    link = reverse("wagtailsnippets_candidatures_candidature:edit", args=[edition.waiting.pk])
    assert f'href="{link}">Commune en attente</a> — En évaluation' in html
    assert "Programmer à la date des résultats (6 avril 2027 à 00:00)" in html or (
        "Programmer à la date des résultats" in html
    )
    preview = label_staff.get(reverse("editions_palmares_preview", args=[edition.pk]))
    text = preview.content.decode()
    assert "Commune de démonstration Erdeven" in text and "Or : 1 lauréat" in text
    assert "Badge : 0 lauréat" in text
    # The public still sees nothing.
    public = label_staff.get("/editions/2027/").content.decode()
    assert "Commune de démonstration Erdeven" not in public


def test_publish_now_makes_it_public_and_emails_the_applicants(label_staff, edition):
    url = reverse("editions_palmares", args=[edition.pk])
    mail.outbox.clear()
    response = label_staff.post(url, {"action": "now"}, follow=True)
    assert response.status_code == 200
    assert "Le palmarès 2027 est public" in response.content.decode()
    edition.refresh_from_db()
    assert edition.results_are_public() and edition.palmares_announced_at
    edition.decided.refresh_from_db()
    assert edition.decided.status == CandidatureStatus.PUBLISHED
    assert ["referent@example.org"] in [m.to for m in mail.outbox]
    assert PressReleasePage.objects.filter(results_year=2027).count() == 1
    assert "Commune de démonstration Erdeven" in label_staff.get("/editions/2027/").content.decode()
    # Once only: a second click is refused, the cron command announces nobody twice.
    sent = len(mail.outbox)
    again = label_staff.post(url, {"action": "now"})
    assert again.status_code == 400 and "déjà publié" in again.content.decode()
    assert palmares.announce(edition) is False
    assert len(mail.outbox) == sent


def test_schedule_keeps_the_date_and_the_task_announces_at_that_moment(label_staff, edition):
    url = reverse("editions_palmares", args=[edition.pk])
    response = label_staff.post(url, {"action": "schedule"}, follow=True)
    edition.refresh_from_db()
    assert edition.palmares_scheduled_for == edition.results_published_at
    assert not edition.results_are_public() and edition.palmares_announced_at is None
    # The test backend runs tasks at once and cannot defer: the screen says who announces.
    assert palmares.can_defer() is False
    assert "la commande announce_results" in response.content.decode()
    assert "Programmé : publication et annonce aux candidats le" in response.content.decode()
    # Run before its time (a date moved later), the task does nothing.
    assert palmares.announce_palmares.call(edition.pk) is False
    # At the results date, the worker runs it: applicants told, once.
    Edition.objects.filter(pk=edition.pk).update(results_published_at=timezone.now())
    assert palmares.announce_palmares.call(edition.pk) is True
    edition.decided.refresh_from_db()
    assert edition.decided.status == CandidatureStatus.PUBLISHED
    assert palmares.announce_palmares.call(edition.pk) is False


def test_a_past_results_date_cannot_be_scheduled(label_staff, demo):
    past = EditionFactory(year=2040, results_published_at=timezone.now() - dt.timedelta(days=1))
    url = reverse("editions_palmares", args=[past.pk])
    response = label_staff.post(url, {"action": "schedule"})
    assert response.status_code == 400 and "publiez maintenant" in response.content.decode()
    assert label_staff.post(url, {"action": "n'importe"}).status_code == 400


@pytest.mark.parametrize("who", ["redacteur", "juror"])
def test_publishing_is_refused_to_a_redacteur_and_a_juror(request, who, edition):
    client = request.getfixturevalue(who)
    for name in ("editions_palmares", "editions_palmares_preview"):
        response = client.get(reverse(name, args=[edition.pk]))
        assert response.status_code in (302, 403)
        assert "Commune de démonstration Erdeven" not in response.content.decode()
    client.post(reverse("editions_palmares", args=[edition.pk]), {"action": "now"})
    edition.refresh_from_db()
    assert not edition.results_are_public() and edition.palmares_announced_at is None
