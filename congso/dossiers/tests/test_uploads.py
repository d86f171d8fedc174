"""A citizen's upload is judged by its content: tiny real files are made in each test."""

import io
import struct
import zipfile
import zlib

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile, TemporaryUploadedFile
from django.test import override_settings
from hypothesis import given, settings
from hypothesis import strategies as st

from congso.dossiers.uploads import (
    ACCEPT_ATTRIBUTE,
    ALLOWED_DESCRIPTION,
    check_upload,
    safe_name,
)


def make_pdf(**canvas_kwargs) -> bytes:
    from reportlab.pdfgen import canvas

    buffer = io.BytesIO()
    page = canvas.Canvas(buffer, **canvas_kwargs)
    page.drawString(72, 720, "Don de nghi (du lieu mau)")
    page.save()
    return buffer.getvalue()


def make_image(fmt: str) -> bytes:
    from PIL import Image

    buffer = io.BytesIO()
    Image.new("RGB", (8, 8), "red").save(buffer, fmt)
    return buffer.getvalue()


def make_docx() -> bytes:
    import docx

    document = docx.Document()
    document.add_paragraph("Tờ khai (dữ liệu mẫu)")
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def make_xlsx() -> bytes:
    import openpyxl

    workbook = openpyxl.Workbook()
    workbook.active["A1"] = "Bảng kê (dữ liệu mẫu)"
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def rewrite_zip(data: bytes, change) -> bytes:
    """A copy of an Office zip with change(name, bytes) -> bytes applied to each member."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as source, zipfile.ZipFile(out, "w") as target:
        for item in source.infolist():
            target.writestr(
                item.filename, change(item.filename, source.read(item)), zipfile.ZIP_DEFLATED
            )
    return out.getvalue()


def upload(name: str, data: bytes, content_type="application/octet-stream"):
    return SimpleUploadedFile(name, data, content_type=content_type)


def refusal(name: str, data: bytes, **kwargs) -> ValidationError:
    with pytest.raises(ValidationError) as caught:
        check_upload(upload(name, data), **kwargs)
    return caught.value


def test_a_real_pdf_is_accepted_as_pdf():
    info = check_upload(upload("don-de-nghi.pdf", make_pdf()))
    assert (info.kind, info.content_type, info.extension) == ("pdf", "application/pdf", "pdf")


def test_the_info_carries_the_size_and_sha256_of_the_bytes():
    import hashlib

    data = make_pdf()
    info = check_upload(upload("a.pdf", data))
    assert (info.size, info.sha256) == (len(data), hashlib.sha256(data).hexdigest())


def test_a_png_is_accepted_as_png():
    assert check_upload(upload("anh.png", make_image("PNG"))).kind == "png"


def test_a_jpeg_named_jpeg_is_accepted_as_jpg():
    info = check_upload(upload("anh.JPEG", make_image("JPEG")))
    assert (info.kind, info.content_type, info.extension) == ("jpg", "image/jpeg", "jpeg")


def test_a_docx_is_accepted_as_docx():
    assert check_upload(upload("to-khai.docx", make_docx())).kind == "docx"


def test_an_xlsx_is_accepted_as_xlsx():
    assert check_upload(upload("bang-ke.xlsx", make_xlsx())).kind == "xlsx"


def test_the_browser_content_type_is_ignored():
    info = check_upload(upload("a.pdf", make_pdf(), content_type="image/png"))
    assert info.content_type == "application/pdf"


def test_a_file_on_disk_is_read_and_rewound():
    data = make_pdf()
    stored = TemporaryUploadedFile("a.pdf", "application/pdf", len(data), None)
    stored.write(data)
    stored.seek(0)
    check_upload(stored)
    assert stored.read() == data
    stored.close()


def test_a_refused_file_is_rewound_too():
    file = upload("a.pdf", b"hello")
    with pytest.raises(ValidationError):
        check_upload(file)
    assert file.read() == b"hello"


def test_text_named_pdf_is_refused_as_not_a_valid_pdf():
    error = refusal("giay-to.pdf", b"Day khong phai PDF\n" * 20)
    assert error.messages == ["Tệp “giay-to.pdf” không phải là PDF hợp lệ."]


def test_a_png_named_pdf_is_refused_and_told_what_it_is():
    error = refusal("giay-to.pdf", make_image("PNG"))
    assert error.code == "mismatch"
    assert "không phải là PDF hợp lệ: nội dung là ảnh PNG" in error.messages[0]


def test_a_pdf_named_docx_is_refused():
    assert refusal("to-khai.docx", make_pdf()).code == "mismatch"


def test_an_xlsx_named_docx_is_refused():
    assert refusal("to-khai.docx", make_xlsx()).code == "mismatch"


def test_a_pdf_header_without_a_body_is_refused_as_corrupt():
    error = refusal("a.pdf", b"%PDF-1.7\n1 0 obj garbage\n%%EOF\n")
    assert error.code == "corrupt"


def test_a_truncated_pdf_is_refused():
    assert refusal("a.pdf", make_pdf()[:-200]).code == "corrupt"


def test_a_pdf_that_needs_a_password_is_refused():
    from reportlab.lib.pdfencrypt import StandardEncryption

    error = refusal("a.pdf", make_pdf(encrypt=StandardEncryption("mo", ownerPassword="chu")))
    assert error.code == "encrypted"


def test_a_pdf_with_only_an_owner_password_is_refused_as_encrypted():
    from reportlab.lib.pdfencrypt import StandardEncryption

    error = refusal("a.pdf", make_pdf(encrypt=StandardEncryption("", ownerPassword="chu")))
    assert error.code == "encrypted"


def test_an_empty_file_is_refused():
    error = refusal("a.pdf", b"")
    assert error.messages == ["Tệp “a.pdf” rỗng (0 byte), không có nội dung."]


def test_a_file_over_the_limit_is_refused_with_the_limit_in_megabytes():
    data = make_pdf() + b"\0" * (1024 * 1024)
    error = refusal("a.pdf", data, max_bytes=1024 * 1024)
    assert error.messages == ["Tệp “a.pdf” vượt quá dung lượng cho phép 1 MB."]


def test_the_default_limit_comes_from_the_setting():
    with override_settings(DOSSIER_UPLOAD_MAX_BYTES=100):
        error = refusal("a.pdf", make_pdf())
    assert error.messages == ["Tệp “a.pdf” vượt quá dung lượng cho phép 100 byte."]


def test_the_limit_is_checked_on_the_bytes_read_not_the_declared_size():
    file = upload("a.pdf", make_pdf())
    file.size = 10  # a client may lie about the size
    with pytest.raises(ValidationError) as caught:
        check_upload(file, max_bytes=100)
    assert caught.value.code == "too_large"


def test_a_fractional_limit_is_shown_with_a_decimal_comma():
    error = refusal("a.pdf", b"%PDF-" + b"0" * (2 * 1024 * 1024), max_bytes=1024 * 1024 * 3 // 2)
    assert "cho phép 1,5 MB." in error.messages[0]


def test_an_extension_outside_the_list_is_refused():
    error = refusal("chay-toi.exe", b"MZ" + b"\0" * 100)
    assert error.messages == [
        "Không nhận tệp “chay-toi.exe”: chỉ nhận PDF, JPG, PNG, DOCX, XLSX; tối đa 10 MB."
    ]


def test_a_macro_enabled_name_is_refused():
    assert refusal("to-khai.docm", make_docx()).code == "extension"


def test_a_docx_declaring_macro_content_is_refused():
    def macro(name, data):
        if name == "[Content_Types].xml":
            return data.replace(
                b"wordprocessingml.document.main+xml",
                b"ms-word.document.macroEnabled.main+xml",
            )
        return data

    assert refusal("to-khai.docx", rewrite_zip(make_docx(), macro)).code == "macro"


def test_an_xlsx_carrying_a_vba_project_is_refused():
    data = make_xlsx()
    with zipfile.ZipFile(buffer := io.BytesIO(data), "a") as archive:
        archive.writestr("xl/vbaProject.bin", b"\0" * 64)
    assert refusal("bang-ke.xlsx", buffer.getvalue()).code == "macro"


def test_a_zip_bomb_is_refused():
    data = make_docx()
    with zipfile.ZipFile(buffer := io.BytesIO(data), "a", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("word/media/bomb.xml", b"0" * (8 * 1024 * 1024))
    assert len(buffer.getvalue()) < 100_000
    assert refusal("to-khai.docx", buffer.getvalue(), max_bytes=200_000).code == "zip_bomb"


def test_a_zip_member_bigger_than_its_header_says_is_refused():
    data = make_docx()
    with zipfile.ZipFile(buffer := io.BytesIO(data), "a", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("word/media/bomb.xml", b"0" * (8 * 1024 * 1024))
    raw = bytearray(buffer.getvalue())
    # Shrink the declared size of the last member in its central-directory entry.
    at = raw.rfind(b"PK\x01\x02")
    raw[at + 24 : at + 28] = struct.pack("<I", 10)
    error = refusal("to-khai.docx", bytes(raw), max_bytes=200_000)
    assert error.code in {"zip_bomb", "corrupt"}


def test_a_plain_zip_named_docx_is_refused():
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("readme.txt", "xin chào")
    error = refusal("to-khai.docx", buffer.getvalue())
    assert error.messages == ["Tệp “to-khai.docx” không phải là tài liệu Word (DOCX) hợp lệ."]


def test_an_office_file_with_a_password_is_refused_with_advice():
    ole = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 600
    assert refusal("bang-ke.xlsx", ole).code == "encrypted"


def test_a_damaged_docx_is_refused_as_corrupt():
    data = bytearray(make_docx())
    data[200:400] = b"\0" * 200  # inside the first member's compressed bytes
    assert refusal("to-khai.docx", bytes(data)).code == "corrupt"


def test_a_broken_png_is_refused():
    data = make_image("PNG")
    assert refusal("anh.png", data[:40]).code == "corrupt"


def png_declaring(width: int, height: int) -> bytes:
    """A valid PNG header for a picture that would need gigabytes once decoded."""

    def chunk(kind, body):
        return (
            struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body))
        )

    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(b""))
        + chunk(b"IEND", b"")
    )


def test_a_png_declaring_too_many_pixels_is_refused_with_its_dimensions():
    error = refusal("anh.png", png_declaring(9_000, 9_000))
    assert "9.000 × 9.000 điểm ảnh" in error.messages[0]


def test_a_png_declaring_a_gigantic_picture_is_refused_as_too_large():
    assert refusal("anh.png", png_declaring(60_000, 60_000)).code == "too_large"


def test_safe_name_drops_the_folders():
    assert safe_name("C:\\Users\\an\\..\\giấy tờ.pdf") == "giấy tờ.pdf"
    assert safe_name("../../etc/passwd") == "passwd"


def test_safe_name_keeps_vietnamese_letters():
    assert safe_name("Đơn đề nghị cấp phép.PDF") == "Đơn đề nghị cấp phép.pdf"


def test_safe_name_composes_decomposed_vietnamese():
    assert safe_name("Đơn đe\u0302\u0300 nghi\u0323.pdf") == "Đơn đề nghị.pdf"


def test_safe_name_drops_control_and_direction_characters():
    assert safe_name("hoso\u202efdp.exe\x00\n.pdf") == "hosofdp.exe.pdf"


def test_safe_name_limits_the_length_but_keeps_the_extension():
    name = safe_name("a" * 500 + ".docx", max_length=120)
    assert len(name) == 120 and name.endswith(".docx")


def test_safe_name_of_nothing_is_a_placeholder():
    assert safe_name("") == "tệp"


def test_the_accept_attribute_lists_extensions_and_types():
    assert ".pdf" in ACCEPT_ATTRIBUTE.split(",") and "image/png" in ACCEPT_ATTRIBUTE.split(",")


def test_the_allowed_description_is_vietnamese_with_the_limit():
    assert str(ALLOWED_DESCRIPTION) == "PDF, JPG, PNG, DOCX, XLSX; tối đa 10 MB"


def test_the_allowed_description_follows_the_setting():
    with override_settings(DOSSIER_UPLOAD_MAX_BYTES=5 * 1024 * 1024):
        assert str(ALLOWED_DESCRIPTION) == "PDF, JPG, PNG, DOCX, XLSX; tối đa 5 MB"


PREFIXES = [b"", b"%PDF-1.7\n", b"PK\x03\x04", b"\x89PNG\r\n\x1a\n", b"\xff\xd8\xff\xe0"]


@settings(max_examples=150, deadline=None)
@given(
    prefix=st.sampled_from(PREFIXES),
    body=st.binary(max_size=2048),
    name=st.sampled_from(["a.pdf", "a.png", "a.jpg", "a.docx", "a.xlsx", "a.txt"]),
)
def test_any_bytes_are_either_accepted_or_refused_with_a_message(prefix, body, name):
    try:
        check_upload(upload(name, prefix + body), max_bytes=4096)
    except ValidationError as error:
        assert error.messages and error.code


@settings(max_examples=100, deadline=None)
@given(cut=st.integers(min_value=1, max_value=2000), kind=st.sampled_from(["docx", "xlsx"]))
def test_a_cut_office_file_is_refused_with_a_message(cut, kind):
    data = (make_docx if kind == "docx" else make_xlsx)()
    with pytest.raises(ValidationError):
        check_upload(upload(f"a.{kind}", data[:-cut]))
