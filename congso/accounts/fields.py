from django import forms
from django.utils.translation import gettext_lazy as _

from .validators import normalize_phone


class VietnamesePhoneField(forms.CharField):
    """A mobile number typed as people write it (0912 345 678, +84…); cleans to E.164."""

    def __init__(self, **kwargs):
        kwargs.setdefault("label", _("Số điện thoại di động"))
        kwargs.setdefault("max_length", 20)
        kwargs.setdefault(
            "widget",
            forms.TextInput(attrs={"type": "tel", "autocomplete": "tel", "inputmode": "tel"}),
        )
        kwargs.setdefault("help_text", _("10 chữ số bắt đầu bằng 0, ví dụ 0912345678."))
        super().__init__(**kwargs)

    def clean(self, value):
        value = super().clean(value)
        if value in self.empty_values:
            return value
        return normalize_phone(value)
