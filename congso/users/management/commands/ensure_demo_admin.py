import json
import os
import secrets

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.management.base import BaseCommand

from congso.users.roles import CHIEF_EDITOR, EDITOR


class Command(BaseCommand):
    help = "Tạo tài khoản quản trị và tài khoản biên tập cho bản demo, in ra thông tin đăng nhập."

    def add_arguments(self, parser):
        parser.add_argument("--username", default="admin")

    def handle(self, *args, **options):
        User = get_user_model()
        accounts = [
            (options["username"], "Quản trị", None, True),
            ("truongban", "Trưởng ban biên tập", CHIEF_EDITOR, False),
            ("bientapvien", "Biên tập viên", EDITOR, False),
        ]
        # Passwords are kept (0600, outside git) so that a second `make demo` can print them again.
        store = settings.VAR_DIR / "demo-accounts.json"
        known = json.loads(store.read_text()) if store.exists() else {}
        self.stdout.write("Tài khoản demo (đăng nhập tại /admin/):")
        for username, label, group_name, is_superuser in accounts:
            user = User.objects.filter(username=username).first()
            if user is None:
                password = secrets.token_urlsafe(9)
                user = User.objects.create_user(
                    username=username,
                    password=password,
                    email=f"{username}@demo.congso.invalid",
                    is_staff=True,
                    is_superuser=is_superuser,
                    first_name=label,
                )
                if group_name:
                    user.groups.add(Group.objects.get(name=group_name))
                known[username] = password
                self.stdout.write(f"  {label}: {username} / {password}")
            elif username in known:
                self.stdout.write(f"  {label}: {username} / {known[username]}")
            else:
                self.stdout.write(f"  {label}: {username} (đã có từ trước; mật khẩu không đổi)")
        # Created 0600 before the passwords are written, so they are never world-readable.
        store.touch(mode=0o600, exist_ok=True)
        os.chmod(store, 0o600)
        store.write_text(json.dumps(known))
