"""The applicant's optional second factor (django-otp TOTP + recovery codes, as the admin's):
enabled from the profile, asked at login once the password is right, disabled with the
password. The devices and checks are ``home.security.second_factor``'s."""

import time

from django import forms
from django.contrib import messages
from django.contrib.auth import get_user_model, login
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_http_methods, require_POST
from django_otp.plugins.otp_static.models import StaticDevice
from django_otp.plugins.otp_totp.models import TOTPDevice

from home.security import second_factor as factor
from home.security.forms import CodeForm, NewAuthenticatorForm
from home.security.throttling import (
    APPLICANT_SECOND_FACTOR_LIMITS,
    SECOND_FACTOR_LIMITS,
    over_limits,
)
from home.security.views import authenticator_qr_code, readable_secret

PENDING_USER = "applicant_2fa_user"
PENDING_SINCE = "applicant_2fa_since"
PENDING_NEXT = "applicant_2fa_next"
PENDING_MAX_AGE = 5 * 60  # seconds between the right password and the code
TOO_MANY = gettext_lazy("Trop d'essais depuis votre connexion : réessayez dans 15 minutes.")


class PasswordForm(forms.Form):
    password = forms.CharField(
        label=gettext_lazy("Mot de passe"),
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "current-password"}),
    )


def wants_code(user):
    """An applicant account (the admin's accounts have their own gate) with an authenticator."""
    return not factor.can_reach_admin(user) and factor.has_authenticator(user)


def defer_login(request, user, next_url):
    """The password was right: keep who it was for a few minutes and ask the code."""
    request.session.cycle_key()
    request.session[PENDING_USER] = user.pk
    request.session[PENDING_SINCE] = int(time.time())
    request.session[PENDING_NEXT] = next_url
    return redirect("candidatures:login_code")


def pending_user(request):
    user_id = request.session.get(PENDING_USER)
    since = request.session.get(PENDING_SINCE, 0)
    if not user_id or time.time() - since > PENDING_MAX_AGE:
        return None
    return get_user_model().objects.filter(pk=user_id, is_active=True).first()


def safe_next(request, target):
    if target and url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return target
    return "candidatures:dashboard"


@require_http_methods(["GET", "POST"])
def login_code(request):
    user = pending_user(request)
    if user is None:
        messages.info(request, _("Saisissez de nouveau votre adresse et votre mot de passe."))
        return redirect("candidatures:login")
    form = CodeForm(request.POST or None)
    status = 200
    if request.method == "POST":
        status = 400
        if over_limits(request, APPLICANT_SECOND_FACTOR_LIMITS):
            form.add_error(None, TOO_MANY)
            status = 429
        elif form.is_valid():
            device = factor.verified_device(user, form.cleaned_data["code"])
            if device is not None:
                target = request.session.get(PENDING_NEXT, "")
                for key in (PENDING_USER, PENDING_SINCE, PENDING_NEXT):
                    request.session.pop(key, None)
                login(request, user, backend="django.contrib.auth.backends.ModelBackend")
                factor.mark_verified(request, device)
                if isinstance(device, StaticDevice):
                    messages.warning(
                        request,
                        _("Code de secours accepté : il vous en reste %(count)d.")
                        % {"count": factor.remaining_recovery_codes(user)},
                    )
                return redirect(safe_next(request, target))
            form.add_error("code", _("Ce code n'est pas valable (ou plus) : essayez le suivant."))
    return render(request, "candidatures/accounts/login_code.html", {"form": form}, status=status)


@login_required
def manage(request):
    user = request.user
    context = {
        "authenticator": TOTPDevice.objects.devices_for_user(user, confirmed=True).first(),
        "recovery_codes_left": factor.remaining_recovery_codes(user),
        "password_form": PasswordForm(),
    }
    return render(request, "candidatures/accounts/second_factor.html", context)


@login_required
@require_http_methods(["GET", "POST"])
def enable(request):
    user = request.user
    if factor.has_authenticator(user):
        return redirect("candidatures:second_factor")
    device = factor.pending_authenticator(request)
    form = NewAuthenticatorForm(request.POST or None)
    status = 200
    if request.method == "POST":
        status = 400
        if over_limits(request, SECOND_FACTOR_LIMITS):
            form.add_error(None, TOO_MANY)
            status = 429
        elif form.is_valid() and device.verify_token("".join(form.cleaned_data["code"].split())):
            factor.confirm_authenticator(request, device)
            codes = factor.new_recovery_codes(user)
            return render(request, "candidatures/accounts/recovery_codes.html", {"codes": codes})
        elif form.is_valid():
            form.add_error("code", _("Ce code ne correspond pas : vérifiez l'heure du téléphone."))
    context = {"form": form, "qr_code": authenticator_qr_code(device)}
    context["secret"] = readable_secret(device)
    return render(
        request, "candidatures/accounts/second_factor_enable.html", context, status=status
    )


@login_required
@require_POST
def disable(request):
    user = request.user
    form = PasswordForm(request.POST)
    if form.is_valid() and user.check_password(form.cleaned_data["password"]):
        TOTPDevice.objects.filter(user=user).delete()
        StaticDevice.objects.filter(user=user).delete()
        messages.success(request, _("La vérification en deux étapes est désactivée."))
        return redirect("candidatures:second_factor")
    if form.is_valid():
        form.add_error("password", _("Mot de passe incorrect : rien n'a changé."))
    context = {
        "authenticator": TOTPDevice.objects.devices_for_user(user, confirmed=True).first(),
        "recovery_codes_left": factor.remaining_recovery_codes(user),
        "password_form": form,
    }
    return render(request, "candidatures/accounts/second_factor.html", context, status=400)


@login_required
@require_POST
def regenerate_codes(request):
    user = request.user
    if not factor.has_authenticator(user) or not user.is_verified():
        return redirect("candidatures:second_factor")
    codes = factor.new_recovery_codes(user)
    return render(request, "candidatures/accounts/recovery_codes.html", {"codes": codes})
