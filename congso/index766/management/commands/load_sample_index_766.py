"""Sample entered values of the 766 index for the demo agencies (`make demo`)."""

from django.core.management.base import BaseCommand

from congso.index766 import sample


class Command(BaseCommand):
    help = "Nhập số liệu mẫu cho các chỉ số 766 nhập có minh chứng (dữ liệu mẫu, để trình diễn)."

    def handle(self, *args, **options):
        count = sample.load()
        self.stdout.write(f"Đã nhập {count} số liệu mẫu chỉ số 766 (dữ liệu mẫu).")
