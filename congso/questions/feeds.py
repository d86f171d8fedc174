"""RSS 2.0 of a Q&A page: the newest published questions, each linking to its own address."""

from congso.core.feeds import FEED_SIZE, PageFeed
from congso.core.text import excerpt
from congso.questions.querysets import published_in


class QuestionFeed(PageFeed):
    def title(self):
        return self.page.title

    def description(self):
        return self.page.intro or "Câu hỏi của người dân và câu trả lời của cơ quan"

    def items(self):
        return published_in(self.page)[:FEED_SIZE]

    def item_description(self, item):
        return excerpt(item.shown_question, 400)

    def item_pubdate(self, item):
        return item.published_at

    def item_categories(self, item):
        return [item.topic.name] if item.topic_id else []
