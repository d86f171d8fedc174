"""GET /api/v1/organisation (issue 11, part 6): what the organisation page shows, no more."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from congso.core.tests.factories import make_image
from congso.organisation.models import Official, Unit


@pytest.fixture
def units(db):
    board = Unit.objects.create(name="Ban Giám đốc", kind="leadership", sort_order=0)
    office = Unit.objects.create(
        name="Văn phòng Sở",
        name_en="Office",
        sort_order=1,
        phone="0239 3855 001",
        email="vanphong@example.gov.vn",
        address="Số 1 đường Mẫu",
        functions='<p>Tham mưu. <a href="/gioi-thieu/">Xem thêm</a></p>',
    )
    desk = Unit.objects.create(name="Bộ phận một cửa", parent=office, sort_order=0)
    Unit.objects.create(name="Phòng Bưu chính", sort_order=2)
    return board, office, desk


@pytest.mark.django_db
def test_units_come_in_chart_order_with_their_contacts(client, units, home):
    board, office, desk = units
    body = client.get("/api/v1/organisation").json()
    assert (body["count"], body["page"], body["page_size"]) == (4, 1, 20)
    names = [u["name"] for u in body["results"]]
    assert names == ["Ban Giám đốc", "Văn phòng Sở", "Bộ phận một cửa", "Phòng Bưu chính"]
    item = body["results"][1]
    assert (item["phone"], item["email"], item["address"]) == (
        "0239 3855 001",
        "vanphong@example.gov.vn",
        "Số 1 đường Mẫu",
    )
    assert item["kind"] == "division" and item["kind_label"] == "Phòng chuyên môn"
    assert body["results"][2]["parent"] == office.pk
    assert 'href="http://testserver/gioi-thieu/"' in item["functions"]


@pytest.mark.django_db
def test_officials_show_only_what_the_page_shows(client, units, home):
    board, office, _ = units
    Official.objects.create(
        name="Người A",
        position="Giám đốc Sở",
        unit=board,
        is_leader=True,
        duties="Phụ trách chung.",
        photo=make_image(),
        phone="0239 1",
        email="giamdoc@example.gov.vn",
    )
    Official.objects.create(
        name="Người B", position="Chánh Văn phòng", unit=office, duties="Không hiện trên trang."
    )
    results = client.get("/api/v1/organisation").json()["results"]
    (leader,) = results[0]["officials"]
    assert (leader["name"], leader["position"], leader["email"]) == (
        "Người A",
        "Giám đốc Sở",
        "giamdoc@example.gov.vn",
    )
    assert leader["duties"] == "Phụ trách chung."
    assert leader["photo"]["url"].startswith("http://testserver/media/images/")
    (officer,) = results[1]["officials"]
    assert officer["duties"] == "" and officer["photo"] is None
    assert set(officer) == {
        "id", "name", "position", "position_en", "phone", "email", "is_leader", "duties", "photo"
    }  # fmt: skip


@pytest.mark.django_db
def test_pages_are_cut_from_the_chart_order(client, units, home):
    body = client.get("/api/v1/organisation", {"page": 2, "page_size": 2}).json()
    assert [u["name"] for u in body["results"]] == ["Bộ phận một cửa", "Phòng Bưu chính"]


@pytest.mark.django_db
def test_a_bad_page_is_a_400_in_vietnamese(client, home):
    response = client.get("/api/v1/organisation", {"page": "-1"})
    assert response.status_code == 400
    assert response.json()["detail"] == "Tham số page phải là số nguyên từ 1 đến 100.000."


@pytest.mark.django_db
def test_a_page_of_units_costs_the_same_queries_however_many_officials(client, units, home):
    board, office, desk = units

    def queries() -> int:
        with CaptureQueriesContext(connection) as captured:
            assert client.get("/api/v1/organisation").status_code == 200
        return len(captured)

    Official.objects.create(name="A", position="Giám đốc", unit=board, is_leader=True)
    queries()
    one = queries()
    for n, unit in enumerate((board, office, desk, office)):
        Official.objects.create(name=f"B{n}", position="Chuyên viên", unit=unit)
    assert queries() == one
