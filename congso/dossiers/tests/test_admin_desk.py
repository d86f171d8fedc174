"""In-person entry: the service (create without an owner, submit and receive as the officer, all
or nothing) and the admin page the one-stop officer fills in."""

import pytest

from congso.dossiers.models import Dossier, Event
from congso.dossiers.services import Forbidden, Invalid, records
from congso.dossiers.services.desk import enter_in_person
from congso.dossiers.status import Channel, Status
from congso.dossiers.tests.admin_setup import make_office
from congso.dossiers.tests.factories import APPLICANT, pdf_upload, vn

pytestmark = pytest.mark.django_db
URL = "/admin/mot-cua/nhap-truc-tiep/"


@pytest.fixture
def office(monkeypatch):
    monkeypatch.setattr(records, "now", lambda: vn(2026, 5, 5, 9, 0))
    return make_office()


def component(office):
    return office["procedure"].components.get(name="Đơn đề nghị")


def enter(office, officer=None, files=None):
    files = [(component(office), pdf_upload())] if files is None else files
    return enter_in_person(
        officer or office["one_stop"], office["procedure"], applicant=APPLICANT, files=files
    )


def test_an_in_person_dossier_is_received_at_once_with_channel_one_and_no_owner(office):
    dossier = enter(office)
    assert (dossier.status, dossier.channel, dossier.owner_id) == (
        Status.RECEIVED,
        Channel.IN_PERSON,
        None,
    )
    assert dossier.code == "000.00.12.H56-260505-0001"
    assert dossier.slips.filter(form="01").exists()


def test_the_events_record_the_officer_submitting_and_receiving(office):
    dossier = enter(office)
    actions = list(dossier.events.values_list("action", "actor__username"))
    assert ("submit", "motcua") in actions and ("receive", "motcua") in actions


def test_a_missing_required_component_leaves_no_dossier(office):
    with pytest.raises(Invalid, match="Đơn đề nghị"):
        enter(office, files=[])
    assert not Dossier.objects.exists() and not Event.objects.exists()


def test_a_specialist_cannot_enter_an_in_person_dossier(office):
    with pytest.raises(Forbidden):
        enter(office, officer=office["specialist"])
    assert not Dossier.objects.exists()


def test_a_procedure_of_another_agency_is_refused(office):
    with pytest.raises(Forbidden):
        enter_in_person(
            office["one_stop"], office["other_procedure"], applicant=APPLICANT, files=[]
        )


def test_the_desk_page_lists_only_the_agencys_procedures(client, office):
    client.force_login(office["one_stop"])
    html = client.get(URL).content.decode()
    assert "Cấp giấy phép mẫu" in html and "Thủ tục của xã" not in html


def test_the_desk_page_is_refused_to_a_specialist(client, office):
    client.force_login(office["specialist"])
    response = client.get(URL)
    # Wagtail answers a refusal by sending the user back to the dashboard with a message.
    assert (response.status_code, response.url) == (302, "/admin/")


def test_the_officer_enters_and_receives_a_dossier_through_the_page(client, office):
    client.force_login(office["one_stop"])
    data = {
        "co-quan": office["agency"].identifier,
        "thu-tuc": office["procedure"].code,
        "name": "Phạm Thị D (mẫu)",
        "phone": "0912345678",
        f"component_{component(office).pk}": pdf_upload(),
    }
    response = client.post(URL, data)
    dossier = Dossier.objects.get()
    assert response.status_code == 302
    assert response.url.startswith(f"/admin/mot-cua/{dossier.pk}/?phieu=")
    assert dossier.applicant_name == "Phạm Thị D (mẫu)"


def test_a_bad_phone_number_is_shown_next_to_its_field(client, office):
    client.force_login(office["one_stop"])
    data = {
        "co-quan": office["agency"].identifier,
        "thu-tuc": office["procedure"].code,
        "name": "Phạm Thị D (mẫu)",
        "phone": "abc",
        f"component_{component(office).pk}": pdf_upload(),
    }
    response = client.post(URL, data)
    assert response.status_code == 200
    assert "Số điện thoại không hợp lệ" in response.content.decode()
    assert not Dossier.objects.exists()


def test_a_file_that_is_not_what_it_claims_is_refused_with_a_message(client, office):
    from django.core.files.uploadedfile import SimpleUploadedFile

    client.force_login(office["one_stop"])
    fake = SimpleUploadedFile("don.pdf", b"not a pdf at all", content_type="application/pdf")
    data = {
        "co-quan": office["agency"].identifier,
        "thu-tuc": office["procedure"].code,
        "name": "Phạm Thị D (mẫu)",
        f"component_{component(office).pk}": fake,
    }
    response = client.post(URL, data)
    assert response.status_code == 200
    assert "Chưa nhập được hồ sơ" in response.content.decode()
    assert not Dossier.objects.exists()


def test_a_scanned_paper_form_stands_for_a_required_e_form_at_the_desk(office):
    from congso.procedures.models import Component

    schema = {
        "type": "object",
        "properties": {"ho_ten": {"type": "string", "title": "Họ tên"}},
        "required": ["ho_ten"],
    }
    eform = Component.objects.create(
        procedure=office["procedure"], name="Tờ khai", required=True, form_schema=schema
    )
    dossier = enter(office, files=[(component(office), pdf_upload()), (eform, pdf_upload())])
    assert dossier.status == Status.RECEIVED


def test_a_required_e_form_with_neither_data_nor_scan_is_still_refused(office):
    from congso.procedures.models import Component

    schema = {"type": "object", "properties": {"a": {"type": "string"}}, "required": ["a"]}
    Component.objects.create(
        procedure=office["procedure"], name="Tờ khai", required=True, form_schema=schema
    )
    with pytest.raises(Invalid):
        enter(office)
    assert not Dossier.objects.exists()
