"""The zip of one citizen's data: what is in it, and that nobody else gets it."""

import io
import json
import re
import zipfile

import pytest
from django.urls import reverse

from congso.core.tests.factories import SuperuserFactory
from congso.dossiers.models import DossierFile
from congso.dossiers.tests.admin_setup import make_office
from congso.dossiers.tests.factories import make_user, submitted_dossier
from congso.retention import export as exports
from congso.retention.models import DataExport, PersonalDataAccess

pytestmark = pytest.mark.django_db
PAGE = "/tai-khoan/du-lieu-cua-toi/"


@pytest.fixture
def office():
    return make_office()


@pytest.fixture
def dossier(office):
    from congso.dossiers.services.processing import perform

    filed = submitted_dossier(office["procedure"], office["citizen"])
    return perform(filed.pk, office["one_stop"], "receive", {"note": "Đã nhận đủ"})


@pytest.fixture
def ready(office, dossier, django_capture_on_commit_callbacks):
    """An export the citizen asked for on their page, built by the task."""
    with django_capture_on_commit_callbacks(execute=True):
        made = exports.request_export(office["citizen"], office["citizen"])
    made.refresh_from_db()
    return made


def opened(export) -> zipfile.ZipFile:
    with export.file.open("rb") as stream:
        return zipfile.ZipFile(io.BytesIO(stream.read()))


def data_of(export) -> dict:
    return json.loads(opened(export).read("du-lieu.json"))


def test_the_export_is_ready_with_an_expiry(ready):
    assert ready.state == DataExport.State.READY and ready.expires_at > ready.finished_at


def test_the_zip_holds_the_account_and_the_dossiers(office, dossier, ready):
    data = data_of(ready)
    assert data["tai_khoan"]["ten_dang_nhap"] == office["citizen"].username
    (entry,) = data["ho_so"]
    assert entry["ma_ho_so"] == dossier.code
    assert entry["nguoi_nop"]["so_dinh_danh"] == "001099000001"


def test_the_zip_holds_the_events_the_citizen_sees(ready):
    (entry,) = data_of(ready)["ho_so"]
    assert [e["thao_tac"] for e in entry["qua_trinh_xu_ly"]] == ["Nộp hồ sơ", "Tiếp nhận"]


def test_the_zip_holds_the_uploaded_file_and_the_receipt(office, dossier, ready):
    archive = opened(ready)
    (entry,) = data_of(ready)["ho_so"]
    stored = DossierFile.objects.get(dossier=dossier)
    assert archive.read(entry["tep"][0]["tep_trong_goi"]) == stored.file.open("rb").read()
    assert [slip["mau"] for slip in entry["phieu"]] == ["01"]


def test_the_zip_holds_the_staff_accesses_by_agency(office, dossier, client):
    client.force_login(office["specialist"])
    client.get(reverse("dossiers_admin:detail", args=[dossier.pk]))
    made = exports.request_export(office["citizen"], office["citizen"])
    exports.build(made.pk)
    made.refresh_from_db()
    (row,) = data_of(made)["truy_cap_cua_can_bo"]
    assert row["co_quan"] == office["agency"].name and office["specialist"].username not in str(row)


def test_the_citizen_downloads_their_zip_through_the_page(client, office, ready):
    client.force_login(office["citizen"])
    html = client.get(PAGE).content.decode()
    (link,) = re.findall(r'href="(/tai-khoan/du-lieu-cua-toi/tai-ve/[^"]+)"', html)
    response = client.get(link)
    assert response.status_code == 200 and response["Content-Type"] == "application/zip"
    assert "no-store" in response["Cache-Control"]


def test_another_citizen_gets_not_found_for_the_link(client, ready):
    client.force_login(make_user("congdan-khac"))
    link = reverse("retention:download", args=[exports.token_for(ready)])
    assert client.get(link).status_code == 404


def test_an_anonymous_visitor_is_sent_to_the_login(client, ready):
    link = reverse("retention:download", args=[exports.token_for(ready)])
    response = client.get(link)
    assert (
        response.status_code == 302
        and "/dang-nhap/" in response["Location"]
        or (response.status_code == 302 and "login" in response["Location"])
    )


def test_a_tampered_link_is_not_found(client, office, ready):
    client.force_login(office["citizen"])
    token = exports.token_for(ready)
    assert client.get(reverse("retention:download", args=[token[:-2] + "xx"])).status_code == 404


def test_an_expired_link_is_not_found(client, office, ready, clock):
    client.force_login(office["citizen"])
    clock.set(ready.expires_at)
    link = reverse("retention:download", args=[exports.token_for(ready)])
    assert client.get(link).status_code == 404


def test_expired_zips_are_removed_and_their_rows_kept(ready):
    path = ready.file.name
    storage = ready.file.storage
    assert exports.purge_expired(now=ready.expires_at) == 1
    ready.refresh_from_db()
    assert ready.state == DataExport.State.EXPIRED and not storage.exists(path)


def test_asking_on_the_page_builds_one_export(
    client, office, dossier, django_capture_on_commit_callbacks
):
    client.force_login(office["citizen"])
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(PAGE)
    assert response.status_code == 302
    assert office["citizen"].data_exports.get().state == DataExport.State.READY


def test_asking_too_often_is_refused_with_429(client, office, settings):
    settings.RETENTION_EXPORT_RATE_LIMIT = "1/86400"
    client.force_login(office["citizen"])
    client.post(PAGE)
    response = client.post(PAGE)
    assert response.status_code == 429 and response["Retry-After"]


def test_an_anonymous_visitor_cannot_ask_for_an_export(client):
    response = client.post(PAGE)
    assert response.status_code == 302 and not DataExport.objects.exists()


def test_the_page_lists_only_the_citizens_own_accesses(client, office, dossier):
    other = submitted_dossier(office["procedure"], make_user("congdan-2"))
    PersonalDataAccess.objects.create(
        at=dossier.received_at, user_name="x", dossier=other, dossier_code="KHAC-0001", what="view"
    )
    PersonalDataAccess.objects.create(
        at=dossier.received_at,
        user_name="x",
        dossier=dossier,
        dossier_code=dossier.code,
        what="view",
    )
    client.force_login(office["citizen"])
    html = client.get(PAGE).content.decode()
    assert dossier.code in html and "KHAC-0001" not in html


def test_the_administrator_exports_at_the_desk_and_it_is_logged(
    client, office, dossier, django_capture_on_commit_callbacks
):
    admin = SuperuserFactory()
    client.force_login(admin)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            "/admin/du-lieu-ca-nhan/xuat-tai-quay/", {"cong_dan": office["citizen"].pk}
        )
    assert response.status_code == 302
    made = DataExport.objects.get(subject=office["citizen"])
    assert (made.requested_by, made.state) == (admin, DataExport.State.READY)
    row = PersonalDataAccess.objects.get(what="export")
    assert (row.user, row.subject) == (admin, office["citizen"])
    link = reverse("retention_admin:desk_download", args=[exports.token_for(made)])
    assert client.get(link).status_code == 200


def test_the_citizen_cannot_use_the_desk_exports_link(client, office, dossier):
    made = exports.request_export(office["citizen"], SuperuserFactory())
    exports.build(made.pk)
    client.force_login(office["citizen"])
    link = reverse("retention:download", args=[exports.token_for(made)])
    assert client.get(link).status_code == 404


def test_the_desk_search_finds_a_citizen_by_id_number(client, office):
    from congso.accounts.models import CitizenProfile

    CitizenProfile.objects.create(user=office["citizen"], id_number="001099000009")
    client.force_login(SuperuserFactory())
    html = client.get(
        "/admin/du-lieu-ca-nhan/xuat-tai-quay/", {"q": "001099000009"}
    ).content.decode()
    assert office["citizen"].username in html


def test_a_second_request_while_one_is_prepared_starts_no_second_build(office):
    first = exports.request_export(office["citizen"], office["citizen"])
    assert exports.request_export(office["citizen"], office["citizen"]) == first


def test_an_export_whose_task_was_lost_is_replaced_after_an_hour(office, clock):
    first = exports.request_export(office["citizen"], office["citizen"])
    clock.set(first.requested_at + exports.STALE_AFTER + exports.dt.timedelta(seconds=1))
    assert exports.request_export(office["citizen"], office["citizen"]) != first
