"""Server-rendered SVG bar charts of the 766 index: no script, scaled to a phone's width, and
each with role="img", a title and a description; the page repeats every number in a table."""

from decimal import Decimal

from django.utils.html import escape
from django.utils.safestring import SafeString

from congso.core.text import format_number
from congso.servicestats.charts import frame

EARNED, REST = "#1d4f91", "#d0d7e2"


def bars(title: str, rows: list[tuple[str, Decimal, Decimal]]) -> SafeString:
    """One bar per row: (label, value, maximum), the earned part dark over the rest."""
    width, label_w, bar_h, gap = 600, 230, 22, 10
    scale = max((float(m) for _, _, m in rows), default=1) or 1
    bar_space = width - label_w - 70
    body, y = [], 0
    for label, value, maximum in rows:
        full = bar_space * float(maximum) / scale
        part = bar_space * float(value) / scale
        short = label if len(label) <= 34 else label[:33] + "…"
        body.append(
            f'<text x="0" y="{y + 16}" font-size="14" fill="#222">{escape(short)}</text>'
            f'<rect x="{label_w}" y="{y}" width="{full:.2f}" height="{bar_h}" fill="{REST}"></rect>'
            f'<rect x="{label_w}" y="{y}" width="{part:.2f}" height="{bar_h}" '
            f'fill="{EARNED}"></rect>'
            f'<text x="{label_w + full + 6:.2f}" y="{y + 16}" font-size="14" fill="#222">'
            f"{escape(format_number(value, 2))}/{escape(format_number(maximum, 0))}</text>"
        )
        y += bar_h + gap
    desc = "; ".join(
        f"{label}: {format_number(value, 2)} trên {format_number(maximum, 2)} điểm"
        for label, value, maximum in rows
    )
    return frame(title, desc or "Không có số liệu", width, max(y, 20), "".join(body))
