"""The applicant's own data, from their profile: download it, delete the account."""

from django import forms
from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_GET, require_http_methods

from candidatures.applicant.forms.base import AccessibleFormMixin
from candidatures.privacy.account import data_archive, delete_account
from home.security.second_factor import can_reach_admin


class DeleteAccountForm(AccessibleFormMixin, forms.Form):
    password = forms.CharField(
        label=gettext_lazy("Votre mot de passe, pour confirmer"),
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "current-password"}),
    )

    def __init__(self, user, *args, **kwargs):
        self.user = user
        super().__init__(*args, **kwargs)

    def clean_password(self):
        password = self.cleaned_data["password"]
        if not self.user.check_password(password):
            raise forms.ValidationError(_("Mot de passe incorrect."))
        return password


@login_required
@require_GET
def download_data(request):
    response = HttpResponse(data_archive(request.user), content_type="application/zip")
    response["Content-Disposition"] = 'attachment; filename="mes-donnees.zip"'
    response["Cache-Control"] = "private, no-store"
    return response


@login_required
@require_http_methods(["GET", "POST"])
def delete_account_view(request):
    if can_reach_admin(request.user):
        # An admin account is closed by the administrator (it may hold the jury's history).
        return render(request, "candidatures/privacy/delete_refused.html", status=403)
    form = DeleteAccountForm(request.user, request.POST or None)
    status = 200
    if request.method == "POST":
        if form.is_valid():
            delete_account(request.user)
            logout(request)
            messages.success(request, _("Votre compte a été supprimé."))
            return redirect("/")
        status = 400
    return render(
        request, "candidatures/privacy/delete_account.html", {"form": form}, status=status
    )
