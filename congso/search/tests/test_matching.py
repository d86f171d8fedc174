"""Vietnamese matching and ranking, on whichever backend the test database selects."""

import pytest

from congso.search.querysets import search

from .factories import article, days_ago, titles

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    "typed", ["chuyen doi so", "CHUYỂN ĐỔI SỐ", "chuyển đổi số", "Chuyen Doi So"]
)
def test_folded_upper_and_accented_queries_find_the_same_article(category, typed):
    article(category, "Hà Tĩnh đẩy mạnh chuyển đổi số")
    assert titles(search(typed)) == ["Hà Tĩnh đẩy mạnh chuyển đổi số"]


def test_d_with_stroke_matches_plain_d(category):
    article(category, "Đường dây nóng Đà Nẵng")
    assert titles(search("duong day nong da nang")) == ["Đường dây nóng Đà Nẵng"]


def test_query_with_diacritics_ranks_exact_matches_above_folded_ones(category):
    article(category, "Bản tin cuối tuần", date=days_ago(1))
    article(category, "Bạn đọc hỏi, cơ quan trả lời", date=days_ago(30))
    assert titles(search("bạn"))[0] == "Bạn đọc hỏi, cơ quan trả lời"
    assert titles(search("bản"))[0] == "Bản tin cuối tuần"


def test_one_wrong_tone_mark_still_finds_the_article(category):
    article(category, "Hội nghị chuyển đổi số toàn tỉnh")
    assert titles(search("chuyển đỗi số")) == ["Hội nghị chuyển đổi số toàn tỉnh"]


def test_missing_tone_mark_still_finds_the_article(category):
    article(category, "Hội nghị chuyển đổi số toàn tỉnh")
    assert titles(search("chuyen đổi số")) == ["Hội nghị chuyển đổi số toàn tỉnh"]


def test_title_match_outranks_body_match(category):
    article(category, "Tin hoạt động của Sở", "Triển khai nền tảng số tại xã.", date=days_ago(1))
    article(category, "Triển khai nền tảng số", "Sở tổ chức hội nghị.", date=days_ago(400))
    assert titles(search("nen tang so"))[0] == "Triển khai nền tảng số"


def test_adjacent_syllables_outrank_scattered_ones(category):
    article(
        category,
        "Tin tổng hợp một",
        "Số liệu tăng, việc chuyển giao được đổi mới.",
        date=days_ago(1),
    )
    article(category, "Tin tổng hợp hai", "Kết quả chuyển đổi số trong năm.", date=days_ago(300))
    assert titles(search("chuyen doi so"))[0] == "Tin tổng hợp hai"


def test_newer_content_wins_ties(category):
    article(category, "Thông báo tuyển dụng", date=days_ago(800))
    article(category, "Thông báo tuyển dụng", date=days_ago(2), slug="thong-bao-tuyen-dung-moi")
    results = search("tuyen dung")
    assert results.hits[0].date > results.hits[1].date


def test_quoted_phrase_requires_adjacent_words(category):
    article(category, "Chuyển đổi số cấp xã")
    article(category, "Số hóa và chuyển đổi quy trình")
    assert titles(search('"chuyển đổi số"')) == ["Chuyển đổi số cấp xã"]


def test_abbreviation_finds_the_full_form(category):
    article(category, "Phát triển công nghệ thông tin")
    assert titles(search("CNTT")) == ["Phát triển công nghệ thông tin"]


def test_full_form_finds_the_abbreviation(category):
    article(category, "Sở TT&TT tổ chức hội nghị")
    assert titles(search("thong tin va truyen thong")) == ["Sở TT&TT tổ chức hội nghị"]


@pytest.mark.parametrize("typed", ["DVC", "dịch vụ công", "dich vu cong"])
def test_public_service_abbreviation_works_both_ways(category, typed):
    article(category, "Cung cấp DVC trực tuyến")
    article(category, "Người dân dùng dịch vụ công")
    assert len(search(typed).hits) == 2


@pytest.mark.parametrize(
    "typed", ["81/2004", "3443/SKHĐT-TH", "3443/skhdt-th", "968.395", "968395", "411/434"]
)
def test_numbers_and_codes_are_found_as_people_write_them(category, typed):
    article(
        category,
        "Báo cáo tổng hợp",
        "Quyết định 81/2004/QĐ-UB; Văn bản số 3443/SKHĐT-TH; 968.395 hồ sơ; 411/434 xã.",
    )
    assert titles(search(typed)) == ["Báo cáo tổng hợp"]


def test_number_in_title_outranks_number_in_body(category):
    article(category, "Tin khác", "Nhắc đến Quyết định 81/2004.", date=days_ago(1))
    article(category, "Quyết định 81/2004 thành lập Sở", date=days_ago(900))
    assert titles(search("81/2004"))[0] == "Quyết định 81/2004 thành lập Sở"


def test_when_no_page_has_every_word_pages_with_some_are_shown(category):
    article(category, "Chuyển đổi số ở Hà Tĩnh")
    results = search("chuyen doi so xyzabc")
    assert results.relaxed
    assert titles(results) == ["Chuyển đổi số ở Hà Tĩnh"]


def test_total_counts_every_match_beyond_the_page(category):
    for n in range(12):
        article(category, f"Chuyển đổi số đợt {n}")
    results = search("chuyen doi so", page_size=5)
    assert results.total == 12
    assert len(results.hits) == 5
    assert results.num_pages == 3


def test_pages_do_not_repeat_results(category):
    for n in range(7):
        article(category, f"Chuyển đổi số đợt {n}")
    first, second = (
        search("chuyen doi so", page=1, page_size=4),
        search("chuyen doi so", page=2, page_size=4),
    )
    assert not set(titles(first)) & set(titles(second))
    assert len(titles(first) + titles(second)) == 7


def test_snippet_marks_matched_words_with_their_diacritics(category):
    article(category, "Tin tức", "Tỉnh đẩy mạnh chuyển đổi số trong cơ quan nhà nước.")
    hit = search("chuyen doi so").hits[0]
    assert "<mark>chuyển</mark> <mark>đổi</mark> <mark>số</mark>" in hit.snippet_html


def test_snippet_escapes_page_text(category):
    article(
        category, "Cảnh báo <b>mã độc</b>", "&lt;script&gt;alert(1)&lt;/script&gt; mã độc lây lan"
    )
    hit = search("ma doc").hits[0]
    assert "<script>" not in hit.snippet_html + hit.title_html
    assert "&lt;script&gt;" in hit.snippet_html
    assert "&lt;b&gt;<mark>mã</mark>" in hit.title_html


@pytest.fixture
def common_query(monkeypatch):
    """Make every query count as 'very common' so the newest-matches path runs."""
    from congso.search.backends import base

    monkeypatch.setattr(base, "RANK_CAP", 1)


def test_very_common_query_still_puts_title_matches_first(category, common_query):
    article(category, "Chuyển đổi số cấp xã", date=days_ago(300))
    article(category, "Tin hoạt động", "Bàn về chuyển đổi số.", date=days_ago(1))
    article(category, "Tin hội nghị", "Kết luận chuyển đổi số.", date=days_ago(2))
    results = search("chuyen doi so")
    assert results.total == 3
    assert titles(results)[0] == "Chuyển đổi số cấp xã"


def test_total_never_exceeds_the_cap_when_a_deep_page_sees_every_match(
    category, common_query, monkeypatch
):
    from congso.search.backends import base

    monkeypatch.setattr(base, "TOTAL_CAP", 2)
    for n in range(3):
        article(category, f"Chuyển đổi số đợt {n}")
    assert search("chuyen doi so", page_size=5).total == 2
