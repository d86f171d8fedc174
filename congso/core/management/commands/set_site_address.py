from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError

from congso.core.site_address import set_default_site_address


class Command(BaseCommand):
    help = (
        "Ghi địa chỉ người đọc dùng (ví dụ https://cong.example.gov.vn hoặc "
        "http://127.0.0.1:8000) vào trang (Site) mặc định: sitemap, RSS, liên kết chuẩn, API "
        "và lệnh add_document dùng địa chỉ này. Mặc định lấy từ BASE_URL. Chạy lại nhiều lần "
        "không sao."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "address", nargs="?", help="http://tên-miền[:cổng] hoặc https://tên-miền"
        )

    def handle(self, *args, address: str | None = None, **options):
        address = address or settings.BASE_URL
        try:
            site, previous, changed = set_default_site_address(address)
        except ValidationError as error:
            raise CommandError(" ".join(error.messages)) from None
        if changed:
            self.stdout.write(f"Địa chỉ cổng thông tin: {site.root_url}/ (trước đây {previous}/)")
        else:
            self.stdout.write(f"Địa chỉ cổng thông tin: {site.root_url}/ (không đổi)")
