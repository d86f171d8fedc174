"""GET /api/v1/schedule: defaults (this week and next), filters, errors, only live pages."""

from datetime import date

import pytest

from congso.schedule import querysets
from congso.schedule.tests.factories import EntryFactory, make_schedule_page, make_second_site

URL = "/api/v1/schedule"
TODAY = date(2027, 1, 3)  # a Sunday: this week is 2026-W53 (28/12/2026–03/01/2027)


@pytest.fixture
def page(home, monkeypatch):
    monkeypatch.setattr(querysets, "today", lambda: TODAY)
    return make_schedule_page(home)


def test_without_parameters_gives_this_week_and_next(client, page):
    EntryFactory(page=page, day=date(2026, 12, 27), content="Tuần trước")
    EntryFactory(page=page, day=date(2026, 12, 28), content="Thứ hai tuần này")
    EntryFactory(page=page, day=date(2027, 1, 10), content="Chủ nhật tuần sau")
    EntryFactory(page=page, day=date(2027, 1, 11), content="Tuần sau nữa")
    body = client.get(URL).json()
    assert [r["content"] for r in body["results"]] == ["Thứ hai tuần này", "Chủ nhật tuần sau"]
    assert body["count"] == 2 and body["page"] == 1 and body["page_size"] == 20
    first = body["results"][0]
    assert first["weekday"] == "Thứ Hai" and first["date"] == "2026-12-28"
    assert first["site"] == "testserver"
    assert first["schedule_url"] == "http://testserver/lich-cong-tac/"


def test_from_and_to_choose_the_range(client, page):
    EntryFactory(page=page, day=date(2026, 11, 3), content="Tháng mười một")
    body = client.get(URL, {"from": "2026-11-01", "to": "2026-11-30"}).json()
    assert [r["content"] for r in body["results"]] == ["Tháng mười một"]


def test_a_range_longer_than_92_days_is_refused_in_vietnamese(client, page):
    response = client.get(URL, {"from": "2026-01-01", "to": "2026-12-31"})
    assert response.status_code == 400
    assert "tối đa là 92 ngày" in response.json()["detail"]


@pytest.mark.parametrize(
    "params, fragment",
    [
        ({"from": "01/12/2026"}, "Tham số from"),
        ({"to": "2026-13-01"}, "Tham số to"),
        ({"from": "2026-12-10", "to": "2026-12-01"}, "bằng hoặc sau ngày from"),
        ({"page": "0"}, "Tham số page"),
        ({"page_size": "101"}, "page_size"),
        ({"site": "khong-co.example"}, "Không có trang"),
        ({"leader": "x" * 201}, "leader"),
    ],
)
def test_bad_parameters_get_a_400_with_a_vietnamese_detail(client, page, params, fragment):
    response = client.get(URL, params)
    assert response.status_code == 400
    assert fragment in response.json()["detail"]


def test_site_filter_keeps_one_sites_entries(client, page):
    commune = make_schedule_page(make_second_site("xa.localhost"))
    EntryFactory(page=page, day=TODAY, content="Sở")
    EntryFactory(page=commune, day=TODAY, content="Xã")
    body = client.get(URL, {"site": "xa.localhost"}).json()
    assert [(r["content"], r["site"]) for r in body["results"]] == [("Xã", "xa.localhost")]


def test_leader_filter_ignores_accents(client, page):
    EntryFactory(page=page, day=TODAY, leader="Phó Giám đốc Sở", content="Phó")
    EntryFactory(page=page, day=TODAY, leader="Giám đốc Sở", content="Trưởng")
    body = client.get(URL, {"leader": "pho giam doc"}).json()
    assert [r["content"] for r in body["results"]] == ["Phó"]


def test_pages_split_the_results(client, page):
    for hour in range(7, 12):
        EntryFactory(page=page, day=TODAY, start_time=f"{hour:02d}:00", end_time=None)
    body = client.get(URL, {"page": "2", "page_size": "2"}).json()
    assert body["count"] == 5 and len(body["results"]) == 2
    assert body["results"][0]["start_time"] == "09:00:00"


def test_entries_of_an_unpublished_schedule_page_never_appear(client, page):
    EntryFactory(page=page, day=TODAY, content="Công khai")
    hidden = make_schedule_page(make_second_site("an.localhost"), publish=False)
    EntryFactory(page=hidden, day=TODAY, content="Chưa xuất bản")
    body = client.get(URL).json()
    assert [r["content"] for r in body["results"]] == ["Công khai"]


def test_schedule_is_in_the_openapi_schema(client):
    schema = client.get("/api/v1/openapi.json").json()
    operation = schema["paths"]["/api/v1/schedule"]["get"]
    assert operation["summary"].startswith("Lịch công tác")
    assert "from" in {p["name"] for p in operation["parameters"]}
