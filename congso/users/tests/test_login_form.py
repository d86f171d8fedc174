"""The admin's login form speaks the admin's language, its labels included (issue 8)."""

import re

import pytest
from django.utils.translation import override

from congso.users.forms import LoginForm

pytestmark = pytest.mark.django_db


def labels(html: str) -> dict[str, str]:
    """Label text by the id of the field it is for."""
    found = re.findall(
        r'<label[^>]*\bfor="(id_\w+)"[^>]*>\s*(.*?)\s*(?:<span|</label>)', html, re.S
    )
    return {field: text.strip() for field, text in found}


def test_the_login_page_labels_username_and_password_in_vietnamese(client):
    response = client.get("/admin/login/")
    assert response.context["form"].__class__ is LoginForm
    found = labels(response.content.decode())
    assert found["id_password"] == "Mật khẩu"
    assert found["id_username"] == "Tên đăng nhập"


def test_the_password_label_follows_the_language_of_the_request():
    with override("en"):
        assert str(LoginForm().fields["password"].label) == "Password"
    with override("vi"):
        assert str(LoginForm().fields["password"].label) == "Mật khẩu"
