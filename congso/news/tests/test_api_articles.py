"""GET /api/v1/articles and /api/v1/articles/{id} (issue 11, part 6)."""

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from wagtail.models import PageViewRestriction

from congso.core.tests.factories import TopicFactory, make_article, make_category, make_image
from congso.core.tests.second_site import make_second_site

VN = ZoneInfo("Asia/Ho_Chi_Minh")


def titles(response) -> list[str]:
    assert response.status_code == 200, response.content
    return [item["title"] for item in response.json()["results"]]


@pytest.mark.django_db
def test_the_list_has_the_documents_shape_newest_first(client, category):
    now = timezone.now()
    make_article(category, "Cũ", date=now - timedelta(days=2))
    make_article(category, "Mới", date=now)
    body = client.get("/api/v1/articles").json()
    assert set(body) == {"count", "page", "page_size", "results"}
    assert (body["count"], body["page"], body["page_size"]) == (2, 1, 20)
    assert [a["title"] for a in body["results"]] == ["Mới", "Cũ"]


@pytest.mark.django_db
def test_an_item_carries_its_category_tags_topic_image_and_byline(client, category):
    topic = TopicFactory(name="Bầu cử đại biểu Quốc hội")
    article = make_article(
        category,
        "Khai mạc hội nghị",
        hero_image=make_image(caption="Toàn cảnh hội nghị"),
        author="Đậu Tùng Lâm",
        author_position="Phóng viên",
        source="Báo Hà Tĩnh",
        topic=topic,
    )
    article.tags.add("chuyển đổi số")
    article.save_revision().publish()
    (item,) = client.get("/api/v1/articles").json()["results"]
    assert item["url"] == "http://testserver/chuyen-doi-so/khai-mac-hoi-nghi/"
    assert item["category"] == {
        "id": category.pk,
        "title": "Chuyển đổi số",
        "url": "http://testserver/chuyen-doi-so/",
    }
    assert [t["name"] for t in item["tags"]] == ["chuyển đổi số"]
    assert item["topic"]["name"] == "Bầu cử đại biểu Quốc hội"
    assert item["topic"]["url"] == f"http://testserver/su-kien/{topic.slug}/"
    assert item["hero_image"]["url"].startswith("http://testserver/media/images/")
    assert item["hero_image"]["alt"] == "Toàn cảnh hội nghị"
    assert (item["author"], item["source"]) == ("Đậu Tùng Lâm", "Báo Hà Tĩnh")
    assert item["published_at"].endswith("+07:00")


@pytest.mark.django_db
def test_an_article_without_a_stated_date_has_no_published_time(client, category):
    make_article(category, date_unknown=True)
    (item,) = client.get("/api/v1/articles").json()["results"]
    assert item["published_at"] is None and item["date_unknown"] is True
    assert item["first_published_at"] is not None


@pytest.mark.django_db
def test_pages_are_cut_by_page_and_page_size(client, category):
    now = timezone.now()
    for n in range(5):
        make_article(category, f"Tin {n}", date=now - timedelta(hours=n))
    body = client.get("/api/v1/articles", {"page": 2, "page_size": 2}).json()
    assert body["count"] == 5 and (body["page"], body["page_size"]) == (2, 2)
    assert [a["title"] for a in body["results"]] == ["Tin 2", "Tin 3"]
    assert client.get("/api/v1/articles", {"page": 9, "page_size": 2}).json()["results"] == []


@pytest.mark.django_db
@pytest.mark.parametrize(
    "params, name",
    [
        ({"page_size": "101"}, "page_size"),
        ({"page_size": "0"}, "page_size"),
        ({"page": "abc"}, "page"),
        ({"page": "²"}, "page"),
    ],
)
def test_a_bad_page_number_is_a_400_in_vietnamese(client, home, params, name):
    response = client.get("/api/v1/articles", params)
    assert response.status_code == 400
    assert response.json()["detail"].startswith(f"Tham số {name} phải là số nguyên từ 1 đến")


@pytest.mark.django_db
def test_the_category_filter_takes_an_id_or_a_slug_and_includes_subcategories(client, home):
    news = make_category(home, "Tin tức")
    sub = make_category(news, "Chuyển đổi số")
    other = make_category(home, "Thông báo")
    make_article(sub, "Trong chuyên mục con")
    make_article(other, "Ở chuyên mục khác")
    assert titles(client.get("/api/v1/articles", {"category": news.pk})) == ["Trong chuyên mục con"]
    assert titles(client.get("/api/v1/articles", {"category": "thong-bao"})) == [
        "Ở chuyên mục khác"
    ]
    assert titles(client.get("/api/v1/articles", {"category": "khong-co"})) == []


@pytest.mark.django_db
def test_the_tag_filter_takes_the_name_or_the_slug(client, category):
    tagged = make_article(category, "Có từ khóa")
    tagged.tags.add("Chuyển đổi số")
    tagged.save_revision().publish()
    make_article(category, "Không từ khóa")
    slug = tagged.tags.first().slug
    assert titles(client.get("/api/v1/articles", {"tag": "chuyển đổi số"})) == ["Có từ khóa"]
    assert titles(client.get("/api/v1/articles", {"tag": slug})) == ["Có từ khóa"]


@pytest.mark.django_db
def test_the_topic_filter_takes_the_topic_slug(client, category):
    topic = TopicFactory(name="Ngày Chuyển đổi số quốc gia")
    make_article(category, "Thuộc sự kiện", topic=topic)
    make_article(category, "Ngoài sự kiện")
    assert titles(client.get("/api/v1/articles", {"topic": topic.slug})) == ["Thuộc sự kiện"]


@pytest.mark.django_db
def test_the_date_range_counts_whole_days_in_vietnam_time(client, category):
    # 00:30 on 10/03 in Hà Nội is still 09/03 in UTC: the filter must use Vietnamese days.
    make_article(category, "Sáng sớm 10/03", date=datetime(2025, 3, 10, 0, 30, tzinfo=VN))
    make_article(category, "Tối 09/03", date=datetime(2025, 3, 9, 23, 30, tzinfo=VN))
    make_article(category, "Cuối ngày 11/03", date=datetime(2025, 3, 11, 23, 59, tzinfo=VN))
    only_10 = {"from": "2025-03-10", "to": "10/03/2025"}
    assert titles(client.get("/api/v1/articles", only_10)) == ["Sáng sớm 10/03"]
    since_10 = titles(client.get("/api/v1/articles", {"from": "2025-03-10"}))
    assert since_10 == ["Cuối ngày 11/03", "Sáng sớm 10/03"]


@pytest.mark.django_db
def test_a_range_that_ends_before_it_starts_is_a_400_in_vietnamese(client, home):
    response = client.get("/api/v1/articles", {"from": "2025-03-10", "to": "2025-03-01"})
    assert response.status_code == 400
    assert response.json()["detail"].startswith("Từ ngày (10/03/2025) đứng sau đến ngày")


@pytest.mark.django_db
def test_a_date_that_is_not_a_date_is_a_400_in_vietnamese(client, home):
    response = client.get("/api/v1/articles", {"to": "31/02/2025"})
    assert response.status_code == 400
    assert "Đến ngày (tham số to) không hợp lệ" in response.json()["detail"]


@pytest.mark.django_db
def test_control_characters_in_filters_are_dropped_not_a_500(client, category):
    make_article(category, "Tin")
    response = client.get("/api/v1/articles", {"tag": "a\x00b", "category": "\x00"})
    assert response.status_code == 200


@pytest.mark.django_db
def test_unpublished_private_and_expired_articles_never_appear(client, home, category):
    make_article(category, "Công khai")
    draft = make_article(category, "Bản nháp", publish=False)
    expired = make_article(category, "Hết hạn")
    expired.expire_at = timezone.now() - timedelta(minutes=1)
    expired.save()
    private_category = make_category(home, "Nội bộ")
    private = make_article(private_category, "Sau mật khẩu")
    PageViewRestriction.objects.create(
        page=private_category, restriction_type=PageViewRestriction.PASSWORD, password="x"
    )
    assert titles(client.get("/api/v1/articles")) == ["Công khai"]
    for page in (draft, expired, private):
        response = client.get(f"/api/v1/articles/{page.pk}")
        assert response.status_code == 404
        assert response.json()["detail"] == (
            "Không tìm thấy tin bài, hoặc tin bài chưa được công bố."
        )


@pytest.mark.django_db
def test_an_unknown_or_impossible_id_is_a_404(client, home):
    assert client.get("/api/v1/articles/999999").status_code == 404
    assert client.get(f"/api/v1/articles/{2**63}").status_code == 404


@pytest.mark.django_db
def test_the_site_filter_keeps_each_sites_articles_on_its_own_address(client, category):
    make_article(category, "Tin của Sở")
    site, commune_home = make_second_site("xa-thach-ha.localhost", 8000)
    make_article(make_category(commune_home, "Tin xã"), "Tin của xã")
    commune = client.get("/api/v1/articles", {"site": "xa-thach-ha.localhost"}).json()
    assert [a["title"] for a in commune["results"]] == ["Tin của xã"]
    assert commune["results"][0]["url"] == "http://xa-thach-ha.localhost:8000/tin-xa/tin-cua-xa/"
    assert titles(client.get("/api/v1/articles", {"site": "testserver"})) == ["Tin của Sở"]
    assert titles(client.get("/api/v1/articles", {"site": str(site.pk)})) == ["Tin của xã"]
    assert titles(client.get("/api/v1/articles", {"site": "xa-thach-ha.localhost:8000"})) == [
        "Tin của xã"
    ]


@pytest.mark.django_db
def test_addresses_come_from_the_site_record_not_the_host_header(client, category):
    article = make_article(category, "Tin của Sở")
    make_second_site("xa-thach-ha.localhost", 8000)
    response = client.get(f"/api/v1/articles/{article.pk}", HTTP_HOST="xa-thach-ha.localhost:8000")
    assert response.json()["url"] == "http://testserver/chuyen-doi-so/tin-cua-so/"
    listing = client.get("/api/v1/articles", HTTP_HOST="xa-thach-ha.localhost:8000").json()
    assert listing["results"][0]["url"] == "http://testserver/chuyen-doi-so/tin-cua-so/"


@pytest.mark.django_db
def test_an_unknown_site_is_a_400_in_vietnamese(client, home):
    response = client.get("/api/v1/articles", {"site": "khong-co.gov.vn"})
    assert response.status_code == 400
    assert "Không có trang thông tin nào là “khong-co.gov.vn”" in response.json()["detail"]


@pytest.mark.django_db
def test_the_detail_body_is_html_with_absolute_links_and_images_on_its_site(client, category):
    target = make_article(category, "Bài được dẫn")
    site, commune_home = make_second_site("xa-thach-ha.localhost", 8000)
    commune_category = make_category(commune_home, "Tin xã")
    commune_target = make_article(commune_category, "Bài khác của xã")
    image = make_image(caption="Ảnh minh họa")
    article = make_article(
        commune_category,
        "Bài có nội dung",
        body=[
            (
                "paragraph",
                f'<p>Xem <a linktype="page" id="{commune_target.pk}">bài của xã</a> và '
                f'<a linktype="page" id="{target.pk}">bài của Sở</a>.</p>',
            ),
            ("image", {"image": image, "caption": "Ảnh", "alignment": "full"}),
        ],
    )
    body = client.get(f"/api/v1/articles/{article.pk}").json()["body"]
    assert 'href="http://xa-thach-ha.localhost:8000/tin-xa/bai-khac-cua-xa/"' in body
    assert 'href="http://testserver/chuyen-doi-so/bai-duoc-dan/"' in body
    assert 'src="http://xa-thach-ha.localhost:8000/media/images/' in body
    assert 'href="/' not in body and 'src="/' not in body


@pytest.mark.django_db
def test_the_detail_lists_related_articles_with_absolute_urls(client, category):
    older = make_article(category, "Tin cũ", date=timezone.now() - timedelta(days=1))
    article = make_article(category, "Tin mới")
    related = client.get(f"/api/v1/articles/{article.pk}").json()["related"]
    assert related == [
        {"id": older.pk, "title": "Tin cũ", "url": "http://testserver/chuyen-doi-so/tin-cu/"}
    ]


@pytest.mark.django_db
def test_a_page_of_articles_costs_the_same_queries_however_many_it_holds(client, home):
    topic = TopicFactory()
    categories = [make_category(home, "Tin tức"), make_category(home, "Thông báo")]

    def add(n):
        for i in range(n):
            article = make_article(
                categories[i % 2], hero_image=make_image(caption="Ảnh"), topic=topic
            )
            article.tags.add("chuyển đổi số", f"từ khóa {i}")
            article.save_revision().publish()

    def queries() -> int:
        with CaptureQueriesContext(connection) as captured:
            assert client.get("/api/v1/articles").status_code == 200
        return len(captured)

    add(2)
    queries()  # warm the per-process caches and make the renditions once
    two = queries()
    add(4)
    queries()
    assert queries() == two
    assert two <= 10
