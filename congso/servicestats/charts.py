"""Small server-rendered SVG charts: no script, readable on a phone, and accessible — each has
role="img" with a title and a description, and the page puts its numbers in a real table next
to it (a chart is never the only place a figure is).

Colours are the portal's blue and two colours that keep a 3:1 contrast against white and are
told apart by position and legend text too, not by colour alone.
"""

from dataclasses import dataclass
from itertools import count

from django.utils.html import escape, format_html
from django.utils.safestring import SafeString, mark_safe

from congso.core.text import format_number

EARLY, ON_TIME, LATE = "#1b7f3b", "#1d4f91", "#b3261e"
RECEIVED, SETTLED = "#1d4f91", "#8a5a00"
_ids = count(1)


@dataclass(frozen=True)
class Part:
    label: str
    value: int
    colour: str


def frame(title: str, desc: str, width: int, height: int, body: str) -> SafeString:
    """The accessible <svg> around a chart's `body` (already escaped): shared by every chart of
    the public pages (results, Decision 766), with ids unique within the process."""
    n = next(_ids)
    return format_html(
        '<svg class="chart" viewBox="0 0 {w} {h}" width="100%" role="img" '
        'aria-labelledby="chart-t{n} chart-d{n}" xmlns="http://www.w3.org/2000/svg">'
        '<title id="chart-t{n}">{title}</title><desc id="chart-d{n}">{desc}</desc>{body}</svg>',
        w=width,
        h=height,
        n=n,
        title=title,
        desc=desc,
        body=mark_safe(body),  # noqa: S308 — built by the callers from escaped parts only
    )


def proportion_bar(title: str, parts: list[Part]) -> SafeString:
    """One horizontal bar split by share (early / on time / late), with a legend under it."""
    total = sum(p.value for p in parts)
    width, bar_h = 600, 36
    desc = "; ".join(
        f"{p.label}: {format_number(p.value)}"
        + (f" ({format_number(p.value * 100 / total, 1)}%)" if total else "")
        for p in parts
    )
    pieces, x = [], 0.0
    if total:
        for p in parts:
            w = width * p.value / total
            if w:
                pieces.append(
                    f'<rect x="{x:.2f}" y="0" width="{w:.2f}" height="{bar_h}" '
                    f'fill="{p.colour}"></rect>'
                )
            x += w
    else:
        pieces.append(f'<rect x="0" y="0" width="{width}" height="{bar_h}" fill="#e6e6e6"></rect>')
        pieces.append(
            f'<text x="{width / 2}" y="{bar_h / 2 + 6}" text-anchor="middle" font-size="20" '
            f'fill="#333">{escape("Chưa có hồ sơ đã giải quyết")}</text>'
        )
    # Text sizes are in viewBox units: at 375 px the chart is drawn at about half size.
    legend_y = bar_h + 34
    slot = width / max(len(parts), 1)
    for i, p in enumerate(parts):
        lx = i * slot
        share = f" {format_number(p.value * 100 / total, 1)}%" if total else ""
        pieces.append(
            f'<rect x="{lx:.2f}" y="{legend_y - 17}" width="18" height="18" fill="{p.colour}">'
            "</rect>"
            f'<text x="{lx + 24:.2f}" y="{legend_y}" font-size="20" fill="#222">'
            f"{escape(p.label)}{escape(share)}</text>"
        )
    return frame(title, desc, width, legend_y + 12, "".join(pieces))


def month_bars(title: str, months: list[tuple[str, int, int]]) -> SafeString:
    """Received and settled per month as pairs of vertical bars: (label, received, settled)."""
    width, height, top, bottom, left = 600, 280, 26, 56, 8
    plot_h = height - top - bottom
    peak = max([max(r, s) for _, r, s in months] + [1])
    slot = (width - left) / max(len(months), 1)
    bar_w = min(28.0, slot * 0.38)
    desc = "; ".join(
        f"{label}: tiếp nhận {format_number(r)}, đã giải quyết {format_number(s)}"
        for label, r, s in months
    )
    pieces = [
        f'<line x1="{left}" y1="{top + plot_h}" x2="{width}" y2="{top + plot_h}" '
        'stroke="#767676"></line>'
    ]
    for i, (label, received, settled) in enumerate(months):
        centre = left + slot * i + slot / 2
        for value, colour, dx in ((received, RECEIVED, -bar_w), (settled, SETTLED, 0.0)):
            h = plot_h * value / peak
            pieces.append(
                f'<rect x="{centre + dx:.2f}" y="{top + plot_h - h:.2f}" width="{bar_w:.2f}" '
                f'height="{h:.2f}" fill="{colour}"></rect>'
            )
            if value and len(months) <= 6:
                pieces.append(
                    f'<text x="{centre + dx + bar_w / 2:.2f}" y="{top + plot_h - h - 4:.2f}" '
                    f'text-anchor="middle" font-size="17" fill="#222">'
                    f"{escape(format_number(value))}</text>"
                )
        pieces.append(
            f'<text x="{centre:.2f}" y="{top + plot_h + 22}" text-anchor="middle" '
            f'font-size="18" fill="#222">{escape(label)}</text>'
        )
    legend_y = height - 4
    for i, (name, colour) in enumerate((("Tiếp nhận", RECEIVED), ("Đã giải quyết", SETTLED))):
        lx = left + i * 220
        pieces.append(
            f'<rect x="{lx}" y="{legend_y - 17}" width="18" height="18" fill="{colour}"></rect>'
            f'<text x="{lx + 24}" y="{legend_y}" font-size="21" fill="#222">{escape(name)}</text>'
        )
    return frame(title, desc, width, height + 8, "".join(pieces))
