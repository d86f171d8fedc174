"""Comments under several workers without Redis: does the per-address limit hold, and does a
form sent several times at once save one comment?

Starts gunicorn (sync workers, DEBUG off, SQLite file in a temporary directory, no Redis),
then
1. sends `--posts` comments from one address (X-Forwarded-For behind TRUSTED_PROXY_COUNT=1),
   `--concurrency` at a time so that every worker serves some, each from a fresh form (its own
   CSRF token and submission key), and counts how many were accepted (COMMENTS_RATE_LIMIT,
   default 5/600: 5 should be);
2. sends one form `--resends` times at once from another address and counts the comments
   saved (1 should be).

Usage (from the repository root; the first run migrates a fresh database, ~1 min):
    .venv/bin/python benchmarks/comments_rate_limit.py [--workers 2] [--posts 20]
        [--concurrency 4] [--resends 5] [--app DIR] [--redis redis://127.0.0.1:6379/0]
`--app` runs another checkout (e.g. an export of an older commit) with this virtualenv.
"""

# ruff: noqa: S310 - every URL opened here is the local server this script started.

import argparse
import http.cookiejar
import json
import os
import shutil
import socket
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PYTHON = ROOT / ".venv" / "bin" / "python"
GUNICORN = ROOT / ".venv" / "bin" / "gunicorn"

SETUP = """
from congso.core.tests.factories import make_article, make_category, make_home
home = make_home()
article = make_article(make_category(home, "Tin tức"), "Bài viết để đo giới hạn bình luận")
print(article.pk)
"""

# The cost of one count, in the same environment as the server (database, cache).
COST = """
import time
from congso.core.ratelimit import Rate, cache_is_shared, count_in_cache, hit
rate, n = Rate(10**9, 600), 500
hit("bench:warm", rate, every_worker=True)
started = time.perf_counter()
for i in range(n):
    hit(f"bench:{i % 50}", rate, every_worker=True)
shared = (time.perf_counter() - started) / n * 1000
started = time.perf_counter()
for i in range(n):
    count_in_cache(f"bench:{i % 50}", 600)
cache = (time.perf_counter() - started) / n * 1000
where = "Redis" if cache_is_shared() else "database"
print(f"one count: {shared:.2f} ms ({where}); in the default cache: {cache:.3f} ms")
"""


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class Reader:
    """One browser: its own cookies, a fresh form (token and key) for every comment."""

    def __init__(self, base: str, article: int, address: str):
        self.base, self.address = base, address
        self.action = f"/binh-luan/{article}/gui/"
        self.opener = urllib.request.build_opener(
            urllib.request.HTTPCookieProcessor(http.cookiejar.CookieJar())
        )

    def _open(self, request):
        request.add_header("X-Forwarded-For", self.address)
        try:
            with self.opener.open(request, timeout=60) as response:
                return response.status, response.read()
        except urllib.error.HTTPError as error:
            return error.code, error.read()

    def new_form(self) -> dict:
        query = urllib.parse.urlencode({"form": self.action})
        status, body = self._open(urllib.request.Request(f"{self.base}/binh-luan/token/?{query}"))
        assert status == 200, status
        data = json.loads(body)
        return {"csrfmiddlewaretoken": data["token"], "submission_key": data.get("key", "")}

    def send(self, form: dict, text: str) -> tuple[int, float]:
        body = urllib.parse.urlencode(
            {**form, "name": "Người đo", "email": "do@example.vn", "text": text}
        ).encode()
        request = urllib.request.Request(f"{self.base}{self.action}", data=body)
        request.add_header("Referer", f"{self.base}{self.action}")
        started = time.perf_counter()
        status, _ = self._open(request)
        return status, (time.perf_counter() - started) * 1000


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--posts", type=int, default=20)
    parser.add_argument("--concurrency", type=int, default=4)
    parser.add_argument("--resends", type=int, default=5)
    parser.add_argument("--app", type=Path, default=ROOT)
    parser.add_argument("--redis", default="", help="a Redis URL (default: no Redis)")
    args = parser.parse_args()

    var = Path(tempfile.mkdtemp(prefix="congso-bench-comments-"))
    database = var / "congso.sqlite3"
    env = {
        key: value
        for key, value in os.environ.items()
        if key not in ("REDIS_URL", "DATABASE_URL", "DJANGO_SETTINGS_MODULE")
    }
    env.update(
        CONGSO_VAR_DIR=str(var),
        DATABASE_URL=f"sqlite:///{database}",
        DEBUG="0",
        LOG_LEVEL="ERROR",
        ALLOWED_HOSTS="127.0.0.1",
        TRUSTED_PROXY_COUNT="1",
        COMMENTS_RATE_LIMIT=os.environ.get("COMMENTS_RATE_LIMIT", "5/600"),
        PYTHONPATH=str(args.app),
    )
    if args.redis:
        env.update(REDIS_URL=args.redis, CACHE_KEY_PREFIX=f"bench-comments-{os.getpid()}")
    run = {"cwd": args.app, "env": env, "check": True}
    print(f"app {args.app}, database {database}, Redis: {args.redis or 'none'}", flush=True)
    subprocess.run([PYTHON, "manage.py", "migrate", "--noinput", "-v", "0"], **run)
    article = subprocess.run(
        [PYTHON, "manage.py", "shell", "-v", "0", "-c", SETUP],
        capture_output=True,
        text=True,
        **run,
    ).stdout.split()[-1]

    cost = (
        subprocess.run(
            [PYTHON, "manage.py", "shell", "-v", "0", "-c", COST],
            capture_output=True,
            text=True,
            **{**run, "check": False},  # an older checkout has no RateCounter
        )
        .stdout.strip()
        .splitlines()
    )
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    server = subprocess.Popen(
        [GUNICORN, "congso.wsgi", "-w", str(args.workers), "-b", f"127.0.0.1:{port}"]
        + ["--log-level", "warning", "--timeout", "120"],
        cwd=args.app,
        env=env,
    )
    try:
        deadline = time.monotonic() + 120
        while True:
            try:
                urllib.request.urlopen(f"{base}/binh-luan/token/", timeout=5).close()
                break
            except OSError:
                if time.monotonic() > deadline or server.poll() is not None:
                    raise SystemExit("gunicorn did not start") from None
                time.sleep(0.5)
        # Let every worker boot and import the app before counting.
        with ThreadPoolExecutor(args.workers * 4) as pool:
            list(
                pool.map(
                    lambda _: urllib.request.urlopen(f"{base}/binh-luan/token/").close(),
                    range(args.workers * 8),
                )
            )

        # 1. One address, many forms.
        flood = Reader(base, article, "198.51.100.7")
        forms = [flood.new_form() for _ in range(args.posts)]
        with ThreadPoolExecutor(args.concurrency) as pool:
            results = list(
                pool.map(lambda n: flood.send(forms[n], f"Bình luận số {n}."), range(args.posts))
            )
        accepted = sum(status == 200 for status, _ in results)
        limited = sum(status == 429 for status, _ in results)
        other = len(results) - accepted - limited
        latency = statistics.median(ms for _, ms in results)

        # 2. One form, sent several times at once (a double click, a resend).
        clicker = Reader(base, article, "198.51.100.8")
        form = clicker.new_form()
        start = threading.Barrier(args.resends)

        def resend(_):
            start.wait(30)
            return clicker.send(form, "Một bình luận, bấm gửi nhiều lần.")

        with ThreadPoolExecutor(args.resends) as pool:
            resent = list(pool.map(resend, range(args.resends)))
    finally:
        server.terminate()
        server.wait(30)
    with sqlite3.connect(database) as db:
        saved = db.execute(
            "SELECT COUNT(*) FROM comments_comment WHERE text = ?",
            ("Một bình luận, bấm gửi nhiều lần.",),
        ).fetchone()[0]

    print(
        f"{args.posts} posts from one address, {args.workers} workers, "
        f"{args.concurrency} at a time: {accepted} accepted, {limited} refused with 429, "
        f"{other} other; median {latency:.0f} ms per post"
    )
    print(
        f"one form sent {args.resends} times at once: answers "
        f"{sorted(status for status, _ in resent)}, comments saved: {saved}"
    )
    print(cost[-1] if cost else "one count: not measured (an older checkout)")
    shutil.rmtree(var, ignore_errors=True)
    return 0 if other == 0 else 1


if __name__ == "__main__":
    sys.exit(main())
