"""Second-factor screens, under the admin's address (cms/urls.py puts them before Wagtail's)."""

from django.urls import path

from . import views

urlpatterns = [
    path("", views.manage, name="security_2fa_manage"),
    path("verifier/", views.verify, name="security_2fa_verify"),
    path("activer/", views.enrol, name="security_2fa_enrol"),
    path("codes-de-secours/", views.recovery_codes, name="security_2fa_recovery_codes"),
]
