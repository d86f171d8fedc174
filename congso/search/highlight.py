"""Snippets and highlighting: mark the words that matched, whatever diacritics they carry.

Output is HTML: everything from the page text is escaped, only `<mark>` is added.
"""

import re
from functools import lru_cache

from django.utils.html import escape

from .analysis import clean, fold_same_length


@lru_cache(maxsize=256)
def _pattern(terms: frozenset[str]) -> re.Pattern:
    # Whole syllables only: "so" marks "số" but not the "so" inside "sonla".
    alternatives = "|".join(re.escape(t) for t in sorted(terms, key=len, reverse=True))
    return re.compile(rf"(?<![^\W_])(?:{alternatives})(?![^\W_])")


def _matches(text: str, terms: set[str]) -> list[tuple[int, int]]:
    """Spans of the syllables of `text` whose folded form is one of `terms`. The regex runs
    over a same-length folded copy, so a long body costs one C-level scan, not a Python loop."""
    if not terms:
        return []
    return [m.span() for m in _pattern(frozenset(terms)).finditer(fold_same_length(text))]


def _render(text: str, spans: list[tuple[int, int]], start: int = 0, end: int | None = None) -> str:
    end = len(text) if end is None else end
    out, pos = [], start
    for s, e in spans:
        if s < start or e > end:
            continue
        out.append(escape(text[pos:s]))
        out.append("<mark>" + escape(text[s:e]) + "</mark>")
        pos = e
    out.append(escape(text[pos:end]))
    return "".join(out)


def highlight(text: str, terms: set[str]) -> str:
    text = clean(text)
    return _render(text, _matches(text, terms))


def snippet(text: str, terms: set[str], length: int = 260) -> str:
    """The stretch of `text` (about `length` characters) with the most matched words."""
    text = " ".join(clean(text).split())
    if not text:
        return ""
    spans = _matches(text, terms)
    if len(text) <= length:
        return _render(text, spans)
    best_start, best_count = 0, 0
    right = 0
    for left, (s, _) in enumerate(spans):
        while right < len(spans) and spans[right][1] <= s + length:
            right += 1
        if right - left > best_count:
            best_start, best_count = s, right - left
    start = max(0, best_start - length // 4) if best_count else 0
    if start:
        space = text.rfind(" ", 0, start)
        start = space + 1 if space >= 0 else start
    end = min(len(text), start + length)
    if end < len(text):
        space = text.rfind(" ", start, end)
        end = space if space > start else end
    body = _render(text, spans, start, end)
    return ("…" if start else "") + body + ("…" if end < len(text) else "")
