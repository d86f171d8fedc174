"""GET /api/v1/drafts and /api/v1/drafts/{id}: the list shape, filters, refusals in
Vietnamese, approved counts only, never an e-mail address or an unpublished draft."""

import pytest

from congso.drafts.models import DraftComment
from congso.drafts.tests.factories import make_comment, make_draft, make_index, make_second_site

pytestmark = pytest.mark.django_db
URL = "/api/v1/drafts"
APPROVED = DraftComment.Status.APPROVED


def titles(response) -> list[str]:
    return [item["title"] for item in response.json()["results"]]


def test_the_list_has_the_apis_shape(client, draft):
    body = client.get(URL).json()
    assert (body["count"], body["page"], body["page_size"]) == (1, 1, 20)
    item = body["results"][0]
    assert item["url"] == f"http://testserver{draft.url}"
    assert item["status"] == "open" and item["drafting_body"] == "Văn phòng Sở"


@pytest.mark.parametrize(("status", "expected"), [("open", ["Mở"]), ("closed", ["Đóng"])])
def test_the_list_filters_by_status(client, index, status, expected):
    make_draft(index, "Mở")
    make_draft(index, "Đóng", state="closed")
    assert titles(client.get(URL, {"status": status})) == expected


def test_all_lists_open_drafts_first(client, index):
    make_draft(index, "Đóng", state="closed")
    make_draft(index, "Mở")
    assert titles(client.get(URL, {"status": "all"})) == ["Mở", "Đóng"]


def test_the_list_filters_by_site_hostname(client, draft):
    commune = make_second_site("xa.localhost")
    make_draft(make_index(commune), "Dự thảo của xã")
    assert titles(client.get(URL, {"site": "xa.localhost"})) == ["Dự thảo của xã"]
    assert titles(client.get(URL, {"site": "testserver"})) == [draft.title]


def test_the_list_pages(client, index):
    for n in range(3):
        make_draft(index, f"Dự thảo {n}")
    body = client.get(URL, {"page": "2", "page_size": "2"}).json()
    assert (body["count"], len(body["results"]), body["page"]) == (3, 1, 2)


@pytest.mark.parametrize(
    ("params", "detail"),
    [
        ({"status": "dang-mo"}, "status chỉ nhận open, closed hoặc all"),
        ({"page": "0"}, "Tham số page phải là số nguyên"),
        ({"page_size": "101"}, "Tham số page_size phải là số nguyên từ 1 đến 100"),
        ({"page": "²"}, "Tham số page"),
        ({"site": "khong-co.example"}, "Không có trang thông tin nào"),
    ],
)
def test_bad_parameters_get_400_in_vietnamese(client, draft, params, detail):
    response = client.get(URL, params)
    assert response.status_code == 400
    assert detail in response.json()["detail"]


def test_unpublished_drafts_never_appear(client, index):
    hidden = make_draft(index, "Dự thảo nội bộ", publish=False)
    assert titles(client.get(URL)) == []
    assert client.get(f"{URL}/{hidden.pk}").status_code == 404


def test_the_detail_gives_sections_with_approved_counts_and_no_email(client, draft):
    first, second = draft.sections.all()
    make_comment(draft, second, status=APPROVED, email="bimat@example.vn")
    make_comment(draft, second)  # pending
    make_comment(draft, status=APPROVED)
    response = client.get(f"{URL}/{draft.pk}")
    body = response.json()
    assert [(s["title"], s["comment_count"]) for s in body["sections"]] == [
        (first.title, 0),
        (second.title, 1),
    ]
    assert (body["comment_count"], body["general_comment_count"]) == (2, 1)
    assert "@example.vn" not in response.content.decode()


def test_an_unknown_draft_is_404_in_vietnamese(client, draft):
    for missing in (draft.pk + 999, 2**70):
        response = client.get(f"{URL}/{missing}")
        assert response.status_code == 404
        assert "Không tìm thấy dự thảo" in response.json()["detail"]


def test_the_endpoints_are_in_the_openapi_schema(client):
    paths = client.get("/api/v1/openapi.json").json()["paths"]
    assert "/api/v1/drafts" in paths and "/api/v1/drafts/{draft_id}" in paths
