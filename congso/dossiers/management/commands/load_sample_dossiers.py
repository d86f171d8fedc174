import time

from django.core.management.base import BaseCommand

from congso.dossiers.sample import load_sample_dossiers


class Command(BaseCommand):
    help = (
        "Nạp hồ sơ mẫu (dữ liệu mẫu) của cơ quan mẫu qua đúng các bước một cửa: mới nộp, đã "
        "tiếp nhận, chờ bổ sung, quá hạn, đã trả kết quả…, và một năm hồ sơ đã qua của hai cơ quan "
        "mẫu cho trang kết quả giải quyết. Chạy lại không nạp thêm."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--days",
            type=int,
            default=365,
            help="Số ngày hồ sơ mẫu đã qua cho trang kết quả giải quyết (0: không nạp).",
        )

    def handle(self, *args, **options):
        started = time.monotonic()
        self.stdout.write(load_sample_dossiers(year_days=max(0, options["days"])))
        self.stdout.write(f"({time.monotonic() - started:.0f} giây)")
