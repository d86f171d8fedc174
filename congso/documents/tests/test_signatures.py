import pytest

from congso.documents.signatures import PdfUnreadable, parse_certificate, verify_pdf
from congso.documents.tests.factories import (
    ca_pem,
    make_pdf,
    other_ca,
    sign,
    signer,
    tamper,
)


def anchors():
    return [parse_certificate(ca_pem()).der]


def test_a_pdf_signed_by_a_trusted_ca_is_valid_and_trusted():
    (result,) = verify_pdf(sign(make_pdf()), anchors())
    assert (result.status, result.intact, result.trusted) == ("valid", True, True)


def test_the_signer_name_organisation_and_email_come_from_the_certificate():
    (result,) = verify_pdf(sign(make_pdf()), anchors())
    assert (result.signer, result.organization, result.email) == (
        "Dương Văn Tuấn",
        "Sở Thông tin và Truyền thông",
        "sott_tt@hatinh.gov.vn",
    )
    assert result.signed_at is not None and result.signed_at.tzinfo is not None


def test_a_signature_from_an_unknown_ca_is_intact_but_untrusted():
    data = sign(make_pdf(), who=signer(ca_name="other"), ca=other_ca())
    (result,) = verify_pdf(data, anchors())
    assert (result.status, result.intact, result.trusted) == ("untrusted", True, False)


def test_without_any_trust_anchor_nothing_is_trusted():
    (result,) = verify_pdf(sign(make_pdf()), [])
    assert result.status == "untrusted"


def test_a_pdf_changed_after_signing_is_reported_modified():
    (result,) = verify_pdf(tamper(sign(make_pdf())), anchors())
    assert (result.status, result.intact) == ("modified", False)


def test_content_added_in_a_later_update_marks_the_signature_modified():
    import io

    from pyhanko.pdf_utils import generic
    from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter

    writer = IncrementalPdfFileWriter(io.BytesIO(sign(make_pdf())))
    page = writer.root["/Pages"]["/Kids"][0].get_object()
    stream = generic.StreamObject(stream_data=b"BT /F1 24 Tf 100 100 Td (SUA) Tj ET")
    page["/Contents"] = writer.add_object(stream)
    writer.update_container(page)
    out = io.BytesIO()
    writer.write(out)
    (result,) = verify_pdf(out.getvalue(), anchors())
    assert result.status == "modified"


def test_every_signature_of_a_pdf_signed_several_times_is_reported():
    data = sign(make_pdf(), field="ChuKy1")
    data = sign(data, who=signer("Văn thư Sở"), field="ChuKy2")
    first, second = verify_pdf(data, anchors())
    assert [first.signer, second.signer] == ["Dương Văn Tuấn", "Văn thư Sở"]
    assert first.status == second.status == "valid"


def test_a_later_signature_is_a_permitted_update_for_the_earlier_one():
    data = sign(sign(make_pdf(), field="ChuKy1"), who=signer("Văn thư Sở"), field="ChuKy2")
    first, second = verify_pdf(data, anchors())
    assert (first.permitted_updates, second.permitted_updates) == (True, False)


def test_an_unsigned_pdf_has_no_signatures():
    assert verify_pdf(make_pdf(), anchors()) == []


def test_an_unreadable_pdf_raises_a_clear_error():
    with pytest.raises(PdfUnreadable):
        verify_pdf(b"not a pdf at all", anchors())


def test_a_garbage_certificate_is_refused_in_vietnamese():
    from congso.documents.signatures import CertificateError

    with pytest.raises(CertificateError, match="Không đọc được chứng thư"):
        parse_certificate("-----BEGIN CERTIFICATE-----\nabc\n-----END CERTIFICATE-----")
