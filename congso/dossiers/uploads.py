"""Checking a citizen's upload for a dossier component: PDF, JPG, PNG, DOCX or XLSX.

The type is decided by the bytes, never by the file name or the browser's content type (both
are the sender's word); the name's extension must then agree with what the bytes are, so the
officer who downloads "giay-phep.pdf" gets a PDF. Every refusal is a ValidationError with a
message a citizen understands; nothing here stores anything.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
import zipfile
import zlib
from dataclasses import dataclass

import filetype
from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils.functional import lazy
from django.utils.translation import gettext as _

from congso.core.text import format_number

CHUNK_SIZE = 64 * 1024
DEFAULT_MAX_BYTES = 10 * 1024 * 1024
PDF_MAGIC = b"%PDF-"
ZIP_MAGIC = b"PK\x03\x04"
OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # old .doc/.xls, and password-protected OOXML
# An Office file expands well when unzipped (XML compresses ~10:1); far beyond that is a bomb.
ZIP_EXPANSION_LIMIT = 20  # times the upload size limit
ZIP_MAX_MEMBERS = 5_000
# Pixels, not bytes: a tiny PNG can declare a picture that needs gigabytes to decode.
MAX_IMAGE_PIXELS = 50_000_000

CONTENT_TYPES = {
    "pdf": "application/pdf",
    "jpg": "image/jpeg",
    "png": "image/png",
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
}
EXTENSIONS = {
    "pdf": "pdf",
    "jpg": "jpg",
    "jpeg": "jpg",
    "png": "png",
    "docx": "docx",
    "xlsx": "xlsx",
}
OOXML_MAIN_PART = {"docx": "word/document.xml", "xlsx": "xl/workbook.xml"}
ACCEPT_ATTRIBUTE = ",".join([f".{ext}" for ext in EXTENSIONS] + list(CONTENT_TYPES.values()))


def _kind_label(kind: str) -> str:
    return {
        "pdf": _("PDF"),
        "jpg": _("ảnh JPG"),
        "png": _("ảnh PNG"),
        "docx": _("tài liệu Word (DOCX)"),
        "xlsx": _("bảng tính Excel (XLSX)"),
    }[kind]


@dataclass(frozen=True)
class UploadInfo:
    kind: str  # pdf, jpg, png, docx, xlsx
    content_type: str  # from the kind, never from the browser
    extension: str  # the name's extension, lower case (jpeg stays jpeg)
    size: int
    sha256: str
    safe_name: str


def max_upload_bytes() -> int:
    return int(getattr(settings, "DOSSIER_UPLOAD_MAX_BYTES", DEFAULT_MAX_BYTES))


def format_size(size: int) -> str:
    """10485760 -> '10 MB', 524288 -> '512 KB', 1572864 -> '1,5 MB' (Vietnamese decimal comma)."""
    for unit, factor in (("MB", 1024 * 1024), ("KB", 1024)):
        if size >= factor:
            value = size / factor
            return f"{format_number(value, 0 if value.is_integer() else 1)} {unit}"
    return f"{format_number(size)} byte"


def allowed_description(max_bytes: int | None = None) -> str:
    limit = format_size(max_bytes or max_upload_bytes())
    return _("PDF, JPG, PNG, DOCX, XLSX; tối đa %(limit)s") % {"limit": limit}


# Lazy: the limit is a setting and the text is translated when shown, not at import.
ALLOWED_DESCRIPTION = lazy(allowed_description, str)()


def safe_name(name: str, max_length: int = 120) -> str:
    """The file name without folders, control or invisible characters; Vietnamese letters kept.

    Format characters go too (U+202E would show "hoso[RLO]fdp.exe" as "hosoexe.pdf").
    """
    name = unicodedata.normalize("NFC", str(name or ""))
    name = re.split(r"[\\/]", name)[-1]
    name = "".join(ch for ch in name if unicodedata.category(ch)[0] != "C")
    name = re.sub(r'[<>:"|?*]', "_", name)
    name = re.sub(r"\s+", " ", name).strip(" .")
    stem, dot, ext = name.rpartition(".")
    if not dot or not stem or " " in ext or len(ext) > 10:
        stem, ext = name, ""
    stem = stem.strip(" .") or _("tệp")
    ext = ext.lower()
    room = max(1, max_length - (len(ext) + 1 if ext else 0))
    stem = stem[:room].rstrip(" .") or _("tệp")
    return f"{stem}.{ext}" if ext else stem


def check_upload(uploaded_file, *, max_bytes: int | None = None) -> UploadInfo:
    """Return what the file is, or raise ValidationError saying why it is refused.

    Reads the file in chunks (it may be a TemporaryUploadedFile on disk) and rewinds it after.
    """
    limit = max_bytes or max_upload_bytes()
    name = safe_name(getattr(uploaded_file, "name", "") or "")
    declared = getattr(uploaded_file, "size", None)
    if declared is not None and declared > limit:
        raise _too_large(name, limit)
    try:
        size, digest, head, tail = _read(uploaded_file, limit)
        if size == 0:
            raise ValidationError(
                _("Tệp “%(name)s” rỗng (0 byte), không có nội dung.") % {"name": name},
                code="empty",
            )
        if size > limit:
            raise _too_large(name, limit)
        extension = name.rpartition(".")[2].lower() if "." in name else ""
        claimed = EXTENSIONS.get(extension)
        if claimed is None:
            raise ValidationError(
                _("Không nhận tệp “%(name)s”: chỉ nhận %(allowed)s.")
                % {"name": name, "allowed": allowed_description(limit)},
                code="extension",
            )
        kind = _sniff(head)
        if kind == "zip":
            kind = _check_ooxml(uploaded_file, name, claimed, limit)
        if kind is None:
            raise _not_valid(name, claimed, head)
        if kind != claimed:
            raise ValidationError(
                _(
                    "Tệp “%(name)s” không phải là %(claimed)s hợp lệ: nội dung là %(actual)s. "
                    "Hãy chọn đúng tệp hoặc đổi đuôi tên tệp thành .%(ext)s."
                )
                % {
                    "name": name,
                    "claimed": _kind_label(claimed),
                    "actual": _kind_label(kind),
                    "ext": kind,
                },
                code="mismatch",
            )
        if kind == "pdf":
            _check_pdf(uploaded_file, name, tail)
        elif kind in ("jpg", "png"):
            _check_image(uploaded_file, name, kind)
    finally:
        _rewind(uploaded_file)
    return UploadInfo(
        kind=kind,
        content_type=CONTENT_TYPES[kind],
        extension=extension,
        size=size,
        sha256=digest,
        safe_name=name,
    )


def _too_large(name: str, limit: int) -> ValidationError:
    return ValidationError(
        _("Tệp “%(name)s” vượt quá dung lượng cho phép %(limit)s.")
        % {"name": name, "limit": format_size(limit)},
        code="too_large",
    )


def _not_valid(name: str, claimed: str, head: bytes) -> ValidationError:
    if claimed in OOXML_MAIN_PART and head.startswith(OLE_MAGIC):
        return ValidationError(
            _(
                "Tệp “%(name)s” được đặt mật khẩu hoặc là định dạng Office cũ (.doc, .xls). "
                "Hãy lưu lại thành .%(ext)s không đặt mật khẩu."
            )
            % {"name": name, "ext": claimed},
            code="encrypted",
        )
    return ValidationError(
        _("Tệp “%(name)s” không phải là %(kind)s hợp lệ.")
        % {"name": name, "kind": _kind_label(claimed)},
        code="invalid",
    )


def _chunks(uploaded_file):
    if hasattr(uploaded_file, "chunks"):
        yield from uploaded_file.chunks(CHUNK_SIZE)  # Django's File seeks to 0 itself
        return
    uploaded_file.seek(0)
    while chunk := uploaded_file.read(CHUNK_SIZE):
        yield chunk


def _read(uploaded_file, limit: int) -> tuple[int, str, bytes, bytes]:
    """Size, SHA-256, first 8 KiB and last 2 KiB; stops reading one byte past the limit."""
    sha = hashlib.sha256()
    size, head, tail = 0, b"", b""
    for chunk in _chunks(uploaded_file):
        size += len(chunk)
        if size > limit:
            return size, "", head, tail
        sha.update(chunk)
        if len(head) < 8192:
            head += chunk[: 8192 - len(head)]
        tail = (tail + chunk)[-2048:]
    return size, sha.hexdigest(), head, tail


def _rewind(uploaded_file) -> None:
    try:
        uploaded_file.seek(0)
    except (AttributeError, OSError, ValueError):
        pass  # a closed or unseekable stream: nothing more will be read from it anyway


def _sniff(head: bytes) -> str | None:
    if head.startswith(PDF_MAGIC):
        return "pdf"
    if head.startswith(ZIP_MAGIC):
        return "zip"
    guess = filetype.guess(head)
    mime = guess.mime if guess else ""
    if mime == "image/jpeg":
        return "jpg"
    if mime == "image/png":
        return "png"
    return None


def _check_pdf(uploaded_file, name: str, tail: bytes) -> None:
    import pypdfium2 as pdfium

    broken = ValidationError(
        _("Tệp PDF “%(name)s” bị hỏng hoặc bị cắt cụt, không mở được.") % {"name": name},
        code="corrupt",
    )
    if b"%%EOF" not in tail:
        raise broken
    encrypted = ValidationError(
        _(
            "Tệp PDF “%(name)s” được đặt mật khẩu hoặc mã hóa; cán bộ sẽ không mở được. "
            "Hãy tải lên bản không đặt mật khẩu."
        )
        % {"name": name},
        code="encrypted",
    )
    uploaded_file.seek(0)
    try:
        pdf = pdfium.PdfDocument(uploaded_file)
    except pdfium.PdfiumError as error:
        raise encrypted if "password" in str(error).lower() else broken
    try:
        # An owner password opens without asking but still forbids printing or copying.
        if pdfium.raw.FPDF_GetSecurityHandlerRevision(pdf.raw) != -1:
            raise encrypted
        if len(pdf) == 0:
            raise ValidationError(
                _("Tệp PDF “%(name)s” không có trang nào.") % {"name": name}, code="corrupt"
            )
    finally:
        pdf.close()


def _check_image(uploaded_file, name: str, kind: str) -> None:
    from PIL import Image

    broken = ValidationError(
        _("Ảnh “%(name)s” bị hỏng, không mở được.") % {"name": name}, code="corrupt"
    )
    uploaded_file.seek(0)
    try:
        with Image.open(uploaded_file) as image:
            width, height = image.size
            if width * height > MAX_IMAGE_PIXELS:
                raise ValidationError(
                    _(
                        "Ảnh “%(name)s” quá lớn (%(width)s × %(height)s điểm ảnh); "
                        "hãy thu nhỏ ảnh rồi tải lên lại."
                    )
                    % {
                        "name": name,
                        "width": format_number(width),
                        "height": format_number(height),
                    },
                    code="too_large",
                )
            image.verify()
    except ValidationError:
        raise
    except Image.DecompressionBombError:
        raise ValidationError(
            _("Ảnh “%(name)s” quá lớn; hãy thu nhỏ ảnh rồi tải lên lại.") % {"name": name},
            code="too_large",
        )
    except Exception:  # noqa: BLE001 - Pillow raises many types for a broken image; all mean "broken"
        raise broken


def _check_ooxml(uploaded_file, name: str, claimed: str, limit: int) -> str | None:
    """docx or xlsx after opening the zip; None when it is some other zip."""
    broken = ValidationError(
        _("Tệp “%(name)s” bị hỏng hoặc bị cắt cụt, không mở được.") % {"name": name},
        code="corrupt",
    )
    bomb = ValidationError(
        _("Tệp “%(name)s” khi giải nén quá lớn bất thường, không nhận.") % {"name": name},
        code="zip_bomb",
    )
    macro = ValidationError(
        _(
            "Tệp “%(name)s” chứa macro (mã lệnh), không nhận vì lý do an toàn. "
            "Hãy lưu lại thành .docx hoặc .xlsx thông thường."
        )
        % {"name": name},
        code="macro",
    )
    cap = limit * ZIP_EXPANSION_LIMIT
    uploaded_file.seek(0)
    try:
        with zipfile.ZipFile(uploaded_file) as archive:
            members = archive.infolist()
            names = {member.filename for member in members}
            if "[Content_Types].xml" not in names:
                return None
            kind = next((k for k, part in OOXML_MAIN_PART.items() if part in names), None)
            if kind is None:
                return None
            if len(members) > ZIP_MAX_MEMBERS or sum(m.file_size for m in members) > cap:
                raise bomb
            if any(member.flag_bits & 0x1 for member in members):
                raise _not_valid(name, claimed, OLE_MAGIC)  # zip-level password
            if any(n.lower().endswith("vbaproject.bin") for n in names):
                raise macro
            with archive.open("[Content_Types].xml") as types:
                content_types = types.read(1024 * 1024).lower()
            if b"macroenabled" in content_types or b"vbaproject" in content_types:
                raise macro
            # Decompress everything with a real counter: the sizes in the headers may lie,
            # and reading to the end checks every member's CRC.
            expanded = 0
            for member in members:
                with archive.open(member) as stream:
                    while chunk := stream.read(CHUNK_SIZE):
                        expanded += len(chunk)
                        if expanded > cap:
                            raise bomb
            return kind
    except ValidationError:
        raise
    except (zipfile.BadZipFile, zlib.error, EOFError, NotImplementedError, ValueError, OSError):
        raise broken
