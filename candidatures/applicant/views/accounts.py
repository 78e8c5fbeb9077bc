"""Applicant accounts: sign-up with email verification, login (rate-limited), profile."""

from django.contrib import messages
from django.contrib.auth import get_user_model, login
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_required
from django.contrib.auth.hashers import make_password
from django.core import signing
from django.db import transaction
from django.shortcuts import redirect, render
from django.urls import reverse, reverse_lazy
from django.utils import timezone
from django.utils.crypto import constant_time_compare, salted_hmac
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from candidatures.applicant.emails import (
    send_already_registered_email,
    send_verification_email,
)
from candidatures.applicant.forms.accounts import (
    ApplicantPasswordResetForm,
    ApplicantSetPasswordForm,
    LoginForm,
    ProfileForm,
    SignupForm,
)
from candidatures.applicant.views import second_factor
from candidatures.models import ApplicantProfile
from home.emails import TemplatedPasswordResetMixin, absolute
from home.security import throttling

VERIFY_SALT = "candidatures.verify-email"
VERIFY_MAX_AGE = 3 * 24 * 3600


def password_fingerprint(user):
    """Ties a verification link to the password set when it was sent (older links die)."""
    return salted_hmac(VERIFY_SALT, user.password, algorithm="sha256").hexdigest()[:16]


def verification_link(request, user):
    token = signing.dumps(
        {"u": user.pk, "e": user.email, "p": password_fingerprint(user)},
        salt=VERIFY_SALT,
        compress=True,
    )
    return absolute(reverse("candidatures:verify_email", args=[token]))


@require_http_methods(["GET", "POST"])
def signup(request):
    if request.user.is_authenticated:
        return redirect("candidatures:dashboard")
    form = SignupForm(request.POST or None)
    status = 200
    if request.method == "POST":
        if throttling.limit_reached(request, throttling.SIGNUP_LIMITS):
            form.add_error(
                None, _("Trop d'inscriptions depuis cette adresse : réessayez dans une heure.")
            )
            status = 429
        elif form.is_valid():
            throttling.count(request, throttling.SIGNUP_LIMITS)
            create_or_notify(request, form.cleaned_data)
            # Same answer whether the address had an account or not.
            return redirect("candidatures:signup_done")
        else:
            status = 400
    return render(request, "candidatures/accounts/signup.html", {"form": form}, status=status)


def create_or_notify(request, data):
    User = get_user_model()
    email = data["email"]
    existing = (
        User.objects.filter(username__iexact=email).first()
        or User.objects.filter(email__iexact=email).first()
    )
    if existing is None:
        with transaction.atomic():
            user = User.objects.create_user(
                username=email,
                email=email,
                password=data["password1"],
                first_name=data["first_name"],
                last_name=data["last_name"],
                is_active=False,
            )
            ApplicantProfile.objects.create(user=user)
        send_verification_email(user.pk, verification_link(request, user))
    elif is_unverified(existing):
        # Whoever typed a password before the address was proven may not be its owner (account
        # pre-hijacking): the latest sign-up's password and names replace the earlier ones, and
        # the new link is bound to them, so any earlier link stops working.
        existing.set_password(data["password1"])
        existing.first_name = data["first_name"]
        existing.last_name = data["last_name"]
        existing.save(update_fields=["password", "first_name", "last_name"])
        send_verification_email(existing.pk, verification_link(request, existing))
    else:
        # Hash the password anyway so that this answer takes as long as a new account's: the
        # response time must not tell that the address is registered.
        make_password(data["password1"])
        send_already_registered_email(
            email,
            absolute(reverse("candidatures:login")),
            absolute(reverse("candidatures:password_reset")),
        )


def is_unverified(user):
    """Never activated nor logged in, and no verified address on record."""
    if user.is_active or user.last_login:
        return False
    profile = ApplicantProfile.objects.filter(user=user).first()
    return profile is None or profile.email_verified_at is None


def signup_done(request):
    return render(request, "candidatures/accounts/signup_done.html")


def verify_email(request, token):
    User = get_user_model()
    try:
        data = signing.loads(token, salt=VERIFY_SALT, max_age=VERIFY_MAX_AGE)
        user = User.objects.get(pk=data["u"], email=data["e"])
    except (signing.BadSignature, User.DoesNotExist, KeyError, TypeError):
        return render(request, "candidatures/accounts/verify_failed.html", status=400)
    if not constant_time_compare(str(data.get("p", "")), password_fingerprint(user)):
        # Sent before a later sign-up (or a password change): only the newest link counts.
        return render(request, "candidatures/accounts/verify_failed.html", status=400)
    profile, _created = ApplicantProfile.objects.get_or_create(user=user)
    if profile.email_verified_at is not None:
        # Spent: the link logs in once (a copy of the email must not be a login link).
        messages.info(request, _("Votre adresse est déjà confirmée : connectez-vous."))
        return redirect("candidatures:login")
    if is_unverified(user):
        user.is_active = True
        user.save(update_fields=["is_active"])
    profile.email_verified_at = timezone.now()
    profile.save(update_fields=["email_verified_at"])
    if user.is_active:
        login(request, user, backend="django.contrib.auth.backends.ModelBackend")
        messages.success(request, _("Votre adresse est confirmée : bienvenue !"))
    return redirect("candidatures:dashboard")


class LoginView(auth_views.LoginView):
    """Django's login; django-axes locks the pair (account, client) after 5 failures (settings
    ``AXES_*``, answer ``home.security.throttling.lockout_response``)."""

    template_name = "candidatures/accounts/login.html"
    authentication_form = LoginForm
    redirect_authenticated_user = True

    def form_valid(self, form):
        user = form.get_user()
        if second_factor.wants_code(user):
            return second_factor.defer_login(self.request, user, self.get_redirect_url())
        return super().form_valid(form)

    def form_invalid(self, form):
        return self.render_to_response(self.get_context_data(form=form), status=400)


class LogoutView(auth_views.LogoutView):
    next_page = "/"


class ResetForm(TemplatedPasswordResetMixin, ApplicantPasswordResetForm):
    reset_url_name = "candidatures:password_reset_confirm"
    email_template_base = "candidatures/emails/password_reset"


class PasswordResetView(throttling.RateLimitedFormMixin, auth_views.PasswordResetView):
    rate_limits = throttling.PASSWORD_RESET_LIMITS
    template_name = "candidatures/accounts/password_reset.html"
    form_class = ResetForm
    success_url = reverse_lazy("candidatures:password_reset_done")


class PasswordResetDoneView(auth_views.PasswordResetDoneView):
    template_name = "candidatures/accounts/password_reset_done.html"


class PasswordResetConfirmView(auth_views.PasswordResetConfirmView):
    template_name = "candidatures/accounts/password_reset_confirm.html"
    form_class = ApplicantSetPasswordForm
    success_url = reverse_lazy("candidatures:password_reset_complete")


class PasswordResetCompleteView(auth_views.PasswordResetCompleteView):
    template_name = "candidatures/accounts/password_reset_complete.html"


@login_required
@require_http_methods(["GET", "POST"])
def profile(request):
    user = request.user
    account, _created = ApplicantProfile.objects.get_or_create(user=user)
    initial = {"first_name": user.first_name, "last_name": user.last_name, "phone": account.phone}
    form = ProfileForm(request.POST or None, initial=initial)
    if request.method == "POST":
        if form.is_valid():
            user.first_name = form.cleaned_data["first_name"]
            user.last_name = form.cleaned_data["last_name"]
            user.save(update_fields=["first_name", "last_name"])
            account.phone = form.cleaned_data["phone"]
            account.save(update_fields=["phone"])
            messages.success(request, _("Votre profil est enregistré."))
            return redirect("candidatures:profile")
        return render(request, "candidatures/accounts/profile.html", {"form": form}, status=400)
    return render(request, "candidatures/accounts/profile.html", {"form": form})
