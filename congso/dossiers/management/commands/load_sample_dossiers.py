from django.core.management.base import BaseCommand

from congso.dossiers.sample import load_sample_dossiers


class Command(BaseCommand):
    help = (
        "Nạp hồ sơ mẫu (dữ liệu mẫu) của cơ quan mẫu qua đúng các bước một cửa: mới nộp, đã "
        "tiếp nhận, chờ bổ sung, quá hạn, đã trả kết quả… Chạy lại không nạp thêm."
    )

    def handle(self, *args, **options):
        self.stdout.write(load_sample_dossiers())
