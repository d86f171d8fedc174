"""The seed parser on small fixtures written in the seeds' format (no database)."""

from datetime import datetime
from pathlib import Path

import pytest

from congso.seeds.lines import derive_title, find_agency, find_province, normalise_position
from congso.seeds.parsers import ParsedArticle, parse_related, parse_seed
from congso.seeds.signed_reports import ParsedReport

FIXTURES = Path(__file__).parent / "fixtures"


def load(name: str):
    return parse_seed((FIXTURES / name).read_text(encoding="utf-8"), name)


@pytest.fixture(scope="module")
def photo_article() -> ParsedArticle:
    return load("010_bai_co_anh.txt")


@pytest.fixture(scope="module")
def ticker_article() -> ParsedArticle:
    return load("011_bai_co_tin_chay.txt")


@pytest.fixture(scope="module")
def dated_article() -> ParsedArticle:
    return load("012_bai_co_ngay.txt")


@pytest.fixture(scope="module")
def report() -> ParsedReport:
    return load("013_bao_cao.txt")


def images(article):
    return [(item.image.filename, item.image.caption) for item in article.body if item.image]


def test_a_short_first_line_is_the_category(photo_article):
    assert photo_article.category == "Kinh tế"


def test_an_image_before_any_text_is_the_hero_image(photo_article):
    assert photo_article.hero.filename == "toan-canh.jpg"
    assert photo_article.hero.caption == ""


def test_the_first_paragraph_is_the_sapo(photo_article):
    assert photo_article.sapo.startswith("Sở Nông nghiệp tỉnh Hòa An tổng kết vụ lúa")


def test_a_seed_without_a_title_gets_one_derived_from_its_lead(photo_article):
    assert photo_article.title_derived
    assert photo_article.title == (
        "Sở Nông nghiệp tỉnh Hòa An tổng kết vụ lúa đông xuân với nhiều mô hình liên kết sản xuất mới"
    )


def test_the_line_after_an_image_is_its_caption(photo_article):
    assert ("dong-lua.jpg", "Cánh đồng lớn ở xã Minh Châu vào mùa thu hoạch.") in images(
        photo_article
    )


def test_images_in_a_row_share_the_caption_printed_once_under_the_last(photo_article):
    group = [item for item in photo_article.body if item.image and "may-gat" in item.image.filename]
    assert [item.image.caption for item in group] == [
        "Máy gặt đập liên hợp được đưa vào các cánh đồng lớn."
    ] * 2
    assert [item.show_caption for item in group] == [False, True]


def test_a_short_line_after_a_blank_line_below_an_image_is_its_caption(photo_article):
    assert ("kho-lua.png", "Kho lúa của hợp tác xã sau vụ thu hoạch.") in images(photo_article)


def test_body_keeps_reading_order_of_text_and_images(photo_article):
    kinds = [item.kind for item in photo_article.body]
    assert kinds == [
        "paragraph",
        "image",
        "paragraph",
        "image",
        "image",
        "paragraph",
        "image",
        "paragraph",
    ]


def test_capture_leftovers_are_skipped_not_published(photo_article):
    assert photo_article.skipped == ["Banner 2"]
    assert all("Banner" not in (item.text or "") for item in photo_article.body)


def test_an_upper_case_name_and_a_position_make_the_byline(photo_article):
    assert photo_article.author == "Trần Minh Khoa"
    assert photo_article.author_position == "Giám đốc Sở Nông nghiệp"


def test_the_read_more_list_pairs_each_title_with_its_summary(photo_article):
    titles = [entry.title for entry in photo_article.related]
    assert titles == [
        "Hội nghị triển khai kế hoạch bầu cử ở xã Minh Châu",
        "Cử tri vùng cao sẵn sàng cho ngày bầu cử",
        "Tập huấn nghiệp vụ cho tổ bầu cử các khu vực bỏ phiếu",
    ]
    assert photo_article.related[0].sapo.startswith("Ủy ban bầu cử xã Minh Châu")


def test_a_read_more_entry_with_only_a_title_has_no_summary(photo_article):
    assert photo_article.related[1].sapo == ""


def test_read_more_titles_printed_once_are_told_apart_from_summaries():
    entries = parse_related(
        ["Tin thứ nhất", "Tóm tắt tin thứ nhất.", "Tin thứ hai", "Tóm tắt tin thứ hai."]
    )
    assert [(e.title, e.sapo) for e in entries] == [
        ("Tin thứ nhất", "Tóm tắt tin thứ nhất."),
        ("Tin thứ hai", "Tóm tắt tin thứ hai."),
    ]


def test_a_line_of_pipe_separated_headlines_is_the_ticker(ticker_article):
    assert ticker_article.ticker == [
        "Hòa An khởi công tuyến đường ven biển",
        "Chợ phiên vùng cao nhộn nhịp ngày cuối tuần",
        "Một năm nhìn lại ngành nông nghiệp Hòa An",
    ]


def test_the_title_follows_the_ticker(ticker_article):
    assert ticker_article.title == "Một năm nhìn lại ngành nông nghiệp Hòa An"
    assert not ticker_article.title_derived


def test_a_time_and_date_line_is_the_publish_time(ticker_article):
    assert ticker_article.date == datetime(2021, 11, 20, 14, 30)
    assert ticker_article.date_precision == "minute"


def test_short_lines_without_a_full_stop_are_subheadings(ticker_article):
    headings = [item.text for item in ticker_article.body if item.kind == "heading"]
    assert headings == [
        "Sản xuất lúa đạt kết quả khả quan",
        "Xây dựng nông thôn mới đi vào chiều sâu",
    ]


def test_a_paragraph_set_apart_by_two_blank_lines_is_a_caption_without_photo(ticker_article):
    captions = [item.text for item in ticker_article.body if item.kind == "caption"]
    assert captions == [
        "Cán bộ khuyến nông hướng dẫn nông dân sử dụng ứng dụng nhật ký đồng ruộng trên điện thoại."
    ]


def test_a_short_last_line_is_a_byline_without_position(ticker_article):
    assert (ticker_article.author, ticker_article.author_position) == ("P.T", "")


def test_the_page_chrome_after_the_article_is_dropped(ticker_article):
    text = " ".join(item.text for item in ticker_article.body)
    assert "Thống kê" not in text and "nhận xét" not in text and "Lượt truy cập" not in text


def test_a_dated_title_line_gives_title_and_month(dated_article):
    assert (
        dated_article.title
        == "Sở Nông nghiệp tỉnh Hòa An khen thưởng 5 tập thể điển hình tiên tiến"
    )


def test_the_day_comes_from_the_lead_when_the_header_gives_only_the_month(dated_article):
    assert dated_article.date == datetime(2021, 3, 5)
    assert dated_article.date_precision == "day"


def test_a_signed_report_is_recognised_as_a_report(report):
    assert isinstance(report, ParsedReport)
    assert report.full_title == (
        "Báo cáo kết quả thực hiện nhiệm vụ năm 2021 và kế hoạch năm 2022 của Sở Nông nghiệp"
    )


def test_report_lines_are_rejoined_into_paragraphs(report):
    assert "1. Sản xuất nông nghiệp tăng trưởng khá, giá trị sản xuất tăng so với năm trước." in (
        report.paragraphs
    )


def test_the_signature_block_gives_signer_position_and_authority(report):
    assert (report.signer_name, report.signer_position, report.signer_authority) == (
        "Lê Thu Hà",
        "Phó Giám đốc",
        "KT. Giám đốc",
    )


def test_the_digital_signature_times_and_address_are_read(report):
    assert report.signed_at[0].isoformat() == "2021-12-10T09:15:00+07:00"
    assert report.emails == ["vanthu@hoaan.gov.vn"]
    assert report.recipients == ["UBND tỉnh", "Lưu: VT"]


def test_an_empty_seed_gives_nothing():
    assert parse_seed("  \n\n ") is None


def test_a_long_lead_gives_a_title_cut_at_a_clause():
    lead = (
        "Ủy ban nhân dân tỉnh ban hành kế hoạch cải cách hành chính giai đoạn mới, tập trung vào "
        "số hóa hồ sơ, rút ngắn thời gian giải quyết thủ tục và nâng cao sự hài lòng của người dân…"
    )
    assert derive_title(lead) == (
        "Ủy ban nhân dân tỉnh ban hành kế hoạch cải cách hành chính giai đoạn mới"
    )


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("PHÓ GIÁM ĐỐC", "Phó Giám đốc"),
        ("Giám đốc Sở TT&TT", "Giám đốc"),
        ("Chuyên viên", "Chuyên viên"),
    ],
)
def test_positions_are_normalised(raw, expected):
    assert normalise_position(raw) == expected


def test_the_province_and_the_agency_are_found_in_the_texts():
    texts = [
        (FIXTURES / name).read_text(encoding="utf-8")
        for name in sorted(p.name for p in FIXTURES.iterdir())
    ]
    province = find_province(texts)
    assert province == "Hòa An"
    assert find_agency(texts, province) == "Sở Nông nghiệp"
