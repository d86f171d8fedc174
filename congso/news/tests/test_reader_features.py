"""What a reader gets on news pages, as the seed pages show it."""

import json
import re
from datetime import datetime
from zoneinfo import ZoneInfo

import pytest

from congso.core.tests.factories import make_article, make_category

VN = ZoneInfo("Asia/Ho_Chi_Minh")
pytestmark = pytest.mark.django_db


def test_article_shows_breadcrumb_by_category(client, article, category):
    html = client.get(article.url).content.decode()
    crumb = re.search(r'<nav class="breadcrumb".*?</nav>', html, re.S).group(0)
    assert "Trang chủ" in crumb
    assert category.title in crumb
    assert article.title in crumb


def test_article_date_uses_vietnamese_format(client, category):
    article = make_article(category, date=datetime(2020, 12, 25, 9, 4, tzinfo=VN))
    assert "09:04 25/12/2020" in client.get(article.url).content.decode()


def test_read_more_lists_same_category_newest_first_without_the_article_itself(client, category):
    older = make_article(
        category, "Bài cũ hơn", date=datetime(2024, 1, 1, tzinfo=VN), sapo="Sapo bài cũ."
    )
    newer = make_article(category, "Bài mới hơn", date=datetime(2024, 6, 1, tzinfo=VN))
    current = make_article(category, "Bài đang đọc", date=datetime(2024, 3, 1, tzinfo=VN))
    html = client.get(current.url).content.decode()
    related = html.split('id="related-title"', 1)[1]
    assert related.index(newer.title) < related.index(older.title)
    assert "Sapo bài cũ." in related
    assert current.title not in related


def test_read_more_includes_articles_sharing_a_tag_from_other_categories(client, home, category):
    other = make_category(home, "Bầu cử")
    tagged = make_article(other, "Bầu cử đại biểu Quốc hội")
    tagged.tags.add("bầu cử")
    tagged.save_revision().publish()
    current = make_article(category, "Chuyển đổi số phục vụ bầu cử")
    current.tags.add("bầu cử")
    current.save_revision().publish()
    related = client.get(current.url).content.decode().split('id="related-title"', 1)[1]
    assert tagged.title in related


def test_unpublished_article_is_not_served(client, category):
    draft = make_article(category, "Bản nháp chưa duyệt", publish=False)
    assert client.get(f"{category.url}{draft.slug}/").status_code == 404


def test_unpublished_article_never_appears_in_listings(client, home, category):
    make_article(category, "Bản nháp chưa duyệt", publish=False)
    assert "Bản nháp chưa duyệt" not in client.get(home.url).content.decode()
    assert "Bản nháp chưa duyệt" not in client.get(category.url).content.decode()


def test_home_page_shows_ticker_of_latest_headlines(client, home, category):
    for n in range(3):
        make_article(category, f"Tin chạy số {n}", date=datetime(2024, 1, 1 + n, tzinfo=VN))
    html = client.get(home.url).content.decode()
    ticker = re.search(r'<section class="ticker".*?</section>', html, re.S).group(0)
    assert ticker.index("Tin chạy số 2") < ticker.index("Tin chạy số 0")


def test_home_page_has_a_block_per_category(client, home, category, article):
    html = client.get(home.url).content.decode()
    assert f'href="{category.url}"' in html
    assert article.title in html


def test_every_page_links_the_site_rss_feed(client, article):
    html = client.get(article.url).content.decode()
    assert re.search(r'<link rel="alternate" type="application/rss\+xml"[^>]+href="/rss/"', html)


def test_site_feed_lists_published_articles(client, home, article):
    response = client.get("/rss/")
    assert response["Content-Type"].startswith("application/rss+xml")
    assert article.title in response.content.decode()


def test_category_feed_lists_only_that_category(client, home, category, article):
    other = make_category(home, "Bầu cử")
    make_article(other, "Tin bầu cử riêng")
    body = client.get(f"{category.url}rss/").content.decode()
    assert article.title in body
    assert "Tin bầu cử riêng" not in body


def test_sitemap_lists_published_pages_only(client, category, article):
    draft = make_article(category, "Bản nháp", publish=False)
    body = client.get("/sitemap.xml").content.decode()
    assert article.url in body
    assert f"/{draft.slug}/" not in body


def test_robots_txt_names_the_sitemap(client, home):
    body = client.get("/robots.txt").content.decode()
    assert "Sitemap: http://testserver/sitemap.xml" in body


def test_unknown_address_gets_vietnamese_404(client, home):
    response = client.get("/khong-co-trang-nay/")
    assert response.status_code == 404
    assert "Không tìm thấy trang" in response.content.decode()


def test_article_has_open_graph_tags(client, article):
    html = client.get(article.url).content.decode()
    assert '<meta property="og:type" content="article">' in html
    assert f'<meta property="og:title" content="{article.title}">' in html


def test_article_has_news_article_json_ld(client, article):
    html = client.get(article.url).content.decode()
    raw = re.search(r'<script type="application/ld\+json">(.*?)</script>', html, re.S).group(1)
    data = json.loads(raw)
    assert data["@type"] == "NewsArticle"
    assert data["headline"] == article.title


def test_json_ld_cannot_be_broken_out_of_by_a_title(client, category):
    article = make_article(category, "Tiêu đề </script><script>alert(1)</script>")
    html = client.get(article.url).content.decode()
    assert "<script>alert(1)</script>" not in html


def test_byline_is_printed_in_capitals_with_position(client, category):
    article = make_article(category, author="Đậu Tùng Lâm", author_position="Giám đốc Sở TT&TT")
    assert "ĐẬU TÙNG LÂM — Giám đốc Sở TT&amp;TT" in client.get(article.url).content.decode()


def test_article_offers_a_print_button_and_print_stylesheet(client, article):
    html = client.get(article.url).content.decode()
    assert 'data-action="print"' in html
    assert 'media="print"' in html


def test_topic_page_lists_its_articles(client, home, category):
    from congso.news.models import Topic

    topic = Topic.objects.create(name="Ngày Chuyển đổi số quốc gia")
    make_article(category, "Hưởng ứng Ngày Chuyển đổi số", topic=topic)
    body = client.get(f"/su-kien/{topic.slug}/").content.decode()
    assert "Hưởng ứng Ngày Chuyển đổi số" in body


def test_tag_page_lists_articles_with_a_vietnamese_tag(client, home, category):
    article = make_article(category, "Bài có từ khóa")
    article.tags.add("chuyển đổi số")
    article.save_revision().publish()
    # The address the article links to: the tag's slug (a name with spaces cannot be routed).
    response = client.get("/the/chuyển-đổi-số/")
    assert "Bài có từ khóa" in response.content.decode()


def test_tag_page_with_hostile_tag_is_refused_without_echoing_it(client, home):
    response = client.get("/the/%3Cscript%3Ealert(1)%3C%2Fscript%3E/")
    assert response.status_code in (200, 404)
    assert "<script>alert(1)" not in response.content.decode()


def test_read_more_shows_editor_picks_first_even_from_other_categories(client, home, category):
    other = make_category(home, "Bầu cử")
    pick = make_article(other, "Tin bầu cử được chọn", date=datetime(2020, 1, 1, tzinfo=VN))
    make_article(category, "Bài cùng chuyên mục mới hơn", date=datetime(2024, 1, 1, tzinfo=VN))
    current = make_article(category, "Bài đang đọc")
    current.related_links.create(page=pick)
    current.save_revision().publish()
    related = client.get(current.url).content.decode().split('id="related-title"', 1)[1]
    assert related.index(pick.title) < related.index("Bài cùng chuyên mục mới hơn")


def test_read_more_hides_an_unpublished_editor_pick(client, category):
    pick = make_article(category, "Tin đã gỡ")
    current = make_article(category, "Bài đang đọc")
    current.related_links.create(page=pick)
    current.save_revision().publish()
    pick.unpublish()
    assert "Tin đã gỡ" not in client.get(current.url).content.decode()


def test_tag_page_refuses_an_overlong_tag(client, home):
    assert client.get(f"/the/{'x' * 101}/").status_code == 404


def test_unknown_topic_is_a_404(client, home):
    assert client.get("/su-kien/khong-co-su-kien-nay/").status_code == 404


def test_a_tag_page_past_the_last_page_shows_the_last_page(client, home, category):
    article = make_article(category, "Bài duy nhất có từ khóa")
    article.tags.add("cntt")
    article.save_revision().publish()
    response = client.get("/the/cntt/", {"page": "999"})
    assert response.status_code == 200
    assert "Bài duy nhất có từ khóa" in response.content.decode()


def test_an_articles_multi_word_tag_link_opens_the_tag_page(client, home, category):
    article = make_article(category, "Bài có từ khóa nhiều chữ")
    article.tags.add("chuyển đổi số")
    article.save_revision().publish()
    html = client.get(article.url).content.decode()
    link = re.search(r'<p class="tags">.*?href="([^"]+)"', html, re.S).group(1)
    response = client.get(link)
    assert response.status_code == 200
    assert "Từ khóa: chuyển đổi số" in response.content.decode()
