"""The real seed texts in ../shared/seeds, when the machine has them (skipped otherwise)."""

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
from django.conf import settings

from congso.core.models import CongsoImage
from congso.news.models import ArticlePage, NewsIndexPage
from congso.organisation.models import Official
from congso.seeds.tests.shared_import import rolled_back_import

REAL_SEEDS = settings.BASE_DIR.parent / "shared" / "seeds"
DEPARTMENT_ARTICLE = "Sở Thông tin và Truyền thông Hà Tĩnh khẳng định chuyển đổi số"

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.skipif(not any(REAL_SEEDS.glob("*.txt")), reason=f"no seeds in {REAL_SEEDS}"),
]


@pytest.fixture(scope="module")
def imported(django_db_setup, django_db_blocker):
    """One import shared by the module, rolled back after it."""
    with rolled_back_import(REAL_SEEDS, django_db_blocker) as report:
        yield report


def test_the_department_article_is_filed_under_its_category_with_its_byline(imported):
    page = ArticlePage.objects.get(title__startswith=DEPARTMENT_ARTICLE)
    assert page.get_parent().title == "Chính trị"
    assert page.byline == "ĐẬU TÙNG LÂM — Giám đốc Sở TT&TT"


def test_the_department_article_shows_its_photo_captions_in_order(imported):
    page = ArticlePage.objects.get(title__startswith=DEPARTMENT_ARTICLE)
    captions = [
        b.value["caption"] for b in page.body if b.block_type == "image" and b.value["caption"]
    ]
    assert captions[:2] == [
        "Hoạt động của Sở Bưu chính - Viễn thông Hà Tĩnh trong những ngày đầu thành lập.",
        "Giám đốc Sở TT&TT Đậu Tùng Lâm.",
    ]
    assert CongsoImage.objects.filter(is_placeholder=True).count() == 17


def test_every_read_more_entry_is_an_election_article(imported):
    category = NewsIndexPage.objects.get(title="Bầu cử")
    titles = set(ArticlePage.objects.child_of(category).values_list("title", flat=True))
    assert len(titles) == 18
    assert "Toàn cảnh ngày bầu cử ở Hà Tĩnh" in titles


def test_the_year_in_review_article_keeps_its_publish_time(imported):
    page = ArticlePage.objects.get(title="Dấu ấn ngành thông tin và truyền thông Hà Tĩnh năm 2020")
    assert page.date == datetime(2020, 12, 25, 9, 4, tzinfo=ZoneInfo("Asia/Ho_Chi_Minh"))


def test_the_ticker_headlines_are_articles(imported):
    assert ArticlePage.objects.filter(
        title="Hà Tĩnh thu ngân sách nội địa 8.018 tỷ đồng, đạt 135% dự toán Trung ương giao"
    ).exists()


def test_the_directory_names_the_director_and_the_deputy_who_signed_the_report(imported):
    officials = set(Official.objects.values_list("name", "position"))
    assert officials == {("Đậu Tùng Lâm", "Giám đốc"), ("Dương Văn Tuấn", "Phó Giám đốc")}


def test_the_department_article_lists_its_read_more_entries_first(imported):
    page = ArticlePage.objects.get(title__startswith=DEPARTMENT_ARTICLE)
    titles = [link.page.title for link in page.related_links.all()]
    assert len(titles) == 18
    assert titles[0] == "Lá phiếu - niềm tin và khát vọng dựng xây đất nước"
