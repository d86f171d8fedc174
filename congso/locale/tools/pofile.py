"""A small reader/writer for gettext .po files (no third-party dependency).

Only what the Wagtail override catalogues need: msgctxt, msgid, msgid_plural,
msgstr / msgstr[n], flags (``#,``) and reference comments (``#:``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

_ESCAPES = {"n": "\n", "t": "\t", '"': '"', "\\": "\\", "r": "\r"}


def _unquote(text: str) -> str:
    body = text.strip()[1:-1]
    return re.sub(r"\\(.)", lambda m: _ESCAPES.get(m.group(1), m.group(1)), body)


def _quote(text: str) -> str:
    for raw, escaped in (("\\", "\\\\"), ('"', '\\"'), ("\t", "\\t"), ("\r", "\\r"), ("\n", "\\n")):
        text = text.replace(raw, escaped)
    return '"' + text + '"'


@dataclass
class Entry:
    msgid: str
    msgctxt: str | None = None
    msgid_plural: str | None = None
    msgstr: str = ""
    msgstr_plural: dict[int, str] = field(default_factory=dict)
    flags: list[str] = field(default_factory=list)
    references: list[str] = field(default_factory=list)
    comments: list[str] = field(default_factory=list)

    @property
    def key(self) -> tuple[str | None, str]:
        return (self.msgctxt, self.msgid)

    @property
    def translated(self) -> bool:
        if self.msgid_plural is not None:
            return bool(self.msgstr_plural) and all(self.msgstr_plural.values())
        return bool(self.msgstr)


def parse(text: str) -> list[Entry]:
    """All entries of a .po file, the header (msgid "") included as the first if present."""
    entries: list[Entry] = []
    for block in _blocks(text):
        entry = _parse_block(block)
        if entry is not None:
            entries.append(entry)
    return entries


def _blocks(text: str) -> list[str]:
    """Split into entries: on blank lines, and where a comment or msgid follows a msgstr
    (makemessages sometimes omits the blank line after the header)."""
    blocks: list[list[str]] = [[]]
    seen_msgstr = False
    for line in text.splitlines():
        stripped = line.strip()
        starts_entry = stripped.startswith(("#", "msgctxt ", "msgid "))
        if not stripped or (seen_msgstr and starts_entry):
            blocks.append([])
            seen_msgstr = False
        if stripped:
            blocks[-1].append(line)
            if stripped.startswith("msgstr"):
                seen_msgstr = True
    return ["\n".join(b) for b in blocks if b]


def _parse_block(block: str) -> Entry | None:
    fields: dict[str, str] = {}
    flags: list[str] = []
    references: list[str] = []
    comments: list[str] = []
    current = None
    for line in block.splitlines():
        line = line.strip()
        if line.startswith("#,"):
            flags += [f.strip() for f in line[2:].split(",") if f.strip()]
        elif line.startswith("#:"):
            references += line[2:].split()
        elif line.startswith("#."):
            comments.append(line[2:].strip())
        elif line.startswith("#"):
            continue
        elif line.startswith('"') and current:
            fields[current] += _unquote(line)
        elif line:
            keyword, _, rest = line.partition(" ")
            current = keyword
            fields[current] = _unquote(rest)
    if "msgid" not in fields:
        return None
    plural = {
        int(k[7:-1]): v for k, v in fields.items() if k.startswith("msgstr[") and k.endswith("]")
    }
    return Entry(
        msgid=fields["msgid"],
        msgctxt=fields.get("msgctxt"),
        msgid_plural=fields.get("msgid_plural"),
        msgstr=fields.get("msgstr", ""),
        msgstr_plural=plural,
        flags=flags,
        references=references,
        comments=comments,
    )


def read(path: Path) -> list[Entry]:
    return parse(Path(path).read_text(encoding="utf-8"))


def _field(keyword: str, value: str) -> list[str]:
    if "\n" not in value.rstrip("\n"):
        return [f"{keyword} {_quote(value)}"]
    # Multi-line values (the header) one line each, as gettext tools write them.
    return [f'{keyword} ""'] + [_quote(part) for part in value.splitlines(keepends=True)]


def format_entry(entry: Entry) -> str:
    lines: list[str] = [f"#. {comment}" for comment in entry.comments]
    for i in range(0, len(entry.references), 4):
        lines.append("#: " + " ".join(entry.references[i : i + 4]))
    if entry.flags:
        lines.append("#, " + ", ".join(entry.flags))
    if entry.msgctxt is not None:
        lines += _field("msgctxt", entry.msgctxt)
    lines += _field("msgid", entry.msgid)
    if entry.msgid_plural is not None:
        lines += _field("msgid_plural", entry.msgid_plural)
        for index in sorted(entry.msgstr_plural) or [0]:
            lines += _field(f"msgstr[{index}]", entry.msgstr_plural.get(index, ""))
    else:
        lines += _field("msgstr", entry.msgstr)
    return "\n".join(lines)


def write(path: Path, header: str, entries: list[Entry]) -> None:
    body = "\n\n".join(format_entry(e) for e in entries)
    Path(path).write_text(header.rstrip("\n") + "\n\n" + body + "\n", encoding="utf-8")
