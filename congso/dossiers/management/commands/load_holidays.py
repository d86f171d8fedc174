from django.core.management.base import BaseCommand, CommandError

from congso.dossiers import holidays
from congso.dossiers.models import CalendarDay


class Command(BaseCommand):
    help = (
        "Nạp ngày nghỉ lễ, Tết và ngày làm bù vào lịch mặc định từ thư viện holidays. "
        "Chạy lại nhiều lần không sao; ngày quản trị viên đã sửa được giữ nguyên."
    )

    def add_arguments(self, parser):
        parser.add_argument("--years", default="2024-2028", help="Ví dụ 2024-2028 hoặc 2027")

    def handle(self, *args, years, **options):
        try:
            year_range = holidays.parse_years(years)
        except ValueError:
            raise CommandError("--years phải có dạng 2024-2028 (trong khoảng 1990–2100).")
        created, updated = holidays.load(CalendarDay, year_range)
        self.stdout.write(
            f"Lịch mặc định {year_range.start}–{year_range.stop - 1}: "
            f"thêm {created} ngày, cập nhật {updated} ngày."
        )
