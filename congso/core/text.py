"""Vietnamese text utilities shared by slugs, search and display.

Unicode NFD splits a letter from its tone and vowel marks, so dropping combining marks
folds "chuyển đổi số" to "chuyen doi so". Đ/đ is a separate letter, not a letter plus a
mark, so it is mapped explicitly.
"""

import re
import unicodedata
from datetime import datetime

from django.utils import timezone

_D_MAP = str.maketrans({"Đ": "D", "đ": "d", "Ð": "D"})
_SLUG_STRIP = re.compile(r"[^a-z0-9\s-]")
_SLUG_DASH = re.compile(r"[\s_-]+")


def fold(text: str) -> str:
    """Remove Vietnamese diacritics, keeping case: 'Đổi Mới' -> 'Doi Moi'."""
    if not text:
        return ""
    text = unicodedata.normalize("NFD", text.translate(_D_MAP))
    stripped = "".join(ch for ch in text if unicodedata.category(ch) != "Mn")
    return unicodedata.normalize("NFC", stripped)


def normalise(text: str) -> str:
    """NFC-normalise so that composed and decomposed input compare equal."""
    return unicodedata.normalize("NFC", text or "")


def slugify_vi(text: str, max_length: int = 255) -> str:
    """'Chuyển đổi số' -> 'chuyen-doi-so'; never empty for non-empty input of letters."""
    folded = fold(normalise(text)).lower()
    folded = _SLUG_STRIP.sub(" ", folded)
    slug = _SLUG_DASH.sub("-", folded).strip("-")
    return slug[:max_length].rstrip("-")


def format_number(value, decimals: int = 0) -> str:
    """27664046 -> '27.664.046'; 92.5 with decimals=1 -> '92,5'."""
    if value is None or value == "":
        return ""
    try:
        number = float(value)
    except (TypeError, ValueError):
        return str(value)
    negative = number < 0
    text = f"{abs(number):,.{decimals}f}"
    integer, _, fraction = text.partition(".")
    result = integer.replace(",", ".")
    if fraction:
        result += "," + fraction
    return ("-" if negative else "") + result


def format_datetime(value: datetime | None) -> str:
    """'09:04 25/12/2020' in the portal's time zone."""
    if value is None:
        return ""
    if timezone.is_aware(value):
        value = timezone.localtime(value)
    return value.strftime("%H:%M %d/%m/%Y")


def format_date(value) -> str:
    if value is None:
        return ""
    if isinstance(value, datetime) and timezone.is_aware(value):
        value = timezone.localtime(value)
    return value.strftime("%d/%m/%Y")


_WEEKDAYS = ["Thứ Hai", "Thứ Ba", "Thứ Tư", "Thứ Năm", "Thứ Sáu", "Thứ Bảy", "Chủ Nhật"]


def format_long_date(value) -> str:
    """'Thứ Sáu, 25/12/2020', as Vietnamese portals show today's date in the header."""
    if value is None:
        return ""
    if isinstance(value, datetime) and timezone.is_aware(value):
        value = timezone.localtime(value)
    return f"{_WEEKDAYS[value.weekday()]}, {value.strftime('%d/%m/%Y')}"


def excerpt(text: str, limit: int = 200) -> str:
    """Cut at a word boundary and mark the cut with an ellipsis."""
    text = " ".join((text or "").split())
    if len(text) <= limit:
        return text
    cut = text[:limit].rsplit(" ", 1)[0]
    return cut.rstrip(",.;:-–") + "…"


def clean_plain(value: str) -> str:
    """What a reader typed into a public form, as plain text: NFC, line breaks as \\n, no
    control characters (other than line breaks and tabs, they only come from bots or broken
    clients and can corrupt what moderators see), trimmed. Stored as is and escaped on output."""
    value = normalise(value).replace("\r\n", "\n").replace("\r", "\n")
    return "".join(ch for ch in value if ch in "\n\t" or ch.isprintable()).strip()
