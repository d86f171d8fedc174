"""Suggest metadata from a document's text, for the editor to confirm.

Vietnamese administrative documents follow one layout (Nghị định 30/2020/NĐ-CP, Phụ lục I):
issuing agency top left under its parent, "Số: 273/BC-STTTT" below it, the national motto top
right, "Hà Tĩnh, ngày 17 tháng 10 năm 2024" under the motto, the type in capitals above the
title, and the signature block (position in capitals, then the name) at the end. Text extracted
from PDFs interleaves the two columns, so every rule looks for its own pattern, not a position.
"""

from __future__ import annotations

import re
from datetime import date

from congso.core.text import fold

SYMBOL = r"\d{1,5}[a-z]?(?:/\d{4})?\s?/\s?[^\W\d_](?:[^\W_]|&)*(?:-[^\W\d_](?:[^\W_]|&)*)*"
# Case-sensitive on purpose: the header says "Số:", a sentence citing another document "số".
NUMBER_AFTER_SO = re.compile(rf"(?<!\w)S[ốô]\s*(?:hiệu)?\s*[:.]?\s*({SYMBOL})")
BARE_NUMBER = re.compile(rf"(?<![\w/])({SYMBOL})")
LONG_DATE = re.compile(r"ngày\s+(\d{1,2})\s+tháng\s+(\d{1,2})\s+năm\s+(\d{4})", re.IGNORECASE)
HEADER_LONG_DATE = re.compile(
    r",\s*ngày\s+(\d{1,2})\s+tháng\s+(\d{1,2})\s+năm\s+(\d{4})", re.IGNORECASE
)
HEADER_SHORT_DATE = re.compile(r",\s*(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})(?!\d)")
MOTTO = ("cong hoa xa hoi", "doc lap - tu do", "doc lap – tu do", "doc lap-tu do")
AGENCY_START = (
    "so ",
    "uy ban",
    "ubnd",
    "hoi dong",
    "hdnd",
    "bo ",
    "chinh phu",
    "quoc hoi",
    "thu tuong",
    "van phong",
    "ban ",
    "phong ",
    "cuc ",
    "tong cuc",
    "trung tam",
    "thanh tra",
    "chi cuc",
    "toa an",
    "vien kiem sat",
)
POSITION_WORDS = (
    "giam doc",
    "chu tich",
    "truong",
    "chanh",
    "thu ky",
    "kt.",
    "tm.",
    "tl.",
    "tuq.",
    "q.",
    "pho ",
    "uy vien",
    "bi thu",
)
SIGNATURE_NOISE = re.compile(r"^\s*(\d{4}-\d{2}-\d{2}T|\S+@\S+|ký bởi|signed by)", re.IGNORECASE)

TYPE_NAMES = [
    "Luật",
    "Nghị định",
    "Nghị quyết",
    "Quyết định",
    "Thông tư",
    "Chỉ thị",
    "Kế hoạch",
    "Báo cáo",
    "Thông báo",
    "Tờ trình",
    "Chương trình",
    "Hướng dẫn",
    "Công điện",
    "Giấy mời",
]
TYPE_CODES = {
    "NĐ": "Nghị định",
    "NQ": "Nghị quyết",
    "QĐ": "Quyết định",
    "TT": "Thông tư",
    "CT": "Chỉ thị",
    "KH": "Kế hoạch",
    "BC": "Báo cáo",
    "TB": "Thông báo",
    "TTR": "Tờ trình",
    "CTR": "Chương trình",
    "HD": "Hướng dẫn",
    "CĐ": "Công điện",
    "GM": "Giấy mời",
}


def _lines(text: str) -> list[str]:
    return [" ".join(line.split()) for line in text.splitlines() if line.strip()]


def _is_upper(line: str) -> bool:
    letters = [c for c in line if c.isalpha()]
    return bool(letters) and all(c.isupper() for c in letters)


def suggest(text: str) -> dict:
    """{'number', 'type', 'issue_date' (ISO), 'agency', 'signer_position', 'signer_name'}."""
    lines = _lines(text)
    head = lines[:40]
    number = suggest_number(head)
    signer_position, signer_name = suggest_signer(lines)
    issue_date = suggest_date(head)
    return {
        "number": number,
        "type": suggest_type(head, number),
        "issue_date": issue_date.isoformat() if issue_date else "",
        "agency": suggest_agency(head),
        "signer_position": signer_position,
        "signer_name": signer_name,
    }


def _clean_number(raw: str) -> str:
    return re.sub(r"\s*/\s*", "/", raw).rstrip(".")


def suggest_number(head: list[str]) -> str:
    for line in head:
        match = NUMBER_AFTER_SO.search(line)
        if match:
            return _clean_number(match.group(1))
    # Without "Số:", only a header line that is little more than the symbol counts: numbers of
    # other documents cited in the body ("Văn bản số 3443/SKHĐT-TH") must not be taken.
    for line in head[:15]:
        match = BARE_NUMBER.search(line)
        if match and len(line) <= len(match.group(1)) + 12:
            return _clean_number(match.group(1))
    return ""


def suggest_date(head: list[str]) -> date | None:
    """The header date follows the place and a comma ("Hà Tĩnh, ngày 17 tháng 10 năm 2024" or
    "Hà Tĩnh, 17/10/2024"); dates inside the body ("Căn cứ Luật … ngày 19 tháng 6 năm 2015")
    belong to other documents and are a last resort."""
    for line in head:
        for match in HEADER_LONG_DATE.finditer(line):
            value = _date(*match.groups())
            if value:
                return value
    for line in head[:15]:
        if len(line) > 45:
            continue
        for match in HEADER_SHORT_DATE.finditer(line):
            value = _date(*match.groups())
            if value:
                return value
    for line in head:
        if fold(line).lower().startswith(("can cu", "thuc hien", "ngay")):
            continue
        for match in LONG_DATE.finditer(line):
            value = _date(*match.groups())
            if value:
                return value
    return None


def _date(day: str, month: str, year: str) -> date | None:
    try:
        return date(int(year), int(month), int(day))
    except ValueError:
        return None


def suggest_type(head: list[str], number: str) -> str:
    by_fold = {fold(name).upper(): name for name in TYPE_NAMES}
    for line in head:
        if not _is_upper(line):
            continue
        key = fold(line).upper().strip(" .:")
        if key in by_fold:
            return by_fold[key]
    if number and "/" in number:
        code = number.split("/")[-1].split("-")[0].upper()
        if code in TYPE_CODES:
            return TYPE_CODES[code]
        # A symbol with only the agency part (3443/SKHĐT-TH) is an official letter.
        return "Công văn"
    for line in head:
        if fold(line).lower().startswith("v/v"):
            return "Công văn"
    return ""


def suggest_agency(head: list[str]) -> str:
    """The issuing agency is the last capitalised agency line above the number (the first one is
    its parent: 'UBND TỈNH HÀ TĨNH' above 'SỞ THÔNG TIN VÀ TRUYỀN THÔNG')."""
    candidates = []
    for line in head[:12]:
        if NUMBER_AFTER_SO.search(line) or LONG_DATE.search(line):
            break
        # Two-column headers come out as one line: "UBND TỈNH HÀ TĨNH CỘNG HÒA …".
        for motto in ("CỘNG HÒA", "CỘNG HOÀ", "ĐỘC LẬP", "Độc lập"):
            if motto in line:
                line = line.split(motto)[0].strip()
        folded = fold(line).lower()
        if not line or any(m in folded for m in MOTTO) or not _is_upper(line):
            continue
        if folded.startswith(AGENCY_START):
            candidates.append(line.strip(" -–"))
        elif candidates and len(candidates[-1]) < 60:
            # A long agency name wrapped over two lines.
            if not any(folded.startswith(t) for t in (fold(n).lower() for n in TYPE_NAMES)):
                candidates[-1] = f"{candidates[-1]} {line}"
    return candidates[-1] if candidates else ""


def _looks_like_name(line: str) -> bool:
    words = line.split()
    if not 2 <= len(words) <= 6 or _is_upper(line):
        return False
    return all(w[0].isupper() and w.replace("-", "").isalpha() for w in words)


def _upper_tail(line: str) -> str:
    """'Nơi nhận: GIÁM ĐỐC' -> 'GIÁM ĐỐC': the right column of a two-column signature block."""
    words = line.split()
    tail = []
    for word in reversed(words):
        if _is_upper(word):
            tail.insert(0, word)
        else:
            break
    return " ".join(tail)


def suggest_signer(lines: list[str]) -> tuple[str, str]:
    tail = [line for line in lines[-30:] if not SIGNATURE_NOISE.match(line)]
    for i in range(len(tail) - 1, -1, -1):
        if not _looks_like_name(tail[i]):
            continue
        position = []
        j = i - 1
        while j >= 0 and len(position) < 3:
            line = tail[j] if _is_upper(tail[j]) else _upper_tail(tail[j])
            folded = fold(line).lower()
            if line and any(w in folded for w in POSITION_WORDS):
                position.insert(0, line)
            elif position:
                break
            j -= 1
        if position:
            return " — ".join(position), tail[i]
    return "", ""
