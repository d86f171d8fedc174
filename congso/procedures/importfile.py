"""Reading an import file in the national database's field names (docs/procedures-import.md):
JSON or Excel (.xlsx) into checked `ProcedureData`. Nothing here touches the database except
to look up agencies; every problem becomes a Vietnamese message naming the record."""

from __future__ import annotations

import datetime as dt
import json
import re
from dataclasses import dataclass, field
from pathlib import Path

from congso.core.text import fold

MAX_FILE_BYTES = 20 * 1024 * 1024
SHEET_PROCEDURES = "ThuTuc"
CHILD_SHEETS = {
    "ThanhPhanHoSo": "ThanhPhanHoSo",
    "PhiLePhi": "PhiLePhi",
    "CanCuPhapLy": "CanCuPhapLy",
}
LIST_SEPARATORS = re.compile(r"\s*[;\n]\s*")


class ImportFileError(ValueError):
    """The file cannot be read or has bad records; the message is for the operator."""


@dataclass
class ComponentData:
    name: str
    required: bool = True
    copies: str = ""
    template: str = ""  # file name next to the import file (MauDon)
    form_schema: dict | None = None


@dataclass
class ProcedureData:
    code: str
    name: str
    field_code: str
    field_name: str
    agencies: list[str]
    online_level: str
    time_limit: int
    time_unit: str
    steps: str = ""
    channels: list[str] = field(default_factory=list)
    conditions: str = ""
    applicants: str = ""
    result: str = ""
    components: list[ComponentData] = field(default_factory=list)
    fees: list[tuple[str, int, str]] = field(default_factory=list)
    legal_basis: list[tuple[str, str, dt.date | None]] = field(default_factory=list)
    published_on: dt.date | None = None
    effective_from: dt.date | None = None
    is_sample: bool = False
    active: bool = True


def _key(text) -> str:
    return " ".join(fold(str(text or "")).lower().split())


LEVELS = {
    "4": "full", "toan trinh": "full", "full": "full", "muc do 4": "full",
    "3": "partial", "mot phan": "partial", "partial": "partial", "muc do 3": "partial",
    "2": "none", "1": "none", "none": "none", "khong": "none", "": "none", "muc do 2": "none",
}  # fmt: skip
UNITS = {
    "ngay lam viec": "working_day", "working_day": "working_day",
    "gio lam viec": "working_hour", "gio": "working_hour", "working_hour": "working_hour",
    "ngay": "day", "ngay lich": "day", "day": "day",
}  # fmt: skip
CHANNELS = {
    "1": "in_person", "truc tiep": "in_person", "in_person": "in_person",
    "2": "online", "truc tuyen": "online", "online": "online",
    "3": "postal", "buu chinh": "postal", "dich vu buu chinh": "postal", "postal": "postal",
    "buu chinh cong ich": "postal", "qua dich vu buu chinh cong ich": "postal",
}  # fmt: skip
TRUE = {"true", "1", "co", "x", "yes", "bat buoc"}
FALSE = {"false", "0", "khong", "no", "", "none", "khong bat buoc"}


def read_records(path: str | Path) -> list[dict]:
    """Raw records of a .json or .xlsx file; an unreadable file raises ImportFileError."""
    path = Path(path)
    if not path.is_file():
        raise ImportFileError(f"Không tìm thấy tệp {path}.")
    if path.stat().st_size > MAX_FILE_BYTES:
        raise ImportFileError("Tệp quá lớn (tối đa 20 MB).")
    suffix = path.suffix.lower()
    if suffix == ".json":
        return _json_records(path)
    if suffix == ".xlsx":
        return _excel_records(path)
    raise ImportFileError(
        f"Định dạng tệp {suffix or '(không có đuôi)'} không được hỗ trợ: dùng .json hoặc .xlsx."
    )


def _json_records(path: Path) -> list[dict]:
    try:
        data = json.loads(path.read_text(encoding="utf-8-sig"))
    except UnicodeDecodeError:
        raise ImportFileError("Tệp JSON phải được lưu theo bảng mã UTF-8.") from None
    except json.JSONDecodeError as exc:
        raise ImportFileError(
            f"Tệp JSON không hợp lệ (dòng {exc.lineno}, cột {exc.colno}): {exc.msg}."
        ) from None
    if isinstance(data, dict):
        data = data.get("ThuTuc")
    if not isinstance(data, list) or not all(isinstance(r, dict) for r in data):
        raise ImportFileError('Tệp JSON phải là danh sách thủ tục, hoặc {"ThuTuc": [...]}.')
    return data


def _excel_records(path: Path) -> list[dict]:
    from zipfile import BadZipFile

    from openpyxl import load_workbook

    try:
        book = load_workbook(path, read_only=True, data_only=True)
    except (BadZipFile, OSError, KeyError, ValueError):
        raise ImportFileError("Không đọc được tệp Excel: tệp hỏng hoặc không phải .xlsx.") from None
    if SHEET_PROCEDURES not in book.sheetnames:
        raise ImportFileError(f"Tệp Excel thiếu trang tính «{SHEET_PROCEDURES}».")
    records = _sheet_rows(book[SHEET_PROCEDURES])
    by_code = {str(r.get("MaTTHC") or "").strip(): r for r in records}
    for sheet, key in CHILD_SHEETS.items():
        if sheet not in book.sheetnames:
            continue
        for number, row in enumerate(_sheet_rows(book[sheet]), start=2):
            code = str(row.pop("MaTTHC", "") or "").strip()
            if code not in by_code:
                raise ImportFileError(
                    f"Trang tính «{sheet}», dòng {number}: mã thủ tục «{code}» không có trong "
                    f"trang «{SHEET_PROCEDURES}»."
                )
            by_code[code].setdefault(key, []).append(row)
    book.close()
    return records


def _sheet_rows(sheet) -> list[dict]:
    rows = sheet.iter_rows(values_only=True)
    header = [str(h).strip() if h is not None else "" for h in next(rows, ())]
    records = []
    for row in rows:
        if all(cell in (None, "") for cell in row):
            continue
        records.append({h: v for h, v in zip(header, row, strict=False) if h})
    return records


def _text(value) -> str:
    if value is None:
        return ""
    if isinstance(value, list):
        return "\n".join(_text(v) for v in value if v not in (None, ""))
    return str(value).strip()


def _list(value) -> list[str]:
    if value in (None, ""):
        return []
    if isinstance(value, list):
        items = []
        for item in value:
            if isinstance(item, dict):
                item = item.get("MaDinhDanh") or item.get("MaCoQuan") or item.get("Ma") or ""
            items.append(str(item).strip())
        return [i for i in items if i]
    return [i for i in LIST_SEPARATORS.split(str(value).strip()) if i]


def _bool(value, default: bool, label: str, errors: list[str]) -> bool:
    if value is None:
        return default
    if isinstance(value, bool):
        return value
    key = _key(value)
    if key in TRUE:
        return True
    if key in FALSE:
        return False
    errors.append(f"{label} «{value}» không hợp lệ (dùng Có/Không).")
    return default


def _date(value, label: str, errors: list[str]) -> dt.date | None:
    if value in (None, ""):
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    for fmt in ("%d/%m/%Y", "%Y-%m-%d", "%d-%m-%Y"):
        try:
            return dt.datetime.strptime(str(value).strip(), fmt).date()
        except ValueError:
            continue
    errors.append(f"{label} «{value}» không hợp lệ (dạng ngày/tháng/năm, ví dụ 15/08/2022).")
    return None


def _amount(value, errors: list[str]) -> int:
    if isinstance(value, bool):
        value = str(value)
    if isinstance(value, int) and value >= 0:
        return value
    if isinstance(value, float) and value >= 0 and value.is_integer():
        return int(value)
    digits = re.sub(r"[.\s]|đồng$|đ$|VND$", "", str(value or "0").strip(), flags=re.I)
    if digits.isdecimal() and digits.isascii():
        return int(digits)
    errors.append(f"Mức phí «{value}» không hợp lệ (số đồng, ví dụ 27.664.046).")
    return 0


def _schema(value, errors: list[str]) -> dict | None:
    if value in (None, ""):
        return None
    if isinstance(value, str):
        try:
            value = json.loads(value)
        except json.JSONDecodeError:
            errors.append("BieuMauDienTu không phải JSON hợp lệ.")
            return None
    from .models import schema_errors

    problems = schema_errors(value)
    if problems:
        errors.append("BieuMauDienTu: " + " ".join(str(p) for p in problems))
        return None
    return value


def _items(raw: dict, key: str, errors: list[str]) -> list:
    value = raw.get(key)
    if value in (None, ""):
        return []
    if not isinstance(value, list):
        errors.append(f"{key} phải là một danh sách.")
        return []
    return value


def parse_record(raw: dict, number: int) -> tuple[ProcedureData | None, list[str]]:
    """One record checked; the messages name the record by its position and code."""
    errors: list[str] = []
    code = _text(raw.get("MaTTHC"))
    name = _text(raw.get("TenTTHC"))
    if not code:
        errors.append("thiếu MaTTHC.")
    elif len(code) > 64 or not re.fullmatch(r"[A-Za-z0-9._-]+", code):
        errors.append(f"MaTTHC «{code[:80]}» không hợp lệ (chữ, số, dấu chấm; tối đa 64 ký tự).")
    if not name:
        errors.append("thiếu TenTTHC.")
    linh_vuc = raw.get("LinhVuc")
    nested = linh_vuc if isinstance(linh_vuc, dict) else {}
    field_code = _text(raw.get("MaLinhVuc") or nested.get("MaLinhVuc"))
    field_name = _text(
        raw.get("TenLinhVuc") or nested.get("TenLinhVuc") or (linh_vuc if not nested else "")
    )
    if not field_code:
        errors.append("thiếu MaLinhVuc.")
    level_raw = raw.get("MucDo", raw.get("CapDo"))
    level = LEVELS.get(_key(level_raw))
    if level is None:
        errors.append(f"MucDo «{level_raw}» không hợp lệ (Toàn trình, Một phần, hoặc 2/3/4).")
    limit_raw = raw.get("ThoiHanGiaiQuyet", 0)
    limit_text = _text(limit_raw).removesuffix(".0")
    if not (limit_text or "0").isdecimal() or int(limit_text or 0) > 10_000:
        errors.append(f"ThoiHanGiaiQuyet «{limit_raw}» phải là số nguyên không âm.")
        limit_text = "0"
    unit = UNITS.get(_key(raw.get("DonViThoiGian") or "Ngày làm việc"))
    if unit is None:
        errors.append(
            f"DonViThoiGian «{raw.get('DonViThoiGian')}» không hợp lệ "
            "(Ngày làm việc, Giờ làm việc hoặc Ngày)."
        )
    channels = []
    for item in _list(raw.get("CachThucThucHien")):
        channel = CHANNELS.get(_key(item))
        if channel is None:
            errors.append(
                f"CachThucThucHien «{item}» không hợp lệ (Trực tiếp, Trực tuyến, Bưu chính)."
            )
        elif channel not in channels:
            channels.append(channel)
    components = []
    for position, item in enumerate(_items(raw, "ThanhPhanHoSo", errors), start=1):
        if not isinstance(item, dict) or not _text(item.get("TenGiayTo")):
            errors.append(f"ThanhPhanHoSo thứ {position}: thiếu TenGiayTo.")
            continue
        components.append(
            ComponentData(
                name=_text(item.get("TenGiayTo"))[:500],
                required=_bool(item.get("BatBuoc"), True, "BatBuoc", errors),
                copies=_text(item.get("SoLuong"))[:100],
                template=_text(item.get("MauDon")),
                form_schema=_schema(item.get("BieuMauDienTu"), errors),
            )
        )
    fees = []
    for item in _items(raw, "PhiLePhi", errors):
        if not isinstance(item, dict):
            errors.append("PhiLePhi phải là danh sách các mục {MoTa, SoTien, GhiChu}.")
            continue
        fees.append(
            (
                _text(item.get("MoTa"))[:500] or "Lệ phí",
                _amount(item.get("SoTien", 0), errors),
                _text(item.get("GhiChu"))[:500],
            )
        )
    legal = []
    for item in _items(raw, "CanCuPhapLy", errors):
        if not isinstance(item, dict) or not _text(item.get("SoKyHieu")):
            errors.append("CanCuPhapLy: mỗi mục cần SoKyHieu.")
            continue
        legal.append(
            (
                _text(item.get("SoKyHieu"))[:100],
                _text(item.get("TrichYeu"))[:500],
                _date(item.get("NgayBanHanh"), "NgayBanHanh", errors),
            )
        )
    data = ProcedureData(
        code=code,
        name=name[:500],
        field_code=field_code[:64],
        field_name=field_name[:255],
        agencies=_list(raw.get("CoQuanThucHien")),
        online_level=level or "none",
        time_limit=int(limit_text or 0),
        time_unit=unit or "working_day",
        steps=_text(raw.get("TrinhTuThucHien")),
        channels=channels or ["in_person"],
        conditions=_text(raw.get("YeuCauDieuKien")),
        applicants=_text(raw.get("DoiTuongThucHien")),
        result=_text(raw.get("KetQuaThucHien")),
        components=components,
        fees=fees,
        legal_basis=legal,
        published_on=_date(raw.get("NgayCongBo"), "NgayCongBo", errors),
        effective_from=_date(raw.get("NgayHieuLuc"), "NgayHieuLuc", errors),
        is_sample=_bool(raw.get("DuLieuMau"), False, "DuLieuMau", errors),
        active=_bool(raw.get("DangApDung"), True, "DangApDung", errors),
    )
    label = f"Thủ tục thứ {number}" + (f" ({code[:80]})" if code else "")
    return (None if errors else data), [f"{label}: {e}" for e in errors]
