from django.core.management.base import BaseCommand

from congso.schedule import sample


class Command(BaseCommand):
    help = (
        "Tạo trang Lịch công tác cho mọi trang (site) có trang chủ và lịch mẫu tuần này, tuần "
        "sau (dữ liệu mẫu, tính từ ngày chạy). Chạy lại không tạo trùng."
    )

    def handle(self, *args, **options):
        self.stdout.write("Lịch công tác mẫu:")
        result = sample.load(self.stdout)
        self.stdout.write(
            f"Đã tạo {result['pages']} trang lịch và {result['entries']} mục lịch mới."
        )
