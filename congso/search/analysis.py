"""Vietnamese text analysis shared by every backend: the same tokens go into SQLite FTS5,
PostgreSQL and (later) OpenSearch, so matching behaves the same whatever stores the index.

Index side: every syllable is folded (no diacritics, đ -> d, lower case). Words joined by
`& / . -` ("TT&TT", "81/2004", "968.395", "KT-XH") are indexed both as their parts, so that
phrase queries find them, and as one joined token ("tttt", "812004"), so that people who type
them without the separator find them too. Adjacent syllables also give a bigram token
("chuyendoi"), because Vietnamese words are mostly two syllables and a document that has them
side by side should outrank one that has them pages apart. Syllables written with diacritics
are kept as they are in an `exact` stream so that a query typed with diacritics ranks exact
matches above folded ones ("bạn" before "bản").

Query side: the text is cleaned (control characters, NUL, over-long input), quoted phrases
are kept together, and each word becomes a group of alternatives (the abbreviation dictionary
adds "cntt" to "công nghệ thông tin" and the other way round). Backends AND the groups and
OR the alternatives; they never see raw user text, so FTS syntax in a query is just text.
"""

import json
import re
import unicodedata
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from congso.core.text import fold

MAX_QUERY_CHARS = 200
MAX_GROUPS = 10
MAX_TOKEN_CHARS = 60

# A "word": letters/digits, optionally joined by & / . - without spaces (codes, abbreviations).
_WORD = re.compile(r"[^\W_]+(?:[&/.\-][^\W_]+)*")
_PART = re.compile(r"[^\W_]+")
_QUOTES = str.maketrans({"“": '"', "”": '"', "„": '"', "«": '"', "»": '"'})


# Control and invisible format characters (NUL included) and lone surrogates.
_CONTROL = re.compile(
    "[\x00-\x1f\x7f-\x9f\u00ad\u200b-\u200f\u202a-\u202e\u2060-\u206f\ufeff\ud800-\udfff]"
)


def clean(text: str) -> str:
    """NFC, with control/format characters and surrogates turned into spaces."""
    return _CONTROL.sub(" ", unicodedata.normalize("NFC", text or ""))


# Vietnamese has a few thousand distinct syllables: folding each once makes indexing fast.
fold_token = lru_cache(maxsize=100_000)(fold)


def fold_lower(text: str) -> str:
    return fold(text).lower()


def _fold_table() -> dict[int, str]:
    table = {}
    for code in [*range(0x41, 0x2000), *range(0x1E00, 0x1F00)]:
        char = chr(code)
        folded = fold(char.lower())
        if len(folded) == 1 and folded != char:
            table[code] = folded
    return table


_FOLD_TABLE = _fold_table()


def fold_same_length(text: str) -> str:
    """Lower case without diacritics, one character for one, so that positions found in the
    result are positions in `text` (for highlighting). Expects NFC text (see `clean`)."""
    return text.translate(_FOLD_TABLE)


def title_tokens(text: str) -> list[str]:
    """The folded syllables of a short text: what `analyse(...).tokens` gives, much faster."""
    return [fold_token(t[:MAX_TOKEN_CHARS]) for t in _PART.findall(clean(text).lower())]


def exact_syllables(text: str) -> set[str]:
    return {t for t in _PART.findall(clean(text).lower()) if not t.isascii()}


def _parts(word: str) -> list[str]:
    return [p[:MAX_TOKEN_CHARS] for p in _PART.findall(word)]


@dataclass
class Analysed:
    """Token streams for one field."""

    tokens: list[str] = field(default_factory=list)  # folded syllables, in order
    extra: list[str] = field(default_factory=list)  # joined compounds and bigrams
    exact: set[str] = field(default_factory=set)  # syllables that carry diacritics, as written


_COMPOUND = re.compile(r"[^\W_]+(?:[&/.\-][^\W_]+)+")


def analyse(text: str, bigrams: bool = True) -> Analysed:
    lowered = clean(text).lower()
    exact_tokens = [t[:MAX_TOKEN_CHARS] for t in _PART.findall(lowered)]
    tokens = list(map(fold_token, exact_tokens))
    result = Analysed(tokens=tokens, exact={t for t in exact_tokens if not t.isascii()})
    result.extra = [
        "".join(map(fold_token, _PART.findall(c)))[:MAX_TOKEN_CHARS]
        for c in _COMPOUND.findall(lowered)
    ]
    if bigrams:
        result.extra.extend(
            [(a + b)[:MAX_TOKEN_CHARS] for a, b in zip(tokens, tokens[1:], strict=False)]
        )
    return result


def _key(text: str) -> str:
    return "".join(_PART.findall(fold_lower(clean(text))))


@lru_cache(maxsize=1)
def dictionary() -> tuple[dict[str, list[tuple[str, ...]]], dict[tuple[str, ...], str]]:
    """(abbreviation key -> expansions as token tuples, expansion tokens -> abbreviation key)."""
    raw = json.loads((Path(__file__).with_name("abbreviations.json")).read_text("utf-8"))
    forward: dict[str, list[tuple[str, ...]]] = {}
    backward: dict[tuple[str, ...], str] = {}
    for abbr, expansions in raw.items():
        if abbr.startswith("_"):
            continue
        key = _key(abbr)
        for expansion in expansions:
            tokens = tuple(fold(p) for p in _parts(clean(expansion).lower()))
            forward.setdefault(key, [])
            if tokens not in forward[key]:
                forward[key].append(tokens)
            backward.setdefault(tokens, key)
    return forward, backward


@dataclass(frozen=True)
class Group:
    """One required element of a query: any of its alternatives (a token or a phrase)."""

    alternatives: tuple[tuple[str, ...], ...]
    compound: bool = (
        False  # a code or number as written ("81/2004"): matches in number/symbol weigh most
    )


@dataclass
class ParsedQuery:
    text: str = ""
    groups: list[Group] = field(default_factory=list)
    bigrams: list[str] = field(default_factory=list)
    exact: list[str] = field(default_factory=list)
    sequence: tuple[str, ...] = ()  # folded tokens in typed order, for phrase boosts
    truncated: bool = False

    @property
    def is_empty(self) -> bool:
        return not self.groups

    def highlight_terms(self) -> set[str]:
        """What the reader typed, plus dictionary expansions minus their small words ('và')."""
        terms = set()
        for group in self.groups:
            terms.update(group.alternatives[0])
            for alt in group.alternatives[1:]:
                terms.update(tok for tok in alt if len(alt) == 1 or len(tok) > 2)
        return terms


def _word_groups(exact_parts: list[str]) -> Group:
    parts = tuple(fold(p) for p in exact_parts)
    forward, _ = dictionary()
    alternatives: list[tuple[str, ...]] = [parts]
    joined = "".join(parts)[:MAX_TOKEN_CHARS]
    if len(parts) > 1:
        alternatives.append((joined,))
    for expansion in forward.get(joined, []):
        if expansion not in alternatives:
            alternatives.append(expansion)
    return Group(tuple(alternatives), compound=len(parts) > 1 or any(c.isdigit() for c in joined))


def _collapse_expansions(groups: list[Group]) -> list[Group]:
    """'công nghệ thông tin' typed in full also finds 'CNTT': merge the words into one group.

    Overlapping matches keep the shortest expansion ('Sở Thông tin và Truyền thông' becomes
    'Sở' + 'thông tin và truyền thông | TT&TT'), since documents abbreviate the common core."""
    _, backward = dictionary()
    singles = [
        g.alternatives[0][0] if len(g.alternatives) == 1 and len(g.alternatives[0]) == 1 else None
        for g in groups
    ]
    matches = []
    for tokens, key in backward.items():
        n = len(tokens)
        for start in range(len(singles) - n + 1):
            if tuple(singles[start : start + n]) == tokens:
                matches.append((n, start, key, tokens))
    matches.sort()
    taken: set[int] = set()
    chosen = {}
    for n, start, key, tokens in matches:
        span = set(range(start, start + n))
        if n > 1 and not span & taken:
            taken |= span
            chosen[start] = (n, key, tokens)
    out, i = [], 0
    while i < len(groups):
        if i in chosen:
            n, key, tokens = chosen[i]
            forward, _ = dictionary()
            alts = [tokens, (key,)] + [e for e in forward.get(key, []) if e != tokens]
            out.append(Group(tuple(alts)))
            i += n
        else:
            out.append(groups[i])
            i += 1
    return out


def parse_query(raw: str | None) -> ParsedQuery:
    text = " ".join(clean(raw or "").split())
    truncated = len(text) > MAX_QUERY_CHARS
    text = text[:MAX_QUERY_CHARS]
    query = ParsedQuery(text=text, truncated=truncated)
    pieces = text.translate(_QUOTES).split('"')
    # An odd number of quotes leaves the last one unbalanced: treat its text as plain words.
    quoted_indexes = set(range(1, len(pieces) - (0 if len(pieces) % 2 else 1), 2))
    groups: list[Group] = []
    pending: list[Group] = []
    for index, piece in enumerate(pieces):
        words = [_parts(m.group()) for m in _WORD.finditer(piece.lower())]
        words = [w for w in words if w]
        for word in words:
            query.exact.extend(p for p in word if fold(p) != p)
            query.sequence += tuple(fold(p) for p in word)
        if index in quoted_indexes:
            phrase = tuple(fold(p) for w in words for p in w)
            if phrase:
                groups.extend(_collapse_expansions(pending))
                pending = []
                groups.append(Group((phrase,)))
        else:
            pending.extend(_word_groups(w) for w in words)
    groups.extend(_collapse_expansions(pending))
    # Repeated words add nothing to an AND query.
    seen, unique = set(), []
    for group in groups:
        if group.alternatives not in seen:
            seen.add(group.alternatives)
            unique.append(group)
    query.groups = unique[:MAX_GROUPS]
    seq = query.sequence
    query.bigrams = list(
        dict.fromkeys((a + b)[:MAX_TOKEN_CHARS] for a, b in zip(seq, seq[1:], strict=False))
    )[:MAX_GROUPS]
    query.exact = list(dict.fromkeys(query.exact))[:MAX_GROUPS]
    return query
