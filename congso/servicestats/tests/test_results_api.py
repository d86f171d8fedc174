# ruff: noqa: F811
"""GET /api/v1/statistics: the contract's keys, the same figures as figures(), and a 4xx with a
Vietnamese message for every bad value (issue 10, parts 1, 2 and 9)."""

import pytest

from congso.servicestats.periods import parse_period
from congso.servicestats.querysets import figures
from congso.servicestats.tests.results_fixtures import two_agencies  # noqa: F401

pytestmark = pytest.mark.django_db
URL = "/api/v1/statistics"
CONTRACT_KEYS = {
    "agency", "period", "from", "to",
    "received", "received_online", "received_in_person", "received_postal",
    "received_fully_online",
    "finished", "finished_early", "finished_on_time", "finished_late",
    "in_progress", "in_progress_on_time", "in_progress_overdue",
    "supplement_requested", "refused", "withdrawn", "stopped", "settled", "rating_count",
    "received_online_ratio", "fully_online_ratio", "finished_in_time_ratio",
    "average_processing_days", "satisfaction_ratio", "average_rating", "includes_sample",
}  # fmt: skip


def test_the_answer_has_exactly_the_contract_keys(client, two_agencies):
    body = client.get(URL, {"period": "2025-Q2"}).json()
    assert set(body) == CONTRACT_KEYS


def test_no_agency_means_the_whole_installation(client, two_agencies):
    body = client.get(URL, {"period": "2025-Q2"}).json()
    expected = figures(None, parse_period("2025-Q2"))
    assert body["agency"] is None
    assert (body["period"], body["from"], body["to"]) == ("2025-Q2", "2025-04-01", "2025-06-30")
    assert {k: body[k] for k in expected if k in body} == {
        k: v for k, v in expected.items() if k in body
    }
    assert (body["received"], body["finished_early"], body["finished_late"]) == (22, 4, 3)


def test_an_agency_gets_only_its_own_figures(client, two_agencies):
    body = client.get(URL, {"period": "2025", "agency": "000.00.13.H56"}).json()
    assert body["agency"] == "000.00.13.H56"
    assert (body["received"], body["received_postal"], body["finished_on_time"]) == (9, 2, 5)
    assert body["in_progress"] == 2


def test_ratios_are_percentages_and_days_are_working_days(client, two_agencies):
    body = client.get(URL, {"period": "2025-04", "agency": "000.00.12.H56"}).json()
    assert body["fully_online_ratio"] == 40.0
    assert body["finished_in_time_ratio"] == 83.33
    assert body["average_processing_days"] == 2.0
    assert (body["satisfaction_ratio"], body["average_rating"]) == (75.0, 4.5)


def test_from_and_to_narrow_the_period(client, two_agencies):
    body = client.get(URL, {"period": "2025", "from": "2025-05-01", "to": "2025-06-30"}).json()
    assert (body["from"], body["to"], body["received"]) == ("2025-05-01", "2025-06-30", 12)


def test_a_period_without_dossiers_answers_zeros_and_no_ratio(client, two_agencies):
    body = client.get(URL, {"period": "2024"}).json()
    assert body["received"] == 0 and body["fully_online_ratio"] is None


@pytest.mark.parametrize(
    "params",
    [
        {"period": "2026-13"},
        {"period": "2026-Q5"},
        {"period": "tháng năm"},
        {"period": "1999"},
        {"from": "abc"},
        {"to": "2026-02-30"},
        {"from": "2025-06-01", "to": "2025-05-01"},
        {"period": "2025\x00"},
        {"agency": "000.00.12.H56\x00"},
        {"from": "2" * 400},
    ],
)
def test_nonsense_filters_are_a_400_with_a_vietnamese_detail(client, two_agencies, params):
    response = client.get(URL, params)
    assert response.status_code == 400
    assert (
        response.json()["detail"]
        and "không hợp lệ" in response.json()["detail"].lower()
        or ("phải" in response.json()["detail"])
    )


def test_an_unknown_agency_is_a_404_naming_the_parameter(client, two_agencies):
    response = client.get(URL, {"agency": "000.00.99.H56"})
    assert response.status_code == 404
    assert response.json() == {
        "detail": "Không tìm thấy cơ quan có mã định danh này (tham số agency)."
    }


def test_the_schema_documents_the_contract(client):
    schema = client.get("/api/v1/openapi.json").json()
    operation = schema["paths"]["/api/v1/statistics"]["get"]
    assert {p["name"] for p in operation["parameters"]} == {"agency", "period", "from", "to"}
    ref = operation["responses"]["200"]["content"]["application/json"]["schema"]["$ref"]
    properties = schema["components"]["schemas"][ref.rsplit("/", 1)[1]]["properties"]
    assert set(properties) == CONTRACT_KEYS


def test_too_many_requests_from_one_address_get_a_429(client, two_agencies, settings):
    settings.STATISTICS_RATE_LIMIT = "2/60"
    statuses = [client.get(URL, REMOTE_ADDR="198.51.100.77").status_code for _ in range(3)]
    assert statuses == [200, 200, 429]
