from wagtail.test.utils import WagtailPageTestCase

from congso.core.tests.factories import SuperuserFactory, make_home
from congso.organisation.models import Official, OrganisationPage, Unit


class OrganisationPageTests(WagtailPageTestCase):
    @classmethod
    def setUpTestData(cls):
        cls.home = make_home()
        cls.page = OrganisationPage(title="Cơ cấu tổ chức")
        cls.home.add_child(instance=cls.page)
        cls.board = Unit.objects.create(
            name="Ban Giám đốc", name_en="Board of Directors", kind="leadership"
        )
        cls.director = Official.objects.create(
            name="Đậu Tùng Lâm",
            position="Giám đốc",
            position_en="Director",
            unit=cls.board,
            is_leader=True,
        )
        cls.admin = SuperuserFactory()

    def test_page_is_routable_renderable_and_editable(self):
        self.assertPageIsRoutable(self.page)
        self.assertPageIsRenderable(self.page, query_data={"page": "x"})
        self.assertPageIsEditable(self.page, user=self.admin)

    def test_directory_lists_officials_with_position_and_unit(self):
        response = self.client.get(self.page.url)
        self.assertContains(response, "Đậu Tùng Lâm")
        self.assertContains(response, "Giám đốc")
        self.assertContains(response, "Ban Giám đốc")

    def test_english_page_shows_english_names(self):
        english = OrganisationPage(title="Organisation", slug="organisation", language="en")
        self.home.add_child(instance=english)
        response = self.client.get(english.url)
        self.assertContains(response, "Board of Directors")
        self.assertContains(response, "Director")
