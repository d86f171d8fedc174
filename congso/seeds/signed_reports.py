"""Signed official documents among the seeds (a report): text, recipients, signature block.

The text comes from a PDF, one printed line at a time; the last lines are the signature block
and the digital-signature timestamps and address as a PDF reader shows them.
"""

import re
from dataclasses import dataclass, field
from datetime import datetime

from congso.seeds.lines import (
    DOCUMENT_TYPES,
    EMAIL_RE,
    ISO_TIME_RE,
    SECTION_RE,
    clean,
    is_terminal,
    is_upper_name,
    normalise_person,
    normalise_position,
    words,
)


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


def is_report(text: str) -> bool:
    lines = [line.strip() for line in clean(text).split("\n") if line.strip()]
    if not lines:
        return False
    return (
        lines[0].upper() == lines[0]
        and lines[0] in DOCUMENT_TYPES
        or any(line.lower().startswith("nơi nhận") for line in lines)
    )


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
