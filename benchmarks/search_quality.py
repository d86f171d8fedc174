"""Search quality: recall@10 and MRR of the judged query set (benchmarks/search_judged.json).

    CONGSO_VAR_DIR=/tmp/sq .venv/bin/python benchmarks/search_quality.py --noise 3000
    DATABASE_URL=postgres://…/congso_sq .venv/bin/python benchmarks/search_quality.py --noise 3000
    … --no-bigrams     # the same without bigram tokens, to see what they are worth

Plants the judged target articles among `--noise` generated articles (generate_articles,
same vocabulary: "chuyển đổi số", "UBND tỉnh", "Sở TT&TT" …), rebuilds the index, runs every
query through the same code path as the API, and prints the figures per kind of query and one
JSON line. Use a database of its own: it adds pages.
"""

import argparse
import json
import os
import sys
from collections import defaultdict
from datetime import timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "congso.settings.base")
os.environ.setdefault("PAGE_CACHE_ENABLED", "false")

import django  # noqa: E402

django.setup()

from django.core.management import call_command  # noqa: E402
from django.db import connection  # noqa: E402
from django.utils import timezone  # noqa: E402

from congso.home.models import HomePage  # noqa: E402
from congso.news.models import ArticlePage, NewsIndexPage  # noqa: E402
from congso.search import analysis, services  # noqa: E402
from congso.search.querysets import search  # noqa: E402

CATEGORY_TITLE = "Tin đánh giá tìm kiếm"
KINDS = {
    "khong_dau": "không dấu",
    "co_dau": "có dấu",
    "chu_hoa": "chữ hoa",
    "viet_tat": "viết tắt",
    "ma_so": "số, ký hiệu",
    "cum_tu": "cụm từ trong ngoặc kép",
    "sai_dau": "sai/thiếu một dấu",
}


def plant(targets) -> dict[str, str]:
    home = HomePage.objects.first()
    category = NewsIndexPage.objects.filter(title=CATEGORY_TITLE).first()
    if category is None:
        category = NewsIndexPage(title=CATEGORY_TITLE, slug="danh-gia-tim-kiem")
        home.add_child(instance=category)
    existing = set(category.get_children().values_list("title", flat=True))
    with services.indexing_paused():
        for target in targets:
            if target["title"] in existing:
                continue
            page = ArticlePage(
                title=target["title"],
                slug=f"danh-gia-{target['id'].lower()}",
                sapo=target["body"].split(". ")[0],
                body=[("paragraph", f"<p>{target['body']}</p>")],
                date=timezone.now() - timedelta(days=target["days"]),
            )
            category.add_child(instance=page)
    return {t["id"]: t["title"] for t in targets}


def evaluate(queries, titles) -> tuple[dict, list]:
    per_kind = defaultdict(lambda: {"n": 0, "recall": 0.0, "rr": 0.0})
    misses = []
    for item in queries:
        relevant = {titles[r] for r in item["relevant"]}
        found = [hit.title for hit in search(item["q"], page_size=10).hits]
        hits = [i for i, title in enumerate(found) if title in relevant]
        recall = len({found[i] for i in hits}) / len(relevant)
        rr = 1.0 / (hits[0] + 1) if hits else 0.0
        for key in (item["kind"], "all"):
            per_kind[key]["n"] += 1
            per_kind[key]["recall"] += recall
            per_kind[key]["rr"] += rr
        if rr < 1.0:
            misses.append((item["q"], hits[0] + 1 if hits else None, found[:3]))
    summary = {
        kind: {
            "queries": v["n"],
            "recall@10": round(v["recall"] / v["n"], 3),
            "mrr": round(v["rr"] / v["n"], 3),
        }
        for kind, v in per_kind.items()
    }
    return summary, misses


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument(
        "--noise", type=int, default=3000, help="generated articles around the targets"
    )
    parser.add_argument("--no-bigrams", action="store_true")
    parser.add_argument("--seed", type=int, default=11)
    args = parser.parse_args()

    call_command("migrate", verbosity=0)
    if args.no_bigrams:
        if connection.vendor != "sqlite":
            parser.error("--no-bigrams: SQLite only (PostgreSQL matches phrases by their bigrams)")
        analyse = analysis.analyse
        services.analyse = lambda text, bigrams=True: analyse(text, bigrams=False)
    have = ArticlePage.objects.count()
    if have < args.noise:
        call_command(
            "generate_articles",
            count=args.noise - have,
            seed=args.seed,
            images=0,
            stdout=sys.stderr,
        )
    data = json.loads((Path(__file__).with_name("search_judged.json")).read_text("utf-8"))
    titles = plant(data["targets"])
    indexed = services.rebuild_index(batch_size=1000)
    summary, misses = evaluate(data["queries"], titles)

    print(
        f"backend={connection.vendor} indexed={indexed} bigrams={'no' if args.no_bigrams else 'yes'}"
    )
    print(f"{'kind':<26}{'n':>4}{'recall@10':>11}{'MRR':>7}")
    for kind, label in [*KINDS.items(), ("all", "tất cả")]:
        if kind in summary:
            row = summary[kind]
            print(f"{label:<26}{row['queries']:>4}{row['recall@10']:>11.3f}{row['mrr']:>7.3f}")
    for q, rank, top in misses:
        print(f"  not first: {q!r} rank={rank} top={top}")
    print(
        json.dumps(
            {
                "backend": connection.vendor,
                "indexed": indexed,
                "bigrams": not args.no_bigrams,
                **summary,
            },
            ensure_ascii=False,
        )
    )


if __name__ == "__main__":
    main()
