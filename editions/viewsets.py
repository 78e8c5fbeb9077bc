"""Admin screens of the record: éditions with their schemes, candidate bodies, results."""

from django import forms
from django.urls import reverse
from django.utils.functional import cached_property
from django.utils.html import format_html
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.panels import (
    FieldPanel,
    FieldRowPanel,
    InlinePanel,
    MultiFieldPanel,
    ObjectList,
    PageChooserPanel,
)
from wagtail.admin.ui.tables import Column
from wagtail.admin.views import generic
from wagtail.admin.viewsets.base import ViewSetGroup
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.admin.widgets.button import HeaderButton
from wagtail.snippets.views.snippets import CreateView, IndexView, SnippetViewSet

from . import permissions
from .exports import FormulaSafeCsvMixin
from .models import ApplicationTrack, Collectivite, Edition, Level, MentionType, Result


class EditionCreateView(CreateView):
    def save_instance(self):
        instance = super().save_instance()
        if not instance.levels.exists():
            instance.add_levels()
        return instance


class SuggestionsColumn(Column):
    def get_value(self, instance):
        url = reverse("editions_suggestions", args=[instance.pk])
        return format_html('<a href="{}">{}</a>', url, _("Suggestions de mentions"))


class EditionViewSet(SnippetViewSet):
    model = Edition
    menu_item_is_registered = True  # listed under "Label", not under "Snippets"
    icon = "date"
    menu_label = _("Éditions")
    add_view_class = EditionCreateView
    list_display = [
        "year",
        "ordinal",
        Column("get_state_display", label=_("État")),
        "results_published_at",
        SuggestionsColumn("suggestions", label=_("Mentions")),
    ]
    ordering = ["-year"]
    panels = [
        FieldPanel("year"),
        FieldPanel("intro"),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("call_opens_at"), FieldPanel("deadline")]),
                FieldRowPanel([FieldPanel("jury_date"), FieldPanel("results_published_at")]),
                FieldRowPanel([FieldPanel("ceremony_date"), FieldPanel("ceremony_place")]),
            ],
            heading=_("Calendrier"),
        ),
        PageChooserPanel("rules_page"),
        InlinePanel(
            "levels",
            heading=_("Niveaux"),
            label=_("Niveau"),
            help_text=_(
                "Laisser vide pour reprendre les niveaux de l'édition précédente "
                "(les niveaux 1 à 5 s'il n'y en a pas)."
            ),
        ),
        InlinePanel("criteria_domains", heading=_("Domaines de critères"), label=_("Domaine")),
        InlinePanel("mention_types", heading=_("Mentions spéciales"), label=_("Mention")),
    ]


class CollectiviteIndexView(FormulaSafeCsvMixin, IndexView):
    @cached_property
    def header_buttons(self):
        buttons = super().header_buttons
        if self.add_url:
            buttons.append(
                HeaderButton(
                    _("Depuis le référentiel officiel"),
                    url=reverse("editions_from_territory"),
                    icon_name="search",
                )
            )
        if self.request.user.has_perm(permissions.IMPORT_TERRITORIES):
            buttons.append(
                HeaderButton(
                    _("Importer le référentiel"),
                    url=reverse("editions_import_territories"),
                    icon_name="upload",
                )
            )
        return buttons


class CollectiviteViewSet(SnippetViewSet):
    """Candidate bodies; "from the reference data" creates one with its official codes."""

    model = Collectivite
    index_view_class = CollectiviteIndexView
    menu_item_is_registered = True
    icon = "group"
    menu_label = _("Collectivités")
    list_display = ["name", "kind", "departement", "region", "population"]
    list_filter = ["kind", "region"]
    search_fields = ["name", "insee_code", "siren"]
    search_backend_name = None
    list_export = [
        "name",
        "kind",
        "insee_code",
        "siren",
        "population",
        "population_year",
        "departement",
        "region",
    ]
    panels = [
        FieldPanel("name"),
        FieldPanel("slug"),
        FieldPanel("kind"),
        FieldRowPanel([FieldPanel("insee_code"), FieldPanel("siren")]),
        FieldRowPanel([FieldPanel("population"), FieldPanel("population_year")]),
        FieldRowPanel([FieldPanel("departement_code"), FieldPanel("departement")]),
        FieldRowPanel([FieldPanel("region_code"), FieldPanel("region")]),
        FieldPanel("seat_insee_code"),
        FieldPanel("website"),
    ]


class LevelChoice(forms.ModelChoiceField):
    def label_from_instance(self, obj):
        return f"{obj.edition.year} — {obj.name}"


class ResultForm(WagtailAdminModelForm):
    """Levels and mentions are labelled with their édition's year and checked against it."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["level"] = LevelChoice(
            queryset=Level.objects.select_related("edition").order_by("-edition__year", "number"),
            required=False,
            label=_("niveau"),
            help_text=_("Laisser vide si l'organisme n'a pas été labellisé."),
        )
        mentions = self.formsets.get("mentions") if hasattr(self, "formsets") else None
        if mentions is not None:
            for form in mentions.forms + [mentions.empty_form]:
                field = form.fields["mention_type"]
                field.queryset = MentionType.objects.select_related("edition").order_by(
                    "-edition__year", "sort_order"
                )
                field.label_from_instance = lambda obj: f"{obj.edition.year} — {obj.name}"

    def clean(self):
        cleaned = super().clean()
        edition = cleaned.get("edition")
        mentions = self.formsets.get("mentions") if hasattr(self, "formsets") else None
        if edition and mentions is not None:
            for form in mentions.forms:
                mention = getattr(form, "cleaned_data", {}).get("mention_type")
                if mention and mention.edition_id != edition.pk:
                    form.add_error(
                        "mention_type", _("Cette mention appartient à une autre édition.")
                    )
        return cleaned


class ResultIndexView(FormulaSafeCsvMixin, generic.IndexView):
    # The listing prints each result's body, édition and level: one query, not 3 per row.
    queryset = Result.objects.select_related("collectivite", "edition", "level")

    @cached_property
    def header_buttons(self):
        buttons = super().header_buttons
        if self.request.user.has_perm(permissions.IMPORT_RESULTS):
            buttons.append(
                HeaderButton(
                    _("Importer un CSV"), url=reverse("editions_import_results"), icon_name="upload"
                )
            )
        return buttons


class ResultViewSet(ModelViewSet):
    """Past results (2016-2020) imported or typed by staff; later ones come from the workflow."""

    model = Result
    index_view_class = ResultIndexView
    icon = "success"
    menu_label = _("Résultats")
    list_display = ["collectivite", "edition", "level"]
    list_filter = ["edition", "level__name"]
    search_fields = ["collectivite__name"]
    search_backend_name = None
    list_export = ["edition", "collectivite", "level", "public_comment"]
    inspect_view_enabled = True
    edit_handler = ObjectList(
        [
            FieldPanel("edition"),
            FieldPanel("collectivite"),
            FieldPanel("level"),
            FieldRowPanel([FieldPanel("population"), FieldPanel("population_year")]),
            FieldPanel("public_comment"),
            InlinePanel("mentions", heading=_("Mentions spéciales"), label=_("Mention")),
        ],
        base_form_class=ResultForm,
    )


class TrackLevels(forms.ModelMultipleChoiceField):
    def label_from_instance(self, obj):
        return f"{obj.edition.year} — {obj.name}"


class TrackForm(WagtailAdminModelForm):
    """The levels a track reaches, labelled with their édition's year and checked against it
    (an existing track offers only its édition's levels)."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        levels = Level.objects.select_related("edition").order_by("-edition__year", "number")
        if self.instance.edition_id:
            levels = levels.filter(edition_id=self.instance.edition_id)
        self.fields["levels"] = TrackLevels(
            queryset=levels,
            required=True,
            widget=forms.CheckboxSelectMultiple,
            label=_("niveaux accessibles"),
            help_text=_("Les niveaux que le jury peut décerner dans ce parcours."),
            error_messages={"required": _("Choisissez au moins un niveau de l'édition.")},
        )
        self.fields["slug"].required = False  # made from the name when left empty
        self.fields["slug"].help_text = _("Laisser vide : il est tiré du nom.")

    def clean(self):
        cleaned = super().clean()
        if not cleaned.get("slug") and cleaned.get("name"):
            # Before the model's checks, so that a second "Badge" of the édition is refused.
            cleaned["slug"] = slugify(cleaned["name"])[:60] or "parcours"
        edition = cleaned.get("edition")
        levels = cleaned.get("levels") or []
        if edition and any(level.edition_id != edition.pk for level in levels):
            self.add_error("levels", _("Ces niveaux doivent appartenir à l'édition du parcours."))
        return cleaned


class TrackViewSet(ModelViewSet):
    """Application tracks of an édition (2025 scheme: Badge beside Label), each with its levels;
    its questionnaire is chosen on the questionnaire's screen."""

    model = ApplicationTrack
    icon = "list-ul"
    menu_label = _("Parcours de candidature")
    list_display = ["name", "edition"]
    list_filter = ["edition"]
    search_fields = ["name"]
    search_backend_name = None
    edit_handler = ObjectList(
        [
            FieldPanel("edition"),
            FieldPanel("name"),
            FieldPanel("slug"),
            FieldPanel("description"),
            FieldPanel("levels"),
        ],
        base_form_class=TrackForm,
    )


class LabelViewSetGroup(ViewSetGroup):
    menu_label = _("Label")
    menu_icon = "tag"
    menu_order = 200
    items = (
        EditionViewSet,
        CollectiviteViewSet,
        ResultViewSet("resultats"),
        TrackViewSet("parcours"),
    )
