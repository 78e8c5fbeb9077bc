"""The second factor (TOTP, recovery codes) of every account that can reach the admin.

django-otp keeps the devices and checks the codes; this module says who needs one and keeps a
password-only session of such an account away from every page but the second-factor screens,
login and logout (``SECURITY_2FA_OPEN_VIEWS``): admin pages, their JSON endpoints and choosers,
and the attachment downloads that staff reach outside the admin alike.
"""

from datetime import timedelta

from django.conf import settings
from django.contrib.auth.views import redirect_to_login
from django.db import transaction
from django.urls import Resolver404, resolve, reverse
from django.utils import timezone
from django_otp import devices_for_user
from django_otp import login as otp_login
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from home.demo.accounts import DEMO_ACCOUNTS

DEMO_LOGINS = frozenset(login for login, *_rest in DEMO_ACCOUNTS)
RECOVERY_DEVICE_NAME = "Codes de secours"
TOTP_DEVICE_NAME = "Application d'authentification"


def can_reach_admin(user):
    return user.is_authenticated and (
        user.is_superuser or user.is_staff or user.has_perm("wagtailadmin.access_admin")
    )


def is_exempt(user):
    """Only the demo accounts of a demo install (never production: security.E001 checks it)."""
    return (
        settings.SECURITY_2FA_EXEMPT_DEMO_ACCOUNTS
        and getattr(settings, "DEMO_ACCOUNTS_ALLOWED", False)
        and user.get_username() in DEMO_LOGINS
    )


def needs_second_factor(user):
    return settings.SECURITY_2FA_REQUIRED and can_reach_admin(user) and not is_exempt(user)


def has_authenticator(user):
    return TOTPDevice.objects.devices_for_user(user, confirmed=True).exists()


def pending_authenticator(request):
    """The authenticator being enrolled in this session. Each session gets its own secret, so a
    secret shown to someone else who had the password is never the one the member enrols;
    pending secrets older than a day are dropped."""
    user = request.user
    device_id = request.session.get("security_pending_totp")
    device = TOTPDevice.objects.filter(pk=device_id, user=user, confirmed=False).first()
    if device is None:
        TOTPDevice.objects.filter(
            user=user, confirmed=False, created_at__lt=timezone.now() - timedelta(days=1)
        ).delete()
        device = TOTPDevice.objects.create(user=user, name=TOTP_DEVICE_NAME, confirmed=False)
        request.session["security_pending_totp"] = device.pk
    return device


def confirm_authenticator(request, device):
    """The first right code confirms the device (the other pending ones go); the session is
    then verified."""
    device.confirmed = True
    device.save(update_fields=["confirmed"])
    TOTPDevice.objects.filter(user_id=device.user_id, confirmed=False).delete()
    request.session.pop("security_pending_totp", None)
    mark_verified(request, device)


def new_recovery_codes(user):
    """Replace the account's recovery codes (each works once); returns them to show once."""
    with transaction.atomic():
        device, _created = StaticDevice.objects.get_or_create(
            user=user, name=RECOVERY_DEVICE_NAME, defaults={"confirmed": True}
        )
        device.token_set.all().delete()
        codes = []
        while len(codes) < settings.SECURITY_RECOVERY_CODES:
            code = StaticToken.random_token()
            if not code.isdigit():  # digits alone are read as an authenticator's code
                codes.append(code)
        StaticToken.objects.bulk_create(StaticToken(device=device, token=code) for code in codes)
    return codes


def remaining_recovery_codes(user):
    return StaticToken.objects.filter(device__user=user, device__confirmed=True).count()


def verified_device(user, code):
    """The device that accepts ``code`` (an authenticator's six digits or a recovery code, which
    is then spent), or None. Digits go to the authenticator only and letters to the recovery
    codes only, so that one kind of code never counts as a failure of the other; django-otp
    slows each device down after failures."""
    code = "".join(code.split()).lower()
    model = TOTPDevice if code.isdigit() else StaticDevice
    with transaction.atomic():
        for device in devices_for_user(user, confirmed=True, for_verify=True):
            if isinstance(device, model) and device.verify_token(code):
                return device
    return None


def mark_verified(request, device):
    otp_login(request, device)
    request.session.cycle_key()


def gate_url_name(user):
    return "security_2fa_verify" if has_authenticator(user) else "security_2fa_enrol"


class SecondFactorMiddleware:
    """After django-otp's OTPMiddleware: an admin-capable account without a verified second
    factor in this session is sent to verification (or enrolment) from any other page."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.refusal(request) or self.get_response(request)

    def refusal(self, request):
        if not settings.SECURITY_2FA_REQUIRED:
            return None
        user = request.user
        if not needs_second_factor(user) or user.is_verified():
            return None
        try:
            view_name = resolve(request.path_info).view_name
        except Resolver404:
            return None  # the 404 page shows nothing
        if view_name in settings.SECURITY_2FA_OPEN_VIEWS:
            return None
        return redirect_to_login(request.get_full_path(), login_url=reverse(gate_url_name(user)))
