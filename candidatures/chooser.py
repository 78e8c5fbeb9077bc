"""The Candidature snippet chooser, narrowed to the dossiers the user may see (a juror must not
list or pick an unassigned or conflicted dossier through the chooser modal)."""

from wagtail.snippets.views.chooser import (
    ChooseResultsView,
    ChooseView,
    SnippetChooserViewSet,
    SnippetChosenMultipleView,
    SnippetChosenView,
)

from candidatures.access import visible_candidatures


class VisibleObjectListMixin:
    def get_object_list(self):
        return visible_candidatures(self.request.user, super().get_object_list())


class VisibleObjectMixin:
    def get_object(self, pk):
        return visible_candidatures(self.request.user, self.model_class.objects.all()).get(pk=pk)


class CandidatureChooseView(VisibleObjectListMixin, ChooseView):
    pass


class CandidatureChooseResultsView(VisibleObjectListMixin, ChooseResultsView):
    pass


class CandidatureChosenView(VisibleObjectMixin, SnippetChosenView):
    pass


class CandidatureChosenMultipleView(SnippetChosenMultipleView):
    def get_objects(self, pks):
        return visible_candidatures(self.request.user, super().get_objects(pks))


class CandidatureChooserViewSet(SnippetChooserViewSet):
    choose_view_class = CandidatureChooseView
    choose_results_view_class = CandidatureChooseResultsView
    chosen_view_class = CandidatureChosenView
    chosen_multiple_view_class = CandidatureChosenMultipleView
