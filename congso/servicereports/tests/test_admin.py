"""The "Báo cáo, sổ theo dõi" admin page: who gets which file, bad input as a message."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from congso.documents.models import OfficialDocumentPage
from congso.servicereports.models import PublishedReport, SigningConfig
from congso.servicereports.tests.conftest import PFX_PASSWORD, make_pkcs12, settle, vn, xlsx

pytestmark = pytest.mark.django_db
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def url(name, **query):
    base = reverse(f"servicereports_admin:{name}")
    return base + ("?" + "&".join(f"{k}={v}" for k, v in query.items()) if query else "")


@pytest.fixture
def may(officers, run, clock):
    settle(run, vn(2026, 5, 5, 9), vn(2026, 5, 6, 9), vn(2026, 5, 7, 9))
    clock.set(vn(2026, 6, 2, 9))
    return officers


def test_an_officer_sees_the_page_in_the_one_stop_menu(may, client):
    client.force_login(may["one_stop"])
    response = client.get(url("index"))
    assert response.status_code == 200
    assert "Tải sổ theo dõi (Excel)" in response.content.decode()
    assert reverse("servicereports_admin:index") in client.get("/admin/").content.decode()


def test_an_officer_downloads_the_register_of_their_agency(may, client):
    client.force_login(may["one_stop"])
    agency = may["agency"].identifier
    response = client.get(url("register", ky="2026-05", **{"co-quan": agency}))
    assert response.status_code == 200 and response["Content-Type"] == XLSX
    assert "no-store" in response["Cache-Control"]
    assert xlsx(response.content).worksheets[0].cell(row=8, column=1).value == 1


def test_another_agencys_officer_is_refused_the_register(may, client):
    client.force_login(may["other_one_stop"])
    agency = may["agency"].identifier
    response = client.get(url("register", ky="2026-05", **{"co-quan": agency}))
    assert response.status_code == 403
    assert "không phải cán bộ của cơ quan này" in response.content.decode()


def test_all_my_agencies_is_only_my_agencies(may, client):
    client.force_login(may["other_one_stop"])
    response = client.get(url("periodic", ky="2026-05"))
    sheets = xlsx(response.content).sheetnames
    assert sheets == ["Tổng hợp", "UBND xã Mẫu"]


@pytest.mark.parametrize("period", ["2026-13", "tháng 5", "1999", "2026-Q5", "<b>"])
def test_a_bad_period_is_a_message_not_an_error(may, client, period):
    client.force_login(may["one_stop"])
    response = client.get(url("periodic", ky=period))
    assert response.status_code == 400
    assert "Kỳ báo cáo" in response.content.decode() or "Năm của kỳ" in response.content.decode()


def test_the_monthly_report_needs_one_agency(may, client, other_agency):
    from congso.dossiers.models import AgencyStaff
    from congso.dossiers.status import Role

    AgencyStaff.objects.create(user=may["leader"], agency=other_agency["agency"], role=Role.LEADER)
    client.force_login(may["leader"])
    response = client.get(url("monthly_pdf", ky="2026-05"))
    assert response.status_code == 400 and "chọn cơ quan" in response.content.decode()


def test_the_monthly_report_downloads_as_docx_and_pdf(may, client):
    client.force_login(may["specialist"])
    query = {"ky": "2026-05", "co-quan": may["agency"].identifier}
    pdf = client.get(url("monthly_pdf", **query))
    docx = client.get(url("monthly_docx", **query))
    assert pdf.status_code == docx.status_code == 200
    assert pdf.content.startswith(b"%PDF") and docx.content.startswith(b"PK")


def test_a_specialist_cannot_sign_and_publish(may, client, signing_config, library):
    client.force_login(may["specialist"])
    data = {"ky": "2026-05", "co-quan": may["agency"].identifier}
    response = client.post(url("sign"), data)
    assert response.status_code == 403
    assert not PublishedReport.objects.exists() and not OfficialDocumentPage.objects.exists()


def test_a_leader_signs_and_publishes_from_the_page(may, client, signing_config, library, trusted):
    client.force_login(may["leader"])
    data = {"ky": "2026-05", "co-quan": may["agency"].identifier, "so": ""}
    response = client.post(url("sign"), data, follow=True)
    assert "Đã ký số và đăng báo cáo số 01/BC-SKHCN" in response.content.decode()
    assert OfficialDocumentPage.objects.get().live


def test_signing_twice_is_a_message(may, client, signing_config, library, trusted):
    client.force_login(may["leader"])
    data = {"ky": "2026-05", "co-quan": may["agency"].identifier}
    client.post(url("sign"), data)
    response = client.post(url("sign"), data)
    assert response.status_code == 400 and "đã được ký và đăng" in response.content.decode()


def test_a_citizen_never_reaches_the_page(may, client):
    client.force_login(may["citizen"])
    assert client.get(url("index")).status_code in (302, 403)


def config_url(agency):
    return reverse("servicereports_admin:config", args=[agency.identifier])


def config_form(**overrides):
    data = {
        "password": PFX_PASSWORD,
        "signer_name": "Nguyễn Văn Mẫu",
        "signer_position": "GIÁM ĐỐC",
        "symbol": "SKHCN",
        "place": "Hà Tĩnh",
        "governing_body": "",
        "recipients": "- Lưu: VT.",
        "pkcs12_file": SimpleUploadedFile("cq.p12", make_pkcs12(), "application/x-pkcs12"),
    }
    data.update(overrides)
    return data


def test_the_agency_admin_configures_the_certificate(may, client):
    client.force_login(may["admin"])
    response = client.post(config_url(may["agency"]), config_form())
    assert response.status_code == 302
    config = SigningConfig.objects.get()
    assert config.has_certificate and config.password == PFX_PASSWORD


def test_a_wrong_certificate_password_is_refused_when_saving(may, client):
    client.force_login(may["admin"])
    response = client.post(config_url(may["agency"]), config_form(password="sai"))
    assert response.status_code == 400 and "sai mật khẩu" in response.content.decode()
    assert not SigningConfig.objects.exists()


def test_a_leader_cannot_configure_the_certificate(may, client):
    client.force_login(may["leader"])
    response = client.post(config_url(may["agency"]), config_form())
    assert response.status_code in (302, 403)  # Wagtail answers a refusal with a redirect
    assert not SigningConfig.objects.exists()


def test_the_password_is_never_shown_back(may, client, signing_config):
    client.force_login(may["admin"])
    page = client.get(config_url(may["agency"])).content.decode()
    assert PFX_PASSWORD not in page and "co-quan.p12" not in page


def test_each_dossier_in_a_downloaded_register_is_in_the_access_log(may, client):
    from congso.retention.models import PersonalDataAccess

    client.force_login(may["one_stop"])
    agency = may["agency"].identifier
    client.get(url("register", ky="2026-05", **{"co-quan": agency}))
    entry = PersonalDataAccess.objects.get()
    assert entry.user == may["one_stop"] and "Sổ theo dõi" in entry.detail
