"""Run every few minutes (Makefile demo loop, deploy/congso-send-reminders.timer): queues the
reminders task for the background worker (`manage.py db_worker`). Running it twice, or on two
machines at once, sends nothing twice (congso/reminders/models.py)."""

from django.core.management.base import BaseCommand


class Command(BaseCommand):
    help = (
        "Nhắc việc và cảnh báo: nhắc cán bộ hồ sơ đến hạn bước trong 01 ngày làm việc, báo lãnh "
        "đạo hồ sơ quá hạn bước, dừng xử lý hồ sơ quá hạn bổ sung. Chạy lại không gửi lần nữa."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--dry-run",
            action="store_true",
            help="Chỉ liệt kê những gì sẽ được nhắc, không ghi nhận, không gửi.",
        )

    def handle(self, *args, dry_run=False, **options):
        if dry_run:
            from congso.dossiers.services import records
            from congso.reminders import rules

            now = records.now()
            for c in rules.step_candidates(now) + rules.supplement_candidates(now):
                self.stdout.write(f"{c.kind}\t{c.dossier}\t{c.occurrence}")
            return
        from congso.reminders.tasks import run_reminders

        result = run_reminders.enqueue()
        self.stdout.write(f"Đã xếp tác vụ nhắc việc ({result.id}).")
