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

import re
import unicodedata
from collections import Counter
from dataclasses import dataclass, field
from datetime import datetime

IMAGE_RE = re.compile(r"^[^\s/\\]{1,120}\.(?:jpe?g|png|gif|webp)$", re.IGNORECASE)
DATETIME_RE = re.compile(r"^(\d{1,2}):(\d{2})\s+(\d{1,2})/(\d{1,2})/(\d{4})$")
DATED_TITLE_RE = re.compile(r"^date\s+(\d{4})-(\d{1,2})(?:-(\d{1,2}))?\s+(.+)$", re.IGNORECASE)
DAY_MONTH_RE = re.compile(r"\b(\d{1,2})/(\d{1,2})\b(?!/\d)")
ISO_TIME_RE = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}[+-]\d{4}$")
EMAIL_RE = re.compile(r"^[\w.+-]+@[\w-]+(?:\.[\w-]+)+$")
SECTION_RE = re.compile(r"^(?:[A-ZĐ]\.|[IVXLC]+\.|\d+\.|-|\+|\(\d+\))\s")
TERMINAL = (".", "!", "?", "…", ":", ";", '"', "”", ")")

RELATED_HEADINGS = {"đọc thêm", "tin liên quan", "bài liên quan", "tin khác", "các tin khác"}
CHROME_MARKERS = (
    "thêm nhận xét mới",
    "ý kiến bạn đọc",
    "gửi bình luận",
    "thống kê trong ngày",
    "thống kê truy cập",
)
DOCUMENT_TYPES = {
    "BÁO CÁO", "QUYẾT ĐỊNH", "KẾ HOẠCH", "THÔNG BÁO", "TỜ TRÌNH", "CÔNG VĂN",
    "CHỈ THỊ", "NGHỊ QUYẾT", "HƯỚNG DẪN", "CHƯƠNG TRÌNH", "GIẤY MỜI",
}  # fmt: skip
TITLE_MAX_CHARS = 120
ORPHAN_CAPTION_MAX_WORDS = 60


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

    @property
    def images(self) -> list[ImageRef]:
        found = [self.hero] if self.hero else []
        return found + [item.image for item in self.body if item.image]


@dataclass
class ParsedReport:
    name: str
    doc_type: str
    title: str
    paragraphs: list[str] = field(default_factory=list)
    recipients: list[str] = field(default_factory=list)
    signer_name: str = ""
    signer_position: str = ""
    signer_authority: str = ""
    signed_at: list[datetime] = field(default_factory=list)
    emails: list[str] = field(default_factory=list)

    @property
    def full_title(self) -> str:
        kind = self.doc_type.capitalize()
        return f"{kind} {self.title[:1].lower()}{self.title[1:]}" if self.title else kind


def clean(text: str) -> str:
    text = unicodedata.normalize("NFC", text).replace("\xa0", " ").replace("\ufeff", "")
    return text.replace("\r\n", "\n").replace("\r", "\n")


def words(line: str) -> int:
    return len(line.split())


def is_image(line: str) -> bool:
    return bool(IMAGE_RE.match(line.strip()))


def is_terminal(line: str) -> bool:
    return line.rstrip().endswith(TERMINAL)


def is_upper_name(line: str) -> bool:
    letters = [ch for ch in line if ch.isalpha()]
    return bool(letters) and all(ch.isupper() for ch in letters) and 2 <= words(line) <= 6


def is_ticker(line: str) -> bool:
    return len([part for part in line.split("|") if part.strip()]) >= 2


def split_ticker(line: str) -> list[str]:
    return [" ".join(part.split()) for part in line.split("|") if part.strip()]


def derive_title(lead: str) -> str:
    """An honest title from the lead: its first sentence, cut at a clause if it is long."""
    lead = " ".join(lead.split())
    sentence = re.split(r"(?<=[.!?…])\s", lead, maxsplit=1)[0].rstrip(".…!? ")
    if len(sentence) <= TITLE_MAX_CHARS:
        return sentence
    comma = sentence.find(",", 40)
    if 0 < comma <= TITLE_MAX_CHARS:
        return sentence[:comma]
    return sentence[:TITLE_MAX_CHARS].rsplit(" ", 1)[0].rstrip(",;:-–")


def normalise_person(name: str) -> str:
    """'ĐẬU TÙNG LÂM' -> 'Đậu Tùng Lâm'; names already in title case stay as they are."""
    name = " ".join(name.split())
    return name.title() if is_upper_name(name) else name


KNOWN_POSITIONS = ("Phó Giám đốc", "Giám đốc", "Chánh Văn phòng", "Chánh Thanh tra",
                   "Phó Trưởng phòng", "Trưởng phòng", "Phó Chánh Văn phòng")  # fmt: skip


def normalise_position(position: str) -> str:
    """'PHÓ GIÁM ĐỐC' -> 'Phó Giám đốc'; 'Giám đốc Sở TT&TT' -> 'Giám đốc'."""
    position = " ".join(position.split()).rstrip(".")
    head = re.split(r"\s+Sở\s", position, maxsplit=1)[0] if " Sở " in position else position
    for known in KNOWN_POSITIONS:
        if head.lower() == known.lower():
            return known
    return head[:1].upper() + head[1:].lower() if head.isupper() else head


# ---------------------------------------------------------------- seeds in general


def is_report(text: str) -> bool:
    lines = [line.strip() for line in clean(text).split("\n") if line.strip()]
    if not lines:
        return False
    return (
        lines[0].upper() == lines[0]
        and lines[0] in DOCUMENT_TYPES
        or any(line.lower().startswith("nơi nhận") for line in lines)
    )


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


# ---------------------------------------------------------------- reports


def _paragraphs(lines: list[str]) -> list[str]:
    """PDF text comes one printed line at a time: rejoin lines into paragraphs."""
    paragraphs: list[str] = []
    current: list[str] = []
    for raw in lines:
        line = " ".join(raw.split())
        if not line or line.isdigit():
            continue
        if current and (SECTION_RE.match(line) or is_terminal(current[-1])):
            paragraphs.append(" ".join(current))
            current = []
        current.append(line)
    if current:
        paragraphs.append(" ".join(current))
    return [re.sub(r"\s+([.,;:])", r"\1", p) for p in paragraphs]


def parse_report(text: str, name: str = "") -> ParsedReport:
    lines = clean(text).split("\n")
    nonblank = [i for i, line in enumerate(lines) if line.strip()]
    first = nonblank[0]
    doc_type = lines[first].strip()
    if doc_type.upper() != doc_type or doc_type not in DOCUMENT_TYPES:
        doc_type = "VĂN BẢN"
    # The title runs until a line holding only spaces (a blank printed line in the PDF).
    title_lines, index = [], first + 1
    while index < len(lines) and len(title_lines) < 6:
        line = lines[index]
        if line and not line.strip():
            break
        if line.strip():
            title_lines.append(line.strip())
        index += 1
    report = ParsedReport(
        name=name, doc_type=doc_type, title=" ".join(" ".join(title_lines).split())
    )
    rest = lines[index:]
    end = next(
        (i for i, line in enumerate(rest) if line.strip().lower().startswith("nơi nhận")), len(rest)
    )
    report.paragraphs = _paragraphs(rest[:end])
    _read_signature(report, [line.strip() for line in rest[end + 1 :] if line.strip()])
    return report


def _read_signature(report: ParsedReport, lines: list[str]) -> None:
    upper: list[str] = []
    for line in lines:
        if line.startswith("-"):
            report.recipients.append(line.lstrip("- ").rstrip(";. "))
        elif ISO_TIME_RE.match(line):
            report.signed_at.append(datetime.strptime(line, "%Y-%m-%dT%H:%M:%S%z"))
        elif EMAIL_RE.match(line):
            report.emails.append(line)
        elif is_upper_name(line) or line.upper() == line:
            upper.append(line)
        elif not report.signer_name and words(line) <= 6:
            report.signer_name = normalise_person(line)
    if upper:
        report.signer_position = normalise_position(upper[-1])
        if len(upper) > 1:
            # "KT. GIÁM ĐỐC": signed on behalf of (ký thay) the head of the agency.
            prefix, _, head = upper[0].partition(" ")
            if prefix.endswith(".") and head:
                report.signer_authority = f"{prefix} {normalise_position(head)}"
            else:
                report.signer_authority = normalise_position(upper[0])


# ---------------------------------------------------------------- the agency behind the seeds


def _capitalised_run(text: str) -> str:
    taken = []
    for word in text.split():
        word = word.strip(",.;:()")
        if not word or not word[0].isupper():
            break
        taken.append(word)
        if len(taken) == 3:
            break
    return " ".join(taken)


def find_province(texts: list[str]) -> str:
    counts: Counter[str] = Counter()
    for text in texts:
        for match in re.finditer(r"(?:UBND|Ủy ban nhân dân|HĐND|Tỉnh ủy) tỉnh (\S.{0,40})", text):
            name = _capitalised_run(match.group(1))
            if name:
                counts[name] += 1
    return counts.most_common(1)[0][0] if counts else ""


def find_agency(texts: list[str], province: str) -> str:
    """The department the seeds speak for: the most frequent full 'Sở … <province>' name."""
    if not province:
        return ""
    pattern = re.compile(rf"(Sở(?: [\w&-]+){{1,7}}?) (?:tỉnh )?{re.escape(province)}")
    counts: Counter[str] = Counter()
    for text in texts:
        for match in pattern.finditer(" ".join(clean(text).split())):
            counts[match.group(1)] += 1
    full = [(n, name) for name, n in counts.items() if "&" not in name]
    if not full:
        return ""
    full.sort(key=lambda pair: (-pair[0], -len(pair[1])))
    return full[0][1]
