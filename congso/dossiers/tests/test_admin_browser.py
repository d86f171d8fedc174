"""The one-stop admin in a browser: each officer logs in as themselves and presses the real
buttons — receive and open form 01, forward, approve, return the result with a number and a PDF;
a supplement request; an in-person entry; an agency admin changing a step's allowance."""

import pytest

from congso.dossiers.models import Dossier, Workflow, WorkflowStep, WorkflowTransition
from congso.dossiers.models.workflow import ensure_default_workflow
from congso.dossiers.status import Role, Status
from congso.dossiers.tests.admin_setup import make_office, officer
from congso.dossiers.tests.factories import submitted_dossier
from congso.tests.admin_browser import form_submission, log_in, new_page

pytestmark = pytest.mark.browser
PASSWORD = "x"  # factories.make_user's


@pytest.fixture
def office(browser_page):
    return make_office()


@pytest.fixture
def result_pdf(tmp_path):
    from reportlab.pdfgen import canvas

    path = tmp_path / "ket-qua.pdf"
    pdf = canvas.Canvas(str(path))
    pdf.drawString(72, 720, "Giay phep (mau)")
    pdf.save()
    return path


def as_officer(browser, live_server, username):
    page = new_page(browser, live_server.url)
    log_in(page, username, PASSWORD)
    return page


def open_from_queue(page, queue: str, link_text: str) -> None:
    page.goto("/admin/mot-cua/")
    page.locator(f"a[data-queue={queue}]").click()
    page.wait_for_url(f"**hang={queue}**")
    page.get_by_role("link", name=link_text).click()
    page.wait_for_url("**/admin/mot-cua/*/")


def press(page, action: str, **fields) -> None:
    """Open the action's box, fill its fields (name → value; a file path for files) and press
    its button; waits for the page the server answers with."""
    box = page.locator(f"details[data-action='{action}']")
    box.locator("summary").click()
    for name, value in fields.items():
        field = box.locator(f"[name='{action}-{name}']")
        tag = field.evaluate("element => element.tagName + ':' + (element.type || '')")
        if tag.startswith("SELECT"):
            field.select_option(value)
        elif tag.endswith(":file"):
            field.set_input_files(value)
        else:
            field.fill(value)
    with form_submission(page):
        box.locator("button[type=submit]").click()


def test_online_dossier_from_reception_to_result_through_the_buttons(
    browser, live_server, browser_page, office, result_pdf
):
    dossier = submitted_dossier(office["procedure"], office["citizen"])
    page = browser_page
    log_in(page, "motcua", PASSWORD)
    open_from_queue(page, "moi-nop", f"Chưa có mã #{dossier.pk}")
    press(page, "receive", note="Hồ sơ đầy đủ")
    dossier.refresh_from_db()
    assert dossier.code and page.locator("#dossier-code").inner_text() == dossier.code
    slip = page.request.get(page.locator("#fresh-slip").get_attribute("href"))
    assert (slip.status, slip.headers["content-type"]) == (200, "application/pdf")

    specialist = as_officer(browser, live_server, "chuyenvien")
    open_from_queue(specialist, "viec-cua-toi", dossier.code)
    press(specialist, "forward", user="lanhdao", note="Đề xuất cấp phép")

    leader = as_officer(browser, live_server, "lanhdao")
    open_from_queue(leader, "viec-cua-toi", dossier.code)
    press(leader, "approve")
    assert "Đã xử lý xong" in leader.locator("#dossier-status").inner_text()

    open_from_queue(page, "viec-cua-toi", dossier.code)
    press(
        page,
        "return-result",
        result_number="15/GP-SKHCN",
        signer="Nguyễn Văn B (mẫu)",
        file=str(result_pdf),
    )
    assert "Đã trả kết quả" in page.locator("#dossier-status").inner_text()
    dossier.refresh_from_db()
    assert (dossier.status, dossier.result_number) == (Status.RETURNED, "15/GP-SKHCN")
    assert dossier.files.filter(kind="result").exists()


def test_the_one_stop_officer_asks_for_a_supplement_with_a_reason(browser_page, office):
    dossier = submitted_dossier(office["procedure"], office["citizen"])
    page = browser_page
    log_in(page, "motcua", PASSWORD)
    open_from_queue(page, "cho-tiep-nhan", f"Chưa có mã #{dossier.pk}")
    press(page, "request-supplement", reason="")
    assert "Chưa thực hiện được" in page.locator(".messages").inner_text()
    press(page, "request-supplement", reason="Thiếu bản sao giấy phép kinh doanh")
    assert "Yêu cầu bổ sung giấy tờ" in page.locator("#dossier-status").inner_text()
    assert Dossier.objects.get(pk=dossier.pk).status == Status.SUPPLEMENT
    slip = page.request.get(page.locator("#fresh-slip").get_attribute("href"))
    assert (slip.status, slip.headers["content-type"]) == (200, "application/pdf")


def test_the_one_stop_officer_enters_an_in_person_dossier(browser_page, office, result_pdf):
    page = browser_page
    log_in(page, "motcua", PASSWORD)
    page.goto("/admin/mot-cua/nhap-truc-tiep/")
    page.locator("#id_desk_procedure").select_option(office["procedure"].code)
    page.locator("#choose-procedure").click()
    page.locator("#desk-form").wait_for()
    page.locator("#desk-form [name=name]").fill("Phạm Thị D (mẫu)")
    page.locator("#desk-form [name=phone]").fill("0912345678")
    page.locator("#desk-form input[type=file]").first.set_input_files(str(result_pdf))
    with form_submission(page):
        page.locator("#desk-receive").click()
    dossier = Dossier.objects.get(applicant_name="Phạm Thị D (mẫu)")
    assert (dossier.status, dossier.channel, dossier.owner_id) == (Status.RECEIVED, 1, None)
    assert page.locator("#dossier-code").inner_text() == dossier.code
    slip = page.request.get(page.locator("#fresh-slip").get_attribute("href"))
    assert slip.status == 200


def test_an_agency_admin_changes_a_steps_allowance(browser_page, office):
    agency_admin = officer(office["agency"], Role.ADMIN, "quantri")
    default = ensure_default_workflow()
    workflow = Workflow.objects.create(name="Quy trình của sở (mẫu)", agency=office["agency"])
    for order, step in enumerate(default.steps.order_by("sort_order")):
        WorkflowStep.objects.create(
            workflow=workflow,
            sort_order=order,
            code=step.code,
            name=step.name,
            role=step.role,
            allowance_percent=step.allowance_percent,
        )
    for order, row in enumerate(default.transitions.order_by("sort_order")):
        WorkflowTransition.objects.create(
            workflow=workflow,
            sort_order=order,
            action=row.action,
            from_step=row.from_step,
            to_step=row.to_step,
            role=row.role,
            clock=row.clock,
        )
    page = browser_page
    log_in(page, agency_admin.username, PASSWORD)
    page.goto("/admin/snippets/dossiers/workflow/")
    page.get_by_role("link", name="Quy trình của sở (mẫu)").click()
    page.wait_for_url(f"**/edit/{workflow.pk}/")
    page.locator("#id_steps-1-allowance_percent").fill("60")
    with form_submission(page):
        page.locator("footer button.action-save, footer button[type=submit]").first.click()
    assert workflow.steps.get(code="xu-ly").allowance_percent == 60
