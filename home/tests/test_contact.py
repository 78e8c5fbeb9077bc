"""/contact/: a Wagtail form page, a honeypot and a rate limit, messages kept and sent."""

import pytest
from django.core import mail
from django.urls import reverse
from wagtail.contrib.forms.models import FormSubmission

from home import contact, roles
from home.models import ContactPage, SiteIdentity

pytestmark = pytest.mark.django_db

# The contact form's rate (settings.SECURITY_RATE_LIMITS["contact_client"] is "5/h").
MESSAGES_PER_HOUR = 5

MESSAGE = {
    "votre_nom": "Claire Agent",
    "votre_adresse_electronique": "claire@lettret.example",
    "organisme": "Commune de Lettret",
    "votre_message": "Peut-on candidater avec 187 habitants ?",
}


@pytest.fixture
def contact_page(home_page):
    return ContactPage.objects.get()


def post(client, data=MESSAGE, address="192.0.2.10"):
    return client.post("/contact/", data, REMOTE_ADDR=address)


def test_the_form_shows_its_fields_and_the_rgpd_notice(client, contact_page):
    response = client.get("/contact/")
    html = response.content.decode()
    assert response.status_code == 200
    for label in ("Votre nom", "Votre adresse électronique", "Organisme", "Votre message"):
        assert label in html
    assert "responsable du traitement" in html and "CNIL" in html and "un an" in html
    # The honeypot is out of sight, of screen readers and of the keyboard.
    assert '<div class="visually-hidden" aria-hidden="true">' in html
    assert f'name="{contact.HONEYPOT_FIELD}"' in html and 'tabindex="-1"' in html
    assert 'href="/contact/"' in client.get("/").content.decode()  # footer link


def test_a_message_is_kept_and_sent_to_the_label(client, contact_page):
    mail.outbox.clear()
    response = post(client)
    assert response.status_code == 200
    assert "Merci, votre message est bien parvenu" in response.content.decode()
    submission = FormSubmission.objects.get(page=contact_page)
    assert submission.form_data == MESSAGE  # the honeypot is never stored
    identity = SiteIdentity.for_site(contact_page.get_site())
    [email] = mail.outbox
    assert email.to == [identity.contact_email] == ["label@territoire-numerique-libre.org"]
    assert email.reply_to == ["claire@lettret.example"]
    assert email.subject == "Message reçu par le formulaire de contact"
    assert "Votre message : Peut-on candidater avec 187 habitants ?" in email.body


def test_a_filled_honeypot_drops_the_message_quietly(client, contact_page):
    mail.outbox.clear()
    response = post(client, {**MESSAGE, contact.HONEYPOT_FIELD: "https://spam.example"})
    assert response.status_code == 200
    assert "Message envoyé" in response.content.decode()
    assert not FormSubmission.objects.exists()
    assert mail.outbox == []


def test_too_many_messages_from_one_address_are_refused_with_the_text_kept(client, contact_page):
    for _ in range(MESSAGES_PER_HOUR):
        assert post(client).status_code == 200
    response = post(client, {**MESSAGE, "votre_message": "Encore une question."})
    html = response.content.decode()
    assert response.status_code == 429
    assert "Trop de messages envoyés depuis votre connexion" in html
    assert "Encore une question." in html and 'value="Claire Agent"' in html
    assert FormSubmission.objects.count() == MESSAGES_PER_HOUR
    # Another address is not held back.
    assert post(client, address="198.51.100.7").status_code == 200


def test_a_missing_field_answers_400_and_keeps_the_input(client, contact_page):
    response = post(client, {**MESSAGE, "votre_message": ""})
    assert response.status_code == 400
    html = response.content.decode()
    assert 'value="Claire Agent"' in html and "Champ requis." in html
    assert not FormSubmission.objects.exists()


def test_without_a_contact_address_the_message_is_still_kept(client, contact_page):
    identity = SiteIdentity.for_site(contact_page.get_site())
    identity.contact_email = ""
    identity.save()
    mail.outbox.clear()
    assert post(client).status_code == 200
    assert FormSubmission.objects.filter(page=contact_page).count() == 1
    assert mail.outbox == []


def test_communication_reads_the_messages_and_edits_the_page(client, contact_page, make_user):
    post(client)
    client.force_login(make_user("sophie", roles.COMMUNICATION))
    response = client.get(reverse("wagtailforms:list_submissions", args=(contact_page.pk,)))
    assert response.status_code == 200
    assert "Peut-on candidater avec 187 habitants ?" in response.content.decode()
    edit = reverse("wagtailadmin_pages:edit", args=(contact_page.pk,))
    assert client.get(edit).status_code == 200


def test_editors_do_not_read_the_messages(client, contact_page, make_user):
    post(client)
    client.force_login(make_user("julien", roles.EDITORS))
    response = client.get(reverse("wagtailforms:list_submissions", args=(contact_page.pk,)))
    assert response.status_code in (302, 403)
    index = client.get(reverse("wagtailforms:index"))
    assert "Peut-on candidater" not in index.content.decode()
