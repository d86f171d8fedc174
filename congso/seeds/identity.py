"""The agency the seeds speak for, and the officials they name with their positions."""

from dataclasses import dataclass, field

from congso.core.text import fold
from congso.seeds.lines import find_agency, find_province, normalise_position
from congso.seeds.parsers import ParsedArticle
from congso.seeds.signed_reports import ParsedReport

ENGLISH_AGENCIES = {
    "Sở Thông tin và Truyền thông": "Department of Information and Communications",
    "Sở Khoa học và Công nghệ": "Department of Science and Technology",
}
# Only the agency's leaders are placed without guessing their unit.
LEADER_POSITIONS = {"Giám đốc": ("Director", 1), "Phó Giám đốc": ("Deputy Director", 2)}


@dataclass
class Person:
    name: str
    position: str
    position_en: str
    sort_order: int
    source: str


@dataclass
class Identity:
    agency: str = ""
    province: str = ""
    emails: list[str] = field(default_factory=list)
    people: list[Person] = field(default_factory=list)

    @property
    def full_name(self) -> str:
        if self.agency and self.province:
            return f"{self.agency} {self.province}"
        return self.agency

    @property
    def parent_agency(self) -> str:
        return f"Ủy ban nhân dân tỉnh {self.province}" if self.province else ""

    @property
    def name_en(self) -> str:
        english = ENGLISH_AGENCIES.get(self.agency, "")
        if english and self.province:
            return f"{fold(self.province)} {english}"
        return english

    @property
    def parent_en(self) -> str:
        return f"People's Committee of {fold(self.province)} Province" if self.province else ""

    @property
    def email(self) -> str:
        official = [e for e in self.emails if e.lower().endswith(".gov.vn")]
        return official[0] if official else ""

    @property
    def portal_domain(self) -> str:
        """'sott_tt@hatinh.gov.vn' -> 'hatinh.gov.vn', the province's own portal."""
        return self.email.rsplit("@", 1)[-1].lower() if self.email else ""


def read_identity(texts: list[str], parsed: list) -> Identity:
    province = find_province(texts)
    identity = Identity(agency=find_agency(texts, province), province=province)
    seen: dict[str, Person] = {}
    for item in parsed:
        if isinstance(item, ParsedReport):
            identity.emails.extend(item.emails)
            candidates = [(item.signer_name, item.signer_position)]
        elif isinstance(item, ParsedArticle):
            candidates = [(item.author, item.author_position)]
        else:
            continue
        for name, raw_position in candidates:
            if not name or not raw_position:
                continue
            position = normalise_position(raw_position)
            if position not in LEADER_POSITIONS or name in seen:
                continue
            english, order = LEADER_POSITIONS[position]
            seen[name] = Person(name, position, english, order, item.name)
    identity.people = sorted(seen.values(), key=lambda p: (p.sort_order, p.name))
    return identity
