"""In a real Chromium: the specialist asks for the fees through the dossier page's button (a
quantity of 0 is refused with a message), then the one-stop officer records the cash paid at
the desk, and the dossier goes back to processing."""

import pytest

from congso.dossiers.models import Dossier
from congso.dossiers.services.processing import perform
from congso.dossiers.status import Status
from congso.dossiers.tests.admin_setup import make_office
from congso.dossiers.tests.factories import submitted_dossier
from congso.dossiers.tests.test_admin_browser import PASSWORD, open_from_queue, press
from congso.payments.models import Payment
from congso.payments.tests.conftest import FIXED, PER_PAGE, add_fees
from congso.tests.admin_browser import log_in

pytestmark = pytest.mark.browser


@pytest.fixture
def received(browser_page):
    office = make_office()
    add_fees(office["procedure"])
    dossier = submitted_dossier(office["procedure"], office["citizen"])
    return perform(dossier.pk, office["one_stop"], "receive")


def test_the_specialist_asks_for_fees_and_the_desk_records_the_cash(
    browser, live_server, browser_page, received
):
    from congso.tests.admin_browser import new_page

    page = browser_page
    log_in(page, "chuyenvien", PASSWORD)
    open_from_queue(page, "viec-cua-toi", received.code)
    press(page, "request-payment", quantity="0")
    assert "Chưa thực hiện được" in page.locator(".messages").inner_text()
    assert not Payment.objects.exists()
    press(page, "request-payment", quantity="3", note="Sao y 3 trang")
    status = page.locator("#dossier-status").inner_text()
    assert "Yêu cầu thực hiện nghĩa vụ tài chính" in status
    assert Payment.objects.get(dossier=received).amount == FIXED + 3 * PER_PAGE

    desk = new_page(browser, live_server.url)
    log_in(desk, "motcua", PASSWORD)
    desk.goto(f"/admin/mot-cua/{received.pk}/")
    press(desk, "confirm-payment", receipt_number="0001234")
    assert Dossier.objects.get(pk=received.pk).status == Status.RECEIVED
    assert (
        "Yêu cầu thực hiện nghĩa vụ tài chính" not in desk.locator("#dossier-status").inner_text()
    )
