"""RSS 2.0 of a Q&A page: the newest published questions, each linking to its own address."""

from django.contrib.syndication.views import Feed
from django.utils.feedgenerator import Rss201rev2Feed

from congso.core.text import excerpt
from congso.questions.querysets import published_in

FEED_SIZE = 30


class QuestionFeed(Feed):
    feed_type = Rss201rev2Feed

    def __init__(self, page):
        super().__init__()
        self.page = page

    def __call__(self, request, *args, **kwargs):
        self.request = request
        return super().__call__(request, *args, **kwargs)

    def title(self):
        return self.page.title

    def link(self):
        # From the Site record, never the Host header.
        return self.page.get_full_url(self.request)

    def feed_url(self):
        return self.link() + "rss/"

    def description(self):
        return self.page.intro or "Câu hỏi của người dân và câu trả lời của cơ quan"

    def items(self):
        return published_in(self.page)[:FEED_SIZE]

    def item_title(self, item):
        return item.title

    def item_description(self, item):
        return excerpt(item.shown_question, 400)

    def item_link(self, item):
        return item.get_full_url(self.request)

    def item_pubdate(self, item):
        return item.published_at

    def item_categories(self, item):
        return [item.topic.name] if item.topic_id else []
