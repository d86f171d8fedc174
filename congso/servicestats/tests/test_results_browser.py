# ruff: noqa: F811
"""A citizen on a phone picks a quarter and an agency and reads the figures; axe finds nothing
on the page at phone and desktop widths."""

import pytest

from congso.servicestats.tests.results_fixtures import two_agencies  # noqa: F401
from congso.tests.test_e2e_axe import at_each_width, axe, violations  # noqa: F401

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
PHONE = {"width": 375, "height": 740}


def _fits(page) -> bool:
    return page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")


def test_a_citizen_picks_a_quarter_and_an_agency_on_a_phone(browser_page, home, two_agencies):
    page = browser_page
    page.set_viewport_size(PHONE)
    page.goto("/ket-qua-giai-quyet-ho-so/?nam=2025")
    page.get_by_label("Cơ quan", exact=True).select_option(label="Sở Tư pháp (dữ liệu mẫu)")
    page.get_by_label("Quý", exact=True).select_option(label="Quý 2")
    page.get_by_role("button", name="Xem kết quả").click()
    page.wait_for_url("**co-quan=000.00.13.H56**")
    assert page.get_by_role("heading", level=1, name="Kết quả giải quyết hồ sơ").is_visible()
    assert page.get_by_text("Quý 2/2025").first.is_visible()
    table = page.locator("#figures-table")
    assert table.is_visible()
    assert table.locator('[data-figure="received"]').inner_text() == "7"
    assert table.locator('[data-figure="finished_late"]').inner_text() == "2"
    assert _fits(page)


def test_the_results_page_has_no_axe_violations(browser_page, home, two_agencies, axe):
    page = browser_page
    page.goto("/ket-qua-giai-quyet-ho-so/?nam=2025&quy=2")
    assert at_each_width(page, lambda: violations(axe, page)) == {"desktop": [], "phone": []}
