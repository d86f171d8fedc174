from django.core.management.base import BaseCommand

from congso.drafts.sample import load_sample_drafts


class Command(BaseCommand):
    help = (
        "Dự thảo lấy ý kiến mẫu (dữ liệu mẫu) cho mọi trang có trang chủ; chạy lại không tạo thêm."
    )

    def handle(self, *args, **options):
        created = load_sample_drafts()
        self.stdout.write(f"Đã tạo {created} dự thảo mẫu.")
