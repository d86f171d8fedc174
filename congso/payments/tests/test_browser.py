"""In a real Chromium on a 375 px phone: a citizen asked to pay opens the dossier, presses
"Thanh toán trực tuyến", pays at the sandbox bank, comes back to "Đã thanh toán" and downloads
the receipt."""

import pytest

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PHONE = {"width": 375, "height": 812}


def press(page, name, role="button"):
    with page.expect_navigation():
        page.get_by_role(role, name=name, exact=True).click()


def fits(page) -> bool:
    return page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]


def test_a_citizen_pays_through_the_sandbox_on_a_phone_and_gets_the_receipt(
    browser_page, home, settings
):
    from congso.accounts.tests.factories import PASSWORD, make_citizen
    from congso.dossiers.services.processing import perform
    from congso.dossiers.status import Role, Status
    from congso.dossiers.tests.factories import (
        make_agency,
        make_procedure,
        make_staff,
        submitted_dossier,
    )
    from congso.payments.tests.conftest import add_fees

    settings.PAYMENT_GATEWAY = "sandbox"
    agency = make_agency(name="Ủy ban nhân dân xã Mẫu (dữ liệu mẫu)")
    procedure = make_procedure(
        agency, name="Cấp bản sao trích lục (dữ liệu mẫu)", online_payment=True, is_sample=True
    )
    add_fees(procedure)
    citizen = make_citizen(full_name="Trần Thị C (mẫu)", id_number="001099000123").user
    dossier = submitted_dossier(procedure, citizen)
    perform(dossier.pk, make_staff(agency, Role.ONE_STOP, "motcua"), "receive")
    perform(dossier.pk, make_staff(agency, Role.SPECIALIST, "chuyenvien"), "request-payment")

    page = browser_page
    page.set_viewport_size(PHONE)
    url = f"/dich-vu-cong/ho-so-cua-toi/{dossier.pk}/"
    page.goto(f"/tai-khoan/login/?next={url}")
    page.locator("input[name=login]").fill(citizen.email)
    page.locator("input[name=password]").fill(PASSWORD)
    press(page, "Đăng nhập")
    box = page.locator("#thanh-toan")
    assert "52.000 đồng" in box.inner_text()
    assert fits(page)
    press(page, "Thanh toán trực tuyến")
    assert "/thanh-toan/sandbox/" in page.url
    assert "52.000 đồng" in page.locator("main").inner_text()
    assert fits(page)
    press(page, "Thanh toán thành công")
    assert page.get_by_role("heading", name="Đã thanh toán").is_visible()
    assert fits(page)
    press(page, "Về hồ sơ", role="link")
    assert "Đã thanh toán" in page.locator("main").inner_text()
    link = page.get_by_role("link", name="Biên lai thu phí, lệ phí (PDF)")
    response = page.request.get(link.get_attribute("href"))
    assert response.status == 200 and response.body().startswith(b"%PDF")
    dossier.refresh_from_db()
    assert dossier.status == Status.RECEIVED
