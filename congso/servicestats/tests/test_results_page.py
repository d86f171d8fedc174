# ruff: noqa: F811
"""The public results page: the figures of figures(), per agency and period, the agency table,
the sample notice, never kept stale by the page cache, and a constant number of queries."""

import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from congso.dossiers.tests.factories import make_agency
from congso.servicestats.periods import parse_period
from congso.servicestats.querysets import figures
from congso.servicestats.report import COUNTS, RATIOS
from congso.servicestats.templatetags.results import figure
from congso.servicestats.tests.results_fixtures import two_agencies  # noqa: F401

pytestmark = pytest.mark.django_db
URL = "/ket-qua-giai-quyet-ho-so/"
CELL = re.compile(r'data-figure="(?P<name>[a-z_]+)">(?P<value>[^<]*)<')


def shown(response) -> dict[str, str]:
    return {m["name"]: m["value"] for m in CELL.finditer(response.content.decode())}


def test_the_page_shows_the_figures_of_the_whole_installation(client, home, two_agencies):
    response = client.get(URL, {"nam": "2025", "quy": "2"})
    expected = figures(None, parse_period("2025-Q2"))
    assert response.status_code == 200
    assert shown(response) == {name: figure(expected[name]) for name in COUNTS + RATIOS}
    assert "Quý 2/2025" in response.content.decode()


def test_choosing_an_agency_shows_only_its_figures(client, home, two_agencies):
    response = client.get(URL, {"nam": "2025", "co-quan": "000.00.13.H56"})
    justice = two_agencies["justice"]
    expected = figures([justice.pk], parse_period("2025"))
    assert shown(response)["received"] == figure(expected["received"]) == "9"
    assert "Sở Tư pháp (dữ liệu mẫu)</strong>" in response.content.decode()
    assert 'id="agencies-table"' not in response.content.decode()


def test_a_month_wins_over_the_quarter_in_the_picker(client, home, two_agencies):
    response = client.get(URL, {"nam": "2025", "quy": "3", "thang": "5"})
    assert shown(response)["received"] == "5"
    assert "Tháng 05/2025" in response.content.decode()


def test_the_picker_keeps_what_was_chosen(client, home, two_agencies):
    html = client.get(URL, {"nam": "2025", "quy": "2", "co-quan": "000.00.12.H56"}).content
    html = html.decode()
    assert '<option value="2025" selected>' in html
    assert '<option value="2" selected>Quý 2</option>' in html
    assert '<option value="000.00.12.H56" selected>' in html


def test_without_an_agency_a_table_lists_every_agency(client, home, two_agencies):
    html = client.get(URL, {"nam": "2025", "quy": "2"}).content.decode()
    table = html.split('id="agencies-table"', 1)[1].split("</table>", 1)[0]
    assert "Sở Khoa học và Công nghệ (dữ liệu mẫu)" in table and "Sở Tư pháp" in table
    assert "co-quan=000.00.13.H56" in table


def test_every_chart_is_an_image_with_a_title_and_its_numbers_in_a_table(
    client, home, two_agencies
):
    html = client.get(URL, {"nam": "2025", "quy": "2"}).content.decode()
    assert html.count('role="img"') == 2 and html.count("<title id=") == 2
    assert "Trước hạn: 4" in html  # the description tells the numbers too
    assert 'id="months-table"' in html and "Tháng 04/2025" in html


def test_the_page_links_its_csv_and_api(client, home, two_agencies):
    html = client.get(URL, {"nam": "2025", "quy": "2"}).content.decode()
    assert "/ket-qua-giai-quyet-ho-so/csv?ky=2025-Q2" in html
    assert "/api/v1/statistics?period=2025-Q2" in html


def test_a_nonsense_period_is_a_400_with_a_message(client, home, two_agencies):
    response = client.get(URL, {"nam": "2025", "thang": "13"})
    assert response.status_code == 400
    assert "Kỳ báo cáo không hợp lệ" in response.content.decode()


@pytest.mark.parametrize(
    "params",
    [{"co-quan": "a\x00b"}, {"tu": "abc"}, {"ky": "x" * 500}],
)
def test_bad_filters_are_a_400_not_a_500(client, home, two_agencies, params):
    response = client.get(URL, params)
    assert response.status_code == 400
    assert 'role="alert"' in response.content.decode()


def test_an_unknown_agency_is_a_404_with_a_message(client, home, two_agencies):
    response = client.get(URL, {"co-quan": "000.00.99.H56"})
    assert response.status_code == 404
    assert 'role="alert"' in response.content.decode()


def test_the_page_is_never_kept_by_the_page_cache(client, home, two_agencies, settings):
    settings.PAGE_CACHE_ENABLED = True
    first = client.get(URL)
    assert "no-cache" in first["Cache-Control"]
    assert "X-Page-Cache" not in first and "X-Page-Cache" not in client.get(URL)


def test_sample_dossiers_are_announced(client, home, office, run):
    from congso.dossiers.models import Dossier
    from congso.servicestats.services import refresh
    from congso.servicestats.tests.conftest import settle, vn

    dossier = settle(run, vn(2026, 5, 5, 9), vn(2026, 5, 6, 9), vn(2026, 5, 7, 9))
    assert "dữ liệu mẫu" not in client.get(URL, {"nam": "2026"}).content.decode()
    Dossier.objects.filter(pk=dossier.pk).update(is_sample=True)
    refresh(dossier.pk)
    html = client.get(URL, {"nam": "2026"}).content.decode()
    assert "Số liệu gồm hồ sơ mẫu (dữ liệu mẫu)." in html


def _queries(client, params) -> int:
    with CaptureQueriesContext(connection) as captured:
        assert client.get(URL, params).status_code == 200
    return len(captured)


def test_the_page_costs_the_same_queries_however_many_agencies(client, home, two_agencies):
    client.get(URL, {"nam": "2025"})  # warm the site's settings and menus
    before = _queries(client, {"nam": "2025"})
    for n in range(20):
        make_agency(f"000.00.{50 + n}.H56", f"Cơ quan thử {n} (dữ liệu mẫu)")
    assert _queries(client, {"nam": "2025"}) == before
    assert _queries(client, {"nam": "2025", "co-quan": "000.00.12.H56"}) <= before


def test_a_head_request_is_answered_and_a_post_refused(client, home, two_agencies):
    # Link checkers and uptime monitors send HEAD.
    assert client.head(URL).status_code == 200
    assert client.post(URL).status_code == 405
