"""The site's URLs plus two views that fail, for the error pages' tests."""

from django.core.exceptions import PermissionDenied
from django.urls import path

from cms.urls import urlpatterns as site_urlpatterns


def broken(request):
    raise RuntimeError("secret-detail: password=hunter2")


def refused(request):
    raise PermissionDenied("internal reason: group check failed")


urlpatterns = [
    path("erreur-de-test/", broken),
    path("refus-de-test/", refused),
    *site_urlpatterns,
]
