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

    def test_chart_shows_sub_units_in_a_fixed_number_of_queries(self):
        from congso.organisation.querysets import organisation_chart

        for i in range(3):
            division = Unit.objects.create(name=f"Phòng {i}", parent=self.board)
            Official.objects.create(name=f"Cán bộ {i}", position="Chuyên viên", unit=division)
        with self.assertNumQueries(3):  # top-level units, their sub-units, the leaders
            chart = organisation_chart()
        assert [u.name for u in chart["units"]] == ["Ban Giám đốc"]
        response = self.client.get(self.page.url)
        for i in range(3):
            self.assertContains(response, f"Phòng {i}")
            self.assertContains(response, f"Cán bộ {i}")
