from django.core.management.base import BaseCommand

from congso.contact.sample import home_pages, load


class Command(BaseCommand):
    help = "Tạo trang Liên hệ mẫu (chủ đề thư, người phát ngôn theo chức vụ) cho mọi cổng."

    def handle(self, *args, **options):
        count = 0
        for site, home in home_pages():
            for line in load(site, home):
                self.stdout.write(line)
                count += 1
        if not count:
            self.stdout.write("Trang Liên hệ mẫu đã có; không tạo thêm.")
