"""The documents list page with 50,000 documents: data, query plans, and wrk figures.

    export DATABASE_URL=postgres://postgres@127.0.0.1:5432/congso_documents_bench
    export CONGSO_VAR_DIR=/tmp/congso-documents-bench PAGE_CACHE_ENABLED=0
    .venv/bin/python manage.py migrate
    .venv/bin/python benchmarks/documents_list.py generate --count 50000
    .venv/bin/python benchmarks/documents_list.py explain      # no full scans: plans per filter
    .venv/bin/python benchmarks/documents_list.py wrk          # gunicorn + wrk per filter URL

Rows are inserted in bulk (treebeard paths computed here) because add_child plus a revision
per page takes minutes for 50,000. The page cache is switched off so that every request runs
the listing queries; with it on, repeated URLs are served from the cache.
"""

import argparse
import os
import random
import re
import subprocess
import sys
import time
import uuid
from datetime import date, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "congso.settings.base")

import django  # noqa: E402

django.setup()

from django.contrib.contenttypes.models import ContentType  # noqa: E402
from django.db import connection, transaction  # noqa: E402
from django.db.models import F  # noqa: E402
from wagtail.models import Locale, Page  # noqa: E402

from congso.core.text import slugify_vi  # noqa: E402
from congso.documents.models import (  # noqa: E402
    DocumentField,
    DocumentType,
    IssuingAgency,
    OfficialDocumentPage,
)
from congso.documents.querysets import DocumentFilter, published_documents  # noqa: E402

AGENCIES = [
    "Sở Thông tin và Truyền thông",
    "Ủy ban nhân dân tỉnh",
    "Sở Kế hoạch và Đầu tư",
    "Sở Tài chính",
    "Sở Nội vụ",
    "Sở Khoa học và Công nghệ",
    "Văn phòng UBND tỉnh",
    "Hội đồng nhân dân tỉnh",
]
FIELDS = [
    "Chuyển đổi số",
    "Bưu chính viễn thông",
    "Báo chí xuất bản",
    "Cải cách hành chính",
    "Tài chính ngân sách",
    "An toàn thông tin",
]
SIGNERS = [
    "Đậu Tùng Lâm",
    "Dương Văn Tuấn",
    "Võ Trọng Hải",
    "Nguyễn Hồng Lĩnh",
    "Trần Báu Hà",
    "Lê Văn Khoa",
    "Phan Văn Bình",
    "Nguyễn Thị Thu Hà",
]
SUBJECTS = [
    "chuyển đổi số",
    "cải cách hành chính",
    "hạ tầng viễn thông",
    "an toàn thông tin mạng",
    "dịch vụ công trực tuyến",
    "phát triển kinh tế - xã hội",
    "báo chí, xuất bản",
]


def generate(count: int, batch: int, seed: int) -> None:
    from congso.documents.demo import ensure_index

    rng = random.Random(seed)
    index = ensure_index()
    types = list(DocumentType.objects.all())
    agencies = [IssuingAgency.objects.get_or_create(name=n)[0] for n in AGENCIES]
    fields = [DocumentField.objects.get_or_create(name=n)[0] for n in FIELDS]
    ct = ContentType.objects.get_for_model(OfficialDocumentPage)
    locale = Locale.get_default()
    last = (
        Page.objects.filter(path__startswith=index.path, depth=index.depth + 1)
        .order_by("-path")
        .first()
    )
    step = Page._str2int(last.path[-Page.steplen :]) if last else 0
    started = time.monotonic()
    done = 0
    while done < count:
        size = min(batch, count - done)
        docs = []
        for _ in range(size):
            step += 1
            doc_type = rng.choice(types)
            issued = date(2015, 1, 1) + timedelta(days=rng.randint(0, 365 * 11))
            number = f"{rng.randint(1, 4000)}/{doc_type.code or 'CV'}-{rng.choice(['STTTT', 'UBND', 'SKHĐT'])}"
            title = f"{doc_type.name} về {rng.choice(SUBJECTS)} năm {issued.year} ({step})"
            slug = f"{slugify_vi(title, 80)}-{step}"
            visibility = "internal" if rng.random() < 0.05 else "public"
            docs.append(
                OfficialDocumentPage(
                    title=title,
                    draft_title=title,
                    slug=slug,
                    content_type=ct,
                    locale=locale,
                    translation_key=uuid.uuid4(),
                    path=Page._get_path(index.path, index.depth + 1, step),
                    depth=index.depth + 1,
                    numchild=0,
                    url_path=f"{index.url_path}{slug}/",
                    live=rng.random() > 0.03,
                    has_unpublished_changes=False,
                    number=number,
                    doc_type=doc_type,
                    agency=rng.choice(agencies),
                    field=rng.choice(fields),
                    signer_name=rng.choice(SIGNERS),
                    signer_position="GIÁM ĐỐC",
                    issue_date=issued,
                    effective_date=issued,
                    legal_status=rng.choices(["in_force", "expired", "replaced"], [8, 1, 1])[0],
                    summary=title,
                    visibility=visibility,
                )
            )
        with transaction.atomic():
            page_fields = [f.name for f in Page._meta.concrete_fields if not f.primary_key]
            parents = [Page(**{n: getattr(d, n) for n in page_fields}) for d in docs]
            Page.objects.bulk_create(parents)
            for doc, parent in zip(docs, parents, strict=True):
                doc.pk = doc.page_ptr_id = parent.pk
            OfficialDocumentPage.objects._insert(
                docs, fields=OfficialDocumentPage._meta.local_concrete_fields
            )
            Page.objects.filter(pk=index.pk).update(numchild=F("numchild") + size)
        done += size
        print(f"  {done}/{count}", end="\r", flush=True)
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")
    print(
        f"\n{count} documents in {time.monotonic() - started:.1f}s; total "
        f"{OfficialDocumentPage.objects.count()}"
    )


def sample_queries():
    agency = IssuingAgency.objects.order_by("pk").first()
    field = DocumentField.objects.order_by("pk").first()
    return {
        "unfiltered": {},
        "type": {"loai": "quyet-dinh"},
        "agency": {"co-quan": agency.slug},
        "field": {"linh-vuc": field.slug},
        "year": {"nam": "2020"},
        "signer": {"nguoi-ky": "Dương Văn Tuấn"},
        "status": {"tinh-trang": "expired"},
        "type+year": {"loai": "bao-cao", "nam": "2023"},
        "number": {"q": "273/BC-STTTT"},
        "last page": {"page": "2400"},
    }


def explain() -> None:
    for name, params in sample_queries().items():
        qs = DocumentFilter.from_params(params).apply(published_documents())
        sql_page = qs[:20]
        plan = sql_page.explain()
        scans = re.findall(r"(?:SCAN|Seq Scan on) ([\w]+)(?! USING)", plan)
        full = [s for s in scans if "officialdocumentpage" in s]
        started = time.perf_counter()
        for _ in range(20):
            list(qs[:20])
        page_ms = (time.perf_counter() - started) / 20 * 1000
        started = time.perf_counter()
        for _ in range(5):
            qs.count()
        count_ms = (time.perf_counter() - started) / 5 * 1000
        print(
            f"## {name}: page of 20 {page_ms:.1f} ms, uncached count {count_ms:.1f} ms; "
            f"full scans of the documents table: {full or 'none'}"
        )
        print(plan)
        print()


def wrk(duration: int, connections: int, workers: int) -> None:
    from urllib.parse import urlencode

    port = 8765
    env = {**os.environ, "ALLOWED_HOSTS": "127.0.0.1,localhost"}
    env.setdefault("PAGE_CACHE_ENABLED", "0")
    server = subprocess.Popen(
        [
            str(ROOT / ".venv/bin/gunicorn"),
            "congso.wsgi",
            "-w",
            str(workers),
            "-b",
            f"127.0.0.1:{port}",
            "--log-level",
            "warning",
        ],
        cwd=ROOT,
        env=env,
    )
    try:
        time.sleep(4)
        base = f"http://127.0.0.1:{port}"
        urls = [("home page (baseline: not documents)", f"{base}/")] + [
            (name, f"{base}/van-ban/" + (f"?{urlencode(params)}" if params else ""))
            for name, params in sample_queries().items()
        ]
        print("| URL | req/s | p99 | non-2xx |\n|---|---|---|---|")
        for name, url in urls:
            out = subprocess.run(
                ["wrk", "-t2", f"-c{connections}", f"-d{duration}s", "--latency", url],
                capture_output=True,
                text=True,
                check=True,
            ).stdout
            rps = re.search(r"Requests/sec:\s+([\d.]+)", out).group(1)
            p99 = re.search(r"99%\s+([\d.]+\w+)", out).group(1)
            non2xx = re.search(r"Non-2xx or 3xx responses: (\d+)", out)
            print(f"| {name} | {float(rps):.0f} | {p99} | {non2xx.group(1) if non2xx else 0} |")
    finally:
        server.terminate()
        server.wait()


def main():
    parser = argparse.ArgumentParser()
    sub = parser.add_subparsers(dest="cmd", required=True)
    gen = sub.add_parser("generate")
    gen.add_argument("--count", type=int, default=50_000)
    gen.add_argument("--batch", type=int, default=2_000)
    gen.add_argument("--seed", type=int, default=42)
    sub.add_parser("explain")
    w = sub.add_parser("wrk")
    w.add_argument("--duration", type=int, default=10)
    w.add_argument("--connections", type=int, default=8)
    w.add_argument("--workers", type=int, default=2)
    args = parser.parse_args()
    if args.cmd == "generate":
        generate(args.count, args.batch, args.seed)
    elif args.cmd == "explain":
        explain()
    else:
        wrk(args.duration, args.connections, args.workers)


if __name__ == "__main__":
    main()
