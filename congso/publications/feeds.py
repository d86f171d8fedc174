"""RSS 2.0 feed of one disclosure section (linked from its list page's <head>)."""

from congso.core.feeds import FEED_SIZE, PageFeed
from congso.publications.querysets import published_items


class PublicationFeed(PageFeed):
    def description(self):
        return self.page.intro or self.page.title

    def items(self):
        return published_items(self.page)[:FEED_SIZE]

    def item_description(self, item):
        # The deadline and amounts readers look for come first, then the summary.
        facts = "; ".join(f"{label}: {value}" for label, value in item.list_facts)
        return f"{facts}. {item.summary}" if facts else item.summary

    def item_pubdate(self, item):
        return item.date
