"""The Q&A page's addresses: the list (all, by topic, searched), one question, the form to ask,
the tracking of a code, and the RSS feed. Kept apart from models.py; each route only calls
views.py, which parses input and calls querysets or services."""

from wagtail.contrib.routable_page.models import path


class QuestionRoutes:
    @path("", name="index")
    def index_route(self, request):
        from congso.questions import views

        return views.index(self, request)

    @path("chu-de/<slug:slug>/", name="topic")
    def topic_route(self, request, slug):
        from congso.questions import views

        return views.index(self, request, topic_slug=slug)

    @path("cau-hoi/<int:pk>/", name="detail")
    def detail_route(self, request, pk):
        from congso.questions import views

        return views.detail(self, request, pk)

    @path("dat-cau-hoi/", name="ask")
    def ask_route(self, request):
        from congso.questions import views

        return views.ask(self, request)

    @path("tra-cuu/", name="track")
    def track_route(self, request):
        from congso.questions import views

        return views.track(self, request)

    @path("rss/", name="rss")
    def rss_route(self, request):
        from congso.questions.feeds import QuestionFeed

        return QuestionFeed(self)(request)

    def get_sitemap_urls(self, request=None):
        """The list, each topic and each published question (their own addresses)."""
        urls = super().get_sitemap_urls(request)
        if not urls:
            return urls
        base = self.get_full_url(request)
        for topic in self.topics.all():
            urls.append({"location": base + self.reverse_subpage("topic", args=[topic.slug])})
        for pk, published_at in self.questions.filter(status="published").values_list(
            "pk", "published_at"
        ):
            urls.append(
                {
                    "location": base + self.reverse_subpage("detail", args=[pk]),
                    "lastmod": published_at,
                }
            )
        return urls

    def search_payload(self) -> dict:
        """The page itself is found by its title and introduction; questions have own entries."""
        return {
            "title": self.title,
            "code": "",
            "body": self.intro,
            "date": self.last_published_at or self.first_published_at,
            "type": "page",
            "type_label": "Trang",
            "category": "",
        }
