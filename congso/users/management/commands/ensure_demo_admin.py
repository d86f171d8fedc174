import json
import os
import secrets

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.management.base import BaseCommand

from congso.users.roles import CHIEF_EDITOR, EDITOR, app_demo_accounts


class Command(BaseCommand):
    help = (
        "Tạo tài khoản demo cho mọi vai trò (quản trị, biên tập, một cửa, chuyên viên, lãnh đạo, "
        "công dân) và in ra thông tin đăng nhập."
    )

    def add_arguments(self, parser):
        parser.add_argument("--username", default="admin")

    def handle(self, *args, **options):
        from congso.dossiers.demo import SERVICE_ACCOUNTS, attach_service_account

        User = get_user_model()
        # (login, label, editorial group, superuser, staff, after-create hook)
        accounts = [
            (options["username"], "Quản trị", None, True, True, None),
            ("truongban", "Trưởng ban biên tập", CHIEF_EDITOR, False, True, None),
            ("bientapvien", "Biên tập viên", EDITOR, False, True, None),
        ] + [
            (login, label, None, False, is_staff, attach_service_account)
            for login, label, is_staff in SERVICE_ACCOUNTS
        ]
        # Accounts of the apps' own roles (AppConfig.demo_accounts), in their groups.
        accounts += [
            (login, label, group_name, False, True, None)
            for login, label, group_name in app_demo_accounts()
        ]
        # Passwords are kept (0600, outside git) so that a second `make demo` can print them again.
        store = settings.VAR_DIR / "demo-accounts.json"
        known = json.loads(store.read_text()) if store.exists() else {}
        self.stdout.write(
            "Tài khoản demo (cán bộ đăng nhập tại /admin/, công dân tại /tai-khoan/login/):"
        )
        for username, label, group_name, is_superuser, is_staff, hook in accounts:
            user = User.objects.filter(username=username).first()
            if user is None:
                password = secrets.token_urlsafe(9)
                user = User.objects.create_user(
                    username=username,
                    password=password,
                    email=username if "@" in username else f"{username}@demo.congso.invalid",
                    is_staff=is_staff,
                    is_superuser=is_superuser,
                    first_name=label,
                )
                if group_name:
                    user.groups.add(Group.objects.get_or_create(name=group_name)[0])
                known[username] = password
                self.stdout.write(f"  {label}: {username} / {password}")
            elif username in known:
                self.stdout.write(f"  {label}: {username} / {known[username]}")
            else:
                self.stdout.write(f"  {label}: {username} (đã có từ trước; mật khẩu không đổi)")
            if hook is not None:
                # Roles and agency are (re)applied on every run: a demo loaded before the
                # sample agencies existed gets them on the next run.
                note = hook(user, label)
                if note:
                    self.stdout.write(f"    ({note})")
        # Created 0600 before the passwords are written, so they are never world-readable.
        store.touch(mode=0o600, exist_ok=True)
        os.chmod(store, 0o600)
        store.write_text(json.dumps(known))
