"""RSS 2.0 of newly published documents (newest publication first, not newest issue date)."""

from datetime import datetime, time

from django.utils import timezone

from congso.core.feeds import FEED_SIZE, PageFeed
from congso.core.text import format_date
from congso.documents.querysets import published_documents


class DocumentFeed(PageFeed):
    def title(self):
        return f"{self.page.title} – văn bản mới"

    def description(self):
        return "Văn bản mới được đăng trên cổng thông tin điện tử"

    def items(self):
        return published_documents(self.page).order_by("-first_published_at", "-pk")[:FEED_SIZE]

    def item_title(self, item):
        return f"{item.number} – {item.title}" if item.number else item.title

    def item_description(self, item):
        parts = [item.summary]
        if item.issue_date:
            parts.append(f"Ngày ban hành: {format_date(item.issue_date)}")
        if item.signer_display:
            parts.append(f"Người ký: {item.signer_display}")
        return "\n".join(parts)

    def item_pubdate(self, item):
        if item.first_published_at:
            return item.first_published_at
        return timezone.make_aware(datetime.combine(item.issue_date, time()))

    def item_categories(self, item):
        return [
            name
            for name in (item.doc_type and item.doc_type.name, item.field and item.field.name)
            if name
        ]
