"""An édition's dates are checked together on the model (every form uses it), in French, each
message on the field out of order."""

import datetime as dt
from zoneinfo import ZoneInfo

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from editions.models import Edition

from .people import *  # noqa: F403
from .test_admin import edition_form

pytestmark = pytest.mark.django_db
PARIS = ZoneInfo("Europe/Paris")


def at(year, month, day, hour=18):
    return dt.datetime(year, month, day, hour, tzinfo=PARIS)


def edition(**dates):
    values = {
        "call_opens_at": at(2027, 7, 1, 9),
        "deadline": at(2027, 10, 15, 23),
        "jury_date": dt.date(2027, 11, 5),
        "results_published_at": at(2027, 11, 9),
        **dates,
    }
    return Edition(year=2027, **values)


def errors_of(instance):
    with pytest.raises(ValidationError) as raised:
        instance.clean()
    return {
        field: [str(m) for m in messages] for field, messages in raised.value.message_dict.items()
    }


def test_a_calendar_in_order_is_accepted():
    edition().clean()
    edition(jury_date=None, call_opens_at=None).clean()
    edition(results_published_at=at(2027, 11, 5, 20)).clean()  # announced the jury's evening
    Edition(year=2016, results_published_at=at(2016, 11, 15)).clean()  # imported past édition


@pytest.mark.parametrize(
    ("dates", "field", "message"),
    [
        (
            {"results_published_at": at(2027, 10, 1)},
            "results_published_at",
            "La publication des résultats doit suivre la date limite de dépôt "
            "(15 octobre 2027 à 23:00) : les dossiers ne sont pas encore évalués.",
        ),
        (
            {"deadline": at(2027, 6, 1)},
            "deadline",
            "La date limite de dépôt doit suivre l'ouverture des candidatures "
            "(1 juillet 2027 à 09:00).",
        ),
        (
            {"jury_date": dt.date(2027, 10, 15)},
            "jury_date",
            "Le jury doit se réunir après la date limite de dépôt (15 octobre 2027 à 23:00).",
        ),
        (
            {"results_published_at": at(2027, 11, 1)},
            "results_published_at",
            "La publication des résultats ne peut précéder la réunion du jury (5 novembre 2027).",
        ),
    ],
)
def test_a_date_out_of_order_is_refused_on_its_field(dates, field, message):
    assert errors_of(edition(**dates)) == {field: [message]}


def test_the_admin_form_refuses_results_before_the_deadline(label_staff):
    existing = edition()
    existing.save()
    data = edition_form(
        2027,
        **{
            "call_opens_at": "2027-07-01 09:00",
            "deadline": "2027-10-15 23:00",
            "jury_date": "2027-11-05",
            "results_published_at": "2027-10-01 18:00",
        },
    )
    url = reverse("wagtailsnippets_editions_edition:edit", args=[existing.pk])
    response = label_staff.post(url, data)
    assert response.status_code == 200
    form = response.context["form"]
    assert form.errors["results_published_at"] == [
        "La publication des résultats doit suivre la date limite de dépôt "
        "(15 octobre 2027 à 23:00) : les dossiers ne sont pas encore évalués."
    ]
    assert "les dossiers ne sont pas encore évalués" in response.content.decode()
    existing.refresh_from_db()
    assert existing.results_published_at == at(2027, 11, 9)
    data["results_published_at"] = "2027-11-09 18:00"
    assert label_staff.post(url, data).status_code == 302
