from django import template

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
