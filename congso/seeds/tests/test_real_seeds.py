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
    # 17 photos the seeds name, and the demo logo (the seeds ship no logo).
    assert CongsoImage.objects.filter(is_placeholder=True).count() == 18


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


def test_the_election_items_claim_no_date_anywhere(imported, client):
    """Issue 8: the 18 "Bầu cử" items carried the import time as their date."""
    import feedparser

    category = NewsIndexPage.objects.get(title="Bầu cử")
    items = list(ArticlePage.objects.child_of(category))
    assert len(items) == 18 and all(page.date_unknown for page in items)
    assert "không rõ ngày" in client.get(items[0].url).content.decode()
    feed = feedparser.parse(client.get(category.url + "rss/").content)
    assert not feed.bozo, feed.bozo_exception
    assert len(feed.entries) == 18
    assert all("published" not in entry for entry in feed.entries)


def test_every_site_feed_item_has_a_stated_date_or_none(imported, client):
    import calendar
    from datetime import timedelta

    import feedparser
    from django.utils import timezone

    from congso.home.models import HomePage

    home = HomePage.objects.get()
    feed = feedparser.parse(client.get(home.url + "rss/").content)
    assert not feed.bozo, feed.bozo_exception
    assert feed.entries
    a_day_ago = timezone.now() - timedelta(days=1)
    for entry in feed.entries:
        page = ArticlePage.objects.get(title=entry.title)
        if "published_parsed" not in entry:
            assert page.date_unknown, entry.title
            continue
        # A date the seed text states (e.g. 09:04 25/12/2020), never the import time.
        assert not page.date_unknown, entry.title
        assert calendar.timegm(entry.published_parsed) == int(page.date.timestamp())
        assert page.date < a_day_ago, entry.title
