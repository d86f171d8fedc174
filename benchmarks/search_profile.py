"""Where a search's time goes, without HTTP: each query of the speed benchmark run in-process,
with every SQL statement timed, so a slow query can be traced to one statement.

    CONGSO_VAR_DIR=/tmp/sb .venv/bin/python benchmarks/search_profile.py --queries 60
    DATABASE_URL=postgres://…/congso_sb .venv/bin/python benchmarks/search_profile.py

Prints one JSON line per query (total ms, ms in SQL, the slowest statement) and a summary.
Each query runs twice and the second run is reported: the HTTP benchmark also measures warm runs.
"""

import argparse
import json
import os
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "congso.settings.base")


class StatementTimer:
    def __init__(self):
        self.statements: list[tuple[float, str, tuple]] = []

    def __call__(self, execute, sql, params, many, context):
        started = time.perf_counter()
        try:
            return execute(sql, params, many, context)
        finally:
            self.statements.append(((time.perf_counter() - started) * 1000, sql, params))


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--queries", type=int, default=60)
    parser.add_argument("--seed", type=int, default=3)
    parser.add_argument("--verbose", action="store_true", help="every statement of every query")
    args = parser.parse_args()

    import django

    django.setup()
    from django.db import connection
    from search_speed import make_queries

    from congso.search import querysets

    totals, sql_totals = [], []
    for q in make_queries(args.queries, args.seed):
        querysets.search(q)
        timer = StatementTimer()
        with connection.execute_wrapper(timer):
            started = time.perf_counter()
            found = querysets.search(q)
            total = (time.perf_counter() - started) * 1000
        sql = sum(s[0] for s in timer.statements)
        totals.append(total)
        sql_totals.append(sql)
        slowest = max(timer.statements, default=(0, "", ()))
        print(
            json.dumps(
                {
                    "q": q,
                    "ms": round(total, 1),
                    "sql_ms": round(sql, 1),
                    "statements": len(timer.statements),
                    "total": found.total,
                    "slowest_ms": round(slowest[0], 1),
                    "slowest": slowest[1][:160],
                },
                ensure_ascii=False,
            )
        )
        if args.verbose:
            for ms, statement, params in timer.statements:
                print(f"    {ms:8.1f} ms  {statement[:200]}  {str(params)[:200]}")
    p = statistics.quantiles(totals, n=100)
    print(
        json.dumps(
            {
                "backend": connection.vendor,
                "queries": len(totals),
                "p50_ms": round(p[49], 1),
                "p95_ms": round(p[94], 1),
                "max_ms": round(max(totals), 1),
                "sql_share": round(sum(sql_totals) / sum(totals), 2),
            }
        )
    )


if __name__ == "__main__":
    main()
