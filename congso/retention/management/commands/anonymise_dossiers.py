"""Anonymise the personal data of settled dossiers whose retention period has passed
(docs/retention.md). Run daily by deploy/congso-anonymise.timer; safe to run again."""

from django.core.management.base import BaseCommand

from congso.retention.anonymise import run


class Command(BaseCommand):
    help = "Ẩn danh hóa dữ liệu cá nhân của hồ sơ đã kết thúc quá thời hạn lưu."

    def add_arguments(self, parser):
        parser.add_argument(
            "--dry-run",
            action="store_true",
            help="Chỉ đếm số hồ sơ đến hạn, không thay đổi gì.",
        )
        parser.add_argument("--limit", type=int, default=None, help="Tối đa bao nhiêu hồ sơ.")

    def handle(self, *args, dry_run=False, limit=None, **options):
        totals = run(dry_run=dry_run, limit=limit)
        if dry_run:
            self.stdout.write(
                f"Đến hạn ẩn danh hóa: {totals['due']} hồ sơ (chạy thử, chưa đổi gì)."
            )
        else:
            self.stdout.write(
                f"Đã ẩn danh hóa {totals['dossiers']}/{totals['due']} hồ sơ; "
                f"xóa {totals.get('files', 0)} tệp, {totals.get('slips', 0)} phiếu."
            )
