from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError

from congso.core.sites import add_site


class Command(BaseCommand):
    help = (
        "Thêm một trang (Site) mới trên cùng cài đặt, ví dụ cổng của một xã: trang chủ, thông "
        "tin cơ quan, mục Tin tức, mục tiếng Anh, các mục theo Nghị định 42, thư mục ảnh/tệp, "
        "nhóm biên tập riêng chỉ sửa được trang này và quy trình duyệt riêng. Chạy lại không "
        "tạo trùng (xem docs/sites.md)."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--hostname", required=True, help="tên miền, ví dụ xa-mau.example.gov.vn"
        )
        parser.add_argument("--port", default=80, help="cổng người đọc dùng (mặc định 80)")
        parser.add_argument("--name", required=True, help="tên trang, ví dụ “UBND xã Mẫu”")
        parser.add_argument("--name-en", default="", help="tên tiếng Anh của cơ quan")
        parser.add_argument(
            "--agency", default="", help="mã định danh của cơ quan (Dịch vụ công) có trang này"
        )

    def handle(self, *args, **options):
        try:
            result = add_site(
                hostname=options["hostname"],
                port=options["port"],
                name=options["name"],
                agency=options["agency"],
                name_en=options["name_en"],
            )
        except ValidationError as error:
            raise CommandError(" ".join(error.messages)) from None
        site = result.site
        made = ", ".join(result.created) if result.created else "không có gì mới"
        self.stdout.write(f"Trang “{site.site_name}”: {site.root_url}/ — đã tạo: {made}")
        for note in result.notes:
            self.stdout.write(f"  {note}")
