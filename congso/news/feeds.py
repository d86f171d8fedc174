"""RSS 2.0 feeds: one site-wide, one per category (linked from every page's <head>)."""

from congso.core.feeds import FEED_SIZE, PageFeed
from congso.news.querysets import articles_in, published_articles


class _ArticleFeed(PageFeed):
    def item_description(self, item):
        return item.sapo

    def item_pubdate(self, item):
        # No <pubDate> for an article whose source gave no date: its `date` is only a sort key
        # (for imported demo items, the import time), never a date to publish.
        return item.stated_date

    def item_author_name(self, item):
        return item.author or None

    def item_categories(self, item):
        return [tag.name for tag in item.tags.all()]


class SiteFeed(_ArticleFeed):
    """The site-wide feed of the home page `page`."""

    def title(self):
        return f"{self.organisation().name} – Tin mới"

    def description(self):
        return f"Tin bài mới nhất của {self.organisation().name}"

    def items(self):
        return published_articles(self.page).prefetch_related("tags")[:FEED_SIZE]


class CategoryFeed(_ArticleFeed):
    """The feed of one category page `page`."""

    def description(self):
        return self.page.intro or f"Tin bài chuyên mục {self.page.title}"

    def items(self):
        return articles_in(self.page).prefetch_related("tags")[:FEED_SIZE]
