"""manage.py create_api_token USERNAME [--name NAME]: a bearer token for the JSON API.

The last line printed is JSON, `{"token": "..."}`, for scripts (and `make demo`) to read.
Tokens are Wagtail's APIToken: list and revoke them with `manage.py api_tokens` or in the admin.
"""

import json

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError

from congso.api.tokens import issue


class Command(BaseCommand):
    help = "Tạo mã truy cập API (Authorization: Bearer) cho một tài khoản."

    def add_arguments(self, parser):
        parser.add_argument("username", help="Tên đăng nhập của tài khoản")
        parser.add_argument(
            "--name", default="", help="Tên gợi nhớ của mã, ví dụ “ứng dụng di động”"
        )

    def handle(self, *args, username, name, **options):
        User = get_user_model()
        user = User.objects.filter(**{User.USERNAME_FIELD: username}).first()
        if user is None:
            raise CommandError(f"Không có tài khoản “{username}”.")
        if not user.is_active:
            raise CommandError(f"Tài khoản “{username}” đã bị khóa; không tạo mã truy cập.")
        row, token = issue(user, name or "create_api_token")
        self.stdout.write(
            f"Đã tạo mã truy cập “{row.name}” cho {username} (đầu mã {row.prefix}…); "
            "mã chỉ hiện một lần, thu hồi bằng: manage.py api_tokens revoke --prefix "
            f"{row.prefix}"
        )
        self.stdout.write(json.dumps({"token": token}))
