"""GET /api/v1/statistics/index-766 and /ranking: the contract's exact keys, and bad input
answered 4xx with a Vietnamese message, never a 500."""

import pytest

from congso.dossiers.tests.factories import make_agency
from congso.index766 import services
from congso.index766.tests.helpers import add_facts, d, procedure

URL = "/api/v1/statistics/index-766"
INDICATOR_KEYS = {
    "code",
    "name",
    "numerator",
    "denominator",
    "ratio",
    "points",
    "max_points",
    "source",
}


@pytest.fixture
def agency(set_766):
    agency = make_agency()
    add_facts(agency, [(procedure(agency, published=d(1, 1)), 2, d(5, 4, 2025), d(5, 11, 2025),
                        d(5, 8, 2025), "early", 5, d(5, 9, 2025), False, None, True, True)])  # fmt: skip
    return agency


def test_the_answer_has_exactly_the_contracts_keys(client, agency):
    body = client.get(URL, {"agency": agency.identifier, "period": "2025-Q2"}).json()
    assert set(body) == {"agency", "period", "total", "indicators"}
    assert body["agency"] == agency.identifier and body["period"] == "2025-Q2"
    assert body["indicators"] and all(set(i) == INDICATOR_KEYS for i in body["indicators"])
    assert {i["source"] for i in body["indicators"]} == {"computed", "entered"}


def test_the_max_points_add_up_to_100_and_the_total_is_the_sum_of_the_points(client, agency):
    body = client.get(URL, {"agency": agency.identifier, "period": "2025"}).json()
    assert round(sum(i["max_points"] for i in body["indicators"]), 2) == 100
    assert body["total"] == round(sum(i["points"] for i in body["indicators"]), 2)
    assert body["total"] > 0


def test_counts_are_whole_numbers_and_the_ratio_a_fraction(client, agency):
    body = client.get(URL, {"agency": agency.identifier, "period": "2025"}).json()
    progress = next(i for i in body["indicators"] if i["code"] == "2.1")
    assert (progress["numerator"], progress["denominator"], progress["ratio"]) == (1, 1, 1.0)
    assert isinstance(progress["numerator"], int)


def test_no_agency_means_the_whole_installation(client, agency):
    body = client.get(URL, {"period": "2025"}).json()
    assert body["agency"] is None
    assert next(i for i in body["indicators"] if i["code"] == "2.1")["denominator"] == 1


def test_the_period_defaults_to_the_current_year(client, agency):
    from django.utils import timezone

    assert client.get(URL).json()["period"] == str(timezone.localdate().year)


def test_both_statistics_paths_resolve_side_by_side(client, agency):
    from django.urls import resolve

    assert resolve(URL).url_name != resolve("/api/v1/statistics").url_name
    assert client.get(URL).status_code == 200


@pytest.mark.parametrize(
    "period",
    ["2026-Q5", "2026-13", "26", "abc", "2026-Q1-x", "1999", "9999", "2026-00", "x" * 500, "2026\x00"],
)  # fmt: skip
def test_a_nonsense_period_is_a_400_with_a_vietnamese_message(client, set_766, period):
    response = client.get(URL, {"period": period})
    assert response.status_code == 400
    assert "Kỳ báo cáo" in response.json()["detail"] or "Năm" in response.json()["detail"]


@pytest.mark.parametrize("agency", ["000.00.99.H00", "'; drop table", "\x00", "x" * 300])
def test_an_unknown_agency_is_a_404_with_a_vietnamese_message(client, set_766, agency):
    response = client.get(URL, {"agency": agency, "period": "2026"})
    assert response.status_code == 404
    assert "Không tìm thấy cơ quan" in response.json()["detail"]


def test_a_period_before_any_indicator_set_is_a_404(client, set_766):
    response = client.get(URL, {"period": "2021"})
    assert response.status_code == 404
    assert "Chưa có bộ chỉ số" in response.json()["detail"]


def test_the_ranking_lists_agencies_best_first(client, agency):
    other = make_agency(identifier="000.00.13.H56", name="Sở Tư pháp")
    add_facts(other, [(procedure(other, published=d(1, 1)), 2, d(5, 4, 2025), d(5, 11, 2025),
                       d(5, 20, 2025), "late", None, None, False, None, False, False)])  # fmt: skip
    body = client.get(URL + "/ranking", {"period": "2025"}).json()
    assert [r["agency"] for r in body["results"]] == [agency.identifier, other.identifier]
    assert [r["rank"] for r in body["results"]] == [1, 2]
    assert body["closed"] is False


def test_the_ranking_refuses_a_nonsense_period(client, set_766):
    response = client.get(URL + "/ranking", {"period": "2026-Q9"})
    assert response.status_code == 400 and response.json()["detail"]


def test_a_closed_period_is_served_from_its_frozen_rows(client, agency):
    import datetime as dt

    services.close_period(services.period_of("2025-Q2"), today=dt.date(2026, 1, 1))
    before = client.get(URL, {"agency": agency.identifier, "period": "2025-Q2"}).json()
    add_facts(agency, [(procedure(agency), 2, d(5, 5, 2025), d(5, 12, 2025), d(5, 30, 2025),
                        "late", None, None, False, None, False, False)])  # fmt: skip
    assert client.get(URL, {"agency": agency.identifier, "period": "2025-Q2"}).json() == before
    ranking = client.get(URL + "/ranking", {"period": "2025-Q2"}).json()
    assert ranking["closed"] is True
