from django.urls import path

from candidatures.jury.views import decision, instruction, juror

app_name = "candidatures_jury"
urlpatterns = [
    path("", juror.dashboard, name="dashboard"),
    path("liens-d-interets/", juror.declare_conflict, name="declare_conflict"),
    path("dossier/<int:pk>/", juror.dossier, name="dossier"),
    path("dossier/<int:pk>/recevabilite/", instruction.instruct, name="instruct"),
    path("dossier/<int:pk>/evaluation/", juror.evaluate, name="evaluate"),
    path("dossier/<int:pk>/decision/", decision.decide, name="decide"),
    path("deliberation/<int:year>/", decision.table, name="table"),
    path("attributions/<int:year>/", decision.assignments, name="assignments"),
]
