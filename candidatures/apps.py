from django.apps import AppConfig


class CandidaturesConfig(AppConfig):
    name = "candidatures"
    verbose_name = "Candidatures et jury"
