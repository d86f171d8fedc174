"""RSS 2.0 feed of a site's drafts open for comment, newest first."""

from django.contrib.syndication.views import Feed
from django.utils.feedgenerator import Rss201rev2Feed

from congso.core.models import OrganisationSettings
from congso.core.text import format_datetime
from congso.drafts.querysets import published_drafts

FEED_SIZE = 30


class DraftFeed(Feed):
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
        # From the Site record, never from the Host header the request came with.
        return self.index.get_full_url(self.request)

    def feed_url(self):
        return self.link() + "rss/"

    def description(self):
        return self.index.intro or "Dự thảo văn bản lấy ý kiến nhân dân, tổ chức"

    def items(self):
        return (
            published_drafts(self.index)
            .select_related("drafting_unit")
            .order_by("-opens_at", "-pk")[:FEED_SIZE]
        )

    def item_title(self, item):
        return item.title

    def item_description(self, item):
        window = (
            f"Lấy ý kiến từ {format_datetime(item.opens_at)} đến {format_datetime(item.closes_at)}."
        )
        return f"{item.summary}\n{window}"

    def item_link(self, item):
        return item.get_full_url(self.request)

    def item_pubdate(self, item):
        return item.opens_at

    def item_author_name(self, item):
        return item.drafting_body_name or None
