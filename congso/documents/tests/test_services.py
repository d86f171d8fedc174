import pytest

from congso.documents import services
from congso.documents.extraction import FileRejected
from congso.documents.models import FileDocument, OfficialDocumentPage, SignatureRecord, TrustAnchor
from congso.documents.tests.factories import ca_pem, make_document, make_pdf, sign, signer


def _corpus_pdf():
    from congso.documents.tests.corpus import SPECS, render

    spec = SPECS[0]
    return spec, render(spec)


@pytest.mark.django_db
def test_add_document_fills_metadata_from_the_file_suggestions(doc_index):
    spec, data = _corpus_pdf()
    page = services.add_document("273.pdf", data).page
    assert (page.number, page.doc_type.name, page.issue_date.isoformat()) == (
        "273/BC-STTTT",
        "Báo cáo",
        "2024-10-16",
    )
    assert (page.signer_position, page.signer_name) == (
        "KT. GIÁM ĐỐC — PHÓ GIÁM ĐỐC",
        "Dương Văn Tuấn",
    )


@pytest.mark.django_db
def test_add_document_takes_the_title_from_the_text_after_the_type_heading(doc_index):
    _, data = _corpus_pdf()
    page = services.add_document("273.pdf", data).page
    assert page.title.startswith("Báo cáo kết quả rà soát mức độ đáp ứng")


@pytest.mark.django_db
def test_add_document_leaves_a_draft_unless_asked_to_publish(doc_index):
    draft = services.add_document("a.pdf", make_pdf()).page
    published = services.add_document("b.pdf", make_pdf(), publish=True).page
    assert (draft.live, published.live) == (False, True)


@pytest.mark.django_db
def test_add_document_verifies_signatures_before_returning(doc_index, trusted_ca):
    added = services.add_document("ky-so.pdf", sign(make_pdf()))
    assert added.file.signature_state == "valid"
    assert SignatureRecord.objects.get(file=added.file).signer == "Dương Văn Tuấn"


@pytest.mark.django_db
def test_a_rejected_file_stores_nothing(doc_index):
    with pytest.raises(FileRejected):
        services.add_document("gia.pdf", b"khong phai pdf")
    assert not FileDocument.objects.exists()
    assert not OfficialDocumentPage.objects.exists()


@pytest.mark.django_db
def test_a_failure_after_saving_the_file_removes_it_again(
    doc_index, monkeypatch, settings, tmp_path
):
    settings.MEDIA_ROOT = str(tmp_path)

    def broken(*args, **kwargs):
        raise RuntimeError("hỏng giữa chừng")

    monkeypatch.setattr(services, "_page_fields", broken)
    with pytest.raises(RuntimeError):
        services.add_document("a.pdf", make_pdf())
    assert not FileDocument.objects.exists()
    assert (
        not list((tmp_path / "documents").glob("*")) if (tmp_path / "documents").exists() else True
    )


@pytest.mark.django_db
def test_adding_the_same_trust_anchor_twice_keeps_one():
    services.add_trust_anchor(ca_pem())
    _, created = services.add_trust_anchor(ca_pem())
    assert created is False
    assert TrustAnchor.objects.count() == 1


@pytest.mark.django_db
def test_adding_a_trust_anchor_makes_earlier_untrusted_signatures_trusted(doc_index):
    page = make_document(doc_index, file_data=sign(make_pdf()))
    assert page.files[0].signature_state == "untrusted"
    services.add_trust_anchor(ca_pem())
    services.verify_all()
    file = FileDocument.objects.get(pk=page.files[0].pk)
    assert file.signature_state == "valid"


@pytest.mark.django_db
def test_a_deactivated_trust_anchor_no_longer_counts(doc_index, trusted_ca):
    page = make_document(doc_index, file_data=sign(make_pdf()))
    TrustAnchor.objects.update(is_active=False)
    services.verify_all()
    assert FileDocument.objects.get(pk=page.files[0].pk).signature_state == "untrusted"


@pytest.mark.django_db
def test_a_document_is_as_bad_as_its_worst_signature(doc_index, trusted_ca):
    from congso.documents.tests.factories import other_ca

    data = sign(make_pdf(), field="A")
    data = sign(data, who=signer("Người lạ", ca_name="other"), ca=other_ca(), field="B")
    page = make_document(doc_index, file_data=data)
    assert page.signature_state == "untrusted"


@pytest.mark.django_db
def test_files_of_a_published_document_become_public_and_private_again_on_unpublish(doc_index):
    page = make_document(doc_index)
    file = page.files[0]
    assert FileDocument.objects.get(pk=file.pk).is_public
    page.unpublish()
    services.sync_file_visibility()
    assert not FileDocument.objects.get(pk=file.pk).is_public


@pytest.mark.django_db
def test_files_of_an_internal_document_are_never_public(doc_index):
    page = make_document(doc_index, visibility="internal")
    assert not FileDocument.objects.get(pk=page.files[0].pk).is_public


@pytest.mark.django_db
def test_search_payload_holds_the_summary_and_the_extracted_text(doc_index):
    page = make_document(doc_index, file_data=make_pdf("Hạ tầng viễn thông thụ động"))
    payload = page.search_payload()
    assert payload["type"] == "document" and payload["category"] == "Báo cáo"
    assert "Hạ tầng viễn thông thụ động" in payload["body"]
    assert payload["code"] == page.number


@pytest.mark.django_db
def test_a_file_uploaded_through_wagtail_is_processed_in_the_background(
    django_capture_on_commit_callbacks,
):
    import hashlib

    from django.core.files.base import ContentFile

    data = sign(make_pdf())
    file = FileDocument(title="Tệp tải qua Wagtail")
    file.file.save("wagtail.pdf", ContentFile(data), save=False)
    file.file_hash = hashlib.sha1(data, usedforsecurity=False).hexdigest()
    with django_capture_on_commit_callbacks(execute=True):
        file.save()
    file.refresh_from_db()
    assert (file.signature_state, file.page_count) == ("untrusted", 1)


@pytest.mark.django_db
def test_an_internal_document_gives_search_nothing_to_index(doc_index):
    assert make_document(doc_index, visibility="internal").search_payload() is None
