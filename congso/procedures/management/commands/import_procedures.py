"""manage.py import_procedures FILE [--dry-run]: add and update procedures from a JSON or Excel
file in the national database's field names (docs/procedures-import.md). The work is in
congso.procedures.services; this only reads the arguments and prints the report."""

from django.core.management.base import BaseCommand, CommandError

from congso.procedures.services import ImportFileError, import_file


class Command(BaseCommand):
    help = "Nhập, cập nhật thủ tục hành chính từ tệp JSON hoặc Excel (.xlsx)."

    def add_arguments(self, parser):
        parser.add_argument("file", help="Tệp .json hoặc .xlsx")
        parser.add_argument(
            "--dry-run", action="store_true", help="Kiểm tra và báo cáo, không lưu gì."
        )

    def handle(self, *args, file, dry_run=False, **options):
        try:
            report = import_file(file, dry_run=dry_run)
        except ImportFileError as exc:
            raise CommandError(str(exc)) from None
        for line in report.lines():
            self.stdout.write(line)
