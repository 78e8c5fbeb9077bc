"""Screens of the second factor (enrol, verify, recovery codes, manage) and the throttled
password reset of the admin. The middleware sends admin accounts here; these views decide
nothing about access themselves beyond "logged in" and "may reach the admin"."""

from base64 import b32encode

import segno
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect, render
from django.urls import reverse, reverse_lazy
from django.utils.http import url_has_allowed_host_and_scheme, urlencode
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext
from django.views.decorators.http import require_http_methods
from django_otp.plugins.otp_static.models import StaticDevice
from django_otp.plugins.otp_totp.models import TOTPDevice
from wagtail.admin.views import account as wagtail_account

from home.emails import TemplatedPasswordResetMixin

from . import second_factor as factor
from .forms import CodeForm, NewAuthenticatorForm
from .throttling import (
    PASSWORD_RESET_LIMITS,
    SECOND_FACTOR_LIMITS,
    RateLimitedFormMixin,
    over_limits,
)

admin_login_required = login_required(login_url=reverse_lazy("wagtailadmin_login"))
TOO_MANY_CODES = gettext_lazy("Trop d'essais depuis votre connexion : réessayez dans 15 minutes.")


def next_url(request):
    """Where to go once done: the page that sent the user here, if it is on this site."""
    target = request.POST.get("next") or request.GET.get("next") or ""
    if url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return target
    return reverse("wagtailadmin_home")


def with_next(url_name, request):
    return f"{reverse(url_name)}?{urlencode({'next': next_url(request)})}"


def typed_code(request, form):
    """The code of a POSTed form and the status to answer if it is refused: None and 429 once
    the (account, client) pair is over SECOND_FACTOR_LIMITS, None and 400 if the form is
    invalid."""
    if over_limits(request, SECOND_FACTOR_LIMITS):
        form.add_error(None, TOO_MANY_CODES)
        return None, 429
    if form.is_valid():
        return "".join(form.cleaned_data["code"].split()), 400
    return None, 400


def refuse_non_admin(user):
    if not factor.can_reach_admin(user):
        raise PermissionDenied


@admin_login_required
@require_http_methods(["GET", "POST"])
def verify(request):
    user = request.user
    refuse_non_admin(user)
    if user.is_verified():
        return redirect(next_url(request))
    if not factor.has_authenticator(user):
        return redirect(with_next("security_2fa_enrol", request))
    form = CodeForm(request.POST or None)
    status = 200
    if request.method == "POST":
        code, status = typed_code(request, form)
        if code is not None:
            device = factor.verified_device(user, code)
            if device is not None:
                factor.mark_verified(request, device)
                if isinstance(device, StaticDevice):
                    left = factor.remaining_recovery_codes(user)
                    messages.warning(
                        request,
                        ngettext(
                            "Code de secours accepté : il vous en reste %(count)d.",
                            "Code de secours accepté : il vous en reste %(count)d.",
                            left,
                        )
                        % {"count": left},
                    )
                return redirect(next_url(request))
            form.add_error("code", _("Ce code n'est pas valable (ou plus) : essayez le suivant."))
    context = {"form": form, "next": next_url(request)}
    return render(request, "security/two_factor/verify.html", context, status=status)


def authenticator_qr_code(device):
    """The otpauth:// address as an inline SVG QR code (no image request, no external service)."""
    return mark_safe(segno.make(device.config_url, error="m").svg_inline(scale=4, border=2))  # noqa: S308


def readable_secret(device):
    secret = b32encode(device.bin_key).decode().rstrip("=")
    return " ".join(secret[i : i + 4] for i in range(0, len(secret), 4))


@admin_login_required
@require_http_methods(["GET", "POST"])
def enrol(request):
    user = request.user
    refuse_non_admin(user)
    if factor.has_authenticator(user):
        return redirect(with_next("security_2fa_verify", request))
    device = factor.pending_authenticator(request)
    form = NewAuthenticatorForm(request.POST or None)
    status = 200
    if request.method == "POST":
        code, status = typed_code(request, form)
        if code is not None:
            if device.verify_token(code):
                factor.confirm_authenticator(request, device)
                request.session["security_new_codes"] = factor.new_recovery_codes(user)
                return redirect(with_next("security_2fa_recovery_codes", request))
            form.add_error("code", _("Ce code ne correspond pas : vérifiez l'heure du téléphone."))
    context = {
        "form": form,
        "next": next_url(request),
        "qr_code": authenticator_qr_code(device),
        "secret": readable_secret(device),
    }
    return render(request, "security/two_factor/enrol.html", context, status=status)


@admin_login_required
def recovery_codes(request):
    """The new recovery codes, shown once (they are stored only as the device's tokens)."""
    codes = request.session.pop("security_new_codes", None)
    if not codes:
        return redirect("security_2fa_manage")
    context = {"codes": codes, "next": next_url(request)}
    return render(request, "security/two_factor/recovery_codes.html", context)


@admin_login_required
@require_http_methods(["GET", "POST"])
def manage(request):
    user = request.user
    refuse_non_admin(user)
    if factor.has_authenticator(user) and not user.is_verified():
        return redirect(with_next("security_2fa_verify", request))
    if request.method == "POST" and user.is_verified():
        request.session["security_new_codes"] = factor.new_recovery_codes(user)
        return redirect("security_2fa_recovery_codes")
    context = {
        "authenticator": TOTPDevice.objects.devices_for_user(user, confirmed=True).first(),
        "recovery_codes_left": factor.remaining_recovery_codes(user),
    }
    return render(request, "security/two_factor/manage.html", context)


class AdminPasswordResetView(RateLimitedFormMixin, wagtail_account.PasswordResetView):
    """Wagtail's password reset, limited per client and per address (SECURITY_RATE_LIMITS);
    its email is the site's (text + HTML, link on the site's real address)."""

    rate_limits = PASSWORD_RESET_LIMITS

    def get_form_class(self):
        base = super().get_form_class()
        return type(
            "AdminPasswordResetForm",
            (TemplatedPasswordResetMixin, base),
            {
                "reset_url_name": "wagtailadmin_password_reset_confirm",
                "email_template_base": "home/emails/admin_password_reset",
            },
        )
