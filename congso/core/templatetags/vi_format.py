from datetime import date, datetime

from django import template
from django.utils import timezone

from congso.core import text

register = template.Library()


@register.filter
def vi_number(value, decimals=0):
    return text.format_number(value, int(decimals))


@register.filter
def vi_datetime(value):
    return text.format_datetime(value)


@register.filter
def vi_date(value):
    return text.format_date(value)


@register.filter
def vi_long_date(value):
    return text.format_long_date(value)


@register.filter
def machine_time(value):
    """The value of a `<time datetime>` attribute: whole seconds at most, in the portal's time
    zone with its offset ('2026-12-01T17:54:26+07:00'); a date alone as '2026-12-01'.

    HTML allows at most three digits of a second's fraction, and Django's `date:'c'` writes six;
    every template writes this attribute through this filter."""
    if value in (None, ""):
        return ""
    if isinstance(value, datetime):
        if timezone.is_aware(value):
            value = timezone.localtime(value)
        return value.replace(microsecond=0).isoformat()
    if isinstance(value, date):
        return value.isoformat()
    return ""


@register.filter
def tel_uri(value):
    """A `tel:` link for a phone number as people write it ('0239 3 855 555'): the URI allows
    no spaces, so only digits, '+' and the visual separators RFC 3966 permits are kept."""
    number = "".join(ch for ch in str(value or "") if ch.isdigit() or ch in "+-.()")
    return f"tel:{number}" if number else ""
