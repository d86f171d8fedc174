from django import template

from congso.core.text import format_number

register = template.Library()

BADGE_CLASSES = {
    "valid": "ok",
    "untrusted": "warn",
    "modified": "bad",
    "invalid": "bad",
    "error": "bad",
    "pending": "info",
    "unsigned": "none",
    "n/a": "none",
}
BADGE_TEXT = {
    "valid": "Đã ký số — hợp lệ",
    "untrusted": "Chữ ký không xác định được nguồn tin cậy",
    "modified": "Văn bản đã bị thay đổi sau khi ký",
    "invalid": "Chữ ký không hợp lệ",
    "error": "Không đọc được tệp để xác minh",
    "pending": "Đang xác minh chữ ký số",
    "unsigned": "Không có chữ ký số",
    "n/a": "",
}


@register.inclusion_tag("documents/includes/signature_badge.html")
def signature_badge(state):
    return {
        "state": state,
        "css": BADGE_CLASSES.get(state, "none"),
        "text": BADGE_TEXT.get(state, ""),
    }


@register.filter
def vi_filesize(size):
    """1536000 -> '1,5 MB' with the Vietnamese decimal comma."""
    if not size:
        return ""
    if size < 1024 * 1024:
        return f"{format_number(size / 1024, 0)} KB"
    return f"{format_number(size / (1024 * 1024), 1)} MB"


@register.simple_tag
def filter_url(doc_filter, **overrides):
    query = doc_filter.querystring(**overrides)
    return f"?{query}" if query else "?"


@register.filter
def get_item(mapping, key):
    return (mapping or {}).get(key, "")
