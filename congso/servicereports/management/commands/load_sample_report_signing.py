from django.core.management.base import BaseCommand

from congso.servicereports.demo import load_sample_report_signing


class Command(BaseCommand):
    help = (
        "Dữ liệu mẫu: chứng thư ký báo cáo (congso DEMO CA) cho các cơ quan có hồ sơ mẫu, ký và "
        "đăng báo cáo tháng trước của cơ quan đầu tiên."
    )

    def handle(self, *args, **options):
        load_sample_report_signing(self.stdout)
