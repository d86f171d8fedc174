import time

from django.core.management.base import BaseCommand

from congso.servicestats.services import rebuild


class Command(BaseCommand):
    help = (
        "Tính lại toàn bộ số liệu kết quả giải quyết hồ sơ từ các hồ sơ (sau khi nhập dữ liệu "
        "hoặc để kiểm tra)."
    )

    def handle(self, *args, **options):
        started = time.monotonic()
        result = rebuild(stdout=self.stdout if options["verbosity"] > 1 else None)
        self.stdout.write(
            f"Đã tính lại {result['dossiers']:,} hồ sơ, {result['days']:,} dòng số liệu theo ngày "
            f"trong {time.monotonic() - started:.1f} giây.".replace(",", ".")
        )
