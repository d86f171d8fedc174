"""GET /api/v1/agencies and the Agency model."""

import pytest
from django.core.exceptions import ValidationError

from congso.organisation.models import Agency, AgencyLevel

pytestmark = pytest.mark.django_db
URL = "/api/v1/agencies"


@pytest.fixture
def agencies(db):
    province = Agency.objects.create(identifier="000.00.00.H56", name="UBND tỉnh Khánh Hòa")
    department = Agency.objects.create(
        identifier="000.00.12.H56", name="Sở Khoa học và Công nghệ", parent=province
    )
    commune = Agency.objects.create(
        identifier="000.21.30.H56",
        name="UBND xã Cam Lâm",
        level=AgencyLevel.COMMUNE,
        parent=province,
    )
    return province, department, commune


def test_the_list_has_the_shape_of_every_api_list(client, agencies):
    body = client.get(URL).json()
    assert set(body) == {"count", "page", "page_size", "results"}
    assert (body["count"], body["page"], body["page_size"]) == (3, 1, 20)


def test_each_agency_shows_identifier_name_level_and_parent_identifier(client, agencies):
    results = client.get(URL).json()["results"]
    assert results[2] == {
        "identifier": "000.21.30.H56",
        "name": "UBND xã Cam Lâm",
        "level": "commune",
        "parent": "000.00.00.H56",
    }
    assert results[0]["parent"] is None


def test_pages_follow_one_another_without_overlap(client, agencies):
    first = client.get(URL, {"page_size": 2}).json()
    second = client.get(URL, {"page_size": 2, "page": 2}).json()
    assert [a["identifier"] for a in first["results"] + second["results"]] == [
        "000.00.00.H56",
        "000.00.12.H56",
        "000.21.30.H56",
    ]
    assert (second["count"], second["page"], second["page_size"]) == (3, 2, 2)


def test_a_page_past_the_end_is_empty(client, agencies):
    assert client.get(URL, {"page": 9}).json()["results"] == []


@pytest.mark.parametrize(
    "params",
    [{"page": "0"}, {"page": "x"}, {"page": "²"}, {"page_size": "101"}, {"page_size": "0"}],
)
def test_bad_paging_is_a_400_with_a_vietnamese_message(client, agencies, params):
    response = client.get(URL, params)
    assert response.status_code == 400
    assert "Tham số" in response.json()["detail"]


def test_an_identifier_with_lowercase_or_spaces_is_refused():
    with pytest.raises(ValidationError):
        Agency(identifier="000 00.12.h56", name="Sở").full_clean()


def test_an_agency_cannot_be_its_own_ancestor(agencies):
    province, department, _ = agencies
    province.parent = department
    with pytest.raises(ValidationError):
        province.full_clean()


def test_a_district_level_agency_from_before_2025_can_still_be_stored():
    Agency(
        identifier="000.20.00.H56", name="UBND huyện cũ", level=AgencyLevel.DISTRICT
    ).full_clean()
