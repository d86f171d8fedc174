"""Text extraction speed, signature verification time, and metadata suggestion accuracy.

    .venv/bin/python benchmarks/documents_files.py

- extraction: pages/s for a generated 100-page PDF (40 lines of Vietnamese text a page), and
  for DOCX;
- verification: seconds per document for PDFs with 1 and 4 signatures (EC P-256 and RSA-2048
  signer keys, a trusted test CA; no network, revocation soft-fail);
- suggestions: per-field accuracy over the 22-document test set in
  congso/documents/tests/corpus.py, and what is suggested for seed 004 when present.
"""

import os
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "congso.settings.test")

import django  # noqa: E402

django.setup()

from congso.documents import pki  # noqa: E402
from congso.documents.extraction import extract  # noqa: E402
from congso.documents.signatures import parse_certificate, verify_pdf  # noqa: E402
from congso.documents.tests.corpus import SPECS, evaluate  # noqa: E402
from congso.documents.tests.factories import make_docx, make_multipage_pdf, make_pdf  # noqa: E402


def timed(function, repeat: int) -> list[float]:
    times = []
    for _ in range(repeat):
        started = time.perf_counter()
        function()
        times.append(time.perf_counter() - started)
    return times


def extraction() -> None:
    pdf = make_multipage_pdf(100)
    runs = timed(lambda: extract("100-trang.pdf", pdf), 5)
    best, median = min(runs), statistics.median(runs)
    print(
        f"PDF 100 pages ({len(pdf) / 1024:.0f} KB): median {median:.3f}s = {100 / median:.0f} pages/s "
        f"(best {100 / best:.0f} pages/s)"
    )
    docx = make_docx(
        [f"Đoạn {n}: chuyển đổi số, cải cách hành chính, dịch vụ công." for n in range(2000)]
    )
    runs = timed(lambda: extract("2000-doan.docx", docx), 5)
    print(f"DOCX 2,000 paragraphs: median {statistics.median(runs):.3f}s")


def verification() -> None:
    for kind in ("ec", "rsa"):
        ca = pki.create_ca("CA đo hiệu năng", key_kind=kind)
        signer = pki.issue_signer(ca, "Người ký", "Sở TT&TT", "a@example.gov.vn", key_kind=kind)
        anchors = [parse_certificate(ca.certificate_pem).der]
        for count in (1, 4):
            data = make_pdf("Văn bản đo hiệu năng", pages=1)
            for i in range(count):
                data = pki.sign_pdf(data, signer, [ca], field_name=f"Sig{i + 1}")
            results = verify_pdf(data, anchors)
            assert [r.status for r in results] == ["valid"] * count
            runs = timed(lambda d=data, a=anchors: verify_pdf(d, a), 7)
            print(
                f"{kind.upper()} key, {count} signature(s): median {statistics.median(runs) * 1000:.0f} ms "
                f"per document (min {min(runs) * 1000:.0f} ms)"
            )


def suggestions() -> None:
    scores = evaluate()
    formats = {}
    for spec in SPECS:
        formats[spec.layout] = formats.get(spec.layout, 0) + 1
    print(f"Test set: {len(SPECS)} documents, layouts {formats}")
    for key, (ok, total) in scores.items():
        print(f"  {key}: {ok}/{total} = {ok / total:.0%}")
    # The rules were written against this set; rendering every document in every layout (110
    # files) checks that they did not just learn which document has which layout.
    from dataclasses import replace

    layouts = sorted(formats)
    crossed = [replace(spec, layout=layout) for spec in SPECS for layout in layouts]
    print(f"Every document in every layout ({len(crossed)} files):")
    for key, (ok, total) in evaluate(crossed).items():
        print(f"  {key}: {ok}/{total} = {ok / total:.0%}")
    from django.conf import settings

    seeds = Path(settings.SEEDS_DIR)
    seed = next(iter(sorted(seeds.glob("004_*.txt"))), None) if seeds.is_dir() else None
    if seed:
        from congso.documents.suggestions import suggest

        print(f"Seed 004 (real text, no header in the extract): {suggest(seed.read_text())}")


if __name__ == "__main__":
    extraction()
    verification()
    suggestions()
