from wagtail.test.utils import WagtailPageTestCase

from congso.core.tests.factories import (
    SuperuserFactory,
    edit_post_data,
    make_home,
    make_standard_page,
)
from congso.home.models import EnglishHomePage, HomePage, StandardPage
from congso.organisation.models import OrganisationPage


class HomePageTests(WagtailPageTestCase):
    @classmethod
    def setUpTestData(cls):
        cls.home = make_home()
        cls.about = make_standard_page(
            cls.home, "Giới thiệu", intro="Sở TT&TT là cơ quan chuyên môn."
        )
        cls.english = EnglishHomePage(title="English", slug="en")
        cls.home.add_child(instance=cls.english)
        cls.admin = SuperuserFactory()

    def test_home_is_routable_renderable_and_editable(self):
        self.assertPageIsRoutable(self.home)
        self.assertPageIsRenderable(self.home)
        self.assertPageIsEditable(self.home, user=self.admin)

    def test_home_renders_with_a_bad_page_number(self):
        self.assertPageIsRenderable(self.home, query_data={"page": "x"})

    def test_home_topic_and_rss_routes_render(self):
        self.assertPageIsRenderable(self.home, route_path="su-kien/")
        self.assertPageIsRenderable(self.home, route_path="rss/")

    def test_unknown_topic_is_a_404(self):
        self.assertPageIsRenderable(self.home, route_path="su-kien/khong-co/", accept_404=True)

    def test_standard_page_is_routable_renderable_and_editable(self):
        self.assertPageIsRoutable(self.about)
        self.assertPageIsRenderable(self.about, query_data={"page": "x"})
        self.assertPageIsEditable(
            self.about, post_data=edit_post_data(self.about, language="vi"), user=self.admin
        )

    def test_english_home_is_routable_renderable_and_editable(self):
        self.assertPageIsRoutable(self.english)
        self.assertPageIsRenderable(self.english)
        self.assertPageIsEditable(self.english, user=self.admin)

    def test_english_section_lives_under_the_home_page(self):
        self.assertAllowedParentPageTypes(EnglishHomePage, {HomePage})
        self.assertAllowedSubpageTypes(EnglishHomePage, {StandardPage, OrganisationPage})

    def test_vietnamese_title_gives_an_ascii_slug(self):
        page = make_standard_page(self.home, "Liên hệ Đường dây nóng")
        page.full_clean()
        assert page.slug == "lien-he-duong-day-nong"
