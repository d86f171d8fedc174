import json

from django.core.management.base import BaseCommand

from congso.documents import services


class Command(BaseCommand):
    help = "Xác minh lại chữ ký số của mọi tệp PDF theo danh sách chứng thư gốc tin cậy hiện tại."

    def handle(self, *args, **options):
        counts = services.verify_all()
        total = sum(counts.values())
        self.stdout.write(f"Đã xác minh {total} tệp PDF.")
        self.stdout.write(json.dumps({"verified": total, "by_status": counts}, ensure_ascii=False))
