"""Line-level rules shared by the article and report parsers, and the agency behind the seeds."""

import re
import unicodedata
from collections import Counter

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
