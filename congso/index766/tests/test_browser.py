"""In a real browser: the administrator enters a value with its evidence through the admin's
form and closes a period with the button; a citizen on a 375 px phone picks an agency and a
period on /chi-so-766/ and reads the entered indicator and the ranking."""

import pytest

from congso.dossiers.tests.factories import make_agency
from congso.index766.models import EnteredValue, PeriodClosure
from congso.index766.tests.helpers import add_facts, d, load_766, procedure
from congso.tests.admin_browser import log_in, staff_user

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def agency(home):
    # A transactional test starts from an empty database: the site and the 766 set again.
    load_766()
    agency = make_agency()
    add_facts(agency, [(procedure(agency, published=d(1, 1)), 2, d(5, 4, 2025), d(5, 11, 2025),
                        d(5, 8, 2025), "early", 5, d(5, 9, 2025), False, None, True, True)])  # fmt: skip
    return agency


@pytest.fixture
def admin_page(browser_page):
    staff_user("quantri766", None, "vi")
    log_in(browser_page, "quantri766")
    return browser_page


def test_the_admin_enters_a_value_with_evidence_and_the_public_page_shows_it(admin_page, agency):
    page = admin_page
    page.goto("/admin/snippets/index766/enteredvalue/add/")
    page.locator("select[name=agency]").select_option(label=str(agency))
    page.locator("input[name=period]").fill("2025-Q2")
    page.locator("select[name=indicator]").select_option(
        label="1.2. Công bố, công khai thủ tục hành chính trên Cơ sở dữ liệu quốc gia đúng hạn"
    )
    page.locator("input[name=numerator]").fill("8")
    page.locator("input[name=denominator]").fill("10")
    page.locator("textarea[name=evidence]").fill("Báo cáo số 12/BC-SKHCN quý II/2025 (dữ liệu mẫu)")
    page.locator("input[name=evidence_url]").fill("https://example.invalid/bao-cao-12")
    with page.expect_navigation():
        page.locator("footer button[type=submit]").first.click()
    page.wait_for_url("**/admin/snippets/index766/enteredvalue/")
    assert page.locator(".messages .success").count() == 1
    value = EnteredValue.objects.get()
    assert value.entered_by.username == "quantri766"
    assert value.evidence_url == "https://example.invalid/bao-cao-12"

    page.goto(f"/chi-so-766/?ky=2025-Q2&co-quan={agency.identifier}")
    row = page.locator('tr[data-code="1.2"]')
    assert "Nhập có minh chứng" in row.inner_text()
    assert row.locator("[data-points]").inner_text() == "3,20"


def test_the_admin_closes_a_period_with_the_button_and_a_second_try_is_refused(admin_page, agency):
    page = admin_page
    page.goto("/admin/chi-so-766/khoa-ky/")
    page.locator("#id_period").fill("2025-Q2")
    with page.expect_navigation():
        page.locator("#close-period").click()
    assert "Đã khóa kỳ 2025-Q2 cho 1 cơ quan" in page.locator(".messages").inner_text()
    assert PeriodClosure.objects.filter(period="2025-Q2").exists()
    page.locator("#id_period").fill("2025-Q2")
    with page.expect_navigation():
        page.locator("#close-period").click()
    assert "đã được khóa" in page.locator(".messages").inner_text()
    assert PeriodClosure.objects.count() == 1


def test_a_citizen_on_a_phone_picks_an_agency_and_a_quarter(browser_page, agency):
    page = browser_page
    page.set_viewport_size({"width": 375, "height": 800})
    page.goto("/chi-so-766/")
    page.locator("#i766-agency").select_option(label=agency.name)
    page.locator("#i766-year").select_option("2025")
    page.locator("#i766-quarter").select_option("2")
    with page.expect_navigation():
        page.get_by_role("button", name="Xem chỉ số").click()
    assert "Quý 2/2025" in page.locator("h1 + p").inner_text()
    assert page.locator('tr[data-code="2.1"] [data-points]').inner_text() == "20,00"
    assert page.locator("#ranking-table").get_by_role("link", name=agency.name).is_visible()
    assert page.locator("svg.chart").count() == 2
    # Nothing wider than the phone: wide tables scroll inside their own region.
    assert page.evaluate("document.documentElement.scrollWidth") <= 375
