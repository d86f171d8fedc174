# ruff: noqa: F811
"""The CSV: UTF-8 with a BOM and Vietnamese headings, a row per agency and a total row (or a
row per month), the same numbers as the API."""

import csv
import io

import pytest

from congso.servicestats.report import COUNTS, LABELS, RATIOS
from congso.servicestats.tests.results_fixtures import two_agencies  # noqa: F401

pytestmark = pytest.mark.django_db
URL = "/ket-qua-giai-quyet-ho-so/csv"


def rows(response) -> list[dict]:
    text = response.content.decode("utf-8")
    assert text.startswith("\ufeff")
    return list(csv.DictReader(io.StringIO(text[1:])))


def api(client, **params) -> dict:
    return client.get("/api/v1/statistics", params).json()


def as_api(row: dict, name: str):
    value = row[LABELS[name]]
    if value == "":
        return None
    return float(value) if name in RATIOS else int(value)


def test_the_csv_has_a_row_per_agency_and_a_total_matching_the_api(client, two_agencies):
    response = client.get(URL, {"ky": "2025-Q2"})
    assert response["Content-Type"].startswith("text/csv")
    assert "attachment" in response["Content-Disposition"]
    *agencies, total = rows(response)
    assert [r["Mã định danh"] for r in agencies] == ["000.00.12.H56", "000.00.13.H56"]
    assert total["Cơ quan"] == "Toàn bộ cơ quan"
    whole = api(client, period="2025-Q2")
    assert {n: as_api(total, n) for n in COUNTS + RATIOS} == {n: whole[n] for n in COUNTS + RATIOS}
    justice = api(client, period="2025-Q2", agency="000.00.13.H56")
    assert {n: as_api(agencies[1], n) for n in COUNTS} == {n: justice[n] for n in COUNTS}


def test_the_csv_of_one_agency_has_its_row_only(client, two_agencies):
    (row,) = rows(client.get(URL, {"ky": "2025", "co-quan": "000.00.12.H56"}))
    assert (row["Mã định danh"], row[LABELS["received"]]) == ("000.00.12.H56", "15")


def test_month_rows_add_up_to_the_total(client, two_agencies):
    *months, total = rows(client.get(URL, {"ky": "2025-Q2", "theo": "thang"}))
    assert [m["Kỳ báo cáo"] for m in months] == ["2025-04", "2025-05", "2025-06"]
    assert sum(int(m[LABELS["received"]]) for m in months) == int(total[LABELS["received"]])
    assert months[0][LABELS["in_progress"]] == ""  # a stock is not a month's flow


def test_a_bad_period_is_a_400_in_plain_text(client, two_agencies):
    response = client.get(URL, {"ky": "2026-13"})
    assert response.status_code == 400
    assert "Kỳ báo cáo không hợp lệ" in response.content.decode()
