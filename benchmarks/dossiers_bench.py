"""Dossiers at scale (issue 9 part 10): 100,000 dossiers across 50 procedures and 20 agencies.

    export DATABASE_URL=postgres://postgres@127.0.0.1:5432/congso_dossiers_bench
    export CONGSO_VAR_DIR=/tmp/congso-dossiers-bench PAGE_CACHE_ENABLED=0
    export REDIS_URL=redis://127.0.0.1:6379/11   # as production: rate-limit counters in Redis
    createdb -h 127.0.0.1 -U postgres congso_dossiers_bench
    .venv/bin/python manage.py migrate
    .venv/bin/python benchmarks/dossiers_bench.py generate --count 100000
    .venv/bin/python benchmarks/dossiers_bench.py explain    # plans: no scan of dossiers_dossier
    .venv/bin/python benchmarks/dossiers_bench.py http       # gunicorn, p50/p95 at c=1, c=8
    .venv/bin/python benchmarks/dossiers_bench.py receive --count 300   # receptions per second

Rows are inserted with bulk_create (the services would take hours for 100,000 dossiers); their
dates, codes, steps and events follow what the services write. The busiest agency (the first)
gets about 15% of the dossiers: its one-stop officer's queues are the ones measured. Never run
by the tests. Figures: docs/benchmarks.md, "Dossiers".
"""

import argparse
import datetime as dt
import os
import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "congso.settings.base")

import django  # noqa: E402

django.setup()

from django.db import connection  # noqa: E402

from congso.dossiers.calendar import VN  # noqa: E402
from congso.dossiers.models import Dossier  # noqa: E402
from congso.dossiers.status import Status  # noqa: E402

sys.path.insert(0, str(ROOT / "benchmarks"))
from dossiers_bench_data import agency_officer, generate  # noqa: E402

PORT = 8766


# Query plans --------------------------------------------------------------------------------


def measured_queries():
    """(name, queryset) for the officer's queue pages and the tracking lookups."""
    from congso.dossiers import queues, tracking
    from congso.dossiers.services import records

    user = agency_officer()
    agency = queues.pick_agency(user, None)
    now = records.now()
    out = []
    for queue in queues.QUEUES:
        qs = queues.queue_dossiers(user, agency, queue.slug, now=now)
        out.append((f"queue {queue.slug}: page of 25", queues.for_list(qs)[:25]))
        out.append((f"queue {queue.slug}: count", qs.order_by()))  # as .count() runs it
    sample = Dossier.objects.filter(agency=agency, code__isnull=False).order_by("?").first()
    # tracking.find's query, as it runs (code lookup on the unique index).
    found = (
        Dossier.objects.select_related("procedure", "agency")
        .only(*tracking.ANSWER_FIELDS)
        .exclude(status=Status.DRAFT)
    )
    out.append(("tracking: find by code", found.filter(code=sample.code)[:1]))
    out.append(("tracking: history", sample.events.filter(public=True).order_by("at", "pk")))
    assert tracking.find(sample.code) == sample
    return out


def tab_counts_sql() -> tuple[str, list]:
    """The queue page's one query for its six tab counts (queues.Reader.counts), as it runs."""
    from django.test.utils import CaptureQueriesContext

    from congso.dossiers import queues

    user = agency_officer()
    reader = queues.Reader(user, queues.pick_agency(user, None))
    reader.roles, reader.due_soon  # noqa: B018 - read first: only the count query is captured
    with CaptureQueriesContext(connection) as captured:
        reader.counts()
    return captured.captured_queries[-1]["sql"], []


def explain() -> None:
    if connection.vendor != "postgresql":
        sys.exit("EXPLAIN here is PostgreSQL's: set DATABASE_URL.")
    scanned = []
    for name, qs in [*measured_queries(), ("queue page: the six tab counts", None)]:
        if qs is None:
            sql, params = tab_counts_sql()
            with connection.cursor() as cursor:
                cursor.execute(f"EXPLAIN ANALYZE {sql}", params)
                plan = "\n".join(row[0] for row in cursor.fetchall())
        elif name.endswith(": count"):
            sql, params = qs.query.sql_with_params()
            with connection.cursor() as cursor:
                cursor.execute(f"EXPLAIN ANALYZE SELECT COUNT(*) FROM ({sql}) AS q", params)  # noqa: S608
                plan = "\n".join(row[0] for row in cursor.fetchall())
        else:
            plan = qs.explain(analyze=True)
        ms = re.search(r"Execution Time: ([\d.]+) ms", plan)
        seq = "Seq Scan on dossiers_dossier" in plan
        if seq:
            scanned.append(name)
        print(f"## {name}: {ms.group(1) if ms else '?'} ms; seq scan of dossiers_dossier: {seq}")
        print(plan, end="\n\n")
    print("Sequential scans of dossiers_dossier:", scanned or "none")


# HTTP ---------------------------------------------------------------------------------------


def load(paths: list[str], connections: int, duration: float, cookie: str = "") -> dict:
    """`connections` clients, each requesting `paths` in turn for `duration` seconds, one
    request at a time (gunicorn's sync workers close each connection). Latency per request."""
    import http.client
    import threading

    latencies, failures = [], []
    deadline = time.perf_counter() + duration

    def client(offset):
        n = offset
        while time.perf_counter() < deadline:
            path = paths[n % len(paths)]
            n += connections
            started = time.perf_counter()
            conn = http.client.HTTPConnection("127.0.0.1", PORT, timeout=60)
            conn.request("GET", path, headers={"Cookie": cookie} if cookie else {})
            response = conn.getresponse()
            response.read()
            conn.close()
            latencies.append((time.perf_counter() - started) * 1000)
            if response.status != 200:
                failures.append(response.status)

    threads = [threading.Thread(target=client, args=(i,)) for i in range(connections)]
    began = time.perf_counter()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    elapsed = time.perf_counter() - began
    latencies.sort()

    def pct(p):
        return latencies[min(len(latencies) - 1, int(len(latencies) * p / 100))]

    return {
        "p50": pct(50),
        "p95": pct(95),
        "p99": pct(99),
        "n": len(latencies),
        "rps": len(latencies) / elapsed,
        "non200": len(failures),
    }


def officer_cookie() -> str:
    from django.conf import settings
    from django.test import Client

    client = Client()
    client.force_login(agency_officer())
    return f"{settings.SESSION_COOKIE_NAME}={client.cookies[settings.SESSION_COOKIE_NAME].value}"


def status_of(path: str, cookie: str = "") -> int:
    import urllib.error
    import urllib.request

    request = urllib.request.Request(f"http://127.0.0.1:{PORT}{path}", headers={"Cookie": cookie})
    try:
        with urllib.request.urlopen(request, timeout=30) as response:  # noqa: S310
            return response.status
    except urllib.error.HTTPError as error:
        return error.code


def http(duration: int, workers: int) -> None:
    settings_dir = Path(tempfile.mkdtemp(prefix="congso-dossiers-bench-"))
    # Tracking is rate-limited per address (30 a minute); the benchmark is one address.
    (settings_dir / "bench_settings.py").write_text(
        'from congso.settings.base import *  # noqa\nDOSSIER_TRACKING_RATE_LIMIT = "100000000/60"\n'
    )
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "bench_settings",
        "PYTHONPATH": f"{settings_dir}:{ROOT}",
        "ALLOWED_HOSTS": "127.0.0.1,localhost",
        "PAGE_CACHE_ENABLED": "0",
    }
    cookie = officer_cookie()
    pages = {name: (paths, cookie if mine else "") for name, (paths, mine) in bench_pages().items()}
    log = open(settings_dir / "gunicorn.log", "w")  # noqa: SIM115
    server = subprocess.Popen(
        [
            str(ROOT / ".venv/bin/gunicorn"),
            "congso.wsgi",
            "-w",
            str(workers),
            "-b",
            f"127.0.0.1:{PORT}",
            "--log-level",
            "warning",
        ],
        cwd=ROOT,
        env=env,
        stdout=log,
        stderr=log,
    )
    try:
        time.sleep(5)
        print(f"gunicorn {workers} workers; {duration}s per run; log {settings_dir}/gunicorn.log")
        print(
            "| what | c | p50 ms | p95 ms | p99 ms | req/s | non-200 |\n|---|---|---|---|---|---|---|"
        )
        for name, (paths, cookie_header) in pages.items():
            first = status_of(paths[0], cookie_header)
            if first != 200:
                print(f"| {name} | — | HTTP {first} on {paths[0]}: not measured | | | | |")
                continue
            load(paths, 2, 3, cookie_header)  # warm up both workers
            for c in (1, 8):
                r = load(paths, c, duration, cookie_header)
                print(
                    f"| {name} | {c} | {r['p50']:.1f} | {r['p95']:.1f} | {r['p99']:.1f} | "
                    f"{r['rps']:.0f} | {r['non200']} |"
                )
    finally:
        server.terminate()
        server.wait()


# In process ---------------------------------------------------------------------------------


def bench_pages():
    """name → (paths, logged in as the officer?): what `http` and `inprocess` measure."""
    from congso.dossiers import queues

    agency = queues.pick_agency(agency_officer(), None)
    codes = list(
        Dossier.objects.filter(agency__identifier__endswith=".B99", code__isnull=False)
        .order_by("?")
        .values_list("code", flat=True)[:2000]
    )
    queue_paths = [
        f"/admin/mot-cua/?co-quan={agency.identifier}&hang={q.slug}" for q in queues.QUEUES
    ]
    one = Dossier.objects.filter(agency=agency, status=Status.PROCESSING).order_by("pk").first()
    return {
        # The floors on this machine: an admin page and an API answer with no dossier in them.
        "baseline: Wagtail admin home, same officer": (["/admin/"], True),
        "baseline: GET /api/v1/agencies": (["/api/v1/agencies"], False),
        "queue page, all six queues in turn": (queue_paths, True),
        "queue page, Việc của tôi": (queue_paths[2:3], True),
        "dossier page (admin), one in processing": ([f"/admin/mot-cua/{one.pk}/"], True),
        "tracking API, 2,000 codes in turn": (
            [f"/api/v1/dossiers/{c}/tracking" for c in codes],
            False,
        ),
    }


def inprocess(count: int) -> None:
    """Each page through Django's test client in this process (no HTTP, no other worker):
    queries per request, then the server time of `count` requests without query capture.
    Steadier than `http` on a loaded machine, and what the code itself costs."""
    from django.db import reset_queries
    from django.test import Client, override_settings
    from django.test.utils import CaptureQueriesContext

    officer = Client()
    officer.force_login(agency_officer())
    anonymous = Client()
    print("| what | queries | p50 ms | p95 ms | n |\n|---|---|---|---|---|")
    with override_settings(DOSSIER_TRACKING_RATE_LIMIT="100000000/60"):
        for name, (paths, logged_in) in bench_pages().items():
            client = officer if logged_in else anonymous
            for path in paths[:10]:  # warm up: imports, templates, connections
                assert client.get(path).status_code == 200, path
            queries = []
            for path in paths[:6]:
                with CaptureQueriesContext(connection) as captured:
                    client.get(path)
                queries.append(len(captured))
            timings = []
            for n in range(count):
                started = time.perf_counter()
                client.get(paths[n % len(paths)])
                timings.append((time.perf_counter() - started) * 1000)
                reset_queries()
            timings.sort()
            shown = f"{min(queries)}–{max(queries)}" if min(queries) != max(queries) else queries[0]
            print(
                f"| {name} | {shown} | {timings[len(timings) // 2]:.1f} | "
                f"{timings[int(len(timings) * 0.95)]:.1f} | {count} |"
            )


# Receptions ---------------------------------------------------------------------------------


def receive(count: int) -> None:
    from congso.dossiers.services.processing import perform

    officer = agency_officer()
    template = Dossier.objects.filter(agency__staff__user=officer, status=Status.SUBMITTED).first()
    now = dt.datetime.now(tz=VN)
    rows = [
        Dossier(
            procedure_id=template.procedure_id,
            agency_id=template.agency_id,
            workflow_id=template.workflow_id,
            owner_id=template.owner_id,
            applicant_name="Người nộp mẫu (đo tiếp nhận)",
            applicant_email="nguoi-nop@example.invalid",
            status=Status.SUBMITTED,
            current_step="tiep-nhan",
            submitted_at=now,
            is_sample=True,
        )
        for _ in range(count)
    ]
    ids = [d.pk for d in Dossier.objects.bulk_create(rows)]
    perform(ids.pop(), officer, "receive")  # imports, fonts, first slip
    started = time.perf_counter()
    timings = []
    for pk in ids:
        t = time.perf_counter()
        perform(pk, officer, "receive")
        timings.append((time.perf_counter() - t) * 1000)
    elapsed = time.perf_counter() - started
    timings.sort()
    print(
        f"{len(ids)} receptions in {elapsed:.1f}s: {len(ids) / elapsed:.1f}/s; "
        f"p50 {timings[len(timings) // 2]:.0f} ms, p95 {timings[int(len(timings) * 0.95)]:.0f} ms "
        "(each: row lock, code, due date, form 01 PDF with QR, event, e-mail task queued)"
    )


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    sub = parser.add_subparsers(dest="cmd", required=True)
    gen = sub.add_parser("generate")
    gen.add_argument("--count", type=int, default=100_000)
    gen.add_argument("--batch", type=int, default=2_000)
    gen.add_argument("--seed", type=int, default=9)
    sub.add_parser("explain")
    h = sub.add_parser("http")
    h.add_argument("--duration", type=int, default=15)
    h.add_argument("--workers", type=int, default=2)
    i = sub.add_parser("inprocess")
    i.add_argument("--count", type=int, default=200)
    r = sub.add_parser("receive")
    r.add_argument("--count", type=int, default=300)
    args = parser.parse_args()
    if args.cmd == "generate":
        generate(args.count, args.seed, args.batch)
    elif args.cmd == "explain":
        explain()
    elif args.cmd == "http":
        http(args.duration, args.workers)
    elif args.cmd == "inprocess":
        inprocess(args.count)
    else:
        receive(args.count)


if __name__ == "__main__":
    main()
