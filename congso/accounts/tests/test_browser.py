"""A citizen on a 375 px phone: sign up, open the verification link, log in by phone, edit
the profile; every account page passes axe-core."""

import os
import re

import pytest

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PASSWORD = "Mat-khau-rat-dai-2026"


@pytest.fixture
def phone_page(browser_page, home):
    browser_page.set_viewport_size({"width": 375, "height": 800})
    return browser_page


@pytest.fixture
def axe():
    pytest.importorskip("axe_playwright_python", reason="pip install -e '.[test]'")
    from axe_playwright_python.sync_playwright import Axe

    script = os.environ.get("AXE_CORE_JS")
    return Axe.from_file(script) if script else Axe()


def violations(axe, page) -> list[str]:
    return [
        f"{v['id']}: {v['help']} — " + "; ".join(" ".join(n["target"]) for n in v["nodes"][:5])
        for v in axe.run(page).response["violations"]
    ]


def fits_the_screen(page) -> bool:
    return page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")


def test_a_citizen_signs_up_verifies_logs_in_and_edits_the_profile_on_a_phone(
    phone_page, axe, mailoutbox
):
    page = phone_page
    page.goto("/")
    page.get_by_role("navigation", name="Tài khoản công dân").get_by_role(
        "link", name="Đăng nhập"
    ).click()
    page.get_by_role("link", name="Tạo tài khoản").click()
    page.get_by_role("heading", level=1, name="Tạo tài khoản công dân").wait_for()
    assert fits_the_screen(page)
    assert violations(axe, page) == []

    page.get_by_label("Họ và tên").fill("Vũ Thị G (mẫu)")
    page.get_by_label("Thư điện tử").fill("vu.g.mau@example.vn")
    page.get_by_label("Số điện thoại di động").fill("0912 000 777")
    page.get_by_label("Mật khẩu (bắt buộc)", exact=True).fill(PASSWORD)
    page.get_by_label("Nhập lại mật khẩu").fill(PASSWORD)
    page.get_by_role("button", name="Tạo tài khoản").click()
    page.get_by_role("heading", level=1, name="Kiểm tra hộp thư của bạn").wait_for()
    assert violations(axe, page) == []

    link = re.search(r"https?://\S+/tai-khoan/confirm-email/\S+", mailoutbox[0].body).group(0)
    page.goto(link)
    assert violations(axe, page) == []
    page.get_by_role("button", name="Xác nhận").click()

    page.get_by_role("heading", level=1, name="Đăng nhập").wait_for()
    assert fits_the_screen(page)
    assert violations(axe, page) == []
    page.get_by_label("Thư điện tử hoặc số điện thoại").fill("0912000777")
    page.get_by_label("Mật khẩu").fill(PASSWORD)
    page.get_by_role("button", name="Đăng nhập").click()

    page.get_by_role("heading", level=1, name="Hồ sơ cá nhân").wait_for()
    assert page.get_by_label("Họ và tên").input_value() == "Vũ Thị G (mẫu)"
    assert page.get_by_label("Số điện thoại di động").input_value() == "0912000777"
    page.get_by_label("Số định danh cá nhân (CCCD)").fill("12345")
    page.get_by_role("button", name="Lưu hồ sơ").click()
    error = page.locator("#id_id_number_error")
    assert "12 chữ số" in error.inner_text()
    assert violations(axe, page) == []

    page.get_by_label("Số định danh cá nhân (CCCD)").fill("001190000777")
    page.get_by_label("Địa chỉ liên hệ").fill("Số 7, phường Mẫu (dữ liệu mẫu)")
    page.get_by_label("Ngày sinh").fill("07/07/1990")
    page.get_by_role("button", name="Lưu hồ sơ").click()
    page.get_by_text("Đã lưu hồ sơ cá nhân.").wait_for()
    assert fits_the_screen(page)
    assert page.get_by_label("Số định danh cá nhân (CCCD)").input_value() == "001190000777"
    assert (
        page.get_by_role("navigation", name="Tài khoản công dân")
        .get_by_role("link", name="Tài khoản")
        .is_visible()
    )
