"""Money in đồng as editors write it on paper: "1.250.000.000" (dots group thousands).

A plain IntegerField refuses the dots and answers in Django's words; an amount typed below zero
must be refused in Vietnamese before anything is saved."""

import re

from django import forms
from django.core.validators import MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from congso.core.text import format_number

NEGATIVE = _("Số tiền không được âm.")
NOT_A_NUMBER = _(
    "Số tiền chỉ gồm chữ số (đồng), có thể viết dấu chấm ngăn hàng nghìn: 1.250.000.000."
)
GROUPING = re.compile(r"[.\s ]")


class VndAmountFormField(forms.CharField):
    def __init__(self, *args, **kwargs):
        kwargs.pop("max_length", None)
        kwargs.setdefault("widget", forms.TextInput(attrs={"inputmode": "numeric"}))
        super().__init__(*args, **kwargs)

    def prepare_value(self, value):
        if isinstance(value, int):
            return format_number(value)
        return value

    def to_python(self, value):
        text = GROUPING.sub("", super().to_python(value) or "")
        if not text:
            return None
        if not re.fullmatch(r"-?\d{1,18}", text):
            raise forms.ValidationError(NOT_A_NUMBER, code="invalid")
        amount = int(text)
        if amount < 0:
            raise forms.ValidationError(NEGATIVE, code="min_value")
        return amount


class VndAmountField(models.BigIntegerField):
    """An amount in Vietnamese đồng, never negative, shown and typed as 27.664.046."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("validators", [MinValueValidator(0, message=NEGATIVE)])
        super().__init__(*args, **kwargs)

    def deconstruct(self):
        name, path, args, kwargs = super().deconstruct()
        kwargs.pop("validators", None)
        return name, path, args, kwargs

    def formfield(self, **kwargs):
        kwargs["form_class"] = VndAmountFormField
        kwargs.pop("min_value", None)
        kwargs.pop("max_value", None)
        return models.Field.formfield(self, **kwargs)
