"""Registering a body, its members and invitations, the reference-data search endpoint."""

from django import forms
from django.contrib import messages
from django.contrib.auth import get_user_model, login
from django.contrib.auth.decorators import login_required
from django.db import transaction
from django.http import Http404, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from candidatures.applicant.bodies import (
    DuplicateBody,
    collectivite_from_territory,
    existing_body,
    is_pending,
    register_body,
    search_territories,
)
from candidatures.applicant.bodies import request_access as ask_for_access
from candidatures.applicant.emails import send_invitation_email
from candidatures.applicant.forms.accounts import InvitationForm, SignupForm
from candidatures.applicant.forms.base import AccessibleFormMixin
from candidatures.applicant.forms.bodies import OtherBodyForm, TerritoryForm
from candidatures.models import ApplicantProfile, BodyClaim, Invitation, Membership
from editions.models import Collectivite
from home.emails import absolute
from home.security import throttling


def territory_json(territory):
    return {
        "id": territory.pk,
        "name": territory.name,
        "kind": territory.get_kind_display(),
        "insee_code": territory.insee_code,
        "siren": territory.siren,
        "postal_codes": territory.postal_codes,
        "departement": territory.departement,
        "region": territory.region,
        "population": territory.population,
        "label": territory_label(territory),
    }


def territory_label(territory):
    parts = [territory.get_kind_display()]
    if territory.departement:
        parts.append(f"{territory.departement} ({territory.departement_code})")
    if territory.insee_code:
        parts.append(_("INSEE %(code)s") % {"code": territory.insee_code})
    return f"{territory.name} — " + ", ".join(parts)


@login_required
@require_GET
def territory_search(request):
    results = [territory_json(t) for t in search_territories(request.GET.get("q"))]
    return JsonResponse({"results": results})


def duplicate_response(request, existing):
    return render(
        request,
        "candidatures/applicant/body_duplicate.html",
        {"collectivite": existing},
        status=409,
    )


def after_claim(request, collectivite):
    """A claim waiting for staff: ask the claimant's function (shown in the staff queue)."""
    if BodyClaim.objects.pending().filter(user=request.user, collectivite=collectivite).exists():
        return redirect("candidatures:claim", pk=collectivite.pk)
    return redirect("candidatures:dashboard")


class ClaimForm(AccessibleFormMixin, forms.ModelForm):
    class Meta:
        model = BodyClaim
        fields = ["function", "note"]
        labels = {
            "function": gettext_lazy("Votre fonction dans l'organisme"),
            "note": gettext_lazy("Message à l'équipe du label (facultatif)"),
        }
        help_texts = {
            "function": gettext_lazy(
                "Par exemple : DSI, secrétaire de mairie, chargée de mission numérique."
            ),
            "note": gettext_lazy(
                "Tout ce qui aide à vérifier que vous le représentez (service, standard…)."
            ),
        }
        widgets = {"note": forms.Textarea(attrs={"rows": 4})}


@login_required
@require_http_methods(["GET", "POST"])
def claim_details(request, pk):
    """The claimant's function and a word for staff, while the claim waits."""
    claim = get_object_or_404(
        BodyClaim.objects.pending().select_related("collectivite"),
        user=request.user,
        collectivite_id=pk,
    )
    form = ClaimForm(request.POST or None, instance=claim)
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, _("Merci : l'équipe du label a ces précisions."))
        return redirect("candidatures:dashboard")
    return render(
        request,
        "candidatures/accounts/claim.html",
        {"form": form, "claim": claim, "collectivite": claim.collectivite},
        status=400 if form.is_bound else 200,
    )


def registered_message(request, collectivite):
    if is_pending(collectivite):
        messages.warning(
            request,
            _(
                "%(name)s est inscrit(e) : vous pouvez commencer son dossier. L'équipe du label "
                "confirmera que vous représentez cet organisme avant que vous puissiez le déposer."
            )
            % {"name": collectivite.name},
        )
    else:
        messages.success(
            request,
            _("%(name)s est inscrit(e) : vous pouvez commencer son dossier.")
            % {"name": collectivite.name},
        )


@login_required
@require_http_methods(["GET", "POST"])
def register_territory(request):
    query = request.GET.get("q", "").strip()
    results = [(t, territory_label(t)) for t in search_territories(query)] if query else []
    form = TerritoryForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        collectivite = collectivite_from_territory(form.cleaned_data["territory"])
        try:
            collectivite = register_body(request.user, collectivite)
        except DuplicateBody as duplicate:
            return duplicate_response(request, duplicate.existing)
        registered_message(request, collectivite)
        return after_claim(request, collectivite)
    context = {"form": form, "query": query, "results": results}
    return render(
        request,
        "candidatures/applicant/body_register.html",
        context,
        status=400 if form.is_bound else 200,
    )


@login_required
@require_http_methods(["GET", "POST"])
def register_other(request):
    form = OtherBodyForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        collectivite = Collectivite(
            name=data["name"], kind=data["kind"], siren=data["siren"], website=data["website"]
        )
        try:
            collectivite = register_body(request.user, collectivite)
        except DuplicateBody as duplicate:
            return duplicate_response(request, duplicate.existing)
        registered_message(request, collectivite)
        return after_claim(request, collectivite)
    return render(
        request,
        "candidatures/applicant/body_other.html",
        {"form": form},
        status=400 if form.is_bound else 200,
    )


@login_required
@require_POST
def request_access(request, pk):
    """Ask the members of an already registered body for an invitation (addresses not shown)."""
    collectivite = get_object_or_404(Collectivite, pk=pk)
    if existing_body(collectivite.insee_code, collectivite.siren) is None:
        raise Http404
    sent_to = "members"
    if not throttling.over_limits(request, throttling.ACCESS_REQUEST_LIMITS):
        sent_to = ask_for_access(request.user, collectivite)
    if sent_to == "staff":
        text = _(
            "Votre demande pour %(name)s a été transmise à l'équipe du label, qui vérifie qui "
            "représente cet organisme et vous répondra par courriel."
        )
    else:
        text = _(
            "Votre demande a été transmise aux membres de %(name)s, qui pourront vous inviter."
        )
    messages.success(request, text % {"name": collectivite.name})
    if sent_to == "staff":
        return after_claim(request, collectivite)
    return redirect("candidatures:dashboard")


def member_collectivite(user, pk):
    return get_object_or_404(Collectivite.objects.filter(memberships__user=user), pk=pk)


@login_required
@require_http_methods(["GET", "POST"])
def members(request, pk):
    collectivite = member_collectivite(request.user, pk)
    form = InvitationForm(request.POST or None)
    status = 200
    if request.method == "POST":
        if is_pending(collectivite):
            # Until staff confirm who manages the body, its members cannot bring others in (a
            # squatter's accomplices would outlive the refusal of the claim).
            form.is_valid()
            form.add_error(
                None,
                _(
                    "Vous pourrez inviter vos collègues une fois que l'équipe du label aura "
                    "confirmé que vous représentez %(name)s."
                )
                % {"name": collectivite.name},
            )
            status = 409
        elif throttling.limit_reached(request, throttling.INVITATION_LIMITS):
            form.is_valid()
            form.add_error(
                None,
                _("Vous avez envoyé 10 invitations aujourd'hui : réessayez demain."),
            )
            status = 429
        elif form.is_valid():
            throttling.count(request, throttling.INVITATION_LIMITS)
            invitation = Invitation.objects.create(
                email=form.cleaned_data["email"], collectivite=collectivite, invited_by=request.user
            )
            link = absolute(reverse("candidatures:invitation", args=[invitation.token]))
            send_invitation_email(invitation.pk, link)
            messages.success(
                request,
                _("Invitation envoyée à %(email)s (valable 7 jours).")
                % {"email": invitation.email},
            )
            return redirect("candidatures:members", pk=collectivite.pk)
        else:
            status = 400
    context = {
        "collectivite": collectivite,
        "form": form,
        "memberships": collectivite.memberships.select_related("user").order_by("created_at"),
        "invitations": collectivite.invitations.filter(
            accepted_at__isnull=True, expires_at__gt=timezone.now()
        ),
    }
    return render(request, "candidatures/applicant/members.html", context, status=status)


@require_http_methods(["GET", "POST"])
def invitation(request, token):
    """Accept an invitation: with the account of the invited address, or by creating it."""
    invite = Invitation.objects.filter(token=token).select_related("collectivite").first()
    if invite is None:
        return render(
            request,
            "candidatures/accounts/invitation_invalid.html",
            {"reason": "unknown"},
            status=404,
        )
    if invite.accepted_at:
        return render(
            request, "candidatures/accounts/invitation_invalid.html", {"reason": "used"}, status=410
        )
    if invite.is_expired():
        return render(
            request,
            "candidatures/accounts/invitation_invalid.html",
            {"reason": "expired"},
            status=410,
        )
    User = get_user_model()
    user = request.user
    if user.is_authenticated:
        if user.email.lower() != invite.email.lower():
            return render(
                request,
                "candidatures/accounts/invitation_invalid.html",
                {"reason": "other_account", "invitation": invite},
                status=403,
            )
        if request.method == "POST":
            accept(invite, user)
            return redirect("candidatures:dashboard")
        return render(request, "candidatures/accounts/invitation.html", {"invitation": invite})

    has_account = User.objects.filter(username__iexact=invite.email).exists()
    form = None
    if not has_account:
        data = request.POST.copy() if request.method == "POST" else None
        if data is not None:
            data["email"] = invite.email
        form = SignupForm(data, initial={"email": invite.email})
        form.fields["email"].disabled = True
        if request.method == "POST" and form.is_valid():
            with transaction.atomic():
                user = User.objects.create_user(
                    username=invite.email,
                    email=invite.email,
                    password=form.cleaned_data["password1"],
                    first_name=form.cleaned_data["first_name"],
                    last_name=form.cleaned_data["last_name"],
                )
                # The invitation link proves the address: no second verification.
                ApplicantProfile.objects.create(user=user, email_verified_at=timezone.now())
                accept(invite, user)
            login(request, user, backend="django.contrib.auth.backends.ModelBackend")
            return redirect("candidatures:dashboard")
    context = {"invitation": invite, "form": form, "has_account": has_account}
    status = 400 if form is not None and form.is_bound else 200
    return render(request, "candidatures/accounts/invitation.html", context, status=status)


def accept(invite, user):
    Membership.objects.get_or_create(
        user=user, collectivite=invite.collectivite, defaults={"invited_by": invite.invited_by}
    )
    invite.accepted_at = timezone.now()
    invite.save(update_fields=["accepted_at"])
