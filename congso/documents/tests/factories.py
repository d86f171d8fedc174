"""Factories: PDFs (plain, signed, tampered), a test CA, the library index and documents."""

from __future__ import annotations

import io
import itertools
from datetime import date
from functools import cache

from cryptography.hazmat.primitives import serialization

from congso.documents import pki
from congso.documents.pdfrender import render_text_pdf

_seq = itertools.count(1)


def make_pdf(text: str = "Báo cáo kết quả chuyển đổi số năm 2024", pages: int = 1) -> bytes:
    blocks = []
    for n in range(pages):
        blocks += [("h", "BÁO CÁO"), ("p", f"{text} – trang {n + 1}")]
        if n < pages - 1:
            blocks.append(("space", ""))
    return render_text_pdf(blocks, title=text)


def make_multipage_pdf(pages: int) -> bytes:
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    from congso.documents.pdfrender import register_fonts

    regular, _ = register_fonts()
    buffer = io.BytesIO()
    c = canvas.Canvas(buffer, pagesize=A4)
    for n in range(pages):
        c.setFont(regular, 12)
        for row in range(40):
            c.drawString(
                60, 800 - row * 18, f"Trang {n + 1}, dòng {row + 1}: chuyển đổi số Hà Tĩnh"
            )
        c.showPage()
    c.save()
    return buffer.getvalue()


@cache
def test_ca() -> pki.KeyPair:
    return pki.create_ca("CA thử nghiệm congso", "congso tests")


@cache
def other_ca() -> pki.KeyPair:
    return pki.create_ca("CA lạ không tin cậy", "ngoài danh sách")


@cache
def signer(name: str = "Dương Văn Tuấn", ca_name: str = "test") -> pki.KeyPair:
    ca = test_ca() if ca_name == "test" else other_ca()
    return pki.issue_signer(ca, name, "Sở Thông tin và Truyền thông", "sott_tt@hatinh.gov.vn")


def ca_pem(ca: pki.KeyPair | None = None) -> bytes:
    return (ca or test_ca()).certificate.public_bytes(serialization.Encoding.PEM)


def sign(
    data: bytes, who: pki.KeyPair | None = None, ca: pki.KeyPair | None = None, field="ChuKy1"
):
    ca = ca or test_ca()
    return pki.sign_pdf(data, who or signer(), [ca], field_name=field)


def tamper(signed: bytes) -> bytes:
    """Change one byte of page content inside the signed range."""
    data = bytearray(signed)
    marker = data.find(b"stream")
    data[marker + 20] = (data[marker + 20] + 1) % 256
    return bytes(data)


def make_docx(paragraphs: list[str]) -> bytes:
    import docx

    document = docx.Document()
    for text in paragraphs:
        document.add_paragraph(text)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def make_index(home, title: str = "Văn bản"):
    from congso.documents.models import DocumentIndexPage

    index = DocumentIndexPage(title=title, slug="van-ban")
    home.add_child(instance=index)
    index.save_revision().publish()
    return index


def make_document(index, *, publish=True, file_data: bytes | None = None, filename=None, **fields):
    """An official document with one attached file (a small PDF unless given)."""
    from congso.documents.models import DocumentType, OfficialDocumentPage
    from congso.documents.services import store_file, sync_file_visibility

    n = next(_seq)
    defaults = {
        "title": f"Báo cáo số {n} về chuyển đổi số",
        "number": f"{n}/BC-STTTT",
        "summary": f"Trích yếu văn bản số {n}",
        "issue_date": date(2024, 10, 16),
        "doc_type": DocumentType.objects.get(slug="bao-cao"),
        "signer_name": "Dương Văn Tuấn",
        "signer_position": "KT. GIÁM ĐỐC — PHÓ GIÁM ĐỐC",
    }
    defaults.update(fields)
    page = OfficialDocumentPage(**defaults)
    index.add_child(instance=page)
    data = file_data if file_data is not None else make_pdf(defaults["title"])
    file = store_file(filename or f"van-ban-{n}.pdf", data)
    from congso.documents.services import process_file

    process_file(file)
    page.attachments.create(file=file, sort_order=0)
    if publish:
        page.save_revision().publish()
    else:
        page.live = False
        page.save_revision()
        page.save()
    sync_file_visibility()
    page.refresh_from_db()
    return page
