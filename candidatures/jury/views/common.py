from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import get_object_or_404

from candidatures.access import can_view, visible_candidatures
from candidatures.models import Candidature


def get_visible_candidature(request, pk):
    """404 for a dossier the user may not see (unassigned, conflicted), as the snippet URLs."""
    candidature = get_object_or_404(
        visible_candidatures(request.user).select_related(
            "edition", "collectivite", "decision_level", "track"
        ),
        pk=pk,
    )
    return candidature


def require(condition):
    if not condition:
        raise PermissionDenied


__all__ = ["Candidature", "Http404", "can_view", "get_visible_candidature", "require"]
