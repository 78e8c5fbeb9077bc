from django.urls import path

from . import deliberation, juror

app_name = "candidatures_jury"
urlpatterns = [
    path("", juror.dashboard, name="dashboard"),
    path("liens-d-interets/", juror.declare_conflict, name="declare_conflict"),
    path("dossier/<int:pk>/", juror.dossier, name="dossier"),
    path("dossier/<int:pk>/evaluation/", juror.evaluate, name="evaluate"),
    path("dossier/<int:pk>/decision/", deliberation.decide, name="decide"),
    path("deliberation/<int:year>/", deliberation.table, name="table"),
    path("attributions/<int:year>/", deliberation.assignments, name="assignments"),
]
