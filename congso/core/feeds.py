"""The RSS 2.0 skeleton every page's feed shares (news, documents, drafts, Q&A, publications).

A feed belongs to a page (its list page or the home page) and is served at that page's `rss/`
sub-route. Every absolute address in it (the channel link, atom:link rel="self", each item's
link and guid) comes from the Site record like every other absolute URL
(congso/core/site_address.py); Django's defaults would take the Host header the request
arrived with."""

from django.contrib.syndication.views import Feed
from django.utils.feedgenerator import Rss201rev2Feed

from congso.core.models import OrganisationSettings

FEED_SIZE = 30


class PageFeed(Feed):
    feed_type = Rss201rev2Feed

    def __init__(self, page):
        super().__init__()
        self.page = page

    def __call__(self, request, *args, **kwargs):
        # The request is needed by the methods Django calls with no request (link, items...).
        self.request = request
        return super().__call__(request, *args, **kwargs)

    def organisation(self):
        return OrganisationSettings.for_request(self.request)

    def title(self):
        return f"{self.page.title} – {self.organisation().name}"

    def link(self):
        return self.page.get_full_url(self.request)

    def feed_url(self):
        return self.link() + "rss/"

    def item_title(self, item):
        return item.title

    def item_link(self, item):
        # Also the item's guid: Django's default, so the URL is worked out once per item.
        return item.get_full_url(self.request)
