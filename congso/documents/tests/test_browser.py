import pytest

from congso.documents.tests.factories import make_pdf, sign


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_an_editor_uploads_a_signed_pdf_publishes_it_and_a_reader_sees_the_badge(
    browser, browser_page, live_server, home, tmp_path
):
    from django.contrib.auth.models import Group

    from congso.core.tests.factories import UserFactory
    from congso.documents.services import add_trust_anchor
    from congso.documents.tests.factories import ca_pem, make_index
    from congso.users.roles import CHIEF_EDITOR, setup_roles

    setup_roles()
    index = make_index(home)
    add_trust_anchor(ca_pem())
    chief = UserFactory(username="truongban", is_staff=True)
    chief.groups.add(Group.objects.get(name=CHIEF_EDITOR))
    pdf = tmp_path / "bao-cao-ky-so.pdf"
    pdf.write_bytes(sign(make_pdf("Báo cáo tình hình chuyển đổi số năm 2024")))

    page = browser_page
    page.goto("/admin/login/")
    page.fill("input[name=username]", "truongban")
    page.fill("input[name=password]", "matkhau-thu-nghiem-123")
    page.click("button[type=submit]")
    page.wait_for_url("**/admin/")
    page.goto("/admin/van-ban/tai-len/")
    page.set_input_files("input[name=file]", str(pdf))
    page.fill("input[name=title]", "Báo cáo chuyển đổi số đã ký")
    page.click("form button[type=submit].button")
    page.wait_for_url("**/admin/pages/*/edit/")
    assert "Đã ký số — hợp lệ" in page.content()
    # The publish action sits in the footer's dropdown; submitting through it is what a click does.
    page.evaluate("document.querySelector('button[name=action-publish]').click()")
    page.wait_for_url(f"**/admin/pages/{index.pk}/**")

    reader = browser.new_context(base_url=live_server.url, locale="vi-VN").new_page()
    reader.goto("/van-ban/")
    reader.click("text=Báo cáo chuyển đổi số đã ký")
    badge = reader.locator("[data-signature-state]").first
    assert badge.inner_text().strip().endswith("Đã ký số — hợp lệ")
    reader.context.close()


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_a_reader_filters_the_library_by_type_and_clears_the_filter(browser_page, home):
    from datetime import date

    from congso.documents.models import DocumentType
    from congso.documents.tests.factories import make_document, make_index

    index = make_index(home)
    make_document(index, title="Báo cáo tình hình chuyển đổi số")
    make_document(
        index,
        title="Quyết định ban hành quy chế cổng thông tin",
        doc_type=DocumentType.objects.get(slug="quyet-dinh"),
        issue_date=date(2023, 5, 1),
    )

    page = browser_page
    page.goto("/van-ban/")
    table = page.locator("table.doc-table")
    assert "Báo cáo tình hình chuyển đổi số" in table.inner_text()
    page.select_option("select[name=loai]", "quyet-dinh")
    page.click("form.doc-filter button[type=submit]")
    page.wait_for_url("**/van-ban/?*loai=quyet-dinh*")
    assert "Quyết định ban hành quy chế cổng thông tin" in table.inner_text()
    assert "Báo cáo tình hình chuyển đổi số" not in table.inner_text()
    assert page.locator("select[name=loai]").input_value() == "quyet-dinh"
    page.click("text=Bỏ lọc")
    page.wait_for_url("**/van-ban/")
    assert "Báo cáo tình hình chuyển đổi số" in table.inner_text()
