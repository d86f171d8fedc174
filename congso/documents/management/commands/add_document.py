import json
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from congso.core.site_address import site_url
from congso.documents import services
from congso.documents.extraction import FileRejected


class Command(BaseCommand):
    help = (
        "Lưu một tệp thành văn bản mới (thông tin gợi ý từ nội dung), trích xuất và xác minh chữ "
        "ký số trước khi trả về. Dòng cuối là một đối tượng JSON {id, url, file_url}."
    )

    def add_arguments(self, parser):
        parser.add_argument("path", type=Path)
        parser.add_argument("--publish", action="store_true", help="Xuất bản ngay.")
        parser.add_argument(
            "--title", default="", help="Tiêu đề (trích yếu); mặc định lấy từ nội dung."
        )

    def handle(self, *args, path: Path, publish: bool, title: str, **options):
        if not path.is_file():
            raise CommandError(f"Không tìm thấy tệp: {path}")
        try:
            added = services.add_document(
                path.name, path.read_bytes(), title=title, publish=publish
            )
        except FileRejected as error:
            raise CommandError(f"{path.name}: {error} Không có gì được lưu.")
        page, file = added.page, added.file
        self.stdout.write(
            f"Đã lưu văn bản “{page.title}” ({'đã xuất bản' if page.live else 'bản nháp'}); "
            f"chữ ký số: {file.signature_badge}."
        )
        self.stdout.write(
            json.dumps(
                {"id": page.pk, "url": page.get_full_url(), "file_url": _full(page, file.url)},
                ensure_ascii=False,
            )
        )


def _full(page, url: str) -> str:
    """On the same host as the page URL: the Site record the document belongs to."""
    site = page.get_site()
    if site is not None:
        return site.root_url + url
    return site_url(url)
