"""In a real Chromium: a citizen on a 375 px phone finds a procedure and downloads its sample
form; an administrator adds a procedure with one component through the admin's own buttons."""

import pytest

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def catalogue(home):
    from django.core.files.base import ContentFile

    from .factories import AgencyFactory, ComponentFactory, ProcedureFactory

    commune = AgencyFactory(identifier="000.23.12.H56", name="Ủy ban nhân dân xã Mẫu (dữ liệu mẫu)")
    ProcedureFactory(name="Cấp giấy phép bưu chính (dữ liệu mẫu)", online_level="partial")
    wanted = ProcedureFactory(
        name="Đăng ký khai sinh (dữ liệu mẫu)", online_level="full", agencies=[commune],
        is_sample=True,
    )  # fmt: skip
    ProcedureFactory(name="Đăng ký kết hôn (dữ liệu mẫu)", online_level="none", agencies=[commune])
    form = ComponentFactory(procedure=wanted, name="Tờ khai đăng ký khai sinh")
    form.template.save("to-khai-khai-sinh.pdf", ContentFile(b"%PDF-1.4 to khai mau"))
    return wanted


def test_a_citizen_on_a_phone_filters_opens_a_procedure_and_downloads_its_form(
    browser_page, catalogue
):
    page = browser_page
    page.set_viewport_size({"width": 375, "height": 800})
    page.goto("/thu-tuc-hanh-chinh/")
    page.get_by_label("Cơ quan thực hiện").select_option("000.23.12.H56")
    page.get_by_label("Mức độ trực tuyến").select_option("full")
    page.get_by_label("Tên hoặc mã thủ tục").fill("khai sinh")
    with page.expect_navigation():
        page.get_by_role("button", name="Tìm thủ tục").click()
    assert page.locator(".proc-count").inner_text() == "Tìm thấy 1 thủ tục."
    assert page.evaluate("document.documentElement.scrollWidth") <= 375

    with page.expect_navigation():
        page.get_by_role("link", name="Đăng ký khai sinh (dữ liệu mẫu)").click()
    assert "Dữ liệu mẫu:" in page.locator(".proc-sample").inner_text()
    assert page.get_by_role("link", name="Nộp hồ sơ trực tuyến").is_visible()
    assert page.evaluate("document.documentElement.scrollWidth") <= 375

    with page.expect_download() as download_info:
        page.get_by_role("link", name="Tải mẫu Tờ khai đăng ký khai sinh").click()
    download = download_info.value
    assert download.suggested_filename.startswith("to-khai-khai-sinh")
    with open(download.path(), "rb") as handle:
        assert handle.read() == b"%PDF-1.4 to khai mau"


def test_an_administrator_adds_a_procedure_with_one_component(browser_page, admin_language, home):
    from congso.procedures.models import Procedure
    from congso.tests.admin_browser import form_submission, log_in, staff_user

    from .factories import AgencyFactory, ProcedureFieldFactory

    AgencyFactory()
    ProcedureFieldFactory()
    staff_user("quantri", None, admin_language)
    page = browser_page
    log_in(page, "quantri")
    page.goto("/admin/snippets/procedures/procedure/add/")
    page.locator("input[name=code]").fill("1.000777.000.00.00.H56")
    page.locator("select[name=field]").select_option(label="Bưu chính")
    page.locator("input[name=name]").fill("Cấp văn bản xác nhận thông báo hoạt động bưu chính")
    page.locator("select[name=agencies]").select_option(
        label="Sở Thông tin và Truyền thông (dữ liệu mẫu) (000.00.12.H56)"
    )
    page.locator("select[name=online_level]").select_option("full")
    page.locator("input[name=time_limit]").fill("7")
    page.locator("#id_components-ADD").click()
    page.locator("input[name=components-0-name]").fill("Văn bản thông báo hoạt động bưu chính")
    page.locator("input[name=components-0-copies]").fill("01 bản chính")
    with form_submission(page):
        page.locator("footer button[type=submit]").first.click()
    page.wait_for_url("**/admin/snippets/procedures/procedure/")

    procedure = Procedure.objects.get(code="1.000777.000.00.00.H56")
    assert procedure.time_limit_text == "07 ngày làm việc"
    assert [a.identifier for a in procedure.agencies.all()] == ["000.00.12.H56"]
    assert [(c.name, c.copies) for c in procedure.components.all()] == [
        ("Văn bản thông báo hoạt động bưu chính", "01 bản chính")
    ]
    page.goto(procedure.get_absolute_url())
    assert page.get_by_role("heading", level=1).inner_text() == procedure.name


@pytest.fixture
def axe():
    pytest.importorskip("axe_playwright_python", reason="pip install -e '.[test]'")
    import os

    from axe_playwright_python.sync_playwright import Axe

    script = os.environ.get("AXE_CORE_JS")
    return Axe.from_file(script) if script else Axe()


def test_the_list_and_a_procedure_have_no_axe_violations_on_desktop_or_phone(
    browser_page, catalogue, axe
):
    from congso.tests.test_e2e_axe import WIDTHS, violations

    page = browser_page
    found = {}
    for url in ["/thu-tuc-hanh-chinh/?muc-do=full", catalogue.get_absolute_url()]:
        page.goto(url, wait_until="networkidle")
        for name, width in WIDTHS.items():
            page.set_viewport_size({"width": width, "height": 900})
            found[f"{url} {name}"] = violations(axe, page)
            assert page.evaluate("document.documentElement.scrollWidth") <= width
    assert not any(found.values()), found


def test_an_administrator_sets_fees_online_payment_and_retention(
    browser_page, admin_language, home
):
    from congso.procedures.models import Procedure
    from congso.tests.admin_browser import form_submission, log_in, staff_user

    from .factories import ProcedureFactory

    procedure = ProcedureFactory(name="Cấp bản sao văn bản (dữ liệu mẫu)")
    staff_user("quantri", None, admin_language)
    page = browser_page
    log_in(page, "quantri")
    page.goto(f"/admin/snippets/procedures/procedure/edit/{procedure.pk}/")
    page.locator("input[name=online_payment]").check()
    page.locator("input[name=retention_years]").fill("10")
    page.locator("#id_fees-ADD").click()
    page.locator("input[name=fees-0-description]").fill("Phí sao y bản chính")
    page.locator("input[name=fees-0-amount]").fill("2000")
    page.locator("input[name=fees-0-per_quantity]").check()
    page.locator("input[name=fees-0-unit]").fill("trang")
    with form_submission(page):
        page.locator("footer button[type=submit]").first.click()
    page.wait_for_url("**/admin/snippets/procedures/procedure/")

    procedure = Procedure.objects.get(pk=procedure.pk)
    assert (procedure.online_payment, procedure.retention_years) == (True, 10)
    assert [(f.description, f.amount, f.per_quantity, f.unit) for f in procedure.fees.all()] == [
        ("Phí sao y bản chính", 2000, True, "trang")
    ]
    page.goto(procedure.get_absolute_url())
    assert "2.000" in page.locator("main").inner_text()
