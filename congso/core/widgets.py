"""Admin widgets that read Vietnamese."""

from wagtail.admin.widgets import SlugInput

# Wagtail's slug field makes the slug from the title in the browser, transliterating with
# Django's urlify maps, which have no Vietnamese: "Kinh tế số" became "kinh-t-s". These
# formatters run first and fold each Vietnamese letter to its base (the same folding as
# congso.core.text.slugify_vi on the server), and drop combining marks of decomposed input.
_BASES = {
    "a": "àáạảãâầấậẩẫăằắặẳẵ",
    "e": "èéẹẻẽêềếệểễ",
    "i": "ìíịỉĩ",
    "o": "òóọỏõôồốộổỗơờớợởỡ",
    "u": "ùúụủũưừứựửữ",
    "y": "ỳýỵỷỹ",
    "d": "đ",
}
VIETNAMESE_SLUG_FORMATTERS = [
    (f"[{letters}{letters.upper()}]", base) for base, letters in _BASES.items()
] + [(r"[\u0300-\u036f]", "")]


class VietnameseSlugInput(SlugInput):
    def __init__(self, attrs=None, formatters=None, locale=None):
        super().__init__(attrs, formatters or VIETNAMESE_SLUG_FORMATTERS, locale)
