"""Admin hooks: the second-factor screen in the account menu."""

from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks

from .second_factor import can_reach_admin


@hooks.register("register_account_menu_item")
def second_factor_menu_item(request):
    if not can_reach_admin(request.user):
        return None
    return {
        "url": reverse("security_2fa_manage"),
        "label": _("Vérification en deux étapes"),
        "help_text": _("Application d'authentification et codes de secours."),
    }
