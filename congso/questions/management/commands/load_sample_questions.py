from django.core.management.base import BaseCommand

from congso.questions import sample


class Command(BaseCommand):
    help = "Trang hỏi đáp và câu hỏi mẫu (dữ liệu mẫu) cho mọi trang có trang chủ; chạy lại không tạo thêm."

    def handle(self, *args, **options):
        result = sample.load(self.stdout)
        self.stdout.write(
            f"Đã tạo {result['pages']} trang hỏi đáp, {result['questions']} câu hỏi mẫu."
        )
