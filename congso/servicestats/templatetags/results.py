"""Figures as a Vietnamese reader writes them: 27.664.046, 92,50; a dash when there is none."""

from django import template

from congso.core.text import format_number

register = template.Library()


@register.filter
def figure(value) -> str:
    if value is None or value == "":
        return "—"
    if isinstance(value, float):
        return format_number(value, 2)
    return format_number(value)


@register.filter
def field(mapping: dict, name: str):
    return mapping.get(name)
