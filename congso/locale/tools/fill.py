"""Write translations into an existing .po file (e.g. one makemessages produced) and compile it.

    .venv/bin/python congso/locale/tools/fill.py congso/locale/en/LC_MESSAGES/django.po en.json
    .venv/bin/python congso/locale/tools/fill.py congso/locale/en/LC_MESSAGES/django.po --untranslated

The JSON is an object {msgid: msgstr}; a msgstr given for a plural entry is used for
every plural form. Translated entries lose a "fuzzy" flag (a fuzzy guess by msgmerge
is replaced by a reviewed translation). Other entries are left as they are.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import pofile  # noqa: E402
from sync_wagtail import compile_po  # noqa: E402

PLURAL_FORMS = {"en": "nplurals=2; plural=(n != 1);", "vi": "nplurals=1; plural=0;"}


def fix_header(header: pofile.Entry, language: str) -> None:
    fields = {
        "Project-Id-Version": "congso",
        "PO-Revision-Date": date.today().isoformat(),
        "Last-Translator": "congso <congso@localhost>",
        "Language-Team": language,
        "Language": language,
        "Plural-Forms": PLURAL_FORMS[language],
    }
    text = header.msgstr
    for name, value in fields.items():
        text = re.sub(rf"{name}: [^\n]*\n", f"{name}: {value}\n", text)
    header.msgstr = text
    header.comments = []
    header.flags = [f for f in header.flags if f != "fuzzy"]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("po", type=Path)
    parser.add_argument("translations", type=Path, nargs="?")
    parser.add_argument("--untranslated", action="store_true")
    args = parser.parse_args()

    language = args.po.resolve().parents[1].name
    entries = pofile.read(args.po)
    header, body = (entries[0], entries[1:]) if not entries[0].msgid else (None, entries)
    new = json.loads(args.translations.read_text(encoding="utf-8")) if args.translations else {}
    nplurals = int(re.search(r"nplurals=(\d+)", PLURAL_FORMS[language]).group(1))
    for entry in body:
        if entry.msgid not in new:
            continue
        if entry.msgid_plural is not None:
            entry.msgstr_plural = dict.fromkeys(range(nplurals), new[entry.msgid])
        else:
            entry.msgstr = new[entry.msgid]
        entry.flags = [f for f in entry.flags if f != "fuzzy"]
    if header is not None:
        fix_header(header, language)
        header_text = pofile.format_entry(header)
    else:
        header_text = ""
    pofile.write(args.po, header_text, body)
    done = sum(e.translated and "fuzzy" not in e.flags for e in body)
    print(f"{args.po}: {done}/{len(body)} translated", file=sys.stderr)
    if args.untranslated:
        todo = [e.msgid for e in body if not e.translated or "fuzzy" in e.flags]
        print(json.dumps(dict.fromkeys(todo, ""), ensure_ascii=False, indent=0))
    compile_po(args.po)


if __name__ == "__main__":
    main()
