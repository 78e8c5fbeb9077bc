from django.apps import AppConfig


class CandidaturesConfig(AppConfig):
    name = "candidatures"
    verbose_name = "Candidatures et jury"

    def ready(self):
        # Signal receivers: the public record written on publication, and the workflow's side
        # effects (status, notifications).
        from candidatures.lifecycle import public_record, receivers  # noqa: F401
