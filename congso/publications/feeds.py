"""RSS 2.0 feed of one disclosure section (linked from its list page's <head>)."""

from django.contrib.syndication.views import Feed
from django.utils.feedgenerator import Rss201rev2Feed

from congso.core.models import OrganisationSettings
from congso.publications.querysets import published_items

FEED_SIZE = 30


class PublicationFeed(Feed):
    feed_type = Rss201rev2Feed

    def __init__(self, index):
        super().__init__()
        self.index = index

    def __call__(self, request, *args, **kwargs):
        self.request = request
        return super().__call__(request, *args, **kwargs)

    def title(self):
        return f"{self.index.title} – {OrganisationSettings.for_request(self.request).name}"

    def link(self):
        # From the Site record, never the Host header (congso/core/site_address.py).
        return self.index.get_full_url(self.request)

    def feed_url(self):
        return self.link() + "rss/"

    def description(self):
        return self.index.intro or self.index.title

    def items(self):
        return published_items(self.index)[:FEED_SIZE]

    def item_title(self, item):
        return item.title

    def item_description(self, item):
        # The deadline and amounts readers look for come first, then the summary.
        facts = "; ".join(f"{label}: {value}" for label, value in item.list_facts)
        return f"{facts}. {item.summary}" if facts else item.summary

    def item_link(self, item):
        return item.get_full_url(self.request)

    def item_pubdate(self, item):
        return item.date
