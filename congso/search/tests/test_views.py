"""The results page at /tim-kiem/."""

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from .factories import article

pytestmark = pytest.mark.django_db


def test_results_page_lists_the_matching_article_with_highlights(client, category):
    page = article(category, "Hà Tĩnh đẩy mạnh chuyển đổi số")
    response = client.get("/tim-kiem/", {"q": "chuyen doi so"})
    content = response.content.decode()
    assert response.status_code == 200
    assert f'href="{page.url}"' in content
    assert "<mark>chuyển</mark> <mark>đổi</mark> <mark>số</mark>" in content
    assert "Tin bài" in content


def test_results_page_refills_the_header_search_box(client, home):
    response = client.get("/tim-kiem/", {"q": "chuyen doi so"})
    assert (
        'id="header-search" type="search" name="q" placeholder="Tìm kiếm (có thể gõ không dấu)…" maxlength="200" value="chuyen doi so"'
        in response.content.decode()
    )


def test_no_match_gives_a_helpful_message(client, home):
    response = client.get("/tim-kiem/", {"q": "khongcogi"})
    content = response.content.decode()
    assert "Không tìm thấy kết quả nào cho «khongcogi»" in content
    assert "gõ không dấu" in content


def test_empty_query_shows_how_to_search(client, home):
    response = client.get("/tim-kiem/")
    assert response.status_code == 200
    assert "Nhập từ khóa để tìm" in response.content.decode()


def test_total_is_written_the_vietnamese_way(client, category):
    for n in range(11):
        article(category, f"Chuyển đổi số đợt {n}")
    response = client.get("/tim-kiem/", {"q": "chuyen doi so"})
    content = response.content.decode()
    assert "Tìm thấy 11 kết quả" in content
    assert "Trang 1 / 2" in content
    assert "page=2" in content


def test_bad_date_gives_a_vietnamese_message_and_still_searches(client, category):
    article(category, "Chuyển đổi số")
    response = client.get("/tim-kiem/", {"q": "chuyen doi so", "from": "31/02/2024"})
    content = response.content.decode()
    assert "Từ ngày không hợp lệ" in content
    assert "Tìm thấy 1 kết quả" in content


def test_dates_accept_the_vietnamese_day_month_year_form(client, category):
    article(category, "Chuyển đổi số")
    response = client.get(
        "/tim-kiem/", {"q": "chuyen doi so", "from": "01/01/1990", "to": "31/12/2199"}
    )
    assert "Tìm thấy 1 kết quả" in response.content.decode()


def test_from_after_to_gives_a_message_and_is_not_swapped(client, category):
    article(category, "Chuyển đổi số")
    response = client.get(
        "/tim-kiem/", {"q": "chuyen doi so", "from": "31/12/2024", "to": "01/01/2024"}
    )
    content = response.content.decode()
    assert "Từ ngày (31/12/2024) đứng sau đến ngày (01/01/2024)" in content
    # Same rule as the API: not swapped. The reader's dates stay in the form to be mended and
    # the results are not filtered by date meanwhile.
    assert 'name="from" value="2024-12-31"' in content
    assert 'name="to" value="2024-01-01"' in content
    assert "Tìm thấy 1 kết quả" in content


def test_empty_dates_from_the_form_mean_no_bound(client, category):
    article(category, "Chuyển đổi số")
    response = client.get("/tim-kiem/", {"q": "chuyen doi so", "from": "", "to": ""})
    content = response.content.decode()
    assert "không hợp lệ" not in content
    assert "Tìm thấy 1 kết quả" in content


def test_unknown_type_gives_a_message(client, home):
    response = client.get("/tim-kiem/", {"q": "x", "type": "bogus"})
    assert "Loại nội dung không hợp lệ" in response.content.decode()


def test_user_input_is_escaped_on_the_page(client, home):
    response = client.get("/tim-kiem/", {"q": '<script>alert("x")</script>'})
    content = response.content.decode()
    assert '<script>alert("x")</script>' not in content
    assert "&lt;script&gt;" in content


def test_over_long_query_is_cut_with_a_message(client, home):
    response = client.get("/tim-kiem/", {"q": "chuyển đổi số " * 800})
    assert response.status_code == 200
    assert "Từ khóa quá dài" in response.content.decode()


@pytest.mark.parametrize(
    "hostile",
    [
        '"',
        '"""',
        "* ( ) : ^ - NEAR OR AND",
        "NEAR(a b)",
        "' OR 1=1 --",
        "'; DROP TABLE search_fts; --",
        "\x00",
        "🙂",
        "中文 русский عربى",
        "a\\b",
        "%_%",
    ],
)
def test_hostile_queries_give_a_normal_page(client, category, hostile):
    article(category, "Chuyển đổi số")
    assert (
        client.get("/tim-kiem/", {"q": hostile, "page": "x", "page_size": "-1"}).status_code == 200
    )


@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(q=st.text(max_size=300), page=st.text(max_size=5), date=st.text(max_size=12))
def test_any_unicode_query_gives_a_normal_page(client, home, q, page, date):
    response = client.get("/tim-kiem/", {"q": q, "page": page, "from": date})
    assert response.status_code == 200
