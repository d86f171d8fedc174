import stat
from io import StringIO

import pytest
from django.core.management import call_command

from congso.users.models import User
from congso.users.roles import CHIEF_EDITOR, setup_roles

pytestmark = pytest.mark.django_db


def test_demo_accounts_are_created_once_and_their_passwords_kept_private(settings, tmp_path):
    settings.VAR_DIR = tmp_path
    setup_roles()
    first = StringIO()
    call_command("ensure_demo_admin", stdout=first)
    store = tmp_path / "demo-accounts.json"
    assert stat.S_IMODE(store.stat().st_mode) == 0o600
    assert User.objects.get(username="truongban").groups.filter(name=CHIEF_EDITOR).exists()
    again = StringIO()
    call_command("ensure_demo_admin", stdout=again)
    assert User.objects.filter(username__in=["admin", "truongban", "bientapvien"]).count() == 3
    assert again.getvalue() == first.getvalue()
