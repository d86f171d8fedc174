"""Every news page type: routable, renderable (including bad query strings), editable, in place."""

from wagtail.test.utils import WagtailPageTestCase

from congso.core.tests.factories import (
    SuperuserFactory,
    edit_post_data,
    make_article,
    make_category,
    make_home,
)
from congso.home.models import HomePage
from congso.news.models import ArticlePage, NewsIndexPage

BAD_QUERIES = [
    {"page": "x"},
    {"page": "-1"},
    {"page": "999999"},
    {"page": "1' OR '1'='1"},
    {"q": "<script>"},
]


class NewsPageTests(WagtailPageTestCase):
    @classmethod
    def setUpTestData(cls):
        cls.home = make_home()
        cls.category = make_category(cls.home, "Chuyển đổi số")
        cls.article = make_article(cls.category, "Hà Tĩnh đẩy mạnh chuyển đổi số")
        cls.admin = SuperuserFactory()

    def test_category_is_routable_renderable_and_editable(self):
        self.assertPageIsRoutable(self.category)
        self.assertPageIsRenderable(self.category)
        self.assertPageIsEditable(self.category, user=self.admin)

    def test_category_renders_with_bad_query_strings(self):
        for query in BAD_QUERIES:
            self.assertPageIsRenderable(self.category, query_data=query)

    def test_article_is_routable_renderable_and_editable(self):
        self.assertPageIsRoutable(self.article)
        self.assertPageIsRenderable(self.article)
        self.assertPageIsEditable(
            self.article,
            post_data=edit_post_data(
                self.article, sapo="Tóm tắt mới.", date="2024-10-17 09:04:00", tags=""
            ),
            user=self.admin,
        )

    def test_article_renders_with_bad_query_strings(self):
        for query in BAD_QUERIES:
            self.assertPageIsRenderable(self.article, query_data=query)

    def test_article_is_previewable(self):
        self.assertPageIsPreviewable(
            self.article,
            post_data=edit_post_data(
                self.article, sapo="Bản xem trước.", date="2024-10-17 09:04:00", tags=""
            ),
            user=self.admin,
        )

    def test_editing_an_article_saves_the_change(self):
        self.client.force_login(self.admin)
        data = edit_post_data(
            self.article, sapo="Sapo đã sửa.", date="2024-10-17 09:04:00", tags="chuyển đổi số"
        )
        response = self.client.post(f"/admin/pages/{self.article.pk}/edit/", data)
        self.assertEqual(response.status_code, 302)
        saved = ArticlePage.objects.get(pk=self.article.pk).get_latest_revision_as_object()
        self.assertEqual(saved.sapo, "Sapo đã sửa.")

    def test_category_rss_route_is_renderable(self):
        self.assertPageIsRenderable(self.category, route_path="rss/")

    def test_articles_live_only_under_categories(self):
        self.assertAllowedParentPageTypes(ArticlePage, {NewsIndexPage})

    def test_categories_nest_under_home_or_other_categories(self):
        self.assertAllowedParentPageTypes(NewsIndexPage, {HomePage, NewsIndexPage})

    def test_articles_have_no_children(self):
        self.assertAllowedSubpageTypes(ArticlePage, set())
