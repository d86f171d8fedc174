"""List pages (filters, còn hạn / hết hạn, pagination), RSS, sitemap and search payloads."""

from datetime import timedelta

import pytest
from defusedxml import ElementTree
from django.utils import timezone

from congso.publications import models as m
from congso.publications.tests.factories import make_item, make_recruitment, sections

pytestmark = pytest.mark.django_db


@pytest.fixture
def found(home):
    return sections(home)


def html(client, url: str) -> str:
    response = client.get(url)
    assert response.status_code == 200
    return response.content.decode()


def test_the_recruitment_list_says_which_notices_are_still_open(client, found):
    index = found["tuyen-dung"]
    make_recruitment(
        index, "Tuyển viên chức còn hạn", apply_deadline=timezone.now() + timedelta(days=5)
    )
    make_recruitment(
        index,
        "Tuyển lao động đã hết hạn",
        apply_deadline=timezone.now() - timedelta(days=5),
        history=True,
    )
    text = html(client, index.url)
    open_row = text.split("Tuyển viên chức còn hạn")[1].split("</h2>")[0]
    closed_row = text.split("Tuyển lao động đã hết hạn")[1].split("</h2>")[0]
    assert "Còn hạn" in open_row
    assert "Hết hạn" in closed_row


def test_the_open_filter_keeps_only_open_notices(client, found):
    index = found["tuyen-dung"]
    make_recruitment(index, "Tuyển viên chức còn hạn")
    make_recruitment(
        index,
        "Tuyển lao động đã hết hạn",
        apply_deadline=timezone.now() - timedelta(days=5),
        history=True,
    )
    opened = html(client, f"{index.url}?han=con-han")
    closed = html(client, f"{index.url}?han=het-han")
    assert "Tuyển viên chức còn hạn" in opened and "Tuyển lao động đã hết hạn" not in opened
    assert "Tuyển lao động đã hết hạn" in closed and "Tuyển viên chức còn hạn" not in closed


def test_a_plan_spanning_years_is_found_under_each_of_its_years(client, found):
    index = found["chien-luoc-ke-hoach"]
    make_item(index, "Chương trình giai đoạn 2021 2025", year_from=2021, year_to=2025)
    make_item(index, "Kế hoạch năm 2026", year_from=2026)
    in_2023 = html(client, f"{index.url}?nam=2023")
    in_2026 = html(client, f"{index.url}?nam=2026")
    assert "Chương trình giai đoạn 2021 2025" in in_2023 and "Kế hoạch năm 2026" not in in_2023
    assert "Kế hoạch năm 2026" in in_2026 and "Chương trình giai đoạn 2021 2025" not in in_2026


def test_the_year_filter_offers_only_years_that_have_items(client, found):
    index = found["cong-khai-ngan-sach"]
    make_item(index, "Dự toán 2024", fiscal_year=2024)
    text = html(client, index.url)
    assert '<option value="2024"' in text
    assert '<option value="2019"' not in text


def test_the_kind_filter_of_the_budget_list(client, found):
    index = found["cong-khai-ngan-sach"]
    make_item(index, "Dự toán năm nay", kind=m.BudgetKind.ESTIMATE)
    make_item(index, "Quyết toán năm trước", kind=m.BudgetKind.FINAL)
    text = html(client, f"{index.url}?loai=final")
    assert "Quyết toán năm trước" in text and "Dự toán năm nay" not in text


def test_the_statistics_list_filters_by_the_sectors_editors_typed(client, found):
    index = found["thong-ke-chuyen-nganh"]
    make_item(index, "Số liệu bưu chính", sector="Bưu chính")
    make_item(index, "Số liệu chuyển đổi số", sector="Chuyển đổi số")
    text = html(client, f"{index.url}?linh-vuc=Bưu chính")
    assert "Số liệu bưu chính" in text and "Số liệu chuyển đổi số" not in text


def test_a_bad_filter_value_shows_the_whole_list(client, found):
    index = found["du-an-dau-tu"]
    make_item(index, "Dự án A")
    text = html(client, f"{index.url}?tinh-trang=<script>&nam=abc&page=-3")
    assert "Dự án A" in text
    assert "<script>" not in text


def test_drafts_and_other_sections_items_are_not_listed(client, found):
    index = found["du-an-dau-tu"]
    make_item(index, "Dự án nháp", publish=False)
    make_item(found["thong-tin-dau-thau"], "Mời thầu khác")
    text = html(client, index.url)
    assert "Dự án nháp" not in text and "Mời thầu khác" not in text
    assert "Chuyên mục đang được cập nhật." in text


def test_pagination_keeps_the_filters(client, found, monkeypatch):
    index = found["chien-luoc-ke-hoach"]
    monkeypatch.setattr(m.PlanIndexPage, "per_page", 1)
    make_item(index, "Kế hoạch một", year_from=2025)
    make_item(index, "Kế hoạch hai", year_from=2025)
    text = html(client, f"{index.url}?nam=2025")
    assert "?nam=2025&amp;page=2" in text


def test_an_item_page_shows_its_facts_deadline_and_positions(client, found):
    page = make_recruitment(
        found["tuyen-dung"], "Tuyển viên chức", positions=[("Kỹ sư mạng", 3, "Đại học điện tử")],
        apply_deadline=timezone.make_aware(timezone.datetime(2099, 12, 25, 9, 4)),
    )  # fmt: skip
    text = html(client, page.url)
    assert "Hạn nộp hồ sơ: <strong><time" in text
    assert "09:04 25/12/2099" in text
    assert "Kỹ sư mạng" in text and "Đại học điện tử" in text
    assert "Còn hạn" in text
    assert "Nộp trực tiếp tại Văn phòng." in text


def test_the_disclosure_page_lists_each_section_with_its_latest_items(client, found):
    make_item(found["du-an-dau-tu"], "Dự án trung tâm dữ liệu")
    text = html(client, found["cong-khai-thong-tin"].url)
    assert "Dự án trung tâm dữ liệu" in text
    assert "Tuyển dụng" in text
    assert "Chuyên mục đang được cập nhật." in text  # the other sections are empty


def test_the_rss_feed_lists_items_with_absolute_links_from_the_site(client, found):
    index = found["tuyen-dung"]
    page = make_recruitment(index, "Tuyển viên chức CNTT")
    response = client.get(f"{index.url}rss/")
    assert response.status_code == 200
    channel = ElementTree.fromstring(response.content).find("channel")
    items = channel.findall("item")
    assert [item.findtext("title") for item in items] == ["Tuyển viên chức CNTT"]
    assert items[0].findtext("link") == page.get_full_url()
    assert items[0].findtext("link").startswith("http://testserver/")
    assert "Hạn nộp hồ sơ" in items[0].findtext("description")


def test_the_rss_feed_leaves_out_unpublished_items(client, found):
    index = found["du-an-dau-tu"]
    make_item(index, "Dự án chưa duyệt", publish=False)
    assert (
        b"D\xe1\xbb\xb1 \xc3\xa1n ch\xc6\xb0a duy\xe1\xbb\x87t"
        not in client.get(f"{index.url}rss/").content
    )


def test_the_list_page_links_its_feed(client, found):
    index = found["thong-tin-dau-thau"]
    assert f'type="application/rss+xml" title="{index.title}" href="{index.url}rss/"' in html(
        client, index.url
    )


def test_the_sitemap_has_every_section_and_published_item(client, found):
    page = make_item(found["thong-tin-dau-thau"], "Mời thầu thiết bị")
    draft = make_item(found["du-an-dau-tu"], "Dự án nháp", publish=False)
    text = client.get("/sitemap.xml").content.decode()
    for slug in ("cong-khai-thong-tin", "tuyen-dung", "thong-tin-dau-thau", "cong-khai-ngan-sach"):
        assert f"<loc>{found[slug].get_full_url()}</loc>" in text
    assert f"<loc>{page.get_full_url()}</loc>" in text
    assert draft.slug not in text


def test_a_sections_sitemap_lastmod_follows_its_newest_item(found):
    index = found["thong-tin-dau-thau"]
    page = make_item(index, "Mời thầu mới")
    entry = index.specific.get_sitemap_urls()[0]
    assert entry["lastmod"] >= page.last_published_at


def test_the_search_payload_carries_facts_and_positions(found):
    from congso.search.adapters import payload_for

    page = make_recruitment(
        found["tuyen-dung"], "Tuyển kỹ sư", positions=[("Kỹ sư an toàn thông tin", 1, "")]
    )
    payload = payload_for(page)
    assert payload["type"] == "page"
    assert payload["type_label"] == "Thông báo tuyển dụng"
    assert payload["category"] == "Tuyển dụng"
    assert "Kỹ sư an toàn thông tin" in payload["body"]
    assert "Hạn nộp hồ sơ" in payload["body"]


def test_a_plan_is_found_by_its_decision_number(found):
    from congso.search.adapters import payload_for

    page = make_item(found["chien-luoc-ke-hoach"], "Kế hoạch CĐS", decision_number="15/KH-UBND")
    assert payload_for(page)["code"] == "15/KH-UBND"
