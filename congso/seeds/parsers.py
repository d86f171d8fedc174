"""Read the seed texts by their structure, never by their content.

The seeds are plain-text captures of portal pages and of a signed report. What they share:
- an image is a line holding only a file name (``Anh-1.jpg``); the text line right after it
  (or, after a blank line, a short line) is its caption; several image lines share one caption;
- a line of headlines separated by ``|`` is the portal's ticker;
- ``HH:MM DD/MM/YYYY`` on its own line is the publish time, ``date YYYY-MM Title`` a dated title;
- a short line at the very top is the category;
- an upper-case name line followed by a short line is a byline with the author's position,
  a short last line alone is a byline without one ("H.A");
- "Đọc thêm" starts the related list: each title (repeated, as the portal prints it as image
  alt and link) followed by its summary;
- the page's chrome (comment form, statistics) ends the article;
- a report starts with its type in capitals (BÁO CÁO) or has a "Nơi nhận:" block, and ends
  with the signature block and the digital-signature timestamps.
Nothing here touches the database, so every rule is unit-tested on small fixtures.
"""

from dataclasses import dataclass, field
from datetime import datetime

from congso.seeds.lines import (
    CHROME_MARKERS,
    DATED_TITLE_RE,
    DATETIME_RE,
    DAY_MONTH_RE,
    ORPHAN_CAPTION_MAX_WORDS,
    RELATED_HEADINGS,
    TITLE_MAX_CHARS,
    clean,
    derive_title,
    is_image,
    is_terminal,
    is_ticker,
    is_upper_name,
    normalise_person,
    split_ticker,
    words,
)
from congso.seeds.signed_reports import ParsedReport, is_report, parse_report


@dataclass
class ImageRef:
    filename: str
    caption: str = ""


@dataclass
class BodyItem:
    """One body element in reading order: paragraph, heading, image or orphan caption."""

    kind: str
    text: str = ""
    image: ImageRef | None = None
    show_caption: bool = True


@dataclass
class RelatedEntry:
    title: str
    sapo: str = ""


@dataclass
class ParsedArticle:
    name: str
    title: str
    title_derived: bool = False
    sapo: str = ""
    category: str = ""
    date: datetime | None = None
    date_precision: str = ""  # "minute", "day" or "month"
    hero: ImageRef | None = None
    body: list[BodyItem] = field(default_factory=list)
    author: str = ""
    author_position: str = ""
    related: list[RelatedEntry] = field(default_factory=list)
    ticker: list[str] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)


def parse_seed(text: str, name: str = "") -> "ParsedArticle | ParsedReport | None":
    """None for an empty seed or one with no readable article in it."""
    if not clean(text).strip():
        return None
    if is_report(text):
        return parse_report(text, name)
    return parse_article(text, name)


# ---------------------------------------------------------------- articles


def _blocks(lines: list[str]) -> list[tuple[int, list[str]]]:
    """Groups of consecutive non-blank lines, each with the number of blank lines before it."""
    blocks, current, blanks = [], [], 0
    for raw in lines:
        line = raw.strip()
        if not line:
            if current:
                blocks.append((blanks, current))
                current, blanks = [], 0
            blanks += 1
            continue
        current.append(line)
    if current:
        blocks.append((blanks, current))
    return blocks


def _cut_chrome(lines: list[str]) -> list[str]:
    for index, line in enumerate(lines):
        if line.strip().lower().startswith(CHROME_MARKERS):
            return lines[:index]
    return lines


def _split_related(lines: list[str]) -> tuple[list[str], list[str]]:
    for index, line in enumerate(lines):
        if line.strip().lower() in RELATED_HEADINGS:
            return lines[:index], lines[index + 1 :]
    return lines, []


def parse_related(lines: list[str]) -> list[RelatedEntry]:
    """Titles are printed twice by the portal (image alt and link); summaries follow them."""
    items = [" ".join(line.split()) for line in lines if line.strip()]
    doubled = any(a == b for a, b in zip(items, items[1:], strict=False))

    def starts_entry(i: int) -> bool:
        if doubled:
            return i + 1 < len(items) and items[i + 1] == items[i]
        return words(items[i]) <= 25 and not items[i].endswith(".")

    entries: list[RelatedEntry] = []
    i = 0
    while i < len(items):
        title = items[i]
        i += 2 if doubled and i + 1 < len(items) and items[i + 1] == title else 1
        summary = []
        while i < len(items) and not starts_entry(i):
            summary.append(items[i])
            i += 1
        entries.append(RelatedEntry(title=title, sapo=" ".join(summary)))
    return entries


def _read_preamble(article: ParsedArticle, blocks: list[tuple[int, list[str]]]) -> int:
    """Category, ticker, title and date before the first paragraph; returns blocks consumed."""
    consumed = 0
    for _, lines in blocks:
        line = lines[0]
        if len(lines) > 1 and not is_ticker(line):
            break
        dated = DATED_TITLE_RE.match(line)
        stamp = DATETIME_RE.match(line)
        if is_ticker(line):
            article.ticker = split_ticker(line)
        elif dated:
            year, month, day, title = dated.groups()
            article.date = datetime(int(year), int(month), int(day or 1))
            article.date_precision = "day" if day else "month"
            article.title = " ".join(title.split())
        elif stamp:
            hour, minute, day, month, year = map(int, stamp.groups())
            article.date = datetime(year, month, day, hour, minute)
            article.date_precision = "minute"
        elif is_image(line) or is_terminal(line):
            break
        elif not article.category and not article.title and words(line) <= 4:
            article.category = line
        elif not article.title and words(line) <= 30:
            article.title = " ".join(line.split())
        else:
            break
        consumed += 1
    return consumed


def _read_byline(article: ParsedArticle, blocks: list[tuple[int, list[str]]]) -> None:
    lines = [line for _, block in blocks[-2:] for line in block]
    if len(lines) >= 2 and is_upper_name(lines[-2]) and words(lines[-1]) <= 10:
        if not is_terminal(lines[-1]):
            article.author = normalise_person(lines[-2])
            article.author_position = " ".join(lines[-1].split())
            _drop_lines(blocks, 2)
            return
    last = blocks[-1][1] if blocks else []
    if (
        len(last) == 1
        and words(last[0]) <= 4
        and not is_terminal(last[0])
        and not is_image(last[0])
    ):
        article.author = normalise_person(last[0])
        blocks.pop()


def _drop_lines(blocks: list[tuple[int, list[str]]], count: int) -> None:
    while count and blocks:
        blanks, lines = blocks[-1]
        take = min(count, len(lines))
        count -= take
        if take == len(lines):
            blocks.pop()
        else:
            blocks[-1] = (blanks, lines[:-take])


def _is_noise(line: str) -> bool:
    """Leftovers of the page capture: a lone '.', a banner name like 'Thanh 1'."""
    stripped = line.strip(" .…-–")
    return not stripped or (words(line) <= 2 and not is_terminal(line))


def _read_body(article: ParsedArticle, blocks: list[tuple[int, list[str]]]) -> None:
    items: list[BodyItem] = []
    pending: list[ImageRef] = []

    def flush(caption: str = "") -> None:
        for position, ref in enumerate(pending):
            ref.caption = caption
            last = position == len(pending) - 1
            items.append(BodyItem(kind="image", image=ref, show_caption=last))
        pending.clear()

    for blanks, lines in blocks:
        if pending and not is_image(lines[0]):
            short = len(lines) == 1 and words(lines[0]) <= 35
            if short and items and any(i.kind != "image" for i in items):
                flush(lines[0])
                continue
            flush()
        for line in lines:
            if is_image(line):
                pending.append(ImageRef(filename=line.strip()))
            elif pending:
                flush(" ".join(line.split()))
            elif _is_noise(line):
                article.skipped.append(line)
            elif len(lines) == 1 and blanks >= 2 and words(line) <= ORPHAN_CAPTION_MAX_WORDS:
                items.append(BodyItem(kind="caption", text=line))
            elif (
                len(lines) == 1
                and len(line) <= TITLE_MAX_CHARS
                and words(line) >= 4
                and not is_terminal(line)
                and not line.startswith(("...", "…"))
                and items
            ):
                items.append(BodyItem(kind="heading", text=line))
            else:
                items.append(BodyItem(kind="paragraph", text=" ".join(line.split())))
    flush()
    # An image before any text is the article's hero image; the first paragraph is the sapo.
    if items and items[0].kind == "image":
        article.hero = items.pop(0).image
    for index, item in enumerate(items):
        if item.kind == "paragraph":
            article.sapo = item.text
            del items[index]
            break
    article.body = items


def _date_from_lead(article: ParsedArticle) -> None:
    """'date 2020-07' plus 'Sáng 13/7' in the lead gives the day; nothing else is guessed."""
    if article.date_precision != "month" or article.date is None:
        return
    texts = [article.sapo] + [item.text for item in article.body[:3]]
    for text in texts:
        for day, month in DAY_MONTH_RE.findall(text or ""):
            if int(month) == article.date.month and 1 <= int(day) <= 31:
                try:
                    article.date = article.date.replace(day=int(day))
                except ValueError:
                    continue
                article.date_precision = "day"
                return


def parse_article(text: str, name: str = "") -> ParsedArticle | None:
    lines = _cut_chrome(clean(text).split("\n"))
    main, related = _split_related(lines)
    article = ParsedArticle(name=name, title="")
    article.related = parse_related(related)
    blocks = _blocks(main)
    consumed = _read_preamble(article, blocks)
    blocks = blocks[consumed:]
    if blocks:
        _read_byline(article, blocks)
    _read_body(article, blocks)
    if not article.title and article.sapo:
        article.title = derive_title(article.sapo)
        article.title_derived = True
    if not article.title:
        return None
    _date_from_lead(article)
    return article
