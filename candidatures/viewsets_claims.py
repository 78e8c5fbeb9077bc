"""The queue of body claims for label staff (Équipe label): who asks to manage which body,
confirmed or refused here (``candidatures.applicant.bodies.confirm_claim`` / ``refuse_claim``).

Staff need ``candidatures.change_bodyclaim`` (migration 0006 grants it to Équipe label); the
claims themselves are never edited, only decided.
"""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_http_methods
from wagtail.admin.ui.tables import Column
from wagtail.admin.views import generic
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.admin.widgets.button import ListingButton

from candidatures.applicant import bodies
from candidatures.models import BodyClaim, ClaimStatus

NAME = "body_claims"
DECISIONS = {
    "confirm": (_("Confirmer"), _("Confirmer la demande")),
    "refuse": (_("Refuser"), _("Refuser la demande")),
}


def requester_name(claim):
    return claim.user.get_full_name() or claim.user.email


requester_name.short_description = _("demandeur")


def requester_email(claim):
    return claim.user.email


requester_email.short_description = _("adresse électronique")


def requester_role(claim):
    if claim.is_first_account:
        asked = _("Première inscription (responsable du compte)")
    else:
        asked = _("Demande d'accès (organisme déjà inscrit par un autre compte)")
    return f"{claim.function} — {asked}" if claim.function else asked


requester_role.short_description = _("rôle demandé")


def domain_hint(claim):
    domain = bodies.known_domain(claim.collectivite) or bodies.domain_of(claim.proposed_website)
    if not domain:
        return _("aucun site connu")
    email_domain = claim.user.email.rpartition("@")[2].lower()
    same = email_domain == domain or email_domain.endswith("." + domain)
    return (_("adresse sur %(d)s") if same else _("adresse hors de %(d)s")) % {"d": domain}


domain_hint.short_description = _("domaine")


class Computed(Column):
    """A listing column computed by a function of the claim."""

    def __init__(self, function):
        super().__init__(function.__name__, label=function.short_description)
        self.function = function

    def get_value(self, instance):
        return self.function(instance)


class ClaimIndexView(generic.IndexView):
    def get_base_queryset(self):
        return super().get_base_queryset().select_related("user", "collectivite")

    def get_add_url(self):
        return None

    def get_edit_url(self, instance):
        if instance.status == ClaimStatus.PENDING and can_decide(self.request.user):
            return reverse(f"{NAME}:confirm", args=[instance.pk])
        return None

    def get_copy_url(self, instance):
        return None

    def get_inspect_url(self, instance):
        return None

    def get_delete_url(self, instance):
        return None

    def get_list_more_buttons(self, instance):
        if instance.status != ClaimStatus.PENDING or not can_decide(self.request.user):
            return []
        return [
            ListingButton(
                DECISIONS[action][0],
                url=reverse(f"{NAME}:{action}", args=[instance.pk]),
                icon_name="check" if action == "confirm" else "cross",
                priority=10 if action == "confirm" else 20,
            )
            for action in DECISIONS
        ]


def can_decide(user):
    return user.has_perm("candidatures.change_bodyclaim")


@require_http_methods(["GET", "POST"])
def decide(request, pk, action):
    if not can_decide(request.user):
        raise PermissionDenied
    claim = get_object_or_404(BodyClaim.objects.select_related("user", "collectivite"), pk=pk)
    if claim.status != ClaimStatus.PENDING:
        messages.warning(request, _("Cette demande a déjà été traitée."))
        return redirect(f"{NAME}:index")
    if request.method == "POST":
        if action == "confirm":
            bodies.confirm_claim(claim, by=request.user)
            text = _(
                "%(who)s gère désormais %(body)s et peut déposer ses dossiers ; un courriel "
                "l'en informe."
            )
        else:
            bodies.refuse_claim(claim, by=request.user)
            text = _("La demande de %(who)s pour %(body)s est refusée ; un courriel l'en informe.")
        messages.success(
            request, text % {"who": requester_name(claim), "body": claim.collectivite.name}
        )
        return redirect(f"{NAME}:index")
    context = {
        "claim": claim,
        "action": action,
        "page_title": DECISIONS[action][1],
        "name": requester_name(claim),
        "role": requester_role(claim),
        "domain": domain_hint(claim),
        "others": BodyClaim.objects.filter(collectivite=claim.collectivite)
        .exclude(pk=claim.pk)
        .select_related("user"),
    }
    return TemplateResponse(request, "candidatures/admin/claim_decide.html", context)


class BodyClaimViewSet(ModelViewSet):
    model = BodyClaim
    name = NAME
    icon = "group"
    menu_label = _("Demandes d'organismes")
    add_to_admin_menu = True
    menu_order = 215
    index_view_class = ClaimIndexView
    list_display = [
        "collectivite",
        Computed(requester_name),
        Computed(requester_email),
        Computed(requester_role),
        Computed(domain_hint),
        "status",
        "created_at",
    ]
    list_filter = ["status", "is_first_account"]
    search_fields = ["collectivite__name", "user__email", "user__last_name"]
    form_fields = ["status"]

    def get_urlpatterns(self):
        # The queue and the two decisions only: claims are never created, edited or
        # deleted by hand.
        index = [p for p in super().get_urlpatterns() if p.name in {"index", "index_results"}]
        return index + [
            path("<int:pk>/confirmer/", decide, {"action": "confirm"}, name="confirm"),
            path("<int:pk>/refuser/", decide, {"action": "refuse"}, name="refuse"),
        ]


claims_viewset = BodyClaimViewSet()
