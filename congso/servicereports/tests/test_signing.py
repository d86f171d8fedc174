"""Signing the monthly report with the agency's certificate and publishing it in one step."""

import pytest

from congso.documents.models import OfficialDocumentPage
from congso.documents.models.files import FileState
from congso.dossiers.services.errors import Conflict, Forbidden, Invalid
from congso.servicereports import signing
from congso.servicereports.models import PublishedReport
from congso.servicereports.tests.conftest import pdf_text, settle, vn
from congso.servicestats.periods import parse_period

pytestmark = pytest.mark.django_db
MAY = parse_period("2026-05")


@pytest.fixture
def ready(office, run, clock, signing_config, trusted, library):
    settle(run, vn(2026, 5, 5, 9), vn(2026, 5, 6, 9), vn(2026, 5, 7, 9))
    clock.set(vn(2026, 6, 2, 9))
    return office


def test_a_leader_signs_and_publishes_a_report_the_library_verifies(ready):
    record = signing.sign_and_publish(ready["agency"], MAY, ready["leader"])
    page = OfficialDocumentPage.objects.get(pk=record.page_id)
    assert page.live and page.number == "01/BC-SKHCN" and page.doc_type.name == "Báo cáo"
    assert page.signer_name == "Nguyễn Văn Mẫu" and page.agency.name == ready["agency"].name
    file = page.attachments.get().file
    assert file.signature_state == FileState.VALID
    assert file.signatures.get().signer.startswith("Nguyễn Văn Mẫu")


def test_the_signed_pdf_validates_with_pyhanko(ready):
    from congso.documents.signatures import verify_pdf
    from congso.documents.tests.factories import test_ca

    record = signing.sign_and_publish(ready["agency"], MAY, ready["leader"])
    with record.page.attachments.get().file.open_file() as handle:
        data = handle.read()
    from cryptography.hazmat.primitives import serialization

    anchor = test_ca().certificate.public_bytes(serialization.Encoding.DER)
    [result] = verify_pdf(data, [anchor])
    assert result.intact and result.valid and result.trusted
    assert "01/BC-SKHCN" in pdf_text(data)


def test_the_published_report_is_visible_in_the_library(ready, client):
    record = signing.sign_and_publish(ready["agency"], MAY, ready["leader"])
    page = OfficialDocumentPage.objects.get(pk=record.page_id)
    index = client.get(page.get_parent().url)
    assert index.status_code == 200 and page.title in index.content.decode()
    assert client.get(page.url).status_code == 200


def test_the_leader_may_give_the_number(ready):
    record = signing.sign_and_publish(ready["agency"], MAY, ready["leader"], number="123/BC-SKHCN")
    assert record.page.number == "123/BC-SKHCN"


def test_a_specialist_cannot_sign(ready):
    with pytest.raises(Forbidden):
        signing.sign_and_publish(ready["agency"], MAY, ready["specialist"])
    assert not OfficialDocumentPage.objects.exists()


def test_another_agencys_leader_cannot_sign(ready, other_agency):
    from congso.dossiers.status import Role
    from congso.dossiers.tests.factories import make_staff

    leader = make_staff(other_agency["agency"], Role.LEADER)
    with pytest.raises(Forbidden):
        signing.sign_and_publish(ready["agency"], MAY, leader)


def test_a_period_is_published_once(ready):
    signing.sign_and_publish(ready["agency"], MAY, ready["leader"])
    with pytest.raises(Conflict):
        signing.sign_and_publish(ready["agency"], MAY, ready["leader"])
    assert OfficialDocumentPage.objects.count() == PublishedReport.objects.count() == 1


def test_a_wrong_password_is_a_message_and_publishes_nothing(ready, signing_config):
    signing_config.password = "sai"
    signing_config.save()
    with pytest.raises(Invalid, match="sai mật khẩu"):
        signing.sign_and_publish(ready["agency"], MAY, ready["leader"])
    assert not PublishedReport.objects.exists() and not OfficialDocumentPage.objects.exists()


def test_without_a_certificate_the_leader_is_told_to_ask_the_admin(ready, signing_config):
    signing_config.delete()
    with pytest.raises(Invalid, match="chưa cấu hình"):
        signing.sign_and_publish(ready["agency"], MAY, ready["leader"])


def test_a_failure_while_publishing_leaves_nothing(ready, monkeypatch):
    from congso.documents.models import OfficialDocumentPage as Page

    def broken(*args, **kwargs):
        raise RuntimeError("lỗi giả lập")

    monkeypatch.setattr(Page, "save_revision", broken)
    with pytest.raises(RuntimeError):
        signing.sign_and_publish(ready["agency"], MAY, ready["leader"])
    assert not PublishedReport.objects.exists() and not Page.objects.exists()


def test_without_a_documents_library_the_leader_gets_a_message(
    office, run, clock, signing_config, trusted
):
    clock.set(vn(2026, 6, 2, 9))
    with pytest.raises(Invalid, match="thư viện văn bản"):
        signing.sign_and_publish(office["agency"], MAY, office["leader"])
    assert not PublishedReport.objects.exists()
