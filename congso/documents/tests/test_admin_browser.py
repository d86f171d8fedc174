"""The editor-in-chief adds an official document through the admin's upload screen and the
page editor's real buttons, in both languages of the admin; each test ends on what a reader,
logged out, then sees in the library."""

import pytest

from congso.documents.pdfrender import render_text_pdf
from congso.documents.tests.factories import sign
from congso.tests.admin_browser import press_footer_action

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

TITLE = "Báo cáo kết quả chuyển đổi số quý III năm 2024"
# The layout of Nghị định 30/2020/NĐ-CP, as congso.documents.suggestions reads it.
REPORT = [
    ("b", "UBND TỈNH HÀ TĨNH"),
    ("b", "SỞ THÔNG TIN VÀ TRUYỀN THÔNG"),
    ("p", "Số: 273/BC-STTTT"),
    ("r", "Hà Tĩnh, ngày 17 tháng 10 năm 2024"),
    ("h", "BÁO CÁO"),
    ("c", "Kết quả chuyển đổi số quý III năm 2024"),
    ("p", "Căn cứ Kế hoạch số 120/KH-UBND ngày 05 tháng 3 năm 2024 của UBND tỉnh;"),
    ("p", "Sở Thông tin và Truyền thông báo cáo kết quả chuyển đổi số quý III như sau."),
    ("b", "KT. GIÁM ĐỐC"),
    ("b", "PHÓ GIÁM ĐỐC"),
    ("b", "Dương Văn Tuấn"),
]
# What a document's upload screen refuses, in each language of the admin.
NOT_ALLOWED = {"vi": "không được phép", "en": "is not allowed"}
TOO_LARGE = {"vi": "Tệp quá lớn", "en": "too large"}
REQUIRED = {"vi": "Trường này là bắt buộc.", "en": "This field is required."}


@pytest.fixture
def library(home):
    from congso.documents.models import DocumentField, IssuingAgency
    from congso.documents.services import add_trust_anchor
    from congso.documents.tests.factories import ca_pem, make_index

    add_trust_anchor(ca_pem())
    IssuingAgency.objects.create(name="Sở Thông tin và Truyền thông", code="STTTT")
    DocumentField.objects.create(name="Chuyển đổi số")
    return make_index(home)


@pytest.fixture
def reader(browser, live_server):
    page = browser.new_context(base_url=live_server.url, locale="vi-VN").new_page()
    yield page
    page.context.close()


def library_text(reader) -> str:
    """What a logged-out reader reads on the library page."""
    reader.goto("/van-ban/", wait_until="networkidle")
    return reader.locator("main").inner_text()


def upload(page, path, title: str = ""):
    """Choose a file on the upload screen and press its button."""
    page.goto("/admin/van-ban/tai-len/")
    page.locator("input[name=file]").set_input_files(str(path))
    page.locator("input[name=title]").fill(title)
    with page.expect_navigation():
        page.locator("main form button[type=submit]").click()


def chosen(page, field: str) -> str:
    """The title a snippet chooser shows for what is chosen ('' when nothing is)."""
    return page.locator(f"#id_{field}-chooser [data-chooser-title]").inner_text().strip()


def choose_snippet(page, field: str, name: str) -> None:
    """Open a snippet chooser's modal and pick `name` from its list."""
    page.locator(f"#id_{field}-chooser .chooser__choose-button").click()
    modal = page.locator(".modal-dialog")
    modal.get_by_role("link", name=name).click()
    modal.wait_for(state="hidden")


@pytest.fixture
def signed_report(tmp_path):
    path = tmp_path / "bao-cao-273.pdf"
    path.write_bytes(sign(render_text_pdf(REPORT, title=TITLE)))
    return path


def test_an_uploaded_pdf_opens_a_draft_with_its_suggested_metadata_filled_in(
    chief, library, signed_report, reader
):
    page = chief
    upload(page, signed_report)
    page.wait_for_url("**/admin/pages/*/edit/")
    suggestions = page.locator("[data-panel] .help-block", has_text="273/BC-STTTT")
    for shown in ("273/BC-STTTT", "Báo cáo", "2024-10-17", "Dương Văn Tuấn"):
        assert shown in suggestions.inner_text()
    assert page.locator("input[name=title]").input_value() == TITLE
    assert page.locator("input[name=number]").input_value() == "273/BC-STTTT"
    assert page.locator("input[name=issue_date]").input_value() == "17/10/2024"
    assert page.locator("input[name=signer_name]").input_value() == "Dương Văn Tuấn"
    assert page.locator("input[name=signer_position]").input_value() == (
        "KT. GIÁM ĐỐC — PHÓ GIÁM ĐỐC"
    )
    assert chosen(page, "doc_type") == "Báo cáo"
    assert chosen(page, "agency") == "Sở Thông tin và Truyền thông"
    assert chosen(page, "field") == ""
    assert "273/BC-STTTT" not in library_text(reader)  # a draft until it is published


def test_a_confirmed_and_published_upload_is_listed_dated_and_downloadable_for_readers(
    chief, library, signed_report, reader
):
    from congso.documents.models import OfficialDocumentPage

    page = chief
    upload(page, signed_report)
    page.wait_for_url("**/admin/pages/*/edit/")
    # Confirm the suggestions as they are, and fill in what the file could not say.
    choose_snippet(page, "field", "Chuyển đổi số")
    assert chosen(page, "field") == "Chuyển đổi số"
    page.locator("input[name=effective_date]").fill("01/11/2024")
    page.locator("textarea[name=recipients]").fill("- UBND tỉnh;\n- Lưu: VT.")
    with page.expect_navigation():
        press_footer_action(page, "action-publish")
    page.wait_for_url(f"**/admin/pages/{library.pk}/")
    document = OfficialDocumentPage.objects.get(number="273/BC-STTTT")
    assert document.live and not document.has_unpublished_changes

    assert TITLE in library_text(reader)
    with reader.expect_navigation():
        reader.locator("table.doc-table").get_by_role("link", name=TITLE).click()
    reader.wait_for_load_state("networkidle")
    meta = reader.locator("table.doc-meta").inner_text()
    assert "273/BC-STTTT" in meta
    assert "17/10/2024" in meta and "01/11/2024" in meta
    assert "KT. GIÁM ĐỐC — PHÓ GIÁM ĐỐC Dương Văn Tuấn" in meta
    assert "Sở Thông tin và Truyền thông" in meta and "Chuyển đổi số" in meta
    link = reader.locator(".doc-file__name a").first
    response = reader.request.get(link.get_attribute("href"))
    assert response.status == 200
    assert response.headers["content-type"] == "application/pdf"
    assert response.body().startswith(b"%PDF")


def test_a_file_that_is_not_a_pdf_is_refused_in_the_admin_language_and_nothing_is_saved(
    chief, library, admin_language, tmp_path, reader
):
    from congso.documents.models import FileDocument, OfficialDocumentPage

    script = tmp_path / "bao-cao.exe"
    script.write_bytes(b"MZ\x90\x00 not a document")
    page = chief
    upload(page, script, title="Tệp lạ")
    assert "/admin/van-ban/tai-len/" in page.url
    error = page.locator(".error-message").inner_text()
    assert NOT_ALLOWED[admin_language] in error
    assert not FileDocument.objects.exists()
    assert not OfficialDocumentPage.objects.exists()
    assert "Tệp lạ" not in library_text(reader) and TITLE not in library_text(reader)


def test_an_oversize_file_is_refused_in_the_admin_language_and_nothing_is_saved(
    chief, library, admin_language, signed_report, settings, reader
):
    from congso.documents.models import FileDocument, OfficialDocumentPage

    settings.DOCUMENT_MAX_UPLOAD_SIZE = 1024
    page = chief
    upload(page, signed_report)
    assert "/admin/van-ban/tai-len/" in page.url
    assert TOO_LARGE[admin_language] in page.locator(".error-message").inner_text()
    assert not FileDocument.objects.exists()
    assert not OfficialDocumentPage.objects.exists()
    assert "Tệp lạ" not in library_text(reader) and TITLE not in library_text(reader)


def test_publishing_a_document_without_its_summary_is_refused_and_stays_a_draft(
    chief, library, admin_language, signed_report, reader
):
    from congso.documents.models import OfficialDocumentPage

    page = chief
    upload(page, signed_report)
    page.wait_for_url("**/admin/pages/*/edit/")
    page.locator("textarea[name=summary]").fill("")
    with page.expect_navigation():
        press_footer_action(page, "action-publish")
    assert REQUIRED[admin_language] in page.locator(".error-message").all_inner_texts()
    document = OfficialDocumentPage.objects.get()
    assert not document.live
    assert document.summary == TITLE
    assert TITLE not in library_text(reader)
