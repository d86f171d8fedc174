"""API tokens: `manage.py create_api_token` and the bearer authentication of /api/v1/dossiers."""

import json
from io import StringIO

import pytest
from django.core.management import CommandError, call_command
from wagtail.models import APIToken

from congso.dossiers.tests.factories import make_user

pytestmark = pytest.mark.django_db
LIST = "/api/v1/dossiers"


def create(username, *args):
    out = StringIO()
    call_command("create_api_token", username, *args, stdout=out, stderr=StringIO())
    return out.getvalue()


def test_the_last_line_of_create_api_token_is_json_with_the_token():
    make_user("congdan1")
    token = json.loads(create("congdan1").strip().splitlines()[-1])["token"]
    assert token.startswith("wagtail_")


def test_only_a_digest_of_the_token_is_stored():
    user = make_user("congdan1")
    token = json.loads(create("congdan1", "--name", "ứng dụng").splitlines()[-1])["token"]
    row = APIToken.objects.get(user=user)
    assert row.name == "ứng dụng"
    assert token not in (row.key_hash, row.prefix)


def test_a_citizen_is_found_by_the_e_mail_they_sign_in_with():
    user = make_user("u-7f3a", email="congdan@example.invalid")
    create("CongDan@example.invalid")
    assert APIToken.objects.get().user == user


def test_a_citizen_is_found_by_the_mobile_number_they_sign_in_with():
    from congso.accounts.tests.factories import make_citizen

    profile = make_citizen(phone="+84912345678")
    create("0912 345 678")
    assert APIToken.objects.get().user == profile.user


def test_an_unknown_user_is_a_clear_error():
    with pytest.raises(CommandError, match="Không có tài khoản “khongco”"):
        create("khongco")


def test_an_unknown_user_exits_non_zero(capsys):
    from congso.api.management.commands.create_api_token import Command

    with pytest.raises(SystemExit) as exit_:
        Command().run_from_argv(["manage.py", "create_api_token", "khongco"])
    assert exit_.value.code != 0
    assert "Không có tài khoản" in capsys.readouterr().err


def test_a_locked_account_gets_no_token():
    make_user("khoa", is_active=False)
    with pytest.raises(CommandError, match="khóa"):
        create("khoa")


def test_a_valid_token_opens_the_api(client):
    make_user("congdan1")
    token = json.loads(create("congdan1").splitlines()[-1])["token"]
    response = client.get(LIST, headers={"Authorization": f"Bearer {token}"})
    assert response.status_code == 200
    assert response.json()["count"] == 0


def test_a_request_without_token_is_a_401_in_vietnamese(client):
    response = client.get(LIST)
    assert response.status_code == 401
    assert "mã truy cập" in response.json()["detail"]
    assert response["WWW-Authenticate"].startswith("Bearer")


def test_an_unknown_token_is_a_401(client):
    response = client.get(LIST, headers={"Authorization": "Bearer wagtail_khongphaima"})
    assert response.status_code == 401
    assert response.json()["detail"] == "Mã truy cập không hợp lệ hoặc đã bị thu hồi."


def test_a_revoked_token_is_a_401(client):
    user = make_user("congdan1")
    token = json.loads(create("congdan1").splitlines()[-1])["token"]
    APIToken.objects.get(user=user).revoke()
    response = client.get(LIST, headers={"Authorization": f"Bearer {token}"})
    assert response.status_code == 401


def test_a_token_of_a_deactivated_account_is_a_401(client):
    user = make_user("congdan1")
    token = json.loads(create("congdan1").splitlines()[-1])["token"]
    user.is_active = False
    user.save()
    assert client.get(LIST, headers={"Authorization": f"Bearer {token}"}).status_code == 401


def test_another_scheme_than_bearer_is_a_401(client):
    response = client.get(LIST, headers={"Authorization": "Basic YTpi"})
    assert response.status_code == 401
    assert "Bearer" in response.json()["detail"]


def test_a_logged_in_browser_may_read_without_a_token(client):
    user = make_user("congdan1")
    client.force_login(user)
    assert client.get(LIST).status_code == 200


def test_a_logged_in_browser_may_not_write_without_a_token(client):
    client.force_login(make_user("congdan1"))
    response = client.post(LIST, "{}", content_type="application/json")
    assert response.status_code == 401


def test_using_a_token_records_when_it_was_last_used(client):
    user = make_user("congdan1")
    token = json.loads(create("congdan1").splitlines()[-1])["token"]
    client.get(LIST, headers={"Authorization": f"Bearer {token}"})
    assert APIToken.objects.get(user=user).last_used_at is not None
