from django.urls import path

from . import views

app_name = "editions"
urlpatterns = [
    path("editions/", views.edition_list, name="edition_list"),
    path("editions/<int:year>/", views.edition_detail, name="edition_detail"),
    path("editions/<int:year>/resultats.json", views.edition_json, name="edition_json"),
    path("editions/<int:year>/resultats.csv", views.edition_csv, name="edition_csv"),
    path("collectivites/", views.collectivite_list, name="collectivite_list"),
    path("collectivites/<slug:slug>/", views.collectivite_detail, name="collectivite_detail"),
    path("collectivites/<slug:slug>/badge-<int:year>.svg", views.badge_svg, name="badge_svg"),
]
