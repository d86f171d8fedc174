from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError

from congso.core import sample_sites


class Command(BaseCommand):
    help = (
        "Tạo trang thứ hai của bản demo: cổng của một xã mẫu tại xa-mau.localhost trên cùng "
        "cổng với bản demo (dữ liệu mẫu), với vài tin mẫu và nhóm biên tập riêng. Chạy lại "
        "không tạo trùng; cổng được cập nhật theo BASE_URL hoặc --port."
    )

    def add_arguments(self, parser):
        parser.add_argument("--port", type=int, help="cổng bản demo (mặc định theo BASE_URL)")

    def handle(self, *args, **options):
        try:
            port = sample_sites.demo_port(options.get("port"))
            result, articles = sample_sites.load(port)
        except ValidationError as error:
            raise CommandError(" ".join(error.messages)) from None
        made = ", ".join(result.created) if result.created else "không có gì mới"
        self.stdout.write(
            f"Trang xã mẫu: {result.site.root_url}/ — đã tạo: {made}; tin mẫu mới: {articles}"
        )
        for note in result.notes:
            self.stdout.write(f"  {note}")
