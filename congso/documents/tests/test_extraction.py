import io

import pytest

from congso.documents.extraction import FileRejected, check_file, extract
from congso.documents.tests.factories import make_docx, make_pdf, sign


def test_a_readable_pdf_passes_the_checks():
    assert check_file("bao-cao.pdf", make_pdf()) == "pdf"


def test_a_text_file_named_pdf_is_refused_with_a_clear_message():
    with pytest.raises(FileRejected, match="không phải PDF"):
        check_file("bao-cao.pdf", "Đây là văn bản thường, không phải PDF".encode())


def test_a_truncated_pdf_is_refused():
    data = make_pdf()
    with pytest.raises(FileRejected, match="cắt cụt"):
        check_file("bao-cao.pdf", data[: len(data) // 2])


def test_a_corrupt_pdf_is_refused():
    data = b"%PDF-1.7\n" + b"\x00garbage" * 200 + b"\n%%EOF\n"
    with pytest.raises(FileRejected, match="hỏng"):
        check_file("bao-cao.pdf", data)


def test_an_encrypted_pdf_is_refused():
    from pyhanko.pdf_utils.crypt import StandardSecurityHandler
    from pyhanko.pdf_utils.reader import PdfFileReader
    from pyhanko.pdf_utils.writer import copy_into_new_writer

    writer = copy_into_new_writer(PdfFileReader(io.BytesIO(make_pdf())))
    writer.security_handler = StandardSecurityHandler.build_from_pw("matkhau", "")
    writer._assign_security_handler(writer.security_handler)
    out = io.BytesIO()
    writer.write(out)
    with pytest.raises(FileRejected, match="mã hóa"):
        check_file("bao-cao.pdf", out.getvalue())


def test_an_empty_file_is_refused():
    with pytest.raises(FileRejected, match="rỗng"):
        check_file("bao-cao.pdf", b"")


def test_a_file_over_the_configured_limit_is_refused(settings):
    settings.DOCUMENT_MAX_UPLOAD_SIZE = 1000
    with pytest.raises(FileRejected, match="quá lớn"):
        check_file("bao-cao.pdf", make_pdf())


def test_the_default_upload_limit_is_50_megabytes():
    from django.conf import settings

    assert settings.DOCUMENT_MAX_UPLOAD_SIZE == 50 * 1024 * 1024


def test_a_disallowed_extension_is_refused():
    with pytest.raises(FileRejected, match="không được phép"):
        check_file("virus.exe", b"MZ\x90\x00")


def test_a_pdf_named_docx_is_refused():
    with pytest.raises(FileRejected, match="không phải tài liệu .docx"):
        check_file("bao-cao.docx", make_pdf())


def test_a_docx_passes_and_its_text_is_extracted():
    data = make_docx(["BÁO CÁO", "Tình hình chuyển đổi số năm 2024"])
    assert check_file("bao-cao.docx", data) == "docx"
    assert "chuyển đổi số" in extract("bao-cao.docx", data).text


def test_pdf_text_keeps_vietnamese_diacritics_and_counts_pages():
    result = extract("bao-cao.pdf", make_pdf("Hà Tĩnh đẩy mạnh chuyển đổi số"))
    assert "Hà Tĩnh đẩy mạnh chuyển đổi số" in result.text
    assert result.page_count == 1


def test_a_signed_pdf_still_extracts():
    assert "BÁO CÁO" in extract("ky-so.pdf", sign(make_pdf())).text


def test_xlsx_cells_are_extracted():
    import openpyxl

    workbook = openpyxl.Workbook()
    workbook.active.append(["Chỉ tiêu", "Kết quả"])
    workbook.active.append(["Hồ sơ trực tuyến", 27664046])
    buffer = io.BytesIO()
    workbook.save(buffer)
    assert check_file("so-lieu.xlsx", buffer.getvalue()) == "xlsx"
    assert "Hồ sơ trực tuyến\t27664046" in extract("so-lieu.xlsx", buffer.getvalue()).text
