# ruff: noqa: F811 -- the fixtures are imported from citizen_fixtures and used by name.
"""Online filing, step by step, through the pages a citizen uses (Django's test client)."""

import pytest
from django.urls import reverse

from congso.dossiers.models import Dossier, DossierFile
from congso.dossiers.status import Status
from congso.dossiers.tests.citizen_fixtures import (  # noqa: F401
    agency,
    citizen,
    components,
    fake_pdf,
    good_form,
    logged_in,
    procedure,
)
from congso.dossiers.tests.factories import make_agency, make_procedure, pdf_upload

pytestmark = pytest.mark.django_db

APPLICANT = {
    "name": "Trần Thị C (mẫu)",
    "id_number": "001099000123",
    "phone": "0912345678",
    "email": "c@example.invalid",
    "address": "Số 2, đường Mẫu",
}


def start_url(procedure):
    return reverse("dossiers:file_start", args=[procedure.code])


def new_draft(client, procedure, **extra):
    data = {**APPLICANT, "submission_key": "k1", "action": "next", **extra}
    client.post(start_url(procedure), data)
    return Dossier.objects.get()


def text(response) -> str:
    return response.content.decode()


def test_the_procedure_page_button_address_is_the_filing_start(procedure):
    assert procedure.submit_url == start_url(procedure)


def test_an_anonymous_visitor_is_sent_to_the_login_page_and_back(client, procedure):
    response = client.get(start_url(procedure))
    assert response.status_code == 302
    assert response["Location"].startswith("/tai-khoan/login/?next=/dich-vu-cong/nop-ho-so/")


def test_step_one_is_pre_filled_from_the_citizen_profile(logged_in, procedure):
    response = logged_in.get(start_url(procedure))
    assert response.status_code == 200
    assert 'value="Trần Thị C (mẫu)"' in text(response)
    assert 'value="0912345678"' in text(response)
    assert 'name="submission_key"' in text(response)


def test_visiting_the_start_page_creates_no_draft(logged_in, procedure):
    logged_in.get(start_url(procedure))
    assert not Dossier.objects.exists()


def test_a_procedure_not_offered_online_cannot_be_filed(logged_in, agency):
    offline = make_procedure(agency, online_level="none")
    response = logged_in.post(start_url(offline), {**APPLICANT, "submission_key": "x"})
    assert "chưa cung cấp dịch vụ công trực tuyến" in text(response)
    assert not Dossier.objects.exists()


def test_an_unknown_procedure_is_not_found(logged_in):
    assert logged_in.get("/dich-vu-cong/nop-ho-so/1.999999.000.00.00.H56/").status_code == 404


def test_step_one_without_a_name_says_so_in_vietnamese(logged_in, procedure):
    response = logged_in.post(start_url(procedure), {**APPLICANT, "name": "", "action": "next"})
    assert "Vui lòng nhập họ tên người nộp hồ sơ." in text(response)
    assert not Dossier.objects.exists()


def test_step_one_refuses_a_bad_id_number_and_phone_field_by_field(logged_in, procedure):
    response = logged_in.post(
        start_url(procedure), {**APPLICANT, "id_number": "12ab", "phone": "09-xyz"}
    )
    assert "Số định danh cá nhân gồm 12 chữ số" in text(response)
    assert "Số điện thoại không hợp lệ" in text(response)
    assert 'aria-invalid="true"' in text(response)


def test_step_one_creates_a_draft_with_the_applicant_and_goes_to_step_two(logged_in, procedure):
    response = logged_in.post(start_url(procedure), {**APPLICANT, "submission_key": "k1"})
    dossier = Dossier.objects.get()
    assert response["Location"] == reverse("dossiers:step_components", args=[dossier.pk])
    assert dossier.status == Status.DRAFT
    assert dossier.applicant_id_number == "001099000123"


def test_a_double_clicked_step_one_creates_one_draft(logged_in, procedure):
    for _ in range(2):
        logged_in.post(start_url(procedure), {**APPLICANT, "submission_key": "same"})
    assert Dossier.objects.count() == 1


def test_each_render_of_step_one_carries_a_new_submission_key(logged_in, procedure):
    first = text(logged_in.get(start_url(procedure))).split('name="submission_key" value="')[1]
    second = text(logged_in.get(start_url(procedure))).split('name="submission_key" value="')[1]
    assert first[:20] != second[:20]


def test_several_agencies_ask_for_the_agency_first(logged_in, procedure):
    procedure.agencies.add(make_agency(identifier="000.23.12.H56", name="UBND xã Mẫu"))
    response = logged_in.get(start_url(procedure))
    assert "Chọn cơ quan bạn gửi hồ sơ đến" in text(response)
    assert 'type="radio"' in text(response)


def test_an_agency_that_does_not_carry_out_the_procedure_is_refused(logged_in, procedure):
    procedure.agencies.add(make_agency(identifier="000.23.12.H56", name="UBND xã Mẫu"))
    response = logged_in.get(start_url(procedure) + "?agency=000.99.99.H56")
    assert "Cơ quan này không thực hiện thủ tục" in text(response)


def test_the_chosen_agency_receives_the_draft(logged_in, procedure):
    commune = make_agency(identifier="000.23.12.H56", name="UBND xã Mẫu")
    procedure.agencies.add(commune)
    dossier = new_draft(logged_in, procedure, agency="000.23.12.H56")
    assert dossier.agency == commune


def test_save_draft_on_step_one_stays_on_the_step_with_a_message(logged_in, procedure):
    response = logged_in.post(
        start_url(procedure), {**APPLICANT, "submission_key": "k", "action": "save"}, follow=True
    )
    assert "Đã lưu nháp" in text(response)
    assert response.redirect_chain[-1][0].endswith("/nguoi-nop/")


def test_step_two_shows_the_accepted_types_and_the_accept_attribute(logged_in, procedure):
    dossier = new_draft(logged_in, procedure)
    response = logged_in.get(reverse("dossiers:step_components", args=[dossier.pk]))
    assert "PDF, JPG, PNG, DOCX, XLSX; tối đa 10 MB" in text(response)
    assert 'accept=".pdf,' in text(response)
    assert "Họ tên người được khai sinh" in text(response)


def test_step_two_keeps_an_uploaded_file_and_shows_its_name(logged_in, procedure):
    dossier = new_draft(logged_in, procedure)
    file_component, eform, _optional = components(procedure)
    url = reverse("dossiers:step_components", args=[dossier.pk])
    logged_in.post(
        url, {f"file-{file_component.pk}": pdf_upload("chung-sinh.pdf"), "action": "save"}
    )
    response = logged_in.get(url)
    assert "Đã đính kèm" in text(response) and "chung-sinh.pdf" in text(response)
    assert "Thay bằng tệp khác" in text(response)


def test_a_file_claiming_to_be_a_pdf_is_refused_with_a_message_and_nothing_kept(
    logged_in, procedure
):
    dossier = new_draft(logged_in, procedure)
    file_component = components(procedure)[0]
    url = reverse("dossiers:step_components", args=[dossier.pk])
    response = logged_in.post(url, {f"file-{file_component.pk}": fake_pdf(), "action": "save"})
    assert response.status_code == 200
    assert "không phải là PDF hợp lệ" in text(response)
    assert not DossierFile.objects.exists()


def test_a_replaced_file_is_the_one_the_draft_keeps(logged_in, procedure):
    dossier = new_draft(logged_in, procedure)
    file_component = components(procedure)[0]
    url = reverse("dossiers:step_components", args=[dossier.pk])
    logged_in.post(url, {f"file-{file_component.pk}": pdf_upload("cu.pdf"), "action": "save"})
    logged_in.post(url, {f"file-{file_component.pk}": pdf_upload("moi.pdf"), "action": "save"})
    current = DossierFile.objects.filter(superseded=False).get()
    assert current.name == "moi.pdf"


def test_going_on_without_a_required_file_says_which_one(logged_in, procedure):
    dossier = new_draft(logged_in, procedure)
    eform = components(procedure)[1]
    url = reverse("dossiers:step_components", args=[dossier.pk])
    response = logged_in.post(url, {**good_form(eform), "action": "next"})
    assert response.status_code == 200
    assert "Vui lòng đính kèm “Giấy chứng sinh”." in text(response)


def test_e_form_errors_are_shown_field_by_field(logged_in, procedure):
    dossier = new_draft(logged_in, procedure)
    eform = components(procedure)[1]
    url = reverse("dossiers:step_components", args=[dossier.pk])
    data = {
        f"form-{eform.pk}-ho_ten": "",
        f"form-{eform.pk}-ngay_sinh": "31/02/2020",
        f"form-{eform.pk}-so_ban_sao": "mười",
        "action": "next",
    }
    page = text(logged_in.post(url, data))
    assert "Vui lòng nhập “Họ tên người được khai sinh”." in page
    assert "Ngày không hợp lệ (dd/mm/yyyy)." in page
    assert "“Số bản sao” phải là số nguyên." in page
    assert f'id="id_form-{eform.pk}-ngay_sinh_error"' in page


def test_a_draft_saves_the_e_form_answers_given_so_far(logged_in, procedure):
    dossier = new_draft(logged_in, procedure)
    eform = components(procedure)[1]
    url = reverse("dossiers:step_components", args=[dossier.pk])
    logged_in.post(url, {f"form-{eform.pk}-ho_ten": "Nguyễn Văn B (mẫu)", "action": "save"})
    dossier.refresh_from_db()
    assert dossier.form_data == {str(eform.pk): {"ho_ten": "Nguyễn Văn B (mẫu)"}}
    assert 'value="Nguyễn Văn B (mẫu)"' in text(logged_in.get(url))


def test_step_two_complete_goes_to_step_three(logged_in, procedure):
    dossier = new_draft(logged_in, procedure)
    file_component, eform, _ = components(procedure)
    url = reverse("dossiers:step_components", args=[dossier.pk])
    response = logged_in.post(
        url, {f"file-{file_component.pk}": pdf_upload(), **good_form(eform), "action": "next"}
    )
    assert response["Location"] == reverse("dossiers:step_summary", args=[dossier.pk])
    dossier.refresh_from_db()
    assert dossier.form_data[str(eform.pk)]["ngay_sinh"] == "2020-12-25"


def test_back_from_step_two_goes_to_step_one(logged_in, procedure):
    dossier = new_draft(logged_in, procedure)
    url = reverse("dossiers:step_components", args=[dossier.pk])
    response = logged_in.post(url, {"action": "back"})
    assert response["Location"] == reverse("dossiers:step_applicant", args=[dossier.pk])


def test_step_three_asks_for_a_summary_to_go_on(logged_in, procedure):
    dossier = new_draft(logged_in, procedure)
    url = reverse("dossiers:step_summary", args=[dossier.pk])
    response = logged_in.post(url, {"summary": "  ", "action": "next"})
    assert "Vui lòng nhập trích yếu nội dung đề nghị." in text(response)


def test_step_three_is_pre_filled_with_the_procedure_name(logged_in, procedure):
    dossier = new_draft(logged_in, procedure)
    response = logged_in.get(reverse("dossiers:step_summary", args=[dossier.pk]))
    assert "Đăng ký khai sinh (dữ liệu mẫu)</textarea>" in text(response)


def complete_draft(client, procedure):
    dossier = new_draft(client, procedure)
    file_component, eform, _ = components(procedure)
    client.post(
        reverse("dossiers:step_components", args=[dossier.pk]),
        {f"file-{file_component.pk}": pdf_upload(), **good_form(eform), "action": "next"},
    )
    client.post(
        reverse("dossiers:step_summary", args=[dossier.pk]),
        {"summary": "Đề nghị đăng ký khai sinh cho con", "action": "next"},
    )
    return dossier


def test_the_summary_page_shows_everything_before_submitting(logged_in, procedure):
    dossier = complete_draft(logged_in, procedure)
    page = text(logged_in.get(reverse("dossiers:step_confirm", args=[dossier.pk])))
    for expected in ("Trần Thị C (mẫu)", "001099000123", "don.pdf", "25/12/2020",
                     "Đề nghị đăng ký khai sinh cho con", "Nộp hồ sơ"):  # fmt: skip
        assert expected in page


def test_submitting_without_the_pledge_is_refused(logged_in, procedure):
    dossier = complete_draft(logged_in, procedure)
    response = logged_in.post(reverse("dossiers:step_confirm", args=[dossier.pk]), {})
    assert "Vui lòng đánh dấu ô cam đoan" in text(response)
    dossier.refresh_from_db()
    assert dossier.status == Status.DRAFT


def test_an_incomplete_draft_is_not_submitted_and_says_what_is_missing(logged_in, procedure):
    dossier = new_draft(logged_in, procedure)
    response = logged_in.post(reverse("dossiers:step_confirm", args=[dossier.pk]), {"pledge": "on"})
    assert "Còn thiếu thành phần hồ sơ bắt buộc: Giấy chứng sinh" in text(response)
    dossier.refresh_from_db()
    assert dossier.status == Status.DRAFT


def test_submitting_shows_the_reference_the_secret_and_the_tracking_link(logged_in, procedure):
    from congso.dossiers.services import records

    dossier = complete_draft(logged_in, procedure)
    response = logged_in.post(
        reverse("dossiers:step_confirm", args=[dossier.pk]), {"pledge": "on"}, follow=True
    )
    dossier.refresh_from_db()
    page = text(response)
    assert dossier.status == Status.SUBMITTED
    assert str(dossier.reference) in page
    assert records.tracking_secret(dossier) in page
    assert f"secret={records.tracking_secret(dossier)}" in page


def test_a_double_clicked_submission_submits_once_and_both_see_the_confirmation(
    logged_in, procedure
):
    dossier = complete_draft(logged_in, procedure)
    url = reverse("dossiers:step_confirm", args=[dossier.pk])
    first = logged_in.post(url, {"pledge": "on"})
    second = logged_in.post(url, {"pledge": "on"})
    assert (
        first["Location"] == second["Location"] == reverse("dossiers:submitted", args=[dossier.pk])
    )
    assert Dossier.objects.count() == 1
    assert dossier.events.filter(action="submit").count() == 1


def test_the_confirmation_is_shown_once_then_the_dossier_page(logged_in, procedure):
    dossier = complete_draft(logged_in, procedure)
    logged_in.post(reverse("dossiers:step_confirm", args=[dossier.pk]), {"pledge": "on"})
    url = reverse("dossiers:submitted", args=[dossier.pk])
    assert logged_in.get(url).status_code == 200
    assert logged_in.get(url)["Location"] == reverse("dossiers:my_dossier", args=[dossier.pk])


def test_a_step_of_a_submitted_dossier_leads_to_the_dossier(logged_in, procedure):
    dossier = complete_draft(logged_in, procedure)
    logged_in.post(reverse("dossiers:step_confirm", args=[dossier.pk]), {"pledge": "on"})
    logged_in.get(reverse("dossiers:submitted", args=[dossier.pk]))
    response = logged_in.post(reverse("dossiers:step_summary", args=[dossier.pk]), {"summary": "x"})
    assert response["Location"] == reverse("dossiers:my_dossier", args=[dossier.pk])
    dossier.refresh_from_db()
    assert dossier.summary == "Đề nghị đăng ký khai sinh cho con"


def test_a_saved_draft_is_resumed_from_my_dossiers_at_the_step_it_needs(logged_in, procedure):
    dossier = new_draft(logged_in, procedure)
    page = text(logged_in.get(reverse("dossiers:my_dossiers")))
    assert "Tiếp tục soạn" in page
    assert reverse("dossiers:step_components", args=[dossier.pk]) in page


def test_another_citizen_cannot_open_a_draft_step(client, logged_in, procedure):
    from congso.dossiers.tests.factories import make_user

    dossier = new_draft(logged_in, procedure)
    client.force_login(make_user("khac"))
    for name in ("step_applicant", "step_components", "step_summary", "step_confirm"):
        assert client.get(reverse(f"dossiers:{name}", args=[dossier.pk])).status_code == 404


def test_a_file_over_the_configured_size_limit_is_refused_and_not_kept(
    logged_in, procedure, settings
):
    settings.DOSSIER_UPLOAD_MAX_BYTES = 1024
    dossier = new_draft(logged_in, procedure)
    file_component = components(procedure)[0]
    url = reverse("dossiers:step_components", args=[dossier.pk])
    response = logged_in.post(url, {f"file-{file_component.pk}": pdf_upload(), "action": "save"})
    assert "vượt quá dung lượng cho phép 1 KB" in text(response)
    assert "tối đa 1 KB" in text(response)
    assert not DossierFile.objects.exists()


def test_an_e_form_error_keeps_a_file_sent_with_it(logged_in, procedure):
    dossier = new_draft(logged_in, procedure)
    file_component, eform, _ = components(procedure)
    url = reverse("dossiers:step_components", args=[dossier.pk])
    logged_in.post(url, {f"file-{file_component.pk}": pdf_upload(), "action": "next"})
    assert DossierFile.objects.filter(dossier=dossier, superseded=False).count() == 1


def test_the_filing_pages_are_never_cached(logged_in, procedure):
    response = logged_in.get(start_url(procedure))
    assert "no-store" in response["Cache-Control"]


def test_step_zero_sent_without_a_choice_asks_for_the_agency(logged_in, procedure):
    procedure.agencies.add(make_agency(identifier="000.23.12.H56", name="UBND xã Mẫu"))
    response = logged_in.get(start_url(procedure) + "?chon=1")
    assert "Vui lòng chọn cơ quan giải quyết hồ sơ." in text(response)
