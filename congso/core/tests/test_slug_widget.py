"""The admin's slug field folds Vietnamese letters as the server's slugify_vi does."""

import json
import re
import unicodedata

import pytest

from congso.core.text import slugify_vi
from congso.core.widgets import VIETNAMESE_SLUG_FORMATTERS, VietnameseSlugInput


def browser_urlify(title: str) -> str:
    """What Wagtail's w-slug#urlify does with the formatters (ASCII slugs): format, lowercase,
    drop what is not a word character, hyphen or space, then join with hyphens."""
    for pattern, replacement in VIETNAMESE_SLUG_FORMATTERS:
        title = re.sub(pattern, replacement, title)
    value = re.sub(r"[^-\w\s]", "", title.lower(), flags=re.ASCII)
    return re.sub(r"[-\s]+", "-", value.strip()).rstrip("-")


@pytest.mark.parametrize(
    "title",
    [
        "Kinh tế số",
        "Chuyển đổi số",
        "Đường dây nóng Ủy ban nhân dân tỉnh",
        "Thông báo về việc ứng dụng dịch vụ công trực tuyến",
        "Kỳ họp thứ ỨC ỀỄỆ ỠỢ",
        unicodedata.normalize("NFD", "Kinh tế số"),  # typed with combining marks
    ],
)
def test_the_browser_makes_the_slug_the_server_would(title):
    assert browser_urlify(title) == slugify_vi(title)


def test_page_forms_use_the_vietnamese_slug_input(db):
    from congso.news.models import NewsIndexPage

    form_class = NewsIndexPage.get_edit_handler().get_form_class()
    widget = form_class.base_fields["slug"].widget
    assert isinstance(widget, VietnameseSlugInput)
    formatters = json.loads(widget.attrs["data-w-slug-formatters-value"])
    assert ["[àáạảãâầấậẩẫăằắặẳẵÀÁẠẢÃÂẦẤẬẨẪĂẰẮẶẲẴ]", "gu"] in [f[0] for f in formatters]
