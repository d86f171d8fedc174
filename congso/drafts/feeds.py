"""RSS 2.0 feed of a site's drafts open for comment, newest first."""

from congso.core.feeds import FEED_SIZE, PageFeed
from congso.core.text import format_datetime
from congso.drafts.querysets import published_drafts


class DraftFeed(PageFeed):
    def description(self):
        return self.page.intro or "Dự thảo văn bản lấy ý kiến nhân dân, tổ chức"

    def items(self):
        return (
            published_drafts(self.page)
            .select_related("drafting_unit")
            .order_by("-opens_at", "-pk")[:FEED_SIZE]
        )

    def item_description(self, item):
        window = (
            f"Lấy ý kiến từ {format_datetime(item.opens_at)} đến {format_datetime(item.closes_at)}."
        )
        return f"{item.summary}\n{window}"

    def item_pubdate(self, item):
        return item.opens_at

    def item_author_name(self, item):
        return item.drafting_body_name or None
