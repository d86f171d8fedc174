"""RSS 2.0 feeds: one site-wide, one per category (linked from every page's <head>)."""

from django.contrib.syndication.views import Feed
from django.utils.feedgenerator import Rss201rev2Feed

from congso.core.models import OrganisationSettings
from congso.news.querysets import articles_in, published_articles

FEED_SIZE = 30


class _ArticleFeed(Feed):
    feed_type = Rss201rev2Feed

    def __call__(self, request, *args, **kwargs):
        self.request = request
        return super().__call__(request, *args, **kwargs)

    def organisation(self):
        return OrganisationSettings.for_request(self.request)

    def feed_url(self):
        # The feed's own address (atom:link rel="self") from the Site record like every other
        # absolute URL; Django's default takes the Host header the request arrived with.
        return self.link() + "rss/"

    def item_title(self, item):
        return item.title

    def item_description(self, item):
        return item.sapo

    def item_link(self, item):
        # Also the item's guid: Django's default, so the URL is worked out once per item.
        return item.get_full_url(self.request)

    def item_pubdate(self, item):
        # No <pubDate> for an article whose source gave no date: its `date` is only a sort key
        # (for imported demo items, the import time), never a date to publish.
        return item.stated_date

    def item_author_name(self, item):
        return item.author or None

    def item_categories(self, item):
        return [tag.name for tag in item.tags.all()]


class SiteFeed(_ArticleFeed):
    def __init__(self, root):
        super().__init__()
        self.root = root

    def title(self):
        return f"{self.organisation().name} – Tin mới"

    def link(self):
        return self.root.get_full_url(self.request)

    def description(self):
        return f"Tin bài mới nhất của {self.organisation().name}"

    def items(self):
        return published_articles(self.root).prefetch_related("tags")[:FEED_SIZE]


class CategoryFeed(_ArticleFeed):
    def __init__(self, category):
        super().__init__()
        self.category = category

    def title(self):
        return f"{self.category.title} – {self.organisation().name}"

    def link(self):
        return self.category.get_full_url(self.request)

    def description(self):
        return self.category.intro or f"Tin bài chuyên mục {self.category.title}"

    def items(self):
        return articles_in(self.category).prefetch_related("tags")[:FEED_SIZE]
