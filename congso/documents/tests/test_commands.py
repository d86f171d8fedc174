import io
import json

import pytest
from django.core.management import CommandError, call_command

from congso.documents.models import FileDocument, OfficialDocumentPage, TrustAnchor
from congso.documents.tests.factories import ca_pem, make_pdf, sign


def run(*args) -> tuple[str, dict]:
    out = io.StringIO()
    call_command(*args, stdout=out)
    text = out.getvalue()
    return text, json.loads(text.strip().splitlines()[-1])


@pytest.mark.django_db
def test_add_document_prints_the_page_and_file_urls_as_json(doc_index, tmp_path):
    path = tmp_path / "bao-cao.pdf"
    path.write_bytes(make_pdf())
    _, result = run("add_document", str(path), "--publish", "--title", "Báo cáo thử")
    page = OfficialDocumentPage.objects.get(pk=result["id"])
    assert page.live and page.title == "Báo cáo thử"
    assert result["url"].endswith(page.url)
    assert result["file_url"].endswith(page.files[0].url)


@pytest.mark.django_db
def test_add_document_verifies_before_it_returns(doc_index, tmp_path, trusted_ca):
    path = tmp_path / "ky-so.pdf"
    path.write_bytes(sign(make_pdf()))
    text, result = run("add_document", str(path))
    assert "Đã ký số — hợp lệ" in text
    assert not OfficialDocumentPage.objects.get(pk=result["id"]).live


@pytest.mark.django_db
@pytest.mark.parametrize(
    "name,data",
    [
        ("gia.pdf", "văn bản thường".encode()),
        ("rong.pdf", b""),
        ("cat-cut.pdf", make_pdf()[:500]),
        ("chuong-trinh.exe", b"MZ"),
    ],
)
def test_add_document_fails_with_a_message_and_stores_nothing(doc_index, tmp_path, name, data):
    path = tmp_path / name
    path.write_bytes(data)
    with pytest.raises(CommandError, match="Không có gì được lưu"):
        call_command("add_document", str(path), stdout=io.StringIO())
    assert not FileDocument.objects.exists() and not OfficialDocumentPage.objects.exists()


@pytest.mark.django_db
def test_add_document_refuses_a_file_over_the_limit(doc_index, tmp_path, settings):
    settings.DOCUMENT_MAX_UPLOAD_SIZE = 2000
    path = tmp_path / "lon.pdf"
    path.write_bytes(make_pdf())
    with pytest.raises(CommandError, match="quá lớn"):
        call_command("add_document", str(path), stdout=io.StringIO())


@pytest.mark.django_db
def test_add_trust_anchor_is_idempotent(tmp_path):
    path = tmp_path / "ca.pem"
    path.write_bytes(ca_pem())
    _, first = run("add_trust_anchor", str(path))
    _, second = run("add_trust_anchor", str(path))
    assert (first["created"], second["created"]) == (True, False)
    assert TrustAnchor.objects.count() == 1


@pytest.mark.django_db
def test_add_trust_anchor_refuses_a_file_that_is_not_a_certificate(tmp_path):
    path = tmp_path / "ca.pem"
    path.write_text("không phải chứng thư")
    with pytest.raises(CommandError, match="Không đọc được chứng thư"):
        call_command("add_trust_anchor", str(path), stdout=io.StringIO())


@pytest.mark.django_db
def test_verify_documents_reports_counts_by_status(doc_index, trusted_ca):
    from congso.documents.tests.factories import make_document

    make_document(doc_index, file_data=sign(make_pdf()))
    make_document(doc_index)
    _, result = run("verify_documents")
    assert result == {"verified": 2, "by_status": {"valid": 1, "unsigned": 1}}


@pytest.mark.django_db
def test_the_demo_without_seeds_makes_a_synthetic_signed_report_once(home, settings, tmp_path):
    from congso.documents.demo import load_demo_documents

    settings.VAR_DIR = tmp_path
    out = io.StringIO()
    load_demo_documents(None, out)
    load_demo_documents(None, out)
    assert "không có thật" in out.getvalue() and "không tạo thêm" in out.getvalue()
    page = OfficialDocumentPage.objects.get()
    assert page.live and page.files[0].signature_state == "valid"
    assert page.files[0].signatures.count() == 2
    assert (tmp_path / "demo-ca" / "ca" / "key.pem").exists()


@pytest.mark.django_db
def test_the_demo_turns_seed_004_into_a_document_signed_four_times(home, settings, tmp_path):
    from congso.documents.demo import load_demo_documents

    seeds = tmp_path / "seeds"
    seeds.mkdir()
    ending = "\n".join(
        [
            "KT. GIÁM ĐỐC",
            "PHÓ GIÁM ĐỐC",
            "Dương Văn Tuấn",
            "\t\t2024-10-25T16:51:00+0700",
            "\t\tsott_tt@hatinh.gov.vn",
            "\t2024-10-25T16:52:39+0700",
            "\t\t2024-10-25T16:53:00+0700",
            "\t\t2024-10-25T16:53:23+0700",
        ]
    )
    (seeds / "004_test.txt").write_text(
        " BÁO CÁO \n\nTình hình phát triển kinh tế - \n\nxã hội năm 2024\n\nNội dung.\n" + ending
    )
    settings.VAR_DIR = tmp_path
    load_demo_documents(seeds, io.StringIO())
    page = OfficialDocumentPage.objects.get()
    signatures = list(page.files[0].signatures.all())
    assert [s.status for s in signatures] == ["valid"] * 4
    assert signatures[0].signed_at.isoformat() == "2024-10-25T09:51:00+00:00"
    assert signatures[1].email == "sott_tt@hatinh.gov.vn"
    assert page.title == "Báo cáo tình hình phát triển kinh tế - xã hội năm 2024"
