#!/usr/bin/env python3
"""Portal load benchmark: home page and one article, uncached / app page cache / nginx micro-cache,
with nginx serving a saved copy of the article as a static file as the ceiling.

    .venv/bin/python benchmarks/portal_bench.py                      # SQLite and PostgreSQL
    .venv/bin/python benchmarks/portal_bench.py --db sqlite --duration 5 --count 1000   # quick look

Everything runs on 127.0.0.1 in a temporary directory: its own SQLite file or PostgreSQL
database (congso_bench, dropped and recreated), gunicorn with 2 workers and production
settings (DEBUG off), its own nginx instance on spare ports (the system nginx is not touched)
using the production micro-cache snippets from deploy/, and wrk with --latency.
Results: a Markdown table on stdout and JSON in benchmarks/out/.
"""

import argparse
import json
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from datetime import datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PY = ROOT / ".venv" / "bin" / "python"
GUNICORN = ROOT / ".venv" / "bin" / "gunicorn"
WRK = "/usr/bin/wrk"
NGINX = "/usr/sbin/nginx"
APP_PORT, STATIC_PORT, PROXY_PORT = 18801, 18802, 18803
PG_URL = "postgres://postgres@127.0.0.1:5432/congso_bench"


def run(cmd, env=None, **kwargs):
    print("$", " ".join(str(c) for c in cmd), file=sys.stderr)
    return subprocess.run(cmd, env=env, check=True, cwd=ROOT, **kwargs)


def base_env(workdir: Path, db: str, cache: str) -> dict:
    env = dict(os.environ)
    env.update(
        DJANGO_SETTINGS_MODULE="congso.settings.production",
        SECRET_KEY="bench-only-" + "x" * 50,
        SECURE_SSL_REDIRECT="0",
        SECURE_COOKIES="0",
        SECURE_HSTS_SECONDS="0",
        ALLOWED_HOSTS="127.0.0.1,localhost",
        CONGSO_VAR_DIR=str(workdir / "var"),
        MEDIA_ROOT=str(workdir / "media"),
        STATIC_ROOT=str(workdir / "static"),
        LOG_LEVEL="WARNING",
    )
    env.pop("DATABASE_URL", None)
    env.pop("REDIS_URL", None)
    if db == "postgres":
        env["DATABASE_URL"] = PG_URL
    if cache == "redis":
        env["REDIS_URL"] = "redis://127.0.0.1:6379/9"
        env["CACHE_KEY_PREFIX"] = "congso-bench"
    return env


def prepare(env: dict, db: str, count: int, workdir: Path) -> float:
    if db == "postgres":
        subprocess.run(
            ["dropdb", "-h", "127.0.0.1", "-U", "postgres", "--if-exists", "congso_bench"],
            check=True,
        )
        subprocess.run(
            ["createdb", "-h", "127.0.0.1", "-U", "postgres", "congso_bench"], check=True
        )
    run([PY, "manage.py", "migrate", "--noinput", "-v0"], env)
    run([PY, "manage.py", "collectstatic", "--noinput", "-v0"], env)
    started = time.monotonic()
    run([PY, "manage.py", "generate_articles", "--count", str(count), "--seed", "2024"], env)
    return time.monotonic() - started


def pick_urls(env: dict) -> tuple[str, str]:
    """The home page and a recent article in a category with many siblings ("Đọc thêm" has work)."""
    code = (
        "from congso.news.models import ArticlePage;"
        "a = ArticlePage.objects.live().exclude(hero_image=None).order_by('-date')[5];"
        "print(a.url_path)"
    )
    out = subprocess.run(
        [PY, "manage.py", "shell", "-c", code],
        env=env,
        cwd=ROOT,
        check=True,
        capture_output=True,
        text=True,
    )
    url_path = out.stdout.strip().splitlines()[-1]
    # The default site's root page is the home page; its url_path is the first segment.
    article = "/" + url_path.strip("/").split("/", 1)[1] + "/"
    return "/", article


class Gunicorn:
    def __init__(self, env: dict, workdir: Path):
        self.env, self.workdir = env, workdir
        self.proc = None

    def __enter__(self):
        log = open(self.workdir / "gunicorn.log", "a")  # noqa: SIM115
        # As deploy/congso-gunicorn.service runs it, minus the access log (it would measure the disk).
        cmd = [
            GUNICORN,
            "congso.wsgi:application",
            "--workers",
            "2",
            "--bind",
            f"127.0.0.1:{APP_PORT}",
        ]
        wait_port_free(APP_PORT)
        self.proc = subprocess.Popen(
            cmd, env=self.env, cwd=ROOT, stdout=log, stderr=log, start_new_session=True
        )
        try:
            wait_for(f"http://127.0.0.1:{APP_PORT}/robots.txt")
        except BaseException:
            self.__exit__()
            raise
        return self

    def cpu_seconds(self) -> float:
        """User + system CPU of the master and its workers (all in the process group)."""
        ticks = os.sysconf("SC_CLK_TCK")
        total = 0
        for stat in Path("/proc").glob("[0-9]*/stat"):
            try:
                fields = stat.read_text().rsplit(")", 1)[1].split()
            except OSError:
                continue
            if int(fields[2]) == self.proc.pid:  # field 5 of stat: process group id
                total += int(fields[11]) + int(fields[12])  # fields 14, 15: utime, stime
        return total / ticks

    def __exit__(self, *exc):
        # SIGINT is gunicorn's quick shutdown; workers left behind would keep the port bound.
        os.killpg(self.proc.pid, signal.SIGINT)
        try:
            self.proc.wait(15)
        except subprocess.TimeoutExpired:
            os.killpg(self.proc.pid, signal.SIGKILL)
            self.proc.wait(5)
        wait_port_free(APP_PORT)


def wait_port_free(port: int, timeout: float = 30) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        with socket.socket() as probe:
            if probe.connect_ex(("127.0.0.1", port)) != 0:
                return
        time.sleep(0.3)
    raise RuntimeError(f"port {port} is still in use (a server from an earlier run?)")


def wait_for(url: str, timeout: float = 60) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(url, timeout=5) as response:  # noqa: S310 (127.0.0.1 only)
                if response.status == 200:
                    return
        except OSError:
            time.sleep(0.3)
    raise RuntimeError(f"{url} did not answer in {timeout}s")


def fetch(url: str, timeout: float = 60) -> tuple[int, dict, bytes]:
    request = urllib.request.Request(url, headers={"Host": "localhost"})  # noqa: S310 (127.0.0.1 only)
    with urllib.request.urlopen(request, timeout=timeout) as r:  # noqa: S310
        return r.status, dict(r.headers), r.read()


def micro_cache_status(path: str, method: str = "GET", cookie: str = "") -> str:
    headers = {"Host": "localhost"}
    if cookie:
        headers["Cookie"] = cookie
    url = f"http://127.0.0.1:{PROXY_PORT}{path}"
    request = urllib.request.Request(url, headers=headers, method=method)  # noqa: S310
    try:
        with urllib.request.urlopen(request, timeout=60) as r:  # noqa: S310
            return r.headers.get("X-Micro-Cache", "")
    except urllib.error.HTTPError as error:  # a POST without CSRF token gets 403: fine here
        return error.headers.get("X-Micro-Cache", "")


def check_micro_cache(article: str) -> None:
    """The production micro-cache does what docs/install.md says, before it is measured."""
    micro_cache_status(article)
    expectations = [
        ("anonymous GET", micro_cache_status(article), {"HIT"}),
        ("logged-in editor", micro_cache_status(article, cookie="sessionid=abc"), {"BYPASS"}),
        ("flash message", micro_cache_status(article, cookie="messages=abc"), {"BYPASS"}),
        ("unknown query string", micro_cache_status(article + "?x=1"), {"BYPASS"}),
        # Outside proxy_cache_methods nginx does not even look at the cache: empty status.
        ("POST", micro_cache_status(article, method="POST"), {"BYPASS", ""}),
        ("other cookie", micro_cache_status(article, cookie="csrftoken=abc"), {"HIT"}),
    ]
    for what, got, expected in expectations:
        print(f"micro-cache check: {what}: {got!r} (expected {expected})", file=sys.stderr)
        if got not in expected:
            raise RuntimeError(f"micro-cache: {what} gave {got!r}, expected {expected!r}")


NGINX_CONF = """
{user}
worker_processes 2;
pid {tmp}/nginx.pid;
error_log {tmp}/nginx-error.log warn;
events {{ worker_connections 1024; }}
http {{
    access_log off;
    client_body_temp_path {tmp}/client; proxy_temp_path {tmp}/proxy;
    fastcgi_temp_path {tmp}/fcgi; uwsgi_temp_path {tmp}/uwsgi; scgi_temp_path {tmp}/scgi;
    default_type text/html;
    sendfile on; tcp_nopush on; keepalive_requests 100000;
    upstream congso_app {{ server 127.0.0.1:{app_port}; keepalive 32; }}
    proxy_cache_path {tmp}/cache levels=1:2 keys_zone=congso_micro:20m max_size=256m inactive=10m use_temp_path=off;
    include {deploy}/nginx-microcache-http.conf;
    server {{
        listen 127.0.0.1:{static_port};
        root {tmp}/static-copy;
        location / {{ try_files $uri $uri/index.html =404; }}
    }}
    server {{
        listen 127.0.0.1:{proxy_port};
        location / {{ include {deploy}/nginx-microcache.conf; }}
    }}
}}
"""


class Nginx:
    def __init__(self, workdir: Path):
        self.tmp = workdir / "nginx"

    def __enter__(self):
        self.tmp.mkdir(exist_ok=True)
        conf = self.tmp / "nginx.conf"
        conf.write_text(
            NGINX_CONF.format(
                # Workers would drop to "nobody" and could not read the private temp directory.
                user="user root;" if os.geteuid() == 0 else "",
                tmp=self.tmp,
                deploy=ROOT / "deploy",
                app_port=APP_PORT,
                static_port=STATIC_PORT,
                proxy_port=PROXY_PORT,
            )
        )
        run([NGINX, "-t", "-q", "-c", conf, "-p", self.tmp])
        run([NGINX, "-c", conf, "-p", self.tmp])
        self.conf = conf
        time.sleep(0.5)
        return self

    def __exit__(self, *exc):
        subprocess.run([NGINX, "-c", self.conf, "-p", self.tmp, "-s", "quit"], check=False)
        time.sleep(0.5)


LAT_RE = re.compile(r"^\s+(50|99)(?:\.0+)?%\s+([\d.]+)(us|ms|s)\s*$", re.M)


def wrk(url: str, connections: int, duration: int) -> dict:
    threads = 1 if connections == 1 else 2
    cmd = [
        WRK,
        "--timeout",
        "10s",
        f"-t{threads}",
        f"-c{connections}",
        f"-d{duration}s",
        "--latency",
        "-H",
        "Host: localhost",
        url,
    ]
    out = subprocess.run(cmd, check=True, capture_output=True, text=True).stdout
    rps = float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1))
    latency = {}
    for pct, value, unit in LAT_RE.findall(out):
        latency[pct] = float(value) * {"us": 0.001, "ms": 1, "s": 1000}[unit]
    errors = re.search(r"Non-2xx or 3xx responses: (\d+)", out)
    socket_errors = re.search(r"Socket errors: (.*)", out)
    return {
        "rps": rps,
        "p50_ms": latency.get("50"),
        "p99_ms": latency.get("99"),
        "non_2xx": int(errors.group(1)) if errors else 0,
        "socket_errors": socket_errors.group(1) if socket_errors else "",
    }


def headers_of(url: str) -> str:
    """Which cache answered: X-Page-Cache (app) and X-Micro-Cache (nginx) of one more request."""
    _, headers, _ = fetch(url)
    return " ".join(f"{k}={headers[k]}" for k in ("X-Page-Cache", "X-Micro-Cache") if k in headers)


def bench_database(db: str, args, results: list, workdir: Path) -> None:
    workdir.mkdir(parents=True)
    env = base_env(workdir, db, args.cache)
    gen_seconds = prepare(env, db, args.count, workdir)
    home, article = pick_urls(env)
    print(
        f"[{db}] generated {args.count} articles in {gen_seconds:.1f}s; article {article}",
        file=sys.stderr,
    )
    pages = {"home": home, "article": article}
    for mode, cache_on in (("uncached", "0"), ("page cache", "1")):
        env["PAGE_CACHE_ENABLED"] = cache_on
        with Gunicorn(env, workdir) as app, Nginx(workdir):
            if mode == "page cache":
                check_micro_cache(article)
            for name, path in pages.items():
                status, headers, body = fetch(f"http://127.0.0.1:{APP_PORT}{path}")
                assert status == 200, (path, status)
                if name == "article" and mode == "uncached":
                    static_dir = workdir / "nginx" / "static-copy" / path.strip("/")
                    static_dir.mkdir(parents=True, exist_ok=True)
                    (static_dir / "index.html").write_bytes(body)
                targets = [("app", f"http://127.0.0.1:{APP_PORT}{path}")]
                if mode == "page cache":
                    targets.append(("nginx micro-cache", f"http://127.0.0.1:{PROXY_PORT}{path}"))
                    if name == "article":
                        targets.append(
                            ("nginx static file", f"http://127.0.0.1:{STATIC_PORT}{path}")
                        )
                for target, url in targets:
                    label = mode if target == "app" else target
                    for conns in (1, 32):
                        fetch(url, timeout=120)  # warm: first render, renditions, nginx cache
                        row = {
                            "db": db,
                            "cache": args.cache,
                            "page": name,
                            "config": label,
                            "c": conns,
                            "bytes": len(body),
                        }
                        cpu_before = app.cpu_seconds()
                        row.update(wrk(url, conns, args.duration))
                        # CPU the app spent per request: with a noisy neighbour the req/s figure
                        # shrinks, this one mostly does not. 2 cores / it = an idle-machine bound.
                        requests = row["rps"] * args.duration
                        if requests and target == "app":
                            cpu_ms = (app.cpu_seconds() - cpu_before) * 1000 / requests
                            row["app_cpu_ms_per_req"] = round(cpu_ms, 2)
                        # The machine is shared: record how busy it was, to read the figure by.
                        row["load_1min"] = float(Path("/proc/loadavg").read_text().split()[0])
                        row["x_cache"] = headers_of(url)
                        results.append(row)
                        print(json.dumps(row, ensure_ascii=False), file=sys.stderr)


def markdown(results: list) -> str:
    lines = [
        "| db | page | configuration | c | req/s | p50 ms | p99 ms | app CPU ms/req | errors | load |",
        "|---|---|---|---|---|---|---|---|---|---|",
    ]

    def ms(value):
        return "–" if value is None else f"{value:.1f}"

    for r in results:
        err = r["non_2xx"] or r["socket_errors"] or ""
        lines.append(
            f"| {r['db']} | {r['page']} | {r['config']} | {r['c']} | {r['rps']:,.0f} "
            f"| {ms(r['p50_ms'])} | {ms(r['p99_ms'])} | {ms(r.get('app_cpu_ms_per_req'))} "
            f"| {err} | {r.get('load_1min', '')} |"
        )
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--db", choices=["sqlite", "postgres", "both"], default="both")
    parser.add_argument(
        "--cache", choices=["locmem", "redis"], default="locmem", help="app cache backend"
    )
    parser.add_argument("--count", type=int, default=10_000)
    parser.add_argument("--duration", type=int, default=20, help="seconds per wrk run")
    parser.add_argument("--keep", action="store_true", help="keep the temporary directory")
    parser.add_argument(
        "--report", type=Path, help="print the table of a saved JSON result and exit"
    )
    args = parser.parse_args()
    if args.report:
        print(markdown(json.loads(args.report.read_text())))
        return
    args.databases = ["sqlite", "postgres"] if args.db == "both" else [args.db]
    for tool in (WRK, NGINX, GUNICORN):
        if not Path(tool).exists():
            sys.exit(f"missing {tool}")
    results = []
    workdir = Path(tempfile.mkdtemp(prefix="congso-portal-bench-"))
    try:
        for db in args.databases:
            bench_database(db, args, results, workdir / db)
    finally:
        if not args.keep:
            shutil.rmtree(workdir, ignore_errors=True)
    out_dir = ROOT / "benchmarks" / "out"
    out_dir.mkdir(exist_ok=True)
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
    (out_dir / f"portal-{stamp}.json").write_text(json.dumps(results, ensure_ascii=False, indent=1))
    print(markdown(results))


if __name__ == "__main__":
    main()
