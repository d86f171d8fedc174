"""GET /api/v1/categories (issue 11, part 6)."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import PageViewRestriction

from congso.core.tests.factories import make_article, make_category
from congso.core.tests.second_site import make_second_site


def listing(client, **params) -> list[dict]:
    response = client.get("/api/v1/categories", params)
    assert response.status_code == 200, response.content
    return response.json()["results"]


@pytest.mark.django_db
def test_categories_come_in_tree_order_with_parent_url_and_article_counts(client, home):
    news = make_category(home, "Tin tức")
    sub = make_category(news, "Chuyển đổi số")
    make_article(news, "Ở chuyên mục cha")
    make_article(sub, "Ở chuyên mục con")
    make_article(sub, "Bản nháp", publish=False)
    body = client.get("/api/v1/categories").json()
    assert (body["count"], body["page"], body["page_size"]) == (2, 1, 20)
    assert body["results"] == [
        {
            "id": news.pk,
            "title": "Tin tức",
            "slug": "tin-tuc",
            "url": "http://testserver/tin-tuc/",
            "intro": "",
            "parent": None,
            "article_count": 2,
        },
        {
            "id": sub.pk,
            "title": "Chuyển đổi số",
            "slug": "chuyen-doi-so",
            "url": "http://testserver/tin-tuc/chuyen-doi-so/",
            "intro": "",
            "parent": news.pk,
            "article_count": 1,
        },
    ]


@pytest.mark.django_db
def test_the_parent_filter_lists_direct_subcategories_only(client, home):
    news = make_category(home, "Tin tức")
    sub = make_category(news, "Chuyển đổi số")
    make_category(sub, "Chính quyền số")
    assert [c["title"] for c in listing(client, parent=news.pk)] == ["Chuyển đổi số"]
    assert listing(client, parent=999999) == []


@pytest.mark.django_db
def test_a_parent_that_is_not_an_id_is_a_400_in_vietnamese(client, home):
    response = client.get("/api/v1/categories", {"parent": "tin-tuc"})
    assert response.status_code == 400
    assert response.json()["detail"].startswith("Tham số parent phải là mã số")


@pytest.mark.django_db
def test_unpublished_and_private_categories_never_appear(client, home):
    make_category(home, "Công khai")
    draft = make_category(home, "Nháp")
    draft.unpublish()
    private = make_category(home, "Nội bộ")
    PageViewRestriction.objects.create(
        page=private, restriction_type=PageViewRestriction.PASSWORD, password="x"
    )
    assert [c["title"] for c in listing(client)] == ["Công khai"]


@pytest.mark.django_db
def test_each_site_lists_its_own_categories_on_its_own_address(client, home):
    make_category(home, "Tin tức")
    _, commune_home = make_second_site("xa-thach-ha.localhost", 8000)
    make_category(commune_home, "Tin xã")
    (commune,) = listing(client, site="xa-thach-ha.localhost")
    assert commune["url"] == "http://xa-thach-ha.localhost:8000/tin-xa/"
    assert [c["title"] for c in listing(client, site="testserver")] == ["Tin tức"]
    assert len(listing(client)) == 2


@pytest.mark.django_db
def test_a_page_of_categories_costs_the_same_queries_however_many_it_holds(client, home):
    def queries() -> int:
        with CaptureQueriesContext(connection) as captured:
            assert client.get("/api/v1/categories").status_code == 200
        return len(captured)

    parent = make_category(home, "Tin tức")
    make_article(make_category(parent, "Một"))
    queries()
    one = queries()
    for title in ("Hai", "Ba", "Bốn"):
        make_article(make_category(parent, title))
    assert queries() == one
