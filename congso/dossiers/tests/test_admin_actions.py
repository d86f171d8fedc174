"""The dossier page in the one-stop admin: its data, the buttons each officer gets, each button
posting to the same service as the API, refusals as messages, form 05 on demand, and 404s for
another agency's dossiers."""

import pytest
from django.contrib.messages import get_messages

from congso.dossiers.models import Dossier, DossierFile, Slip
from congso.dossiers.services.processing import perform
from congso.dossiers.status import Action, Status
from congso.dossiers.tests.admin_setup import make_office
from congso.dossiers.tests.factories import pdf_upload, submitted_dossier, vn

pytestmark = pytest.mark.django_db


@pytest.fixture
def office(clock):
    return make_office()


@pytest.fixture
def dossier(office):
    return submitted_dossier(office["procedure"], office["citizen"])


def detail_url(dossier):
    return f"/admin/mot-cua/{dossier.pk}/"


def action_url(dossier, action):
    return f"/admin/mot-cua/{dossier.pk}/thao-tac/{action}/"


def press(client, dossier, action, **fields):
    data = {f"{action}-{name}": value for name, value in fields.items()}
    return client.post(action_url(dossier, action), data)


def messages_of(response):
    return [str(m) for m in get_messages(response.wsgi_request)]


def test_the_one_stop_officer_gets_receive_supplement_and_refuse_buttons(client, office, dossier):
    client.force_login(office["one_stop"])
    html = client.get(detail_url(dossier)).content.decode()
    for label in ("Tiếp nhận", "Yêu cầu bổ sung", "Từ chối tiếp nhận"):
        assert f">{label}</summary>" in html
    assert "Phê duyệt</summary>" not in html


def test_the_specialist_gets_no_button_on_a_dossier_not_yet_received(client, office, dossier):
    client.force_login(office["specialist"])
    html = client.get(detail_url(dossier)).content.decode()
    assert "Tiếp nhận</summary>" not in html


def test_the_page_shows_the_applicant_the_files_and_the_history(client, office, dossier):
    client.force_login(office["one_stop"])
    html = client.get(detail_url(dossier)).content.decode()
    assert "Nguyễn Văn A (mẫu)" in html and "001099000001" in html
    stored = dossier.files.get()
    assert f'href="/dich-vu-cong/tep/{stored.pk}/"' in html
    assert "Nộp hồ sơ" in html


def test_receiving_gives_the_code_and_a_link_to_form_01(client, office, dossier):
    client.force_login(office["one_stop"])
    response = press(client, dossier, "receive", note="Đủ giấy tờ")
    dossier.refresh_from_db()
    assert dossier.status == Status.RECEIVED
    assert dossier.code == "000.00.12.H56-260505-0001"
    slip = Slip.objects.get(dossier=dossier, form="01")
    assert response.url == f"{detail_url(dossier)}?phieu={slip.pk}"
    html = client.get(response.url).content.decode()
    assert f'href="/dich-vu-cong/phieu/{slip.pk}/"' in html
    assert "000.00.12.H56-260505-0001" in html
    pdf = client.get(f"/dich-vu-cong/phieu/{slip.pk}/")
    assert (pdf.status_code, pdf["Content-Type"]) == (200, "application/pdf")


def test_a_success_is_told_in_vietnamese(client, office, dossier):
    client.force_login(office["one_stop"])
    response = press(client, dossier, "receive")
    assert any("Đã thực hiện “Tiếp nhận”" in m for m in messages_of(response))


def test_a_supplement_request_without_a_reason_changes_nothing(client, office, dossier):
    client.force_login(office["one_stop"])
    response = press(client, dossier, "request-supplement", reason="")
    dossier.refresh_from_db()
    assert dossier.status == Status.SUBMITTED
    assert any("Chưa thực hiện được" in m for m in messages_of(response))


def test_an_action_the_status_does_not_allow_is_a_message_not_an_error(client, office, dossier):
    client.force_login(office["one_stop"])
    press(client, dossier, "receive")
    response = press(client, dossier, "receive")
    assert response.status_code == 302
    assert any("không có ở bước" in m or "Không thể" in m for m in messages_of(response))


def test_an_officer_without_the_role_is_refused_with_a_message(client, office, dossier):
    client.force_login(office["specialist"])
    response = press(client, dossier, "receive")
    dossier.refresh_from_db()
    assert dossier.status == Status.SUBMITTED
    assert any("vai trò" in m for m in messages_of(response))


def test_another_agencys_officer_gets_404_on_the_page_and_every_action(client, office, dossier):
    client.force_login(office["other_one_stop"])
    assert client.get(detail_url(dossier)).status_code == 404
    assert press(client, dossier, "receive").status_code == 404
    assert client.post(f"/admin/mot-cua/{dossier.pk}/phieu-kiem-soat/").status_code == 404
    dossier.refresh_from_db()
    assert dossier.status == Status.SUBMITTED


def test_an_unknown_action_is_404(client, office, dossier):
    client.force_login(office["one_stop"])
    assert client.post(action_url(dossier, "delete")).status_code == 404


def test_the_whole_round_trip_through_the_buttons(client, office, dossier):
    client.force_login(office["one_stop"])
    press(client, dossier, "receive")
    client.force_login(office["specialist"])
    press(client, dossier, "forward", user=office["leader"].username, note="Đề xuất cấp")
    client.force_login(office["leader"])
    press(client, dossier, "approve")
    client.force_login(office["one_stop"])
    response = client.post(
        action_url(dossier, "return-result"),
        {
            "return-result-result_number": "123/GP-SKHCN",
            "return-result-result_date": "06/05/2026",
            "return-result-signer": "Nguyễn Văn B (mẫu)",
            "return-result-file": pdf_upload("ket-qua.pdf"),
        },
    )
    assert response.status_code == 302
    dossier.refresh_from_db()
    assert dossier.status == Status.RETURNED
    assert (dossier.result_number, str(dossier.result_date)) == ("123/GP-SKHCN", "2026-05-06")
    assert dossier.files.filter(kind=DossierFile.Kind.RESULT).count() == 1


def test_a_refused_result_return_keeps_no_result_file(client, office, dossier):
    perform(dossier.pk, office["one_stop"], Action.RECEIVE, {})
    perform(dossier.pk, office["specialist"], Action.FORWARD, {})
    client.force_login(office["leader"])
    response = client.post(
        action_url(dossier, "return-result"),
        {"return-result-result_number": "1/GP", "return-result-file": pdf_upload()},
    )
    assert any("Chưa thực hiện được" in m for m in messages_of(response))
    assert not dossier.files.filter(kind=DossierFile.Kind.RESULT).exists()


def test_the_leader_can_assign_the_dossier_to_a_specialist(client, office, dossier):
    perform(dossier.pk, office["one_stop"], Action.RECEIVE, {})
    client.force_login(office["leader"])
    html = client.get(detail_url(dossier)).content.decode()
    assert f'value="{office["specialist"].username}"' in html
    press(client, dossier, "assign", user=office["specialist"].username)
    assert Dossier.objects.get(pk=dossier.pk).assignee == office["specialist"]


def test_an_apology_takes_a_new_date_typed_the_vietnamese_way(client, office, dossier):
    perform(dossier.pk, office["one_stop"], Action.RECEIVE, {})
    client.force_login(office["leader"])
    press(client, dossier, "apologize", new_due_at="16:00 15/05/2026", reason="Cần xác minh")
    dossier.refresh_from_db()
    assert dossier.due_at == vn(2026, 5, 15, 16, 0)
    assert Slip.objects.filter(dossier=dossier, form="04").exists()


def test_form_05_is_issued_on_demand_and_opened(client, office, dossier):
    perform(dossier.pk, office["one_stop"], Action.RECEIVE, {})
    client.force_login(office["specialist"])
    response = client.post(f"/admin/mot-cua/{dossier.pk}/phieu-kiem-soat/")
    slip = Slip.objects.get(dossier=dossier, form="05")
    assert response.url == f"/dich-vu-cong/phieu/{slip.pk}/"


def test_form_05_cannot_be_issued_by_a_get(client, office, dossier):
    client.force_login(office["one_stop"])
    assert client.get(f"/admin/mot-cua/{dossier.pk}/phieu-kiem-soat/").status_code == 405


def test_a_finished_dossier_offers_the_leader_to_reopen_it(client, office, dossier):
    client.force_login(office["one_stop"])
    press(client, dossier, "refuse", reason="Không thuộc thẩm quyền")
    client.force_login(office["leader"])
    assert "Mở lại hồ sơ</summary>" in client.get(detail_url(dossier)).content.decode()


def result_file(dossier, office, data: bytes):
    from django.core.files.uploadedfile import SimpleUploadedFile

    from congso.dossiers.services import filing

    perform(dossier.pk, office["one_stop"], Action.RECEIVE, {})
    perform(dossier.pk, office["specialist"], Action.FORWARD, {})
    perform(dossier.pk, office["leader"], Action.APPROVE, {})
    dossier.refresh_from_db()
    upload = SimpleUploadedFile("ket-qua.pdf", data, content_type="application/pdf")
    return filing.attach_file(dossier, office["one_stop"], upload, kind=DossierFile.Kind.RESULT)


def test_a_signed_result_pdf_shows_its_verified_signature(client, office, dossier):
    from congso.documents.services import add_trust_anchor
    from congso.documents.tests.factories import ca_pem, sign

    add_trust_anchor(ca_pem(), name="CA thử nghiệm")
    result_file(dossier, office, sign(pdf_upload().read()))
    client.force_login(office["one_stop"])
    html = client.get(detail_url(dossier)).content.decode()
    assert "Đã ký số — hợp lệ" in html and "Dương Văn Tuấn" in html


def test_an_unsigned_result_pdf_says_so(client, office, dossier):
    result_file(dossier, office, pdf_upload().read())
    client.force_login(office["one_stop"])
    assert "Không có chữ ký số" in client.get(detail_url(dossier)).content.decode()


def test_the_page_shows_the_e_form_answers_with_their_questions(client, office, dossier):
    component = office["procedure"].components.get()
    component.form_schema = {
        "type": "object",
        "properties": {"ngay_sinh": {"type": "string", "format": "date", "title": "Ngày sinh"}},
    }
    component.save()
    Dossier.objects.filter(pk=dossier.pk).update(
        form_data={str(component.pk): {"ngay_sinh": "1990-12-25"}}
    )
    client.force_login(office["one_stop"])
    html = client.get(detail_url(dossier)).content.decode()
    assert "<dt>Ngày sinh</dt><dd>25/12/1990</dd>" in html
