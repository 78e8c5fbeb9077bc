"""RSS 2.0 and Atom feeds of the news and the press releases."""

import datetime

from django.contrib.syndication.views import Feed
from django.utils import timezone
from django.utils.feedgenerator import Atom1Feed
from django.utils.translation import gettext_lazy as _

from home.models import NewsIndexPage, NewsPage, PressReleaseIndexPage, PressReleasePage

FEED_LENGTH = 20


class DatedPagesFeed(Feed):
    model = None
    index_model = None

    def link(self):
        index = self.index_model.objects.live().first()
        return (index.url if index else None) or "/"

    def items(self):
        return self.model.objects.latest_public()[:FEED_LENGTH]

    def item_title(self, item):
        return item.title

    def item_description(self, item):
        return item.intro or item.search_description

    def item_link(self, item):
        return item.url

    def item_pubdate(self, item):
        return timezone.make_aware(datetime.datetime.combine(item.date, datetime.time(9)))

    def item_updateddate(self, item):
        return item.last_published_at


class NewsFeed(DatedPagesFeed):
    model = NewsPage
    index_model = NewsIndexPage
    title = _("Territoire Numérique Libre — actualités")
    description = _("Les dernières actualités du label Territoire Numérique Libre.")

    def item_categories(self, item):
        return [tag.name for tag in item.tags.all()]

    def items(self):
        return super().items().prefetch_related("tags")


class NewsAtomFeed(NewsFeed):
    feed_type = Atom1Feed
    subtitle = NewsFeed.description


class PressReleaseFeed(DatedPagesFeed):
    model = PressReleasePage
    index_model = PressReleaseIndexPage
    title = _("Territoire Numérique Libre — communiqués de presse")
    description = _("Les communiqués de presse du label Territoire Numérique Libre.")


class PressReleaseAtomFeed(PressReleaseFeed):
    feed_type = Atom1Feed
    subtitle = PressReleaseFeed.description
