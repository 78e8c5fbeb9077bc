"""The read log of personal data: who among staff and jurors read which dossier, when.

The views that show personal data call :func:`record_read` (attachment downloads, the juror's
dossier) or are wrapped by :func:`logged_admin_view` (the dossier snippet's inspect, edit,
revisions and preview views, and the listing when it exports). Applicants reading their own
body's dossier are not logged: only accounts that can reach the admin are. The administrator
reads the log at Rapports > Consultations de données personnelles (``home.readlog_admin``).
"""

from django.contrib.admin.utils import unquote
from django.contrib.contenttypes.models import ContentType

from home.models import PersonalDataRead
from home.security.client import client_address
from home.security.second_factor import can_reach_admin

Action = PersonalDataRead.Action

# Snippet view names that show one object's personal data.
OBJECT_READ_VIEWS = {
    "inspect",
    "edit",
    "revisions_view",
    "revisions_compare",
    "preview_on_edit",
    "workflow_history_detail",
}


def record_read(request, obj, action=Action.VIEW, detail=""):
    user = request.user
    if not user.is_authenticated or not can_reach_admin(user):
        return None
    return PersonalDataRead.objects.create(
        user=user,
        username=user.get_username(),
        action=action,
        object_type=ContentType.objects.get_for_model(obj) if obj is not None else None,
        object_id=str(obj.pk) if obj is not None else "",
        object_label=str(obj)[:255] if obj is not None else "",
        detail=str(detail)[:255],
        client=client_address(request) or "",
    )


def logged_admin_view(view, model, name):
    """Wrap one admin URL of ``model``'s viewset so that a successful read is logged."""
    if name in OBJECT_READ_VIEWS:

        def wrapped(request, *args, **kwargs):
            response = view(request, *args, **kwargs)
            pk = kwargs.get("pk")
            if request.method == "GET" and response.status_code == 200 and pk is not None:
                obj = model._default_manager.filter(pk=unquote(str(pk))).first()
                if obj is not None:
                    record_read(request, obj, Action.VIEW, detail=name)
            return response

    elif name in ("list", "list_results"):

        def wrapped(request, *args, **kwargs):
            response = view(request, *args, **kwargs)
            export = request.GET.get("export")
            if export and response.status_code == 200:
                label = str(model._meta.verbose_name_plural)
                record_read(
                    request,
                    None,
                    Action.EXPORT,
                    detail=f"{label} ({export}) {request.GET.urlencode()}",
                )
            return response

    else:
        return view
    wrapped.__wrapped__ = view
    for attr in ("csrf_exempt", "view_class", "view_initkwargs"):
        if hasattr(view, attr):
            setattr(wrapped, attr, getattr(view, attr))
    return wrapped
