"""The tracking page on a phone: type the code, read the status; with the receipt's link (code
and secret) also the history. Nothing overflows a 375 px screen."""

import pytest

from congso.dossiers.services import records
from congso.dossiers.services.processing import perform
from congso.dossiers.status import Role
from congso.dossiers.tests.factories import (
    make_agency,
    make_procedure,
    make_staff,
    make_user,
    submitted_dossier,
)

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
PHONE = {"width": 375, "height": 740}


@pytest.fixture
def received(transactional_db, home):
    agency = make_agency()
    officer = make_staff(agency, Role.ONE_STOP, "motcua")
    dossier = submitted_dossier(make_procedure(agency), make_user("congdan1"))
    return perform(dossier.pk, officer, "receive")


def _fits(page) -> bool:
    return page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")


def test_a_citizen_types_the_code_on_a_phone_and_reads_the_status(browser_page, received):
    page = browser_page
    page.set_viewport_size(PHONE)
    page.goto("/tra-cuu-ho-so/")
    page.get_by_label("Mã hồ sơ").fill(received.code)
    page.get_by_role("button", name="Tra cứu").click()
    page.wait_for_url("**/tra-cuu-ho-so/?ma=*")
    assert page.get_by_text("Đã được tiếp nhận, đang chờ giải quyết").is_visible()
    assert page.get_by_text("Nhập mã bí mật").is_visible()
    assert _fits(page)


def test_the_receipts_link_shows_the_history_on_a_phone(browser_page, received):
    from urllib.parse import urlsplit

    page = browser_page
    page.set_viewport_size(PHONE)
    link = urlsplit(records.tracking_url(received, with_secret=True))
    page.goto(f"{link.path}?{link.query}")
    assert page.get_by_role("heading", name="Quá trình xử lý").is_visible()
    assert page.locator(".tracking-history li").count() == 2
    assert _fits(page)
