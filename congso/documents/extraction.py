"""Checking uploaded files and extracting their text (PDF, DOCX, XLSX, ODF).

A file is judged by its content, not its name: a text file called `.pdf`, an encrypted or
truncated PDF, an empty or oversized file are refused with a message an editor understands.
"""

from __future__ import annotations

import io
import re
import zipfile
from dataclasses import dataclass
from pathlib import PurePath

from django.conf import settings
from django.utils.formats import number_format
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

PDF_MAGIC = b"%PDF-"
ZIP_MAGIC = b"PK\x03\x04"
OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
ZIP_MEMBERS = {
    "docx": "word/document.xml",
    "xlsx": "xl/workbook.xml",
    "odt": "content.xml",
    "ods": "content.xml",
}
MAX_TEXT_CHARS = 2_000_000


class FileRejected(Exception):
    """The file cannot be stored; the message is shown to the editor as is."""


@dataclass
class Extracted:
    text: str
    page_count: int | None


def extension_of(name: str) -> str:
    return PurePath(name).suffix.lower().lstrip(".")


def megabytes(size: int) -> str:
    """In the editor's language: 52,3 MB in Vietnamese, 52.3 MB in English; 50 MB whole."""
    value = size / (1024 * 1024)
    return number_format(value, 0 if value.is_integer() else 1, use_l10n=True) + " MB"


def check_file(name: str, data: bytes) -> str:
    """Raise FileRejected unless the bytes are a readable file of the type the name says."""
    ext = extension_of(name)
    allowed = [e.lower() for e in settings.WAGTAILDOCS_EXTENSIONS]
    if ext not in allowed:
        raise FileRejected(
            _("Định dạng tệp “.%(ext)s” không được phép. Chỉ nhận: %(allowed)s.")
            % {"ext": ext or "?", "allowed": ", ".join(f".{e}" for e in allowed)}
        )
    if not data:
        raise FileRejected(_("Tệp rỗng (0 byte), không có nội dung để lưu."))
    limit = settings.DOCUMENT_MAX_UPLOAD_SIZE
    if len(data) > limit:
        raise FileRejected(
            _("Tệp quá lớn (%(size)s); giới hạn là %(limit)s.")
            % {"size": megabytes(len(data)), "limit": megabytes(limit)}
        )
    if ext == "pdf":
        _check_pdf(data)
    elif ext in ZIP_MEMBERS:
        _check_zip(ext, data)
    elif ext in {"doc", "xls"} and not data.startswith(OLE_MAGIC):
        raise FileRejected(
            _("Nội dung tệp không phải tài liệu .%(ext)s như tên tệp cho biết.") % {"ext": ext}
        )
    return ext


def _check_pdf(data: bytes) -> None:
    # The header may follow a little junk (allowed by readers); anything else is not a PDF.
    if PDF_MAGIC not in data[:1024]:
        raise FileRejected(_("Nội dung tệp không phải PDF, dù tên tệp có đuôi .pdf."))
    if b"%%EOF" not in data[-2048:]:
        raise FileRejected(_("Tệp PDF bị cắt cụt hoặc hỏng (thiếu phần kết thúc tệp), không lưu."))
    import pypdfium2 as pdfium

    try:
        pdf = pdfium.PdfDocument(data)
    except pdfium.PdfiumError as error:
        if "password" in str(error).lower():
            raise FileRejected(_(_ENCRYPTED))
        raise FileRejected(_("Tệp PDF bị hỏng, không đọc được."))
    try:
        if len(pdf) == 0:
            raise FileRejected(_("Tệp PDF không có trang nào."))
    finally:
        pdf.close()
    if _pdf_is_encrypted(data):
        raise FileRejected(_(_ENCRYPTED))


# Translated where it is raised (gettext_noop: makemessages still finds it).
_ENCRYPTED = gettext_noop(
    "Tệp PDF được mã hóa (đặt mật khẩu). Người dân cần tải và kiểm tra được văn bản: "
    "hãy tải lên bản không mã hóa."
)


def _pdf_is_encrypted(data: bytes) -> bool:
    from pyhanko.pdf_utils.reader import PdfFileReader

    try:
        return bool(PdfFileReader(io.BytesIO(data), strict=False).encrypted)
    except Exception:  # noqa: BLE001 - pdfium already read it; a parser quirk is not encryption
        return False


def _check_zip(ext: str, data: bytes) -> None:
    if data.startswith(OLE_MAGIC):
        raise FileRejected(
            _(
                "Tệp .%(ext)s này được đặt mật khẩu hoặc là định dạng Office cũ; hãy lưu lại "
                "thành .%(ext)s không mật khẩu."
            )
            % {"ext": ext}
        )
    if not data.startswith(ZIP_MAGIC):
        raise FileRejected(
            _("Nội dung tệp không phải tài liệu .%(ext)s như tên tệp cho biết.") % {"ext": ext}
        )
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            names = set(archive.namelist())
            if ZIP_MEMBERS[ext] not in names:
                raise FileRejected(
                    _("Nội dung tệp không phải tài liệu .%(ext)s như tên tệp cho biết.")
                    % {"ext": ext}
                )
            if archive.testzip() is not None:
                raise FileRejected(_("Tệp .%(ext)s bị hỏng, không đọc được.") % {"ext": ext})
    except zipfile.BadZipFile:
        raise FileRejected(
            _("Tệp .%(ext)s bị hỏng hoặc bị cắt cụt, không đọc được.") % {"ext": ext}
        )


def extract(name: str, data: bytes) -> Extracted:
    ext = extension_of(name)
    extractor = {
        "pdf": _pdf_text,
        "docx": _docx_text,
        "xlsx": _xlsx_text,
        "odt": _odf_text,
        "ods": _odf_text,
    }.get(ext)
    if extractor is None:
        return Extracted("", None)
    result = extractor(data)
    result.text = _tidy(result.text)[:MAX_TEXT_CHARS]
    return result


def _tidy(text: str) -> str:
    import unicodedata

    text = unicodedata.normalize("NFC", text.replace("\r\n", "\n").replace("\r", "\n"))
    text = text.replace("\x00", "").replace("\ufffe", "").replace("\uffff", "")
    return re.sub(r"\n{3,}", "\n\n", text).strip()


def _pdf_text(data: bytes) -> Extracted:
    import pypdfium2 as pdfium

    pdf = pdfium.PdfDocument(data)
    try:
        parts = []
        for index in range(len(pdf)):
            page = pdf[index]
            textpage = page.get_textpage()
            parts.append(textpage.get_text_range())
            textpage.close()
            page.close()
        return Extracted("\n\n".join(parts), len(pdf))
    finally:
        pdf.close()


def _paragraph_text(paragraph) -> str:
    parts = []
    for node in paragraph.iter():
        tag = node.tag.rsplit("}", 1)[-1]
        if tag == "t":
            parts.append(node.text or "")
        elif tag in {"br", "cr"}:
            parts.append("\n")
        elif tag == "tab":
            parts.append("\t")
    return "".join(parts)


def _docx_text(data: bytes) -> Extracted:
    import docx

    document = docx.Document(io.BytesIO(data))
    lines = []
    # Header blocks (agency | national motto) are usually a two-column table: read each cell
    # in turn, so the columns stay apart.
    for child in document.element.body.iterchildren():
        tag = child.tag.rsplit("}", 1)[-1]
        if tag == "p":
            lines.append(_paragraph_text(child))
        elif tag == "tbl":
            for cell in child.iter():
                if cell.tag.endswith("}tc"):
                    for para in cell.iterchildren():
                        if para.tag.endswith("}p"):
                            lines.append(_paragraph_text(para))
    return Extracted("\n".join(lines), None)


def _xlsx_text(data: bytes) -> Extracted:
    import openpyxl

    workbook = openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    lines = []
    for sheet in workbook.worksheets:
        lines.append(sheet.title)
        for row in sheet.iter_rows(values_only=True):
            cells = [str(v) for v in row if v is not None]
            if cells:
                lines.append("\t".join(cells))
    workbook.close()
    return Extracted("\n".join(lines), len(workbook.worksheets))


def _odf_text(data: bytes) -> Extracted:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        xml = archive.read("content.xml").decode("utf-8", "replace")
    xml = re.sub(r"</text:(p|h)>", "\n", xml)
    return Extracted(re.sub(r"<[^>]+>", "", xml), None)
