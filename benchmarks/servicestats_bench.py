"""Results statistics at scale (issue 10 part 8): 1,000,000 dossiers across 100 agencies.

    export DATABASE_URL=postgres://postgres@127.0.0.1:5432/congso_h10_bench
    export CONGSO_VAR_DIR=/tmp/congso-h10-bench PAGE_CACHE_ENABLED=0
    export REDIS_URL=redis://127.0.0.1:6379/11
    createdb -h 127.0.0.1 -U postgres congso_h10_bench && .venv/bin/python manage.py migrate
    .venv/bin/python benchmarks/servicestats_bench.py generate --count 1000000   # INSERT … SELECT
    .venv/bin/python benchmarks/servicestats_bench.py rebuild    # time servicestats.rebuild()
    .venv/bin/python benchmarks/servicestats_bench.py check      # kept figures == a recount
    .venv/bin/python benchmarks/servicestats_bench.py explain    # plans of the figure queries
    .venv/bin/python benchmarks/servicestats_bench.py inprocess  # figures(), pages in process
    .venv/bin/python benchmarks/servicestats_bench.py http       # gunicorn -w 2, c=1 and c=8
    .venv/bin/python benchmarks/servicestats_bench.py close766   # closing a period, 100 agencies

The dossiers, events, supplement requests and ratings are bulk-inserted by
benchmarks/dossiers_bench_data.py (no signal fires, so no fact is kept while inserting); the facts
and day rows are then built by `congso.servicestats.services.rebuild()`, the command an
installation runs after an import. Never run by the tests. Figures: docs/benchmarks.md, "Results
statistics (issue 10)".
"""

import argparse
import datetime as dt
import os
import re
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "congso.settings.base")

import django  # noqa: E402

django.setup()

from django.db import connection  # noqa: E402

BENCH_AGENCIES = "000.00.%.B99"


def agency_ids() -> list[int]:
    from congso.organisation.models import Agency

    return list(
        Agency.objects.filter(identifier__endswith=".B99")
        .order_by("pk")
        .values_list("pk", flat=True)
    )


def generate(count: int, seed: int, agencies: int) -> None:
    """Agencies, staff, procedures and workflows as the dossiers benchmark makes them, then the
    dossiers and their rows by INSERT … SELECT in PostgreSQL (bulk_create managed 70 dossiers/s
    on the loaded machine: 4 hours for a million), then the facts by rebuild()."""
    from dossiers_bench_data import generate as setup

    from congso.dossiers.models import AgencyStaff, Dossier
    from congso.dossiers.status import Role

    if connection.vendor != "postgresql":
        sys.exit("The million dossiers are generated in PostgreSQL: set DATABASE_URL.")
    if Dossier.objects.exists():
        sys.exit("The database already has dossiers: use a fresh database (see the docstring).")
    setup(0, seed, 1, agencies)
    ids = agency_ids()
    from congso.dossiers.services.filing import resolve_workflow
    from congso.organisation.models import Agency
    from congso.procedures.models import Procedure

    pairs = []
    for index, agency in enumerate(Agency.objects.filter(pk__in=ids).order_by("pk")):
        for p in Procedure.objects.filter(agencies=agency).order_by("pk"):
            pairs.append((index, p.pk, resolve_workflow(p, agency, 2).pk, p.time_limit))
    staff = {
        (s.agency_id, s.role): s.user_id for s in AgencyStaff.objects.filter(agency_id__in=ids)
    }
    started = time.monotonic()
    with connection.cursor() as cursor:
        cursor.execute(
            "CREATE TEMP TABLE bench_pw (ai int, k int, procedure_id bigint, "
            "workflow_id bigint, time_limit int)"
        )
        rank: dict[int, int] = {}
        rows = []
        for index, procedure_id, workflow_id, limit in pairs:
            rows.append((index, rank.get(index, 0), procedure_id, workflow_id, limit))
            rank[index] = rank.get(index, 0) + 1
        cursor.executemany("INSERT INTO bench_pw VALUES (%s, %s, %s, %s, %s)", rows)
        cursor.execute(
            "CREATE TEMP TABLE bench_agency (ai int, id bigint, ident text, "
            "n int, one_stop bigint, specialist bigint)"
        )
        cursor.executemany(
            "INSERT INTO bench_agency VALUES (%s, %s, %s, %s, %s, %s)",
            [
                (
                    i,
                    a,
                    AGENCY_ID.format(i),
                    rank.get(i, 0),
                    staff[a, Role.ONE_STOP],
                    staff[a, Role.SPECIALIST],
                )
                for i, a in enumerate(ids)
            ],
        )
        for step, sql in enumerate(GENERATE_SQL):
            t = time.monotonic()
            cursor.execute(sql, {"count": count, "agencies": len(ids), "seed": seed / 1000})
            print(f"  step {step + 1}/{len(GENERATE_SQL)}: {time.monotonic() - t:.0f}s", flush=True)
        cursor.execute("ANALYZE")
    print(f"{count} dossiers inserted in {time.monotonic() - started:.0f}s; now run `rebuild`")


AGENCY_ID = "000.00.{:02d}.B99"
# Status by a number in [0, 100): the dossiers benchmark's mix (dossiers_bench_data.STATUS_MIX).
STATUS_CASE = """CASE WHEN rs < 62 THEN 10 WHEN rs < 65 THEN 9 WHEN rs < 79 THEN 4
    WHEN rs < 84 THEN 2 WHEN rs < 88 THEN 5 WHEN rs < 92 THEN 1 WHEN rs < 95 THEN 3
    WHEN rs < 97 THEN 7 ELSE 8 END"""
GENERATE_SQL = [
    "SELECT setseed(%(seed)s)",
    # One row per dossier: its agency (the first gets 15%), procedure, status and random draws.
    f"""CREATE TEMP TABLE bench_plan AS
    SELECT nextval('dossiers_dossier_id_seq') AS id, x.n, a.ai, a.id AS agency_id, a.ident,
           a.one_stop, a.specialist, pw.procedure_id, pw.workflow_id, pw.time_limit,
           {STATUS_CASE} AS status, x.r1, x.r2, x.r3, x.r4, x.r5, x.r6, x.r7, x.r8
    FROM (SELECT n, random() AS ra, random() * 100 AS rs, random() AS rp, random() AS r1,
                 random() AS r2, random() AS r3, random() AS r4, random() AS r5, random() AS r6,
                 random() AS r7, random() AS r8
          FROM generate_series(1, %(count)s) AS n) AS x
    JOIN bench_agency a ON a.ai = CASE WHEN x.ra < 0.15 THEN 0
         ELSE 1 + floor((x.ra - 0.15) / 0.85 * (%(agencies)s - 1))::int END
    JOIN bench_pw pw ON pw.ai = a.ai AND pw.k = floor(x.rp * a.n)::int""",  # noqa: S608
    # Times: open dossiers within 20 days (some overdue), settled ones across the year before
    # the last two weeks; receipt within 20 hours; the legal due time 7/5 calendar days per
    # working day; finished 1–12 days after receipt (so early, on time and late).
    """CREATE TEMP TABLE bench_times AS
    SELECT p.*, sub AS submitted_at,
      CASE WHEN status NOT IN (1, 3) THEN sub + (0.2 + r2 * 19.8) * interval '1 hour' END
        AS received_at
    FROM (SELECT *, now() - (CASE WHEN status IN (1, 2, 4, 5, 9) THEN r1 * 20
                                  ELSE 14 + r1 * 351 END) * interval '1 day' AS sub
          FROM bench_plan) AS p""",
    """CREATE TEMP TABLE bench_rows AS
    SELECT t.*, received_at + time_limit * 1.4 * interval '1 day' AS due_at,
      CASE WHEN status IN (9, 10) THEN received_at + (1 + r3 * 11) * interval '1 day' END
        AS finished_at,
      CASE WHEN received_at IS NOT NULL THEN ident || '-' ||
        to_char(received_at AT TIME ZONE 'Asia/Ho_Chi_Minh', 'YYMMDD') || '-' ||
        lpad((row_number() OVER (PARTITION BY agency_id,
              (received_at AT TIME ZONE 'Asia/Ho_Chi_Minh')::date ORDER BY n))::text, 4, '0')
      END AS code
    FROM bench_times t""",
    """INSERT INTO dossiers_dossier (id, channel, code, reference, applicant_name,
      applicant_id_number, applicant_phone, applicant_email, applicant_address, summary,
      form_data, status, status_before_supplement, current_step, created_at, submitted_at,
      received_at, legal_due_at, due_at, paused_at, step_started_at, finished_at, returned_at,
      result_number, result_signer, result_note, submission_key, is_sample, agency_id,
      assignee_id, owner_id, procedure_id, workflow_id)
    SELECT id, CASE WHEN r4 < 0.7 THEN 2 WHEN r4 < 0.95 THEN 1 ELSE 3 END, code,
      gen_random_uuid(), 'Người nộp mẫu ' || lpad((n %% 1000000)::text, 6, '0'), '', '',
      'nguoi-nop@example.invalid', '', 'Hồ sơ mẫu cho đo hiệu năng (dữ liệu mẫu)', '{}',
      status, CASE WHEN status = 5 THEN 4 END,
      CASE status WHEN 1 THEN 'tiep-nhan' WHEN 2 THEN 'xu-ly' WHEN 4 THEN 'xu-ly'
        WHEN 5 THEN 'xu-ly' WHEN 9 THEN 'tra-ket-qua' ELSE '' END,
      submitted_at, submitted_at, received_at, due_at, due_at,
      CASE WHEN status = 5 THEN received_at + interval '1 day' END, received_at,
      finished_at, CASE WHEN status = 10 THEN finished_at + interval '2 hours' END,
      CASE WHEN status = 10 THEN (1 + n %% 9999)::text || '/GP-MAU' ELSE '' END, '', '', '',
      true, agency_id, CASE WHEN status = 4 AND r5 < 0.6 THEN specialist END,
      NULL, procedure_id, workflow_id
    FROM bench_rows ORDER BY n""",
    # The events the services write (dossiers_bench_data.events_of), withdrawals and stops
    # 0–5 days after receipt.
    """INSERT INTO dossiers_event (at, actor_name, role, action, from_status, to_status,
      from_step, to_step, punctuality, note, public, data, actor_id, dossier_id)
    SELECT e.at, '', '', e.action, e.from_status, e.to_status, '', '', '', '', e.public,
      '{}', e.actor, e.id
    FROM (
      SELECT id, submitted_at AS at, 'create' AS action, NULL::int AS from_status,
        0 AS to_status, false AS public, NULL::bigint AS actor FROM bench_rows
      UNION ALL SELECT id, submitted_at, 'submit', 0, 1, true, NULL FROM bench_rows
      UNION ALL SELECT id, submitted_at + interval '1 hour', 'refuse', 1, 3, true, one_stop
        FROM bench_rows WHERE status = 3
      UNION ALL SELECT id, received_at, 'receive', 1, 2, true, one_stop
        FROM bench_rows WHERE received_at IS NOT NULL
      UNION ALL SELECT id, received_at + interval '1 day', 'request-supplement', 4, 5, true,
        specialist FROM bench_rows WHERE status = 5
      UNION ALL SELECT id, finished_at, 'approve', 4, 9, true, NULL
        FROM bench_rows WHERE finished_at IS NOT NULL
      UNION ALL SELECT id, finished_at + interval '2 hours', 'return-result', 9, 10, true,
        one_stop FROM bench_rows WHERE status = 10
      UNION ALL SELECT id, received_at + r3 * 5 * interval '1 day',
        CASE status WHEN 7 THEN 'withdraw' ELSE 'stop' END, 4, status, true, one_stop
        FROM bench_rows WHERE status IN (7, 8)
    ) AS e ORDER BY e.id, e.at""",
    """INSERT INTO dossiers_supplementrequest (requested_at, reason, pauses_clock,
      completed_at, note, dossier_id, requested_by_id)
    SELECT received_at + interval '1 day', 'Bổ sung giấy tờ (dữ liệu mẫu)', true, NULL, '',
      id, specialist FROM bench_rows WHERE status = 5
    UNION ALL
    SELECT received_at + (1 + r6 * 290) * interval '6 minutes',
      'Bổ sung giấy tờ (dữ liệu mẫu)', true,
      least(received_at + (1 + r6 * 290) * interval '6 minutes' + interval '1 day',
            finished_at), '', id, specialist
    FROM bench_rows WHERE status = 10 AND r6 < 0.1""",
    """INSERT INTO dossiers_rating (score, comment, at, dossier_id)
    SELECT CASE WHEN r8 < 0.55 THEN 5 WHEN r8 < 0.85 THEN 4 WHEN r8 < 0.94 THEN 3
                WHEN r8 < 0.98 THEN 2 ELSE 1 END, '',
      finished_at + interval '5 hours', id
    FROM bench_rows WHERE status = 10 AND r7 < 0.4""",
    """INSERT INTO dossiers_dossiercounter (agency_id, day, last)
    SELECT agency_id, (received_at AT TIME ZONE 'Asia/Ho_Chi_Minh')::date, count(*)
    FROM bench_rows WHERE received_at IS NOT NULL GROUP BY 1, 2""",
]


def rebuild() -> None:
    from congso.servicestats.services import rebuild as run

    started = time.monotonic()
    result = run()
    elapsed = time.monotonic() - started
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE servicestats_dossierfact, servicestats_agencyday")
    print(
        f"rebuild(): {result['dossiers']} dossiers, {result['days']} agency-days in "
        f"{elapsed:.0f}s ({result['dossiers'] / elapsed:.0f} dossiers/s)"
    )


# What is measured ----------------------------------------------------------------------------


def pages() -> dict[str, list[str]]:
    """name → paths: the public results page and the statistics API, for the whole
    installation and for agencies in turn (the busiest first), by year, quarter and month."""
    from congso.organisation.models import Agency

    idents = list(
        Agency.objects.filter(identifier__endswith=".B99")
        .order_by("pk")
        .values_list("identifier", flat=True)
    )[:20]
    year = str(dt.date.today().year)
    last = dt.date.today().replace(day=1) - dt.timedelta(days=1)
    month = f"{last:%Y-%m}"
    q = f"{year}-Q{(dt.date.today().month - 1) // 3 + 1}"
    api = "/api/v1/statistics"
    page = "/ket-qua-giai-quyet-ho-so/"
    return {
        "results page, whole installation, this year": [f"{page}?nam={year}"],
        "results page, one agency in turn, by month": [
            f"{page}?co-quan={i}&nam={last.year}&thang={last.month}" for i in idents
        ],
        "GET /api/v1/statistics, whole installation, this year": [f"{api}?period={year}"],
        "GET /api/v1/statistics, one agency in turn, year/quarter/month": [
            f"{api}?agency={i}&period={p}" for i in idents for p in (year, q, month)
        ],
    }


def explain() -> None:
    """EXPLAIN ANALYZE of each query figures() and figures_by_agency() run."""
    from django.test.utils import CaptureQueriesContext

    from congso.servicestats.periods import parse_period
    from congso.servicestats.querysets import figures, figures_by_agency

    if connection.vendor != "postgresql":
        sys.exit("EXPLAIN here is PostgreSQL's: set DATABASE_URL.")
    ids = agency_ids()
    year = parse_period(str(dt.date.today().year))
    calls = {
        "figures(None, year)": lambda: figures(None, year),
        "figures([busiest], year)": lambda: figures(ids[:1], year),
        "figures_by_agency(None, year)": lambda: figures_by_agency(None, year),
    }
    big = ("servicestats_dossierfact", "dossiers_dossier", "dossiers_event")
    for name, call in calls.items():
        with CaptureQueriesContext(connection) as captured:
            call()
        for query in captured.captured_queries:
            with connection.cursor() as cursor:
                cursor.execute(f"EXPLAIN ANALYZE {query['sql']}")
                plan = "\n".join(row[0] for row in cursor.fetchall())
            ms = re.search(r"Execution Time: ([\d.]+) ms", plan)
            scans = [t for t in big + ("servicestats_agencyday",) if f"Seq Scan on {t}" in plan]
            print(f"## {name}: {ms.group(1) if ms else '?'} ms; seq scans: {scans or 'none'}")
            print(query["sql"][:300], "…" if len(query["sql"]) > 300 else "")
            print(plan, end="\n\n")


def inprocess(count: int) -> None:
    """figures() and the pages through Django's test client in this process: queries and
    server time per request, steadier than HTTP percentiles on the shared machine."""
    from django.db import reset_queries
    from django.test import Client, override_settings
    from django.test.utils import CaptureQueriesContext

    from congso.servicestats.periods import parse_period
    from congso.servicestats.querysets import figures, figures_by_agency

    ids = agency_ids()
    year = parse_period(str(dt.date.today().year))
    print("| what | queries | p50 ms | p95 ms | n |\n|---|---|---|---|---|")

    def report(name, run, n):
        run(0)
        with CaptureQueriesContext(connection) as captured:
            run(1)
        timings = []
        for i in range(n):
            started = time.perf_counter()
            run(i)
            timings.append((time.perf_counter() - started) * 1000)
            reset_queries()
        timings.sort()
        print(
            f"| {name} | {len(captured)} | {timings[len(timings) // 2]:.1f} | "
            f"{timings[int(len(timings) * 0.95)]:.1f} | {n} |"
        )

    report("figures(None, this year)", lambda i: figures(None, year), count)
    report(
        "figures([agency], this year), agencies in turn",
        lambda i: figures(ids[i % 100 : i % 100 + 1], year),
        count,
    )
    report("figures_by_agency(None, this year)", lambda i: figures_by_agency(None, year), count)
    client = Client()
    with override_settings(STATISTICS_RATE_LIMIT="100000000/60"):
        for name, paths in pages().items():
            status = client.get(paths[0]).status_code
            if status != 200:
                print(f"| {name} | HTTP {status} on {paths[0]}: not measured | | | |")
                continue
            report(name, lambda i, paths=paths: client.get(paths[i % len(paths)]), count)


def http(duration: int, workers: int) -> None:
    """gunicorn with `workers` sync workers, each page at c = 1 and c = 8 (dossiers_bench.load)."""
    import subprocess
    import tempfile

    import dossiers_bench

    settings_dir = Path(tempfile.mkdtemp(prefix="congso-h10-bench-"))
    # The statistics API is rate-limited per address; the benchmark is one address.
    (settings_dir / "bench_settings.py").write_text(
        'from congso.settings.base import *  # noqa\nSTATISTICS_RATE_LIMIT = "100000000/60"\n'
    )
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "bench_settings",
        "PYTHONPATH": f"{settings_dir}:{ROOT}",
        "ALLOWED_HOSTS": "127.0.0.1,localhost",
        "PAGE_CACHE_ENABLED": "0",
    }
    log = open(settings_dir / "gunicorn.log", "w")  # noqa: SIM115
    server = subprocess.Popen(
        [
            str(ROOT / ".venv/bin/gunicorn"),
            "congso.wsgi",
            "-w",
            str(workers),
            "-b",
            f"127.0.0.1:{dossiers_bench.PORT}",
            "--log-level",
            "warning",
        ],
        cwd=ROOT,
        env=env,
        stdout=log,
        stderr=log,
    )
    try:
        time.sleep(8)
        print(f"gunicorn {workers} workers; {duration}s per run; log {settings_dir}/gunicorn.log")
        print(
            "| what | c | p50 ms | p95 ms | p99 ms | req/s | non-200 |\n|---|---|---|---|---|---|---|"
        )
        for name, paths in pages().items():
            first = dossiers_bench.status_of(paths[0])
            if first != 200:
                print(f"| {name} | — | HTTP {first} on {paths[0]}: not measured | | | | |")
                continue
            dossiers_bench.load(paths, 2, 3)  # warm up both workers
            for c in (1, 8):
                r = dossiers_bench.load(paths, c, duration)
                print(
                    f"| {name} | {c} | {r['p50']:.1f} | {r['p95']:.1f} | {r['p99']:.1f} | "
                    f"{r['rps']:.0f} | {r['non200']} |"
                )
    finally:
        server.terminate()
        server.wait()


def close766(period: str) -> None:
    """Close a period of the 766 index for every agency (congso.index766.services)."""
    try:
        from congso.index766.services import close_period
    except ImportError:
        sys.exit("congso.index766 has no close_period here.")
    from congso.index766.models import PeriodClosure
    from congso.servicestats.periods import parse_period

    target = parse_period(period)
    PeriodClosure.objects.filter(period=target.code).delete()  # a rerun measures again
    started = time.monotonic()
    closure = close_period(target)
    elapsed = time.monotonic() - started
    print(f"close_period({target.code}): {closure.agencies.count()} agencies in {elapsed:.1f}s")


def stock(rounds: int) -> None:
    """The live "in progress now" of the whole installation: the count over open dossiers
    that stock_at used to run (written here) against stock_at / stock_by_agency today,
    alternated in one process so the machine's load hits both alike."""
    from django.db.models import Count, Q
    from django.utils import timezone

    from congso.dossiers.models import Dossier
    from congso.dossiers.status import IN_PROGRESS
    from congso.servicestats.periods import parse_period
    from congso.servicestats.querysets import stock_at, stock_by_agency

    year = parse_period(str(timezone.localdate().year))

    def old():
        now = timezone.now()
        late = Q(legal_due_at__lt=now) | Q(legal_due_at__isnull=True, due_at__lt=now)
        return Dossier.objects.filter(status__in=IN_PROGRESS, received_at__isnull=False).aggregate(
            total=Count("pk"), overdue=Count("pk", filter=late)
        )

    runs = {
        "old: count of open dossiers now": old,
        "new: stock_at(None, this year)": lambda: stock_at(None, year),
        "new: stock_by_agency(None, this year)": lambda: stock_by_agency(None, year),
    }
    print("old", old(), "new", stock_at(None, year))
    timings: dict[str, list[float]] = {name: [] for name in runs}
    for _ in range(rounds):
        for name, run in runs.items():
            started = time.perf_counter()
            run()
            timings[name].append((time.perf_counter() - started) * 1000)
    print("| what | p50 ms | max ms |\n|---|---|---|")
    for name, values in timings.items():
        values.sort()
        print(f"| {name} | {values[len(values) // 2]:.0f} | {values[-1]:.0f} |")


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    sub = parser.add_subparsers(dest="cmd", required=True)
    gen = sub.add_parser("generate")
    gen.add_argument("--count", type=int, default=1_000_000)
    gen.add_argument("--agencies", type=int, default=100)
    gen.add_argument("--seed", type=int, default=10)
    sub.add_parser("rebuild")
    sub.add_parser("explain")
    i = sub.add_parser("inprocess")
    i.add_argument("--count", type=int, default=100)
    h = sub.add_parser("http")
    h.add_argument("--duration", type=int, default=15)
    h.add_argument("--workers", type=int, default=2)
    st = sub.add_parser("stock")
    st.add_argument("--rounds", type=int, default=15)
    c = sub.add_parser("close766")
    c.add_argument("--period", default=f"{dt.date.today().year}-Q3")
    args = parser.parse_args()
    if args.cmd == "generate":
        generate(args.count, args.seed, args.agencies)
    elif args.cmd == "rebuild":
        rebuild()
    elif args.cmd == "explain":
        explain()
    elif args.cmd == "inprocess":
        inprocess(args.count)
    elif args.cmd == "stock":
        stock(args.rounds)
    elif args.cmd == "http":
        http(args.duration, args.workers)
    else:
        close766(args.period)


if __name__ == "__main__":
    main()
