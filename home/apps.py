from django.apps import AppConfig
from django.db.models.signals import post_delete, post_save
from wagtail.signals import page_published, page_slug_changed, page_unpublished, post_page_move


class HomeConfig(AppConfig):
    name = "home"
    verbose_name = "Site éditorial"

    def ready(self):
        from home.models import NewsIndexPage, PressReleaseIndexPage
        from home.moderation import on_index_saved

        # Security: system checks, admin hooks and the login-time receiver register on import.
        from home.security import checks, hooks, sessions  # noqa: F401

        for model in (NewsIndexPage, PressReleaseIndexPage):
            post_save.connect(on_index_saved, sender=model, dispatch_uid=f"moderation-{model}")

        # Cached menus (home.context_processors) follow any change of the menus or of a page.
        from home.context_processors import clear_menus_cache
        from home.models import FooterItem, MainMenuItem, Navigation, SiteIdentity

        for signal in (page_published, page_unpublished, page_slug_changed, post_page_move):
            signal.connect(clear_menus_cache, dispatch_uid=f"menus-{signal}")

        # The reverse proxy forgets every URL that shows a published change (home.purge).
        from home.purge import on_page_changed

        for signal in (page_published, page_unpublished):
            signal.connect(on_page_changed, dispatch_uid=f"purge-{signal}")
        from wagtail.models import Site

        for model in (Navigation, MainMenuItem, FooterItem, SiteIdentity, Site):
            post_save.connect(clear_menus_cache, sender=model, dispatch_uid=f"menus-save-{model}")
            post_delete.connect(clear_menus_cache, sender=model, dispatch_uid=f"menus-del-{model}")

        # Whether any page is private (home.restrictions).
        from wagtail.models import PageViewRestriction

        from home import restrictions

        post_save.connect(restrictions.forget, sender=PageViewRestriction, dispatch_uid="pvr-save")
        post_delete.connect(restrictions.forget, sender=PageViewRestriction, dispatch_uid="pvr-del")

        # Pages show images, documents and press contacts: any edit forgets the cached pages.
        from wagtail.documents import get_document_model
        from wagtail.images import get_image_model

        from home.models import PressContact
        from home.page_cache import pages_changed

        for model in (get_image_model(), get_document_model(), PressContact):
            post_save.connect(pages_changed, sender=model, dispatch_uid=f"pages-save-{model}")
            post_delete.connect(pages_changed, sender=model, dispatch_uid=f"pages-del-{model}")
