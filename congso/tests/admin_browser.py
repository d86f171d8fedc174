"""Shared steps for browser tests of the Wagtail admin: staff accounts in a role and a
language, logging in through the real login form, and pressing the editor footer's actions.

Every admin browser test runs in both languages of the admin (the `admin_language` fixture in
congso/conftest.py); the user's Wagtail profile carries the language, as it does for a real
officer who picks it under "Tài khoản".
"""

from django.contrib.auth.models import Group
from wagtail.users.models import UserProfile

from congso.core.tests.factories import UserFactory

PASSWORD = "matkhau-thu-nghiem-123"  # UserFactory's


def staff_user(username: str, role: str | None, language: str = "vi", **fields):
    """A staff account in a role group (None: superuser) that uses the admin in `language`."""
    from congso.users.roles import setup_roles

    setup_roles()
    is_superuser = role is None
    user = UserFactory(
        username=username, is_staff=True, is_superuser=is_superuser, first_name=username, **fields
    )
    if role:
        user.groups.add(Group.objects.get(name=role))
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = language
    profile.save()
    return user


def log_in(page, username: str, password: str = PASSWORD) -> None:
    """Fill and submit the admin's own login form, as a person does."""
    page.goto("/admin/login/")
    page.locator("input[name=username]").fill(username)
    page.locator("input[name=password]").fill(password)
    page.locator("form button[type=submit]").click()
    page.wait_for_url("**/admin/")


def press_footer_action(page, name: str) -> None:
    """Press one of the page editor footer's actions (`action-publish`, `action-submit`, ...).

    The actions other than the first sit in a dropdown: open it with its toggle, then press the
    button, exactly as a person does; never submit the form through script."""
    button = page.locator(f"footer button[name={name}], footer [name={name}]").first
    if not button.is_visible():
        page.locator("footer [data-w-dropdown-target=toggle]").first.click()
    button.click()
