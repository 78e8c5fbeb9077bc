from django.apps import AppConfig


class CandidaturesConfig(AppConfig):
    name = "candidatures"
    verbose_name = "Candidatures et jury"

    def ready(self):
        # Signal receivers: the public record written on publication, and the workflow's side
        # effects (status, notifications).
        from . import publication, signals  # noqa: F401
