"""manage.py load_sample_procedures: the demo catalogue (dữ liệu mẫu), loaded through the same
importer as real files; running it again changes nothing. See congso/procedures/sample.py."""

from django.core.management.base import BaseCommand

from congso.procedures.sample import load_sample_procedures


class Command(BaseCommand):
    help = "Nạp thủ tục hành chính mẫu (dữ liệu mẫu) của Sở Thông tin và Truyền thông và một xã."

    def handle(self, *args, **options):
        report = load_sample_procedures()
        self.stdout.write(
            f"Thủ tục hành chính mẫu: thêm mới {len(report.added)}, thay đổi {len(report.changed)},"
            f" không đổi {len(report.unchanged)} (xem /thu-tuc-hanh-chinh/)."
        )
