from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand

from congso.documents.demo import load_demo_documents


class Command(BaseCommand):
    help = (
        "Dữ liệu mẫu: dựng PDF từ báo cáo mẫu 004, ký số nhiều lần bằng CA DEMO và xuất bản. "
        "Chạy lại không tạo thêm gì."
    )

    def add_arguments(self, parser):
        parser.add_argument("--seeds-dir", type=Path, default=None)

    def handle(self, *args, seeds_dir=None, **options):
        seeds = seeds_dir or Path(settings.SEEDS_DIR)
        load_demo_documents(seeds if seeds.is_dir() else None, self.stdout)
