from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand

from congso.seeds.services import import_seeds


class Command(BaseCommand):
    help = (
        "Nạp nội dung mẫu từ các tệp trong SEEDS_DIR (mặc định ../shared/seeds); "
        "khi thư mục vắng hoặc rỗng, tạo nội dung tổng hợp. Chạy lại không tạo thêm gì."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--seeds-dir",
            type=Path,
            default=None,
            help="Thư mục chứa các tệp dữ liệu mẫu (.txt); mặc định settings.SEEDS_DIR.",
        )

    def handle(self, *args, **options):
        seeds_dir = options["seeds_dir"] or Path(settings.SEEDS_DIR)
        self.stdout.write(f"Nạp dữ liệu mẫu từ {seeds_dir} …")
        report = import_seeds(seeds_dir, stdout=self.stdout)
        for note in report.notes:
            self.stdout.write(note)
        if report.used_fallback:
            self.stdout.write(
                self.style.WARNING(
                    f"Thư mục {seeds_dir} không có hoặc không có bài viết: "
                    "đã nạp nội dung tổng hợp (dữ liệu mẫu)."
                )
            )
        self.stdout.write(self.style.SUCCESS(f"Đã tạo {report.total} mục:"))
        for line in report.summary():
            self.stdout.write(line)
