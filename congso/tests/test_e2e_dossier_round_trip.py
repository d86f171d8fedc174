"""The whole round trip of an online dossier in a real Chromium, every step a real button: a
citizen files from a 375 × 812 phone → the one-stop officer receives it and form 01 opens → the
specialist asks for a supplement, which the citizen supplies from "Hồ sơ của tôi" → the
specialist forwards, the leader approves, the one-stop officer returns the result with a PDF →
the citizen downloads the result and rates it once. The citizen was told by e-mail at each
turn, and the dossier's history lists every hand-over in order (issue 9, part 10)."""

import re

import pytest
from django.core import mail

from congso.dossiers.status import Status
from congso.tests.admin_browser import form_submission, log_in, new_page

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PHONE = {"width": 375, "height": 812}
OFFICER_PASSWORD = "x"  # dossiers.tests.factories.make_user's
REASON = "Bản sao giấy tờ bị mờ, đề nghị nộp lại bản rõ nét"
RESULT_NUMBER = "15/GP-SKHCN"


@pytest.fixture
def office(home):
    from congso.accounts.tests.factories import PASSWORD, make_citizen
    from congso.dossiers.tests.admin_setup import make_office

    office = make_office()
    office["procedure"].name = "Cấp giấy phép mẫu (dữ liệu mẫu)"
    office["procedure"].save()
    # A verified allauth account with a profile, as signup leaves it.
    profile = make_citizen(full_name="Trần Thị C (mẫu)", id_number="001099000123")
    office["account"] = (profile.user.email, PASSWORD)
    return office


@pytest.fixture
def pdfs(tmp_path):
    from reportlab.pdfgen import canvas

    paths = {}
    for name, text in (
        ("don-de-nghi.pdf", "Don de nghi (mau)"),
        ("ban-sao-ro-net.pdf", "Ban sao ro net (mau)"),
        ("ket-qua.pdf", "Giay phep (mau)"),
    ):
        path = tmp_path / name
        pdf = canvas.Canvas(str(path))
        pdf.drawString(72, 720, text)
        pdf.save()
        paths[name] = path
    return paths


# The citizen, on a phone ---------------------------------------------------------------------


def phone_page(browser, live_server):
    context = browser.new_context(
        base_url=live_server.url, locale="vi-VN", viewport=PHONE, has_touch=True
    )
    page = context.new_page()
    page.set_default_timeout(15_000)
    return page


def click_and_wait(page, locator) -> None:
    with page.expect_navigation():
        locator.click()


def press_citizen_button(page, name: str) -> None:
    click_and_wait(page, page.get_by_role("button", name=name, exact=True))


def fits(page) -> None:
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= PHONE["width"], (page.url, width)


def file_online(page, procedure, account, pdf) -> None:
    """Procedure page → "Nộp hồ sơ trực tuyến" → login → every step → submitted."""
    page.goto(f"/thu-tuc-hanh-chinh/{procedure.code}/")
    click_and_wait(page, page.get_by_role("link", name="Nộp hồ sơ trực tuyến").first)
    assert "/tai-khoan/login/" in page.url
    page.locator("input[name=login]").fill(account[0])
    page.locator("input[name=password]").fill(account[1])
    press_citizen_button(page, "Đăng nhập")

    page.get_by_role("heading", name="Bước 1: Thông tin người nộp hồ sơ").wait_for()
    assert page.get_by_label("Họ và tên").input_value() == "Trần Thị C (mẫu)"
    fits(page)
    press_citizen_button(page, "Tiếp tục")

    page.get_by_role("heading", name="Bước 2: Thành phần hồ sơ").wait_for()
    page.get_by_label("Chọn tệp cho Đơn đề nghị").set_input_files(pdf)
    fits(page)
    press_citizen_button(page, "Tiếp tục")

    page.get_by_role("heading", name="Bước 3: Trích yếu, ghi chú").wait_for()
    page.get_by_label("Trích yếu nội dung đề nghị").fill("Đề nghị cấp giấy phép (dữ liệu mẫu)")
    press_citizen_button(page, "Tiếp tục")

    page.get_by_role("heading", name="Bước 4: Kiểm tra lại và nộp hồ sơ").wait_for()
    assert page.get_by_text(pdf.name).is_visible()
    fits(page)
    page.get_by_label("Tôi cam đoan những thông tin đã khai là đúng sự thật.").check()
    press_citizen_button(page, "Nộp hồ sơ")
    page.get_by_role("heading", name="Đã nộp hồ sơ thành công").wait_for()
    fits(page)


def open_my_dossier(page, procedure_name: str, link: str | None = None) -> str:
    """ "Hồ sơ của tôi" (the breadcrumb's link) → the dossier's card → its link named `link`
    (default: the procedure's name); returns the card's text."""
    page.get_by_role("link", name="Hồ sơ của tôi", exact=True).first.click()
    page.wait_for_url("**/dich-vu-cong/ho-so-cua-toi/")
    card = page.locator(".dv-card").filter(has_text=procedure_name)
    text = card.inner_text()
    click_and_wait(page, card.get_by_role("link", name=link or procedure_name, exact=link is None))
    return text


# The officers, at their desks ----------------------------------------------------------------


def officer_page(browser, live_server, username: str):
    page = new_page(browser, live_server.url)
    log_in(page, username, OFFICER_PASSWORD)
    return page


def open_from_queue(page, queue: str, link_text: str) -> None:
    page.goto("/admin/mot-cua/")
    page.locator(f"a[data-queue={queue}]").click()
    page.wait_for_url(f"**hang={queue}**")
    page.get_by_role("link", name=link_text).click()
    page.wait_for_url("**/admin/mot-cua/*/")


def press_action(page, label: str, **fields) -> None:
    """Open the action's box by its visible name, fill its fields by their labels (a path for
    a file, a username for a choice) and press its button."""
    box = page.locator("details.dossier-detail__action").filter(
        has=page.locator("summary", has_text=re.compile(rf"^\s*{re.escape(label)}\s*$"))
    )
    box.locator("summary").click()
    for field_label, value in fields.items():
        field = box.get_by_label(field_label)
        kind = field.evaluate("element => element.tagName + ':' + (element.type || '')")
        if kind.startswith("SELECT"):
            field.select_option(value)
        elif kind.endswith(":file"):
            field.set_input_files(value)
        else:
            field.fill(value)
    with form_submission(page):
        box.get_by_role("button", name=label, exact=True).click()


def status_of(page) -> str:
    return page.locator("#dossier-status").inner_text()


# The round trip ------------------------------------------------------------------------------


def test_a_dossier_goes_from_a_phone_through_every_officer_and_back_with_mails(
    browser, live_server, browser_page, office, pdfs
):
    from congso.dossiers.models import Dossier, Rating
    from congso.dossiers.services import records

    procedure = office["procedure"]
    mail.outbox.clear()

    # 1. The citizen files online from a phone.
    citizen = phone_page(browser, live_server)
    file_online(citizen, procedure, office["account"], pdfs["don-de-nghi.pdf"])
    dossier = Dossier.objects.get()
    assert dossier.status == Status.SUBMITTED
    assert str(dossier.reference) in citizen.locator(".dv-facts").inner_text()
    secret = citizen.locator(".dv-secret__value").inner_text()
    assert secret == records.tracking_secret(dossier)

    # 2. The one-stop officer receives it; form 01 opens as a PDF.
    one_stop = browser_page
    log_in(one_stop, "motcua", OFFICER_PASSWORD)
    open_from_queue(one_stop, "moi-nop", f"Chưa có mã #{dossier.pk}")
    press_action(one_stop, "Tiếp nhận", **{"Ghi chú": "Hồ sơ đầy đủ"})
    dossier.refresh_from_db()
    assert dossier.code and one_stop.locator("#dossier-code").inner_text() == dossier.code
    slip_url = one_stop.locator("#fresh-slip").get_attribute("href")
    assert one_stop.locator("a[data-form='01']").get_attribute("href") == slip_url
    slip = one_stop.request.get(slip_url)
    assert (slip.status, slip.headers["content-type"]) == (200, "application/pdf")
    assert slip.body().startswith(b"%PDF-")

    # ... and the specialist asks for a supplement, with a reason.
    specialist = officer_page(browser, live_server, "chuyenvien")
    open_from_queue(specialist, "viec-cua-toi", dossier.code)
    press_action(specialist, "Yêu cầu bổ sung", **{"Nội dung cần bổ sung": REASON})
    assert "Yêu cầu bổ sung giấy tờ" in status_of(specialist)

    # 3. The citizen reads the request in "Hồ sơ của tôi" and supplies the supplement.
    card = open_my_dossier(citizen, procedure.name, link="Bổ sung hồ sơ")
    assert "Cần bổ sung" in card and REASON in card
    assert citizen.locator(".dv-reason").inner_text() == REASON
    citizen.get_by_label("Giấy tờ bổ sung").set_input_files(pdfs["ban-sao-ro-net.pdf"])
    citizen.get_by_label("Nội dung bổ sung").fill("Gửi lại bản sao rõ nét")
    press_citizen_button(citizen, "Gửi bổ sung")
    assert citizen.get_by_text("Đã gửi hồ sơ bổ sung").is_visible()
    fits(citizen)

    # 4. Specialist → leader → the one-stop officer returns the result with a PDF.
    open_from_queue(specialist, "viec-cua-toi", dossier.code)
    press_action(
        specialist,
        "Chuyển bước tiếp theo",
        **{"Chuyển cho cán bộ": "lanhdao", "Ghi chú": "Đề xuất cấp"},
    )
    leader = officer_page(browser, live_server, "lanhdao")
    open_from_queue(leader, "viec-cua-toi", dossier.code)
    press_action(leader, "Phê duyệt")
    assert "Đã xử lý xong" in status_of(leader)
    open_from_queue(one_stop, "viec-cua-toi", dossier.code)
    press_action(
        one_stop,
        "Trả kết quả",
        **{"Số, ký hiệu kết quả": RESULT_NUMBER, "Tệp kết quả": str(pdfs["ket-qua.pdf"])},
    )
    assert "Đã trả kết quả" in status_of(one_stop)

    # 5. The citizen downloads the result and rates, once.
    open_my_dossier(citizen, procedure.name)
    assert "Đã trả kết quả" in citizen.locator(".dv-status-line").inner_text()
    assert RESULT_NUMBER in citizen.locator(".dv-result").inner_text()
    with citizen.expect_download() as download_info:
        citizen.get_by_role("link", name="Tải kết quả: ket-qua.pdf").click()
    download = download_info.value
    assert download.suggested_filename == "ket-qua.pdf"
    with open(download.path(), "rb") as downloaded:
        assert downloaded.read() == pdfs["ket-qua.pdf"].read_bytes()
    citizen.get_by_label("5 sao – Rất hài lòng").check()
    citizen.get_by_label("Góp ý thêm").fill("Cán bộ hướng dẫn tận tình")
    press_citizen_button(citizen, "Gửi đánh giá")
    assert citizen.get_by_text("Cảm ơn bạn đã đánh giá.").is_visible()
    citizen.reload()
    assert citizen.get_by_role("button", name="Gửi đánh giá").count() == 0
    assert (
        "5/5 sao – Cán bộ hướng dẫn tận tình" in citizen.locator("#rating-title + p").inner_text()
    )
    fits(citizen)
    rating = Rating.objects.get(dossier=dossier)
    assert (rating.score, rating.comment) == (5, "Cán bộ hướng dẫn tận tình")

    # 6. The citizen was told by e-mail: receipt (with the code), supplement (with the
    # reason), result. The live server runs in this process: its mails are in mail.outbox.
    address = office["account"][0]
    assert {tuple(m.to) for m in mail.outbox} == {(address,)}
    receipt = mail_about(f"Hồ sơ {dossier.code} đã được tiếp nhận")
    assert dossier.code in receipt.body and "Trạng thái: Đã được tiếp nhận" in receipt.body
    assert REASON in mail_about(f"Hồ sơ {dossier.code} cần bổ sung").body
    result = mail_about(f"Đã có kết quả hồ sơ {dossier.code}")
    assert "Đã trả kết quả" in result.body

    # Every hand-over, in order, in the dossier's history (who, and the status it left).
    dossier.refresh_from_db()
    assert (dossier.status, dossier.result_number) == (Status.RETURNED, RESULT_NUMBER)
    owner = dossier.owner.username
    history = [
        (event.action, event.actor.username, event.to_status) for event in dossier.events.all()
    ]
    assert history == [
        ("create", owner, Status.DRAFT),
        ("submit", owner, Status.SUBMITTED),
        ("receive", "motcua", Status.RECEIVED),
        ("request-supplement", "chuyenvien", Status.SUPPLEMENT),
        ("attach", owner, Status.SUPPLEMENT),
        ("supplement", owner, Status.RECEIVED),
        ("forward", "chuyenvien", Status.PROCESSING),
        ("approve", "lanhdao", Status.DONE),
        ("attach", "motcua", Status.DONE),
        ("return-result", "motcua", Status.RETURNED),
        ("rate", owner, Status.RETURNED),
    ]
    forwarded = dossier.events.get(action="forward")
    assert forwarded.note == "Đề xuất cấp"
    assert dossier.events.get(action="request-supplement").note == REASON


def mail_about(subject: str):
    """The one mail whose subject (after the site's "[name] " prefix) is `subject`."""
    found = [m for m in mail.outbox if m.subject.split("] ", 1)[-1] == subject]
    assert len(found) == 1, [m.subject for m in mail.outbox]
    return found[0]
