import json
import time

from django.core.management.base import BaseCommand

from congso.search.backends import get_backend
from congso.search.services import rebuild_index


class Command(BaseCommand):
    help = "Dựng lại chỉ mục tìm kiếm tiếng Việt từ các trang đã xuất bản, công khai."

    def add_arguments(self, parser):
        parser.add_argument("--batch-size", type=int, default=500)

    def handle(self, *args, batch_size, **options):
        started = time.perf_counter()

        def progress(count):
            if options["verbosity"] > 1:
                self.stdout.write(f"  đã lập chỉ mục {count} trang")

        count = rebuild_index(batch_size=batch_size, progress=progress)
        seconds = time.perf_counter() - started
        backend = get_backend()
        self.stdout.write(
            json.dumps(
                {
                    "indexed": count,
                    "seconds": round(seconds, 2),
                    "backend": backend.name,
                    "size_bytes": backend.size_bytes(),
                }
            )
        )
