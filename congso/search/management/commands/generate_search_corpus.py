"""A corpus for the search speed benchmark: N published articles, then a timed index build.

    manage.py generate_search_corpus 100000 --seed 7

Articles come from the portal's own generator (`generate_articles`, realistic Vietnamese
government news written in bulk); this command then rebuilds the search index and prints one
JSON line with the build time and the index size, which benchmarks/search_speed.py records.
"""

import json
import time

from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError

from congso.search.backends import get_backend
from congso.search.services import rebuild_index


class Command(BaseCommand):
    help = "Tạo N bài viết tiếng Việt giả lập rồi dựng chỉ mục tìm kiếm (đo thời gian, dung lượng)."

    def add_arguments(self, parser):
        parser.add_argument("count", type=int)
        parser.add_argument("--seed", type=int, default=7)
        parser.add_argument("--skip-generate", action="store_true", help="chỉ dựng lại chỉ mục")

    def handle(self, *args, count, seed, skip_generate, **options):
        if count < 0:
            raise CommandError("Số bài viết phải >= 0.")
        generated = None
        if not skip_generate:
            started = time.perf_counter()
            try:
                call_command(
                    "generate_articles", count=count, seed=seed, images=0, stdout=self.stderr
                )
            except CommandError as error:
                raise CommandError(f"Không tạo được bài viết: {error}") from error
            generated = round(time.perf_counter() - started, 1)
        started = time.perf_counter()
        indexed = rebuild_index(batch_size=1000)
        seconds = time.perf_counter() - started
        backend = get_backend()
        self.stdout.write(
            json.dumps(
                {
                    "backend": backend.name,
                    "articles_generated": count if generated is not None else 0,
                    "generate_seconds": generated,
                    "indexed": indexed,
                    "index_seconds": round(seconds, 1),
                    "index_bytes": backend.size_bytes(),
                }
            )
        )
