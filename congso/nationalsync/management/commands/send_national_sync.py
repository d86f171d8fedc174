"""`manage.py send_national_sync`: send the due outbox messages to the national portal.

Run every minute (deploy/congso-national-sync.timer; the Makefile's demo loop). Overlapping runs
are safe: each message is claimed by one run."""

from django.core.management.base import BaseCommand

from congso.nationalsync import sender


class Command(BaseCommand):
    help = "Gửi các bản tin đồng bộ đến hạn lên Cổng Dịch vụ công quốc gia."

    def add_arguments(self, parser):
        parser.add_argument(
            "--max-seconds", type=float, default=50.0, help="Dừng sau chừng này giây (mặc định 50)."
        )

    def handle(self, *args, max_seconds, **options):
        if not sender.enabled():
            missing = ", ".join(sender.missing_settings())
            self.stdout.write(f"Đồng bộ Cổng DVC quốc gia đang tắt (chưa cấu hình {missing}).")
            return
        counts = sender.drain(max_seconds=max_seconds)
        self.stdout.write(
            "Đã gửi {sent} bản tin: {acknowledged} được xác nhận, {retry} sẽ gửi lại, "
            "{failed} gửi lỗi.".format(**counts)
        )
