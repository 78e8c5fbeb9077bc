"""Admin screen of the label team: one self-assessment per édition, its questions inline."""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.panels import FieldPanel, InlinePanel, ObjectList
from wagtail.admin.viewsets.model import ModelViewSet

from .models import SelfAssessment


class SelfAssessmentForm(WagtailAdminModelForm):
    """Each question's domain is labelled with its édition's year (checked on save)."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        questions = self.formsets.get("questions") if hasattr(self, "formsets") else None
        if questions is not None:
            for form in questions.forms + [questions.empty_form]:
                field = form.fields["domain"]
                field.queryset = field.queryset.select_related("edition").order_by(
                    "-edition__year", "sort_order"
                )
                field.label_from_instance = lambda d: f"{d.edition.year} — {d.name}"

    def is_valid(self):
        # The questions' formset is cleaned after the form's clean(): check the domains here.
        valid = super().is_valid()
        edition = getattr(self, "cleaned_data", {}).get("edition")
        questions = self.formsets.get("questions") if hasattr(self, "formsets") else None
        if edition and questions is not None:
            for form in questions.forms:
                domain = getattr(form, "cleaned_data", {}).get("domain")
                if domain and domain.edition_id != edition.pk:
                    form.add_error(
                        "domain", _("Ce domaine de critères appartient à une autre édition.")
                    )
                    valid = False
        return valid


class SelfAssessmentViewSet(ModelViewSet):
    model = SelfAssessment
    icon = "tasks"
    menu_label = _("Auto-évaluation")
    add_to_admin_menu = True
    menu_order = 310
    list_display = ["__str__", "is_published", "updated_at"]
    edit_handler = ObjectList(
        [
            FieldPanel("edition"),
            FieldPanel("is_published"),
            FieldPanel("intro"),
            FieldPanel("disclaimer"),
            InlinePanel("questions", heading=_("Questions"), label=_("Question")),
        ],
        base_form_class=SelfAssessmentForm,
    )
