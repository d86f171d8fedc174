"""`manage.py load_sample_payments`: the demo's sample procedures that charge a fee accept online
payment (through the sandbox gateway unless PAYMENT_GATEWAY says otherwise). Only rows marked
as sample data are touched; running it again changes nothing."""

from django.core.management.base import BaseCommand

from congso.procedures.models import Procedure


class Command(BaseCommand):
    help = "Cho phép thanh toán trực tuyến ở các thủ tục mẫu (dữ liệu mẫu) có thu phí, lệ phí."

    def handle(self, *args, **options):
        changed = (
            Procedure.objects.filter(is_sample=True, online_payment=False, fees__amount__gt=0)
            .distinct()
            .values_list("pk", flat=True)
        )
        count = Procedure.objects.filter(pk__in=list(changed)).update(online_payment=True)
        self.stdout.write(f"Thủ tục mẫu cho phép thanh toán trực tuyến: thêm {count}.")
