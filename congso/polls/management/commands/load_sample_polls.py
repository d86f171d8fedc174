from django.core.management.base import BaseCommand

from congso.contact.sample import home_pages
from congso.polls.sample import load


class Command(BaseCommand):
    help = "Tạo trang Bình chọn mẫu (một cuộc đang mở, một cuộc đã kết thúc) cho mọi cổng."

    def handle(self, *args, **options):
        count = 0
        for site, home in home_pages():
            for line in load(site, home):
                self.stdout.write(line)
                count += 1
        if not count:
            self.stdout.write("Bình chọn mẫu đã có; không tạo thêm.")
