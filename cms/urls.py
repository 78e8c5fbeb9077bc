from django.conf import settings
from django.urls import include, path
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.contrib.sitemaps import Sitemap as WagtailSitemap
from wagtail.contrib.sitemaps.views import sitemap
from wagtail.documents import urls as wagtaildocs_urls

from editions.sitemaps import SITEMAPS as EDITIONS_SITEMAPS
from home import feeds
from home import views as home_views
from home.security import urls as security_urls
from home.security import views as security_views

urlpatterns = [
    # Before Wagtail's admin: the second-factor screens and its password reset, rate-limited.
    path("admin/2fa/", include(security_urls)),
    path(
        "admin/password_reset/",
        security_views.AdminPasswordResetView.as_view(),
        name="wagtailadmin_password_reset",
    ),
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("sante/", home_views.health, name="health"),
    path(
        "sitemap.xml",
        sitemap,
        {"sitemaps": {"wagtail": WagtailSitemap, **EDITIONS_SITEMAPS}},
        name="sitemap",
    ),
    path("robots.txt", home_views.robots_txt, name="robots_txt"),
    path("favicon.ico", home_views.favicon, name="favicon"),
    path("recherche/", home_views.search, name="search"),
    path("flux/actualites.rss", feeds.NewsFeed(), name="feed_news_rss"),
    path("flux/actualites.atom", feeds.NewsAtomFeed(), name="feed_news_atom"),
    path("flux/communiques.rss", feeds.PressReleaseFeed(), name="feed_press_rss"),
    path("flux/communiques.atom", feeds.PressReleaseAtomFeed(), name="feed_press_atom"),
    path("", include("editions.selfassessment.urls")),
    path("", include("candidatures.urls")),
    path("", include("editions.urls")),
]

if settings.DEBUG:
    from django.contrib.staticfiles.urls import staticfiles_urlpatterns

    urlpatterns += staticfiles_urlpatterns()
if getattr(settings, "SERVE_MEDIA", settings.DEBUG):
    # Public media through the default storage (dev and tests; production uses S3 or the proxy).
    urlpatterns += [path("media/<path:path>", home_views.serve_media, name="media")]

urlpatterns += [path("", include(wagtail_urls))]
