"""Admin screens of the process: candidatures (snippet with workflow), juries, email templates."""

import django_filters
from django.contrib.admin.utils import unquote
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import redirect
from django.urls import URLPattern, reverse
from django.utils.translation import gettext_lazy as _
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.panels import (
    FieldPanel,
    InlinePanel,
    MultiFieldPanel,
    ObjectList,
    TabbedInterface,
)
from wagtail.admin.ui.tables import Column, UpdatedAtColumn
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.snippets.views.snippets import EditView, IndexView, InspectView, SnippetViewSet

from candidatures.access import sees_decision, visible_candidatures
from candidatures.chooser import CandidatureChooserViewSet
from candidatures.jury.instruction import opens_on_instruction
from candidatures.jury.widgets import PersonSelect, people_by_name
from candidatures.models import Candidature, CandidatureStatus, EmailTemplate, Jury
from candidatures.permissions import ADMIN_SIDE, PERMISSION_MAP, can, role_of, user_role
from editions.exports import FormulaSafeCsvMixin
from editions.models import Collectivite, CollectiviteKind, Edition, Level, MentionType
from home import readlog


def region_choices():
    regions = (
        Collectivite.objects.exclude(region="").order_by("region").values_list("region", flat=True)
    )
    return [(r, r) for r in dict.fromkeys(regions)]


class CandidatureFilterSet(WagtailFilterSet):
    edition = django_filters.ModelChoiceFilter(label=_("Édition"), queryset=Edition.objects.all())
    status = django_filters.ChoiceFilter(label=_("État"), choices=CandidatureStatus.choices)
    decision_level__number = django_filters.NumberFilter(label=_("Niveau attribué (rang)"))
    kind = django_filters.ChoiceFilter(
        label=_("Type de collectivité"),
        field_name="collectivite__kind",
        choices=CollectiviteKind.choices,
    )
    region = django_filters.ChoiceFilter(
        label=_("Région"), field_name="collectivite__region", choices=region_choices
    )

    class Meta:
        model = Candidature
        fields = []


class CandidatureAdminForm(WagtailAdminModelForm):
    """Decision fields limited to the dossier's édition (levels and mention types)."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        edition_id = self.instance.edition_id
        if self.instance.pk:
            # A dossier never changes édition or body once created.
            for name in ("edition", "collectivite"):
                if name in self.fields:
                    self.fields[name].disabled = True
        if "decision_level" in self.fields:
            self.fields["decision_level"].queryset = Level.objects.filter(edition_id=edition_id)
        formset = self.formsets.get("mentions")
        if formset is not None:
            types = MentionType.objects.filter(edition_id=edition_id)
            for form in [*formset.forms, formset.empty_form]:
                form.fields["mention_type"].queryset = types

    def clean_decision_level(self):
        level = self.cleaned_data.get("decision_level")
        if level is not None and level.edition_id != self.instance.edition_id:
            raise ValidationError(_("Ce niveau n'appartient pas à l'édition du dossier."))
        return level


def object_pk(args, kwargs):
    pk = kwargs.get("pk") or (args[0] if args else None)
    return None if pk is None else unquote(str(pk))


def guard_object_view(view):
    """Any URL naming a dossier answers 404 to a user whose row of the permission map does not
    see it (juror not assigned, declared conflict), whatever the view: edit, inspect, history,
    revisions, workflow, preview."""

    def wrapped(request, *args, **kwargs):
        pk = object_pk(args, kwargs)
        if pk is not None and not visible_candidatures(request.user).filter(pk=pk).exists():
            raise Http404
        return view(request, *args, **kwargs)

    return wraps_view(wrapped, view)


# Views a juror or president may reach (the dossiers their row sees). Every other snippet view
# (add, edit, copy, delete, history, revisions, usage, previews, unpublish, lock, workflow
# actions...) changes a dossier or shows its log and revisions (the decision before it is
# public): it needs the map's "edit" (label staff). tests/test_route_matrix.py checks each.
READ_VIEWS = {"list", "list_results", "inspect"}


def may_edit(user, pk):
    if pk is None:  # add, preview on add: a row that edits whatever the dossier
        role = user_role(user)
        return role is not None and bool(PERMISSION_MAP[role]["edit"])
    dossier = Candidature.objects.filter(pk=pk).first()
    return (
        dossier is not None and role_of(user, dossier) in ADMIN_SIDE and can(user, "edit", dossier)
    )


def edit_only_view(view):
    def wrapped(request, *args, **kwargs):
        if not may_edit(request.user, object_pk(args, kwargs)):
            raise PermissionDenied
        return view(request, *args, **kwargs)

    return wraps_view(wrapped, view)


def wraps_view(wrapped, view):
    wrapped.__wrapped__ = view
    for attr in ("csrf_exempt", "view_class", "view_initkwargs"):
        if hasattr(view, attr):
            setattr(wrapped, attr, getattr(view, attr))
    return wrapped


class CandidatureIndexView(FormulaSafeCsvMixin, IndexView):
    def get_edit_url(self, instance):
        """A dossier in recevabilité opens, for staff, on the instruction screen."""
        if opens_on_instruction(instance, self.request.user):
            return reverse("candidatures_jury:instruct", args=[instance.pk])
        return super().get_edit_url(instance)


DECISION_FIELDS = {"decision_level", "public_comment", "mentions"}
# Publishing, unpublishing and cancelling happen at the workflow's end or through the lifecycle,
# never from a button of the editor (superusers keep Wagtail's full menu).
REFUSED_EDITOR_ACTIONS = {"publish", "unpublish", "cancel-workflow", "restart-workflow"}
REFUSED_MENU_ITEMS = {f"action-{name}" for name in REFUSED_EDITOR_ACTIONS}


class CandidatureInspectView(InspectView):
    """The decision stays out of a juror's reading until it is public."""

    def setup(self, request, *args, **kwargs):
        super().setup(request, *args, **kwargs)
        if not sees_decision(request.user, self.object):
            self.fields = [name for name in self.fields if name not in DECISION_FIELDS]


class CandidatureEditView(EditView):
    def get(self, request, *args, **kwargs):
        # Every link to the editor (dashboard, emails, history) of a dossier in recevabilité
        # lands staff on the instruction screen; "?editeur=1" opens the editor itself.
        if "editeur" not in request.GET and opens_on_instruction(self.object, request.user):
            return redirect("candidatures_jury:instruct", pk=self.object.pk)
        return super().get(request, *args, **kwargs)

    def get_available_actions(self):
        actions = super().get_available_actions()
        if self.request.user.is_superuser:
            return actions
        return [a for a in actions if a not in REFUSED_EDITOR_ACTIONS]


class CandidatureViewSet(SnippetViewSet):
    model = Candidature
    index_view_class = CandidatureIndexView
    inspect_view_class = CandidatureInspectView
    edit_view_class = CandidatureEditView
    icon = "folder-open-inverse"
    menu_label = _("Candidatures")
    menu_order = 210
    add_to_admin_menu = True
    inspect_view_enabled = True
    chooser_viewset_class = CandidatureChooserViewSet
    list_per_page = 50
    filterset_class = CandidatureFilterSet
    search_fields = ["collectivite__name"]
    search_backend_name = None
    list_display = [
        "collectivite",
        Column("edition", label=_("Édition"), accessor=lambda c: c.edition.year),
        Column("status", label=_("État"), accessor="get_status_display"),
        Column("decision_level", label=_("Niveau"), accessor="decision_level"),
        Column("kind", label=_("Type"), accessor=lambda c: c.collectivite.get_kind_display()),
        Column("region", label=_("Région"), accessor=lambda c: c.collectivite.region),
        UpdatedAtColumn(),
    ]
    list_export = [
        "collectivite.name",
        "edition.year",
        "get_status_display",
        "decision_level",
        "collectivite.get_kind_display",
        "collectivite.region",
        "submitted_at",
    ]
    export_headings = {
        "collectivite.name": _("Collectivité"),
        "edition.year": _("Édition"),
        "get_status_display": _("État"),
        "decision_level": _("Niveau"),
        "collectivite.get_kind_display": _("Type"),
        "collectivite.region": _("Région"),
        "submitted_at": _("Déposée le"),
    }
    export_filename = "candidatures"

    edit_handler = TabbedInterface(
        [
            ObjectList(
                [
                    FieldPanel("edition"),
                    FieldPanel("collectivite"),
                    FieldPanel("status", read_only=True),
                    MultiFieldPanel(
                        [
                            FieldPanel("elected_name"),
                            FieldPanel("elected_role"),
                            FieldPanel("elected_email"),
                            FieldPanel("elected_phone"),
                        ],
                        heading=_("Élu référent"),
                    ),
                    MultiFieldPanel(
                        [
                            FieldPanel("technical_name"),
                            FieldPanel("technical_role"),
                            FieldPanel("technical_email"),
                            FieldPanel("technical_phone"),
                        ],
                        heading=_("Référent technique"),
                    ),
                ],
                heading=_("Dossier"),
            ),
            ObjectList(
                [
                    FieldPanel("decision_level"),
                    InlinePanel("mentions", label=_("Mentions spéciales")),
                    FieldPanel("public_comment"),
                ],
                heading=_("Décision"),
            ),
            ObjectList(
                [
                    FieldPanel("changes_requested_message", read_only=True),
                    FieldPanel("ineligibility_reason", read_only=True),
                ],
                heading=_("Instruction"),
            ),
        ],
        base_form_class=CandidatureAdminForm,
    )

    def get_queryset(self, request):
        qs = Candidature.objects.select_related("edition", "collectivite", "decision_level")
        return visible_candidatures(request.user, qs)

    def get_urlpatterns(self):
        patterns = []
        for pattern in super().get_urlpatterns():
            if isinstance(pattern, URLPattern):
                callback = pattern.callback
                if pattern.name not in READ_VIEWS:
                    callback = edit_only_view(callback)
                if "pk" in str(pattern.pattern):
                    callback = guard_object_view(callback)
                callback = readlog.logged_admin_view(callback, Candidature, pattern.name)
                pattern = URLPattern(pattern.pattern, callback, pattern.default_args, pattern.name)
            patterns.append(pattern)
        return patterns


class JuryAdminForm(WagtailAdminModelForm):
    """One president and no duplicate member, with the error shown on the form (not a 500).
    Members are chosen by full name."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        formset = self.formsets.get("members")
        if formset is not None:
            for form in [*formset.forms, formset.empty_form]:
                form.fields["user"].queryset = people_by_name()

    def clean(self):
        cleaned = super().clean()
        formset = self.formsets.get("members")
        if formset is None or not hasattr(formset, "cleaned_data"):
            return cleaned
        kept = [
            f.cleaned_data
            for f in formset.forms
            if f.cleaned_data and not f.cleaned_data.get("DELETE")
        ]
        if sum(1 for d in kept if d.get("is_president")) > 1:
            raise ValidationError(_("Un jury n'a qu'un président."))
        users = [d.get("user") for d in kept if d.get("user")]
        if len(users) != len(set(users)):
            raise ValidationError(_("Une même personne figure deux fois dans le jury."))
        return cleaned


class JuryViewSet(SnippetViewSet):
    model = Jury
    icon = "group"
    menu_label = _("Jurys")
    menu_order = 220
    add_to_admin_menu = True
    list_display = ["__str__", "jurors_per_dossier", "president_evaluates", "staff_may_decide"]
    edit_handler = ObjectList(
        [
            *[p for p in Jury.panels if not isinstance(p, InlinePanel)],
            InlinePanel(
                "members",
                label=_("membres"),
                min_num=1,
                panels=[
                    FieldPanel("user", widget=PersonSelect),
                    FieldPanel("organisation"),
                    FieldPanel("is_president"),
                ],
            ),
        ],
        base_form_class=JuryAdminForm,
    )


class EmailTemplateViewSet(ModelViewSet):
    model = EmailTemplate
    icon = "mail"
    menu_label = _("Modèles de courriels")
    add_to_settings_menu = True
    form_fields = ["event", "subject", "body"]
    list_display = ["__str__", "subject"]
    name = "email_templates"
