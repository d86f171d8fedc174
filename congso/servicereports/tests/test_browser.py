"""In a browser: a leader chooses the month and the agency, downloads the register, and presses
"Ký và đăng lên thư viện văn bản"; the report appears in the library, signed."""

import pytest

from congso.documents.models import OfficialDocumentPage
from congso.documents.models.files import FileState
from congso.servicereports.tests.conftest import settle, vn
from congso.tests.admin_browser import form_submission, log_in

pytestmark = pytest.mark.browser


@pytest.fixture
def scene(officers, run, clock, signing_config, trusted, library):
    settle(run, vn(2026, 5, 5, 9), vn(2026, 5, 6, 9), vn(2026, 5, 7, 9))
    clock.set(vn(2026, 6, 2, 9))
    return officers


def choose(page, agency, period):
    page.goto("/admin/mot-cua/bao-cao/")
    page.locator("#id_ky").fill(period)
    page.locator("#id_co_quan").select_option(agency.identifier)
    page.get_by_role("button", name="Chọn").click()
    page.wait_for_url(f"**co-quan={agency.identifier}**")


def test_a_leader_downloads_the_register_then_signs_and_publishes(browser_page, scene):
    page = browser_page
    log_in(page, scene["leader"].username, "x")
    page.goto("/admin/mot-cua/bao-cao/")
    assert page.get_by_role("button", name="Tải báo cáo định kỳ (Excel)").is_visible()
    choose(page, scene["agency"], "2026-05")
    with page.expect_download() as download:
        page.get_by_role("button", name="Tải sổ theo dõi (Excel)").click()
    assert download.value.suggested_filename.endswith("2026-05.xlsx")

    with form_submission(page):
        page.locator("#sign-button").click()
    assert "Đã ký số và đăng báo cáo số 01/BC-SKHCN" in page.content()
    document = OfficialDocumentPage.objects.get()
    assert document.live
    assert document.attachments.get().file.signature_state == FileState.VALID
    page.get_by_role("link", name="01/BC-SKHCN").click()
    page.wait_for_load_state()
    assert "Nguyễn Văn Mẫu" in page.content()


def test_a_specialist_sees_no_sign_button(browser_page, scene):
    page = browser_page
    log_in(page, scene["specialist"].username, "x")
    choose(page, scene["agency"], "2026-05")
    assert page.locator("#sign-button").count() == 0
    assert page.get_by_role("button", name="Tạo báo cáo tháng (PDF)").is_visible()


def test_a_bad_period_is_shown_as_a_message(browser_page, scene):
    page = browser_page
    log_in(page, scene["one_stop"].username, "x")
    page.goto("/admin/mot-cua/bao-cao/")
    page.locator("#id_ky").fill("2026-13")
    page.get_by_role("button", name="Tải báo cáo định kỳ (Excel)").click()
    assert "Kỳ báo cáo không hợp lệ" in page.locator("#report-error").inner_text()


def test_the_agency_admin_uploads_the_certificate_and_a_wrong_password_is_refused(
    browser_page, officers, tmp_path
):
    from congso.servicereports.models import SigningConfig
    from congso.servicereports.tests.conftest import PFX_PASSWORD, make_pkcs12

    p12 = tmp_path / "co-quan.p12"
    p12.write_bytes(make_pkcs12())
    page = browser_page
    log_in(page, officers["admin"].username, "x")
    page.goto(f"/admin/mot-cua/bao-cao/chung-thu/{officers['agency'].identifier}/")

    def save(password):
        page.locator("input[name=pkcs12_file]").set_input_files(str(p12))
        page.locator("input[name=password]").fill(password)
        page.locator("input[name=signer_name]").fill("Nguyễn Văn Mẫu")
        page.locator("[name=signer_position]").fill("GIÁM ĐỐC")
        page.locator("[name=symbol]").fill("SKHCN")
        page.locator("[name=place]").fill("Hà Tĩnh")
        page.locator("[name=recipients]").fill("- Lưu: VT.")
        with form_submission(page):
            page.get_by_role("button", name="Lưu").click()

    save("sai")
    assert "sai mật khẩu" in page.locator("main").inner_text()
    assert not SigningConfig.objects.exists()
    save(PFX_PASSWORD)
    config = SigningConfig.objects.get()
    assert config.has_certificate and config.signer_name == "Nguyễn Văn Mẫu"
