"""The contact form's defences, without a third-party service: a honeypot field that people
never see, and a limit of messages per client address (a fixed window in the shared cache)."""

from django import forms
from django.core.cache import cache
from django.utils.translation import gettext_lazy as _

HONEYPOT_FIELD = "site_web"
MESSAGES_PER_WINDOW = 5
WINDOW_SECONDS = 60 * 60


def client_address(request):
    """The client's address that the limit counts by.

    REMOTE_ADDR for now: behind the reverse proxy this becomes the shared helper of
    ``home.security.client`` (the proxy's X-Forwarded-For, trusted hops only), one line here.
    """
    return request.META.get("REMOTE_ADDR", "") or "unknown"


def _key(request):
    return f"contact-rate:{client_address(request)}"


def over_limit(request):
    """Count this message from the client's address; True once past the limit of the window."""
    key = _key(request)
    if cache.add(key, 1, WINDOW_SECONDS):
        return False
    try:
        return cache.incr(key) > MESSAGES_PER_WINDOW
    except ValueError:  # expired between add and incr
        cache.set(key, 1, WINDOW_SECONDS)
        return False


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
