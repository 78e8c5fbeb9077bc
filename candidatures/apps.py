from django.apps import AppConfig


class CandidaturesConfig(AppConfig):
    name = "candidatures"
    verbose_name = "Candidatures et jury"

    def ready(self):
        # Signal receivers: the public record written on publication, the workflow's side
        # effects (status, history), the emails that follow the lifecycle's transitions
        # (``lifecycle.events.transitioned``), what the task classes forward (lifecycle and
        # jury), and the forms of the task modals.
        from candidatures import notifications_receivers  # noqa: F401
        from candidatures.jury import receivers as jury_receivers  # noqa: F401
        from candidatures.lifecycle import forms, public_record, receivers  # noqa: F401
