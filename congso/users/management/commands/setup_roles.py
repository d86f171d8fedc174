from django.core.management.base import BaseCommand

from congso.users.roles import setup_roles


class Command(BaseCommand):
    help = (
        "Tạo nhóm Biên tập viên, Trưởng ban biên tập và quy trình duyệt tin bài (chạy lại an toàn)."
    )

    def handle(self, *args, **options):
        result = setup_roles()
        self.stdout.write(
            f"Nhóm: {', '.join(result['groups'])}; quy trình '{result['workflow']}' áp dụng từ trang '{result['root']}'."
        )
