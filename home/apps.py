from django.apps import AppConfig
from django.db.models.signals import post_save


class HomeConfig(AppConfig):
    name = "home"
    verbose_name = "Site éditorial"

    def ready(self):
        from home.models import NewsIndexPage, PressReleaseIndexPage
        from home.moderation import on_index_saved

        for model in (NewsIndexPage, PressReleaseIndexPage):
            post_save.connect(on_index_saved, sender=model, dispatch_uid=f"moderation-{model}")
