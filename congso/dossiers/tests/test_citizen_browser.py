"""In a real Chromium on a 375 × 812 phone: a citizen files online from the procedure page through
every step (a real PDF upload and an e-form), submits, reads the reference and the secret, then
finds the dossier in “Hồ sơ của tôi”; and axe-core finds nothing on the filing pages."""

import pytest

from congso.dossiers.tests.citizen_fixtures import BIRTH_FORM

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PHONE = {"width": 375, "height": 812}


@pytest.fixture
def birth_procedure(home):
    from congso.dossiers.tests.factories import make_agency, make_procedure

    agency = make_agency(name="Ủy ban nhân dân xã Mẫu (dữ liệu mẫu)")
    procedure = make_procedure(
        agency,
        name="Đăng ký khai sinh (dữ liệu mẫu)",
        code="1.001193.000.00.00.H56",
        components=(("Giấy chứng sinh", True), ("Tờ khai đăng ký khai sinh", True)),
        is_sample=True,
    )
    eform = procedure.components.get(name="Tờ khai đăng ký khai sinh")
    eform.form_schema = BIRTH_FORM
    eform.save()
    return procedure


@pytest.fixture
def citizen_account(db):
    from congso.accounts.tests.factories import PASSWORD, make_citizen

    profile = make_citizen(full_name="Trần Thị C (mẫu)", id_number="001099000123")
    return profile.user.email, PASSWORD


@pytest.fixture
def pdf_path(tmp_path):
    from congso.dossiers.tests.factories import pdf_upload

    path = tmp_path / "giay-chung-sinh.pdf"
    path.write_bytes(pdf_upload().read())
    return path


def fits(page) -> bool:
    return page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]


def press(page, name):
    with page.expect_navigation():
        page.get_by_role("button", name=name, exact=True).click()


def log_in_from(page, procedure, account):
    """From the procedure page: "Nộp hồ sơ trực tuyến" → the login page → back to step 1."""
    page.goto(procedure.get_absolute_url())
    with page.expect_navigation():
        page.get_by_role("link", name="Nộp hồ sơ trực tuyến").click()
    assert "/tai-khoan/login/" in page.url
    page.locator("input[name=login]").fill(account[0])
    page.locator("input[name=password]").fill(account[1])
    press(page, "Đăng nhập")
    assert page.url.endswith(procedure.submit_url)


def file_through_every_step(page, procedure, pdf_path, check=lambda: None):
    page.get_by_role("heading", name="Bước 1: Thông tin người nộp hồ sơ").wait_for()
    assert page.get_by_label("Họ và tên").input_value() == "Trần Thị C (mẫu)"
    check()
    press(page, "Tiếp tục")

    page.get_by_role("heading", name="Bước 2: Thành phần hồ sơ").wait_for()
    page.get_by_label("Chọn tệp cho Giấy chứng sinh").set_input_files(pdf_path)
    page.get_by_label("Họ tên người được khai sinh").fill("Nguyễn Văn B (mẫu)")
    page.get_by_label("Ngày sinh").fill("31/02/2020")
    press(page, "Tiếp tục")
    # The impossible date is refused next to its field; the file was kept.
    assert page.get_by_text("Ngày không hợp lệ (dd/mm/yyyy).").is_visible()
    assert page.get_by_text("Đã đính kèm:").is_visible()
    check()
    page.get_by_label("Ngày sinh").fill("25/12/2020")
    press(page, "Tiếp tục")

    page.get_by_role("heading", name="Bước 3: Trích yếu, ghi chú").wait_for()
    page.get_by_label("Trích yếu nội dung đề nghị").fill("Đề nghị đăng ký khai sinh cho con")
    check()
    press(page, "Tiếp tục")

    page.get_by_role("heading", name="Bước 4: Kiểm tra lại và nộp hồ sơ").wait_for()
    assert page.get_by_text("giay-chung-sinh.pdf").is_visible()
    assert page.get_by_text("25/12/2020").is_visible()
    check()
    page.get_by_label("Tôi cam đoan những thông tin đã khai là đúng sự thật.").check()
    press(page, "Nộp hồ sơ")
    page.get_by_role("heading", name="Đã nộp hồ sơ thành công").wait_for()
    check()


def test_a_citizen_files_online_on_a_phone_and_finds_the_dossier_in_my_dossiers(
    browser_page, birth_procedure, citizen_account, pdf_path
):
    from congso.dossiers.models import Dossier
    from congso.dossiers.services import records
    from congso.dossiers.status import Status

    page = browser_page
    page.set_viewport_size(PHONE)
    log_in_from(page, birth_procedure, citizen_account)
    file_through_every_step(page, birth_procedure, pdf_path, check=lambda: _fits(page))

    dossier = Dossier.objects.get()
    assert dossier.status == Status.SUBMITTED
    assert page.locator(".dv-secret__value").inner_text() == records.tracking_secret(dossier)
    assert str(dossier.reference) in page.locator(".dv-facts").inner_text()
    assert "secret=" in page.get_by_role("link", name="Trang tra cứu hồ sơ của bạn").get_attribute(
        "href"
    )
    assert dossier.files.get().name == "giay-chung-sinh.pdf"

    with page.expect_navigation():
        page.get_by_role("link", name="Hồ sơ của tôi").last.click()
    card = page.locator(".dv-card").first
    assert "Đăng ký khai sinh (dữ liệu mẫu)" in card.inner_text()
    assert "Đã nộp, đang chờ cán bộ tiếp nhận" in card.inner_text()
    assert "Chưa có mã" in card.inner_text()
    assert fits(page)


def _fits(page):
    assert fits(page), page.url


@pytest.fixture
def axe():
    pytest.importorskip("axe_playwright_python", reason="pip install -e '.[test]'")
    import os

    from axe_playwright_python.sync_playwright import Axe

    script = os.environ.get("AXE_CORE_JS")
    return Axe.from_file(script) if script else Axe()


def test_the_filing_pages_have_no_axe_violations_on_a_phone(
    browser_page, birth_procedure, citizen_account, pdf_path, axe
):
    from congso.tests.test_e2e_axe import violations

    page = browser_page
    page.set_viewport_size(PHONE)
    log_in_from(page, birth_procedure, citizen_account)
    found = {}

    def check():
        found[page.url] = found.get(page.url, []) + violations(axe, page)

    file_through_every_step(page, birth_procedure, pdf_path, check=check)
    with page.expect_navigation():
        page.get_by_role("link", name="Xem hồ sơ").click()
    check()
    page.goto("/dich-vu-cong/ho-so-cua-toi/")
    check()
    assert not any(found.values()), found


def test_a_citizen_supplements_then_rates_the_returned_dossier_on_a_phone(
    browser_page, birth_procedure, citizen_account, pdf_path, axe
):
    from django.contrib.auth import get_user_model

    from congso.dossiers.models import Rating
    from congso.dossiers.services import filing
    from congso.dossiers.services.processing import perform
    from congso.dossiers.status import Role, Status
    from congso.dossiers.tests.factories import APPLICANT, make_staff, pdf_upload
    from congso.tests.test_e2e_axe import violations

    citizen = get_user_model().objects.get(email=citizen_account[0])
    agency = birth_procedure.agencies.get()
    one_stop = make_staff(agency, Role.ONE_STOP, "motcua")
    specialist = make_staff(agency, Role.SPECIALIST, "chuyenvien")
    leader = make_staff(agency, Role.LEADER, "lanhdao")
    eform = birth_procedure.components.get(name="Tờ khai đăng ký khai sinh")
    dossier = filing.create_draft(
        citizen,
        birth_procedure,
        applicant=APPLICANT,
        form_data={str(eform.pk): {"ho_ten": "Nguyễn Văn B (mẫu)", "ngay_sinh": "2020-12-25"}},
    )
    filing.attach_file(dossier, citizen, pdf_upload(), component=birth_procedure.components.first())
    filing.submit(dossier.pk, citizen)
    perform(dossier.pk, one_stop, "receive")
    perform(dossier.pk, specialist, "request-supplement", {"reason": "Ảnh giấy chứng sinh bị mờ"})

    page = browser_page
    page.set_viewport_size(PHONE)
    url = f"/dich-vu-cong/ho-so-cua-toi/{dossier.pk}/"
    page.goto(f"/tai-khoan/login/?next={url}")
    page.locator("input[name=login]").fill(citizen_account[0])
    page.locator("input[name=password]").fill(citizen_account[1])
    press(page, "Đăng nhập")
    assert page.locator(".dv-reason").inner_text() == "Ảnh giấy chứng sinh bị mờ"
    assert not violations(axe, page)
    page.get_by_label("Giấy tờ bổ sung").set_input_files(pdf_path)
    page.get_by_label("Nội dung bổ sung").fill("Gửi lại ảnh rõ nét")
    press(page, "Gửi bổ sung")
    assert page.get_by_text("Đã gửi hồ sơ bổ sung").is_visible()
    assert fits(page)

    perform(dossier.pk, specialist, "forward")
    perform(dossier.pk, leader, "approve")
    perform(dossier.pk, one_stop, "return-result", {"result_number": "15/TLKS"})
    page.reload()
    assert "Đã trả kết quả" in page.locator(".dv-status-line").inner_text()
    assert not violations(axe, page)
    page.get_by_label("4 sao – Hài lòng").check()
    page.get_by_label("Góp ý thêm").fill("Giải quyết nhanh")
    press(page, "Gửi đánh giá")
    assert page.get_by_text("Cảm ơn bạn đã đánh giá.").is_visible()
    assert Rating.objects.get(dossier=dossier).score == 4
    dossier.refresh_from_db()
    assert dossier.status == Status.RETURNED
    assert fits(page)


def test_a_citizen_chooses_the_agency_first_when_several_carry_out_the_procedure(
    browser_page, birth_procedure, citizen_account, axe
):
    from congso.dossiers.tests.factories import make_agency
    from congso.tests.test_e2e_axe import violations

    birth_procedure.agencies.add(
        make_agency(identifier="000.24.12.H56", name="Ủy ban nhân dân phường Mẫu (dữ liệu mẫu)")
    )
    page = browser_page
    page.set_viewport_size(PHONE)
    log_in_from(page, birth_procedure, citizen_account)
    assert not violations(axe, page)
    press(page, "Tiếp tục")
    assert page.get_by_text("Vui lòng chọn cơ quan giải quyết hồ sơ.").is_visible()
    page.get_by_label("Ủy ban nhân dân phường Mẫu (dữ liệu mẫu)").check()
    press(page, "Tiếp tục")
    page.get_by_role("heading", name="Bước 1: Thông tin người nộp hồ sơ").wait_for()
    assert "phường Mẫu" in page.locator(".dv-agency").inner_text()
    press(page, "Tiếp tục")
    from congso.dossiers.models import Dossier

    assert Dossier.objects.get().agency.identifier == "000.24.12.H56"
    assert fits(page)
