"""Render every page type a reader sees and check it with the W3C Nu HTML checker (vnu.jar).

    .venv/bin/python benchmarks/validate_html.py              # errors per page; exit 1 on any
    .venv/bin/python benchmarks/validate_html.py --warnings   # warnings too

The pages are built with the test factories (congso/tests/reader_pages.py) in a throw-away
test database and rendered with Django's test client into benchmarks/out/html/. vnu.jar comes
from the npm package `vnu-jar` (fetched with `npm pack` into var/tools/ on first use, or given
with --vnu / $VNU_JAR); it needs Java 11 or later. See docs/quality.md.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tarfile
import warnings
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
VNU_VERSION = "26.9.27"
TOOLS = ROOT / "var" / "tools"
DEFAULT_JAR = TOOLS / f"vnu-jar-{VNU_VERSION}" / "build" / "dist" / "vnu.jar"
OUT = ROOT / "benchmarks" / "out" / "html"


def find_vnu(given: str | None) -> Path:
    jar = Path(given or os.environ.get("VNU_JAR") or DEFAULT_JAR)
    if jar.exists():
        return jar
    if jar != DEFAULT_JAR:
        sys.exit(f"vnu.jar not found at {jar}")
    if shutil.which("npm") is None:
        sys.exit("vnu.jar is missing and npm is not installed: pass --vnu PATH or set VNU_JAR")
    TOOLS.mkdir(parents=True, exist_ok=True)
    print(f"Fetching vnu-jar {VNU_VERSION} with npm pack …", file=sys.stderr)
    subprocess.run(
        ["npm", "pack", f"vnu-jar@{VNU_VERSION}", "--pack-destination", str(TOOLS)],
        check=True,
        stdout=subprocess.DEVNULL,
    )
    archive = TOOLS / f"vnu-jar-{VNU_VERSION}.tgz"
    target = DEFAULT_JAR.parents[2]
    with tarfile.open(archive) as tar:
        members = [m for m in tar.getmembers() if m.name.startswith("package/")]
        for member in members:
            member.name = member.name.removeprefix("package/")
        tar.extractall(target, members=members, filter="data")
    archive.unlink()
    return DEFAULT_JAR


def render_pages(out: Path) -> dict[str, Path]:
    """Build the reader pages in a test database and write each one's HTML to `out`."""
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "congso.settings.test")
    warnings.filterwarnings("ignore", message="No directory at")  # no collectstatic needed
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()
    from django.test import Client
    from django.test.utils import setup_databases, setup_test_environment, teardown_databases

    from congso.core.tests.factories import ensure_wagtail_roots
    from congso.tests.reader_pages import build_reader_site

    setup_test_environment()
    databases = setup_databases(verbosity=0, interactive=False, serialized_aliases=set())
    try:
        ensure_wagtail_roots()
        paths = build_reader_site()
        client = Client()
        pages: dict[str, tuple[int, str]] = {}
        for name, path in paths.items():
            response = client.get(path)
            pages[name] = (response.status_code, response.content.decode())
        form = paths["comment-form"]
        response = client.post(form, {"name": "", "email": "sai", "text": ""})
        pages["comment-form-errors"] = (response.status_code, response.content.decode())
        response = client.post(
            form, {"name": "Trần Văn An", "email": "an@example.vn", "text": "Cảm ơn Sở."}
        )
        pages["comment-thanks"] = (response.status_code, response.content.decode())
        # Pages a reader meets only when something goes wrong, rendered as their views do.
        from django.shortcuts import render
        from django.test import RequestFactory

        from congso.comments.views import csrf_failure
        from congso.core.views import server_error
        from congso.news.models import ArticlePage

        request = RequestFactory().get("/")
        article = ArticlePage.objects.get(url_path__endswith="/ha-tinh-day-manh-chuyen-doi-so/")
        refused = {
            "server-error": server_error(request),
            "comment-rate-limited": render(
                request, "comments/rate_limited.html", {"article": article, "minutes": 5}
            ),
            "csrf-failure": csrf_failure(RequestFactory().post(form)),
        }
        for name, response in refused.items():
            pages[name] = (response.status_code, response.content.decode())
    finally:
        teardown_databases(databases, verbosity=0)

    expected = {
        "not-found": 404,
        "comment-form-errors": 400,
        "server-error": 500,
        "csrf-failure": 403,
    }
    out.mkdir(parents=True, exist_ok=True)
    for stale in out.glob("*.html"):
        stale.unlink()
    files = {}
    for name, (status, html) in pages.items():
        if status != expected.get(name, 200):
            sys.exit(f"{name}: HTTP {status}, expected {expected.get(name, 200)}")
        files[name] = out / f"{name}.html"
        files[name].write_text(html, encoding="utf-8")
    return files


def run_vnu(jar: Path, files: dict[str, Path], *options: str) -> list[dict]:
    result = subprocess.run(
        ["java", "-jar", str(jar), "--format", "json", "--exit-zero-always", *options]
        + [str(f) for f in files.values()],
        capture_output=True,
        text=True,
        check=True,
    )
    return json.loads(result.stderr or '{"messages": []}')["messages"]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--vnu", help="path to vnu.jar (default: fetched into var/tools/)")
    parser.add_argument("--out", default=str(OUT), help="folder for the rendered HTML")
    parser.add_argument("--warnings", action="store_true", help="print warnings too")
    args = parser.parse_args()

    jar = find_vnu(args.vnu)
    files = render_pages(Path(args.out))
    # The portal's own style sheets too (the pages link them; vnu checks CSS only when asked).
    sheets = {
        f"{path.name} (CSS)": path
        for path in sorted(ROOT.glob("congso/**/static/**/*.css"))
        if "/admin/" not in path.as_posix()
    }
    messages = run_vnu(jar, files) + run_vnu(jar, sheets, "--css")
    names = {path.resolve(): name for name, path in {**files, **sheets}.items()}
    counts = {name: {"error": 0, "warning": 0} for name in names.values()}
    for message in messages:
        url = Path(message.get("url", "?").removeprefix("file:")).resolve()
        name = names.get(url, str(url))
        kind = "warning" if message.get("subType") == "warning" else "error"
        if message["type"] == "info" and kind != "warning":
            continue
        counts.setdefault(name, {"error": 0, "warning": 0})[kind] += 1
        if kind == "error" or args.warnings:
            line = message.get("lastLine", "?")
            extract = " ".join(message.get("extract", "").split())[:120]
            print(f"{name}:{line}: {kind}: {message['message']}\n    {extract}")
    print(f"\n{'page type':<26} errors  warnings")
    for name, count in counts.items():
        print(f"{name:<26} {count['error']:>6}  {count['warning']:>8}")
    errors = sum(c["error"] for c in counts.values())
    warnings = sum(c["warning"] for c in counts.values())
    print(
        f"{'total':<26} {errors:>6}  {warnings:>8}   (vnu-jar {VNU_VERSION}, {len(files)} pages, {len(sheets)} style sheets)"
    )
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
