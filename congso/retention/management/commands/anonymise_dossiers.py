"""Anonymise the personal data of settled dossiers whose retention period has passed
(docs/retention.md). Run daily by deploy/congso-anonymise.timer; safe to run again."""

from django.core.management.base import BaseCommand

from congso.retention.anonymise import run
from congso.retention.export import purge_expired


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
        if not dry_run:
            # The same daily run forgets the citizens' export zips whose link has expired.
            expired = purge_expired()
            if expired:
                self.stdout.write(f"Đã xóa {expired} gói dữ liệu cá nhân hết hạn tải về.")
        if dry_run:
            self.stdout.write(
                f"Đến hạn ẩn danh hóa: {totals['due']} hồ sơ (chạy thử, chưa đổi gì)."
            )
        else:
            self.stdout.write(
                f"Đã ẩn danh hóa {totals['dossiers']}/{totals['due']} hồ sơ; "
                f"xóa {totals.get('files', 0)} tệp, {totals.get('slips', 0)} phiếu."
            )
