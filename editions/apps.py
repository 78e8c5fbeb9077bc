from django.apps import AppConfig


class EditionsConfig(AppConfig):
    name = "editions"
    verbose_name = "Éditions et palmarès"

    def ready(self):
        from . import hooks, signals  # noqa: F401

        # The process's answers to editions' hooks (candidatures/announcements.py).
        hooks.discover_receivers()
