"""The contact form's defences, without a third-party service: a honeypot field that people
never see, and a limit of messages per client address (the shared rate limits of
``home.security.throttling``, named ``contact_client`` in ``SECURITY_RATE_LIMITS``)."""

from django import forms
from django.utils.translation import gettext_lazy as _

from home.security.throttling import RateLimit, by_client, over_limits

HONEYPOT_FIELD = "site_web"
CONTACT_LIMITS = (RateLimit("contact_client", by_client),)


def over_limit(request):
    """Count this message from the client's address; True once past the limit of the window."""
    return over_limits(request, CONTACT_LIMITS)


class HoneypotField(forms.CharField):
    """Hidden from people (visually, from screen readers and from the keyboard); robots that fill
    every field fill it too, and their message is dropped."""

    def __init__(self, **kwargs):
        super().__init__(
            required=False,
            label=_("Laissez ce champ vide"),
            widget=forms.TextInput(attrs={"tabindex": "-1", "autocomplete": "off"}),
            **kwargs,
        )


def with_honeypot(form_class):
    """The form builder's class plus the honeypot, which is never stored with the message."""

    class ContactForm(form_class):
        def __init__(self, *args, **kwargs):
            super().__init__(*args, **kwargs)
            self.fields[HONEYPOT_FIELD] = HoneypotField()

        @property
        def message_fields(self):
            """The fields people fill (the honeypot is drawn apart, out of sight)."""
            return [field for field in self if field.name != HONEYPOT_FIELD]

        @property
        def honeypot(self):
            return self[HONEYPOT_FIELD]

        def clean(self):
            cleaned = super().clean()
            self.spam = bool(cleaned.pop(HONEYPOT_FIELD, ""))
            return cleaned

    return ContactForm
