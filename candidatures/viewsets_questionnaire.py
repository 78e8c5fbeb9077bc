"""Admin screens for the questionnaires: a ModelViewSet plus "copy from the previous édition"."""

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.admin.views import generic
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.admin.widgets.button import HeaderButton

from candidatures.models import Questionnaire
from editions.models import Edition


def previous_questionnaire(edition):
    return (
        Questionnaire.objects.filter(edition__year__lt=edition.year)
        .select_related("edition")
        .order_by("-edition__year")
        .first()
    )


class CopyForm(forms.Form):
    edition = forms.ModelChoiceField(
        label=_("Édition qui reçoit le questionnaire"),
        queryset=Edition.objects.filter(questionnaires__isnull=True).order_by("-year"),
        help_text=_(
            "Les sections et les questions du questionnaire de l'édition précédente y seront "
            "copiées, avec les mêmes clés ; vous pourrez ensuite les modifier."
        ),
    )

    def clean_edition(self):
        edition = self.cleaned_data["edition"]
        if previous_questionnaire(edition) is None:
            raise forms.ValidationError(
                _("Aucune édition antérieure à %(year)s n'a de questionnaire à copier.")
                % {"year": edition.year}
            )
        return edition


class QuestionnaireIndexView(generic.IndexView):
    @cached_property
    def header_buttons(self):
        buttons = super().header_buttons
        buttons.append(
            HeaderButton(
                _("Copier depuis l'édition précédente"),
                url=reverse("questionnaires:copy"),
                icon_name="copy",
            )
        )
        return buttons


def copy_view(request):
    if not request.user.has_perm("candidatures.add_questionnaire"):
        raise PermissionDenied
    form = CopyForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        edition = form.cleaned_data["edition"]
        source = previous_questionnaire(edition)
        copy = source.copy_to(edition)
        messages.success(
            request,
            _("Le questionnaire %(source)s a été copié pour l'édition %(year)s.")
            % {"source": source.edition.year, "year": edition.year},
        )
        return redirect("questionnaires:edit", copy.pk)
    return TemplateResponse(
        request,
        "candidatures/admin/questionnaire_copy.html",
        {"form": form, "page_title": _("Copier un questionnaire")},
        status=400 if form.is_bound else 200,
    )


class QuestionnaireViewSet(ModelViewSet):
    model = Questionnaire
    name = "questionnaires"
    icon = "form"
    menu_label = _("Questionnaires")
    add_to_admin_menu = True
    menu_order = 210
    index_view_class = QuestionnaireIndexView
    list_display = ["__str__", "track", "updated_at"]
    panels = [
        FieldPanel("edition"),
        FieldPanel("track"),
        FieldPanel("intro"),
        FieldPanel("sections"),
    ]

    def get_urlpatterns(self):
        return super().get_urlpatterns() + [path("copy/", copy_view, name="copy")]


questionnaire_viewset = QuestionnaireViewSet()
