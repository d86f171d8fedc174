from django.core.management.base import BaseCommand

from congso.analytics.counters import uses_shared_cache
from congso.analytics.services import flush


class Command(BaseCommand):
    help = "Ghi các lượt truy cập đang đếm trong bộ nhớ đệm vào cơ sở dữ liệu (chạy mỗi phút)."

    def handle(self, *args, **options):
        if not uses_shared_cache():
            self.stderr.write(
                "Cảnh báo: bộ nhớ đệm cục bộ (không có REDIS_URL) nằm trong tiến trình phục vụ web; "
                "lệnh này không thấy số đếm của nó. Tiến trình web tự ghi định kỳ."
            )
        result = flush()
        if result["skipped"]:
            self.stdout.write("Một lần ghi khác đang chạy; bỏ qua.")
        else:
            self.stdout.write(f"Đã ghi {result['batches']} lô số đếm.")
