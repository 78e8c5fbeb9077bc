from django.urls import path

from . import views

app_name = "editions"
urlpatterns = [
    path("editions/", views.edition_list, name="edition_list"),
    path("editions/<int:year>/", views.edition_detail, name="edition_detail"),
    path("editions/<int:year>/resultats.json", views.edition_json, name="edition_json"),
    path("editions/<int:year>/resultats.csv", views.edition_csv, name="edition_csv"),
    path("donnees/", views.open_data, name="open_data"),
    path("donnees/resultats.csv", views.open_data_csv, name="open_data_csv"),
    path("donnees/resultats.json", views.open_data_json, name="open_data_json"),
    path("donnees/resultats.schema.json", views.open_data_schema, name="open_data_schema"),
    path("collectivites/", views.collectivite_list, name="collectivite_list"),
    # Before the body pages: "carte" is a reserved slug (models.RESERVED_SLUGS).
    path("collectivites/carte/", views.laureate_map_view, name="laureate_map"),
    path("collectivites/carte/<str:code>/", views.map_departement, name="map_departement"),
    path("collectivites/<slug:slug>/", views.collectivite_detail, name="collectivite_detail"),
    path("collectivites/<slug:slug>/badge-<int:year>.svg", views.badge_svg, name="badge_svg"),
]
