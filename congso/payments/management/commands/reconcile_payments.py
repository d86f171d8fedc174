"""`manage.py reconcile_payments [--older-than MINUTES] [--enqueue]`: run daily (cron or a
systemd timer) so that a payment whose notification never came is settled from the gateway's
own answer."""

from django.core.management.base import BaseCommand


class Command(BaseCommand):
    help = "Đối soát các giao dịch thanh toán trực tuyến còn chờ với cổng thanh toán."

    def add_arguments(self, parser):
        parser.add_argument("--older-than", type=int, default=None, help="phút (mặc định 30)")
        parser.add_argument(
            "--enqueue", action="store_true", help="đưa vào hàng đợi db_worker thay vì chạy ngay"
        )

    def handle(self, *args, older_than=None, enqueue=False, **options):
        if enqueue:
            from congso.payments.tasks import reconcile_payments

            reconcile_payments.enqueue(older_than)
            self.stdout.write("Đã đưa việc đối soát vào hàng đợi.")
            return
        from congso.payments.services import reconcile

        counts = reconcile(older_than_minutes=older_than)
        self.stdout.write(
            "Đã hỏi {asked}: {paid} đã thanh toán, {failed} không thành công, "
            "{expired} hết hạn, {pending} còn chờ, {errors} lỗi.".format(**counts)
        )
