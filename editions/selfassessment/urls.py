from django.urls import path

from . import views

app_name = "selfassessment"
urlpatterns = [
    path("auto-evaluation/", views.self_assessment, name="form"),
    path("auto-evaluation/demarrer/", views.start_dossier, name="start"),
]
