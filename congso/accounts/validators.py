"""Vietnamese phone numbers and citizen ID numbers (CCCD): one place that says what is valid.

Phones are stored in E.164 (`+84912345678`) because allauth looks citizens up by the stored
value; people type them as `0912 345 678`, `0912.345.678` or `+84 912 345 678`, so every input
goes through `normalize_phone` first.
"""

import re

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

# Mobile numbers since the 2018 renumbering: 03x, 05x, 07x, 08x, 09x followed by 7 digits.
_MOBILE = re.compile(r"^0[35789]\d{8}$")
_SEPARATORS = re.compile(r"[\s.\-()]")
_ID_NUMBER = re.compile(r"^\d{12}$")

PHONE_MESSAGE = _(
    "Số điện thoại di động không hợp lệ: nhập 10 chữ số bắt đầu bằng 0 (ví dụ 0912345678) "
    "hoặc dạng +84 (ví dụ +84912345678)."
)
ID_NUMBER_MESSAGE = _("Số định danh cá nhân (CCCD) phải gồm đúng 12 chữ số.")


def normalize_phone(value: str) -> str:
    """`0912 345 678` or `+84912345678` → `+84912345678`; ValidationError otherwise."""
    raw = _SEPARATORS.sub("", str(value or ""))
    if raw.startswith("+84"):
        raw = "0" + raw[3:]
    elif raw.startswith("84") and len(raw) == 11:
        raw = "0" + raw[2:]
    if not _MOBILE.match(raw):
        raise ValidationError(PHONE_MESSAGE, code="invalid_phone")
    return "+84" + raw[1:]


def local_phone(value: str) -> str:
    """`+84912345678` → `0912345678`, the form people read and type."""
    if value and value.startswith("+84"):
        return "0" + value[3:]
    return value or ""


def validate_phone(value: str) -> None:
    normalize_phone(value)


def normalize_id_number(value: str) -> str:
    raw = _SEPARATORS.sub("", str(value or ""))
    if not _ID_NUMBER.match(raw):
        raise ValidationError(ID_NUMBER_MESSAGE, code="invalid_id_number")
    return raw


def validate_id_number(value: str) -> None:
    normalize_id_number(value)


def mask(value: str, keep_start: int = 1, keep_end: int = 2) -> str:
    """`0912345678` → `0xx…xx78`: enough to tell two citizens apart in a list, not to call
    them or to use their ID number."""
    value = value or ""
    if len(value) <= keep_start + keep_end:
        return "…" if value else ""
    return f"{value[:keep_start]}{'x' * 2}…{'x' * 2}{value[-keep_end:]}"
