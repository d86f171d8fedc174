"""Search API latency: p50/p95 of GET /api/v1/search for 1–4 term queries, at concurrency 1 and 8.

    # 1. a corpus (100,000 articles) and its index, timed:
    CONGSO_VAR_DIR=/tmp/sb .venv/bin/python manage.py migrate
    CONGSO_VAR_DIR=/tmp/sb .venv/bin/python manage.py generate_search_corpus 100000 --seed 7
    # 2. serve it (same env; DATABASE_URL=postgres://… for PostgreSQL) and measure:
    CONGSO_VAR_DIR=/tmp/sb DEBUG=false .venv/bin/gunicorn congso.wsgi -w 2 -b 127.0.0.1:8765 &
    .venv/bin/python benchmarks/search_speed.py --url http://127.0.0.1:8765 --requests 400

Queries are drawn (fixed seed) from the words portals' readers type, without diacritics and
with, so every request is a real search (the API is never page-cached).
"""

import argparse
import json
import random
import statistics
import time
import urllib.parse
import urllib.request
from concurrent.futures import ThreadPoolExecutor

WORDS = [
    "chuyen doi so",
    "dịch vụ công",
    "cai cach hanh chinh",
    "hội nghị",
    "kinh te so",
    "UBND",
    "CNTT",
    "TT&TT",
    "thu tuc",
    "trực tuyến",
    "ha tinh",
    "nong thon moi",
    "an toan thong tin",
    "bao chi",
    "tuyên truyền",
    "ho so",
    "chính quyền số",
    "doanh nghiep",
    "vien thong",
    "hạ tầng",
    "ky so",
    "van ban",
    "cam xuyen",
    "huong son",
    "thi dua",
    "khen thuong",
    "giao duc",
    "y te",
    "dữ liệu",
    "nen tang",
    "ban chi dao",
    "so ket",
    "tap huan",
    "xa hoi so",
    "bưu chính",
]


def make_queries(count: int, seed: int) -> list[str]:
    rng = random.Random(seed)
    queries = []
    for _ in range(count):
        terms = rng.randint(1, 4)
        words: list[str] = []
        while len(words) < terms:
            words.extend(rng.choice(WORDS).split())
        queries.append(" ".join(words[:terms]))
    return queries


def fetch(base: str, q: str, page: bool = False) -> float:
    path = "/tim-kiem/?" if page else "/api/v1/search?"
    url = base + path + urllib.parse.urlencode({"q": q})
    started = time.perf_counter()
    with urllib.request.urlopen(url, timeout=30) as response:  # noqa: S310 (http URL from --url)
        body = response.read()
        assert response.status == 200, response.status
    elapsed = (time.perf_counter() - started) * 1000
    if not page:
        json.loads(body)
    return elapsed


def run(base: str, queries: list[str], concurrency: int, page: bool = False) -> dict:
    for q in queries[:20]:  # warm up connections, caches and the page cache of the OS
        fetch(base, q, page)
    started = time.perf_counter()
    with ThreadPoolExecutor(concurrency) as pool:
        latencies = sorted(pool.map(lambda q: fetch(base, q, page), queries))
    wall = time.perf_counter() - started
    p = statistics.quantiles(latencies, n=100)
    return {
        "target": "results page /tim-kiem/" if page else "API /api/v1/search",
        "concurrency": concurrency,
        "requests": len(latencies),
        "p50_ms": round(p[49], 1),
        "p95_ms": round(p[94], 1),
        "max_ms": round(latencies[-1], 1),
        "req_per_s": round(len(latencies) / wall, 1),
    }


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--url", default="http://127.0.0.1:8765")
    parser.add_argument("--requests", type=int, default=400)
    parser.add_argument("--seed", type=int, default=3)
    parser.add_argument(
        "--page", action="store_true", help="the HTML results page instead of the API"
    )
    args = parser.parse_args()
    queries = make_queries(args.requests, args.seed)
    for concurrency in (1, 8):
        print(json.dumps(run(args.url, queries, concurrency, args.page), ensure_ascii=False))


if __name__ == "__main__":
    main()
