"""manage.py create_api_token USERNAME [--name NAME]: a bearer token for the JSON API.

The last line printed is JSON, `{"token": "..."}`, for scripts (and `make demo`) to read.
Tokens are Wagtail's APIToken: list and revoke them with `manage.py api_tokens` or in the admin.
"""

import json

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError

from congso.api.tokens import issue


def find_account(login: str):
    """The account whose login is `login`: its username, or — as citizens sign in — its
    e-mail address or mobile number (only when exactly one account has it)."""
    User = get_user_model()
    user = User.objects.filter(**{User.USERNAME_FIELD: login}).first()
    if user is not None:
        return user
    if "@" in login:
        matches = list(User.objects.filter(email__iexact=login)[:2])
        return matches[0] if len(matches) == 1 else None
    from django.core.exceptions import ValidationError

    from congso.accounts.models import CitizenProfile
    from congso.accounts.validators import normalize_phone

    try:
        phone = normalize_phone(login)
    except ValidationError:
        return None
    profile = CitizenProfile.objects.select_related("user").filter(phone=phone).first()
    return profile.user if profile is not None else None


class Command(BaseCommand):
    help = "Tạo mã truy cập API (Authorization: Bearer) cho một tài khoản."

    def add_arguments(self, parser):
        parser.add_argument(
            "username", help="Tên đăng nhập của tài khoản (hoặc thư điện tử, số điện thoại)"
        )
        parser.add_argument(
            "--name", default="", help="Tên gợi nhớ của mã, ví dụ “ứng dụng di động”"
        )

    def handle(self, *args, username, name, **options):
        user = find_account(username)
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
