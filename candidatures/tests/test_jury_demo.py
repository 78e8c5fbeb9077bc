"""The jury demo: idempotent, and each demo account finds work on logging in."""

import pytest
from django.urls import reverse

from candidatures.demo import jury as jury_demo
from candidatures.models import Candidature, CandidatureStatus

pytestmark = pytest.mark.django_db


def test_demo_loads_each_stage_and_is_idempotent(client):
    jury_demo.load()
    statuses = dict(
        Candidature.objects.filter(edition__year=2027).values_list("collectivite__name", "status")
    )
    assert statuses == {
        "Collectivité de démonstration 101": CandidatureStatus.ELIGIBILITY,
        "Collectivité de démonstration 102": CandidatureStatus.CHANGES_REQUESTED,
        "Collectivité de démonstration 103": CandidatureStatus.EVALUATION,
        "Collectivité de démonstration 104": CandidatureStatus.EVALUATION,
        "Collectivité de démonstration 105": CandidatureStatus.DELIBERATION,
    }
    jury_demo.load()
    assert Candidature.objects.filter(edition__year=2027).count() == 5

    assert client.login(username="jure1", password="demo-tnl")
    page = client.get(reverse("candidatures_jury:dashboard")).content.decode()
    assert "Collectivité de démonstration 104" in page  # to do
    assert "Collectivité de démonstration 103" in page  # done
    assert client.login(username="jure2", password="demo-tnl")
    page = client.get(reverse("candidatures_jury:dashboard")).content.decode()
    assert "Collectivité de démonstration 103" in page
    assert client.login(username="president", password="demo-tnl")
    table = client.get(reverse("candidatures_jury:table", args=[2027])).content.decode()
    assert "Collectivité de démonstration 105" in table
    assert "En délibération" in table


def test_admin_home_tells_the_juror_what_to_do(client):
    jury_demo.load()
    assert client.login(username="jure1", password="demo-tnl")
    html = client.get("/admin/").content.decode()
    assert "1 dossier attend votre évaluation." in html
    assert client.login(username="jure2", password="demo-tnl")
    html = client.get("/admin/").content.decode()
    assert "2 dossiers attendent votre évaluation." in html
