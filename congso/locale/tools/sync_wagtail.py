"""Keep congso's Vietnamese override of Wagtail's admin in step with the installed Wagtail.

    .venv/bin/python congso/locale/tools/sync_wagtail.py            # rebuild, report, compile
    .venv/bin/python congso/locale/tools/sync_wagtail.py --untranslated > todo.json
    .venv/bin/python congso/locale/tools/sync_wagtail.py --apply done.json

The msgids are those of Wagtail's English catalogues (wagtail/**/locale/en/LC_MESSAGES),
the source of truth for what Wagtail can show, plus those of django-taggit and
django-filter, whose strings the admin shows and which have no Vietnamese, and the few of
Django's own that its Vietnamese lacks (DJANGO_MESSAGES). Existing translations in
congso/locale/vi/LC_MESSAGES are kept, new msgids are added empty (Django then
falls back to Wagtail's own Vietnamese or to English), msgids Wagtail dropped are
removed. ``--apply`` merges a JSON object {msgid: msgstr} (plural entries take the
single Vietnamese form) into the catalogue of the domain the msgid belongs to.
"""

from __future__ import annotations

import argparse
import json
import shutil
import subprocess
import sys
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import pofile  # noqa: E402

LOCALE_DIR = Path(__file__).resolve().parents[1]
DOMAINS = ("django", "djangojs")
HEADER = r"""# Vietnamese overrides of Wagtail's admin translations for congso.
# Generated and kept in step by congso/locale/tools/sync_wagtail.py; see docs/translation.md.
msgid ""
msgstr ""
"Project-Id-Version: congso (Wagtail {wagtail})\n"
"PO-Revision-Date: {today}\n"
"Last-Translator: congso <congso@localhost>\n"
"Language-Team: Vietnamese\n"
"Language: vi\n"
"MIME-Version: 1.0\n"
"Content-Type: text/plain; charset=UTF-8\n"
"Content-Transfer-Encoding: 8bit\n"
"Plural-Forms: nplurals=1; plural=0;\n"
"""


# Libraries whose strings Wagtail's admin shows (tag fields, listing filters) and that
# ship no Vietnamese: (package, catalogue whose msgids to take).
LIBRARIES = (("taggit", "en"), ("django_filters", "fr"))
# Django's own messages that the admin shows and Django's Vietnamese catalogue lacks: the
# units of timesince() ("19:21 bởi …", "5 phút trước"), whose English showed through as
# "0 minutes trước" and kept Wagtail's "vừa xong" from ever matching.
DJANGO_MESSAGES = frozenset(
    f"%(num)d {unit}" for unit in ("year", "month", "week", "day", "hour", "minute")
)


def wagtail_root() -> Path:
    import wagtail

    return Path(wagtail.__file__).resolve().parent


def source_catalogues(domain: str) -> list[tuple[str, Path]]:
    """(app label, .po path) of every catalogue whose msgids we translate, admin first."""
    import importlib

    root = wagtail_root()
    paths = sorted(
        root.glob(f"**/locale/en/LC_MESSAGES/{domain}.po"),
        key=lambda p: (p.parts[-5] != "admin", str(p)),
    )
    sources = [(".".join(("wagtail",) + path.relative_to(root).parts[:-4]), path) for path in paths]
    for package, language in LIBRARIES:
        try:
            module = importlib.import_module(package)
        except ImportError:
            continue
        path = Path(module.__file__).parent / "locale" / language / "LC_MESSAGES" / f"{domain}.po"
        if path.exists():
            sources.append((package, path))
    if domain == "django":
        import django

        path = Path(django.__file__).parent / "conf" / "locale" / "en" / "LC_MESSAGES" / "django.po"
        sources.append(("django", path))
    return sources


def source_entries(domain: str) -> list[pofile.Entry]:
    """Every msgid of the source catalogues for the domain, once."""
    seen: dict[tuple[str | None, str], pofile.Entry] = {}
    for app, path in source_catalogues(domain):
        for entry in pofile.read(path):
            if not entry.msgid or (app == "django" and entry.msgid not in DJANGO_MESSAGES):
                continue
            known = seen.get(entry.key)
            if known is None:
                seen[entry.key] = pofile.Entry(
                    msgid=entry.msgid,
                    msgctxt=entry.msgctxt,
                    msgid_plural=entry.msgid_plural,
                    flags=[f for f in entry.flags if f != "fuzzy"],
                    comments=[app],
                )
            elif app not in known.comments:
                known.comments.append(app)
                if known.msgid_plural is None:
                    known.msgid_plural = entry.msgid_plural
    return list(seen.values())


def target_path(domain: str) -> Path:
    return LOCALE_DIR / "vi" / "LC_MESSAGES" / f"{domain}.po"


def existing_translations(domain: str) -> dict[tuple[str | None, str], pofile.Entry]:
    path = target_path(domain)
    if not path.exists():
        return {}
    return {
        e.key: e for e in pofile.read(path) if e.msgid and e.translated and "fuzzy" not in e.flags
    }


def set_translation(entry: pofile.Entry, text: str) -> None:
    if entry.msgid_plural is not None:
        entry.msgstr_plural = {0: text}
    else:
        entry.msgstr = text


def rebuild(domain: str, extra: dict[str, str]) -> list[pofile.Entry]:
    import wagtail

    old = existing_translations(domain)
    entries = source_entries(domain)
    for entry in entries:
        if entry.msgid in extra:
            set_translation(entry, extra[entry.msgid])
        elif entry.key in old:
            previous = old[entry.key]
            text = previous.msgstr_plural.get(0, "") if previous.msgid_plural else previous.msgstr
            set_translation(entry, text)
        elif entry.msgid_plural is not None:
            entry.msgstr_plural = {0: ""}
    pofile.write(
        target_path(domain),
        HEADER.format(wagtail=wagtail.__version__, today=date.today().isoformat()),
        entries,
    )
    return entries


def compile_catalogue(domain: str) -> None:
    compile_po(target_path(domain))


def compile_po(po: Path) -> None:
    msgfmt = shutil.which("msgfmt")
    if msgfmt is None:
        print("msgfmt not found: .mo not rebuilt (apt-get install gettext)", file=sys.stderr)
        return
    command = [msgfmt, "--check", "-o", str(po.with_suffix(".mo")), str(po)]
    subprocess.run(command, check=True)  # noqa: S603 - fixed program, our own paths


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--apply", type=Path, action="append", default=[])
    parser.add_argument("--untranslated", action="store_true")
    parser.add_argument("--no-compile", action="store_true")
    args = parser.parse_args()

    extra: dict[str, str] = {}
    for path in args.apply:
        extra.update(json.loads(path.read_text(encoding="utf-8")))

    todo: dict[str, str] = {}
    for domain in DOMAINS:
        entries = rebuild(domain, extra)
        done = sum(e.translated for e in entries)
        print(f"{domain}: {done}/{len(entries)} translated", file=sys.stderr)
        todo.update({e.msgid: e.msgid_plural or "" for e in entries if not e.translated})
        if not args.no_compile:
            compile_catalogue(domain)
    if args.untranslated:
        print(json.dumps(todo, ensure_ascii=False, indent=0))


if __name__ == "__main__":
    main()
