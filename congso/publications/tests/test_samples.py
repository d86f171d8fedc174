"""load_sample_publications: every home site gets its sections and labelled samples, once."""

import pytest
from django.core.management import call_command
from wagtail.models import Page, Site

from congso.home.models import HomePage
from congso.publications import models as m

pytestmark = pytest.mark.django_db

KINDS = [
    m.PlanPage,
    m.BudgetDisclosurePage,
    m.StatisticsPage,
    m.ProjectPage,
    m.BiddingNoticePage,
    m.RecruitmentPage,
]


@pytest.fixture
def commune(home):
    commune = HomePage(title="Xã Thử Nghiệm", slug="xa-thu-nghiem")
    Page.get_first_root_node().add_child(instance=commune)
    Site.objects.create(hostname="xa.localhost", port=80, root_page=commune, site_name="Xã")
    return commune


def test_every_home_site_gets_samples_of_every_kind(home, commune):
    call_command("load_sample_publications", stdout=__import__("io").StringIO())
    for root in (home, commune):
        for model in KINDS:
            items = model.objects.descendant_of(root).live()
            assert items.exists(), (root.title, model.__name__)
            assert all("(dữ liệu mẫu)" in item.title for item in items)


def test_a_second_run_creates_nothing(home):
    import io

    call_command("load_sample_publications", stdout=io.StringIO())
    count = Page.objects.count()
    out = io.StringIO()
    call_command("load_sample_publications", stdout=out)
    assert Page.objects.count() == count
    assert "không tạo thêm gì" in out.getvalue()


def test_the_samples_show_an_open_and_a_closed_recruitment_notice(home):
    from congso.publications.services import load_sample_publications

    load_sample_publications()
    states = {page.is_open for page in m.RecruitmentPage.objects.live()}
    assert states == {True, False}


def test_a_site_whose_root_is_not_a_home_page_is_left_alone(home):
    from congso.publications.services import load_sample_publications

    other = Page(title="Trang khác", slug="trang-khac")
    Page.get_first_root_node().add_child(instance=other)
    Site.objects.create(hostname="khac.localhost", port=80, root_page=other)
    load_sample_publications()
    assert not other.get_descendants().exists()
