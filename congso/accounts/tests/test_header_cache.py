"""The header's account link and the full-page cache: a cached page is always anonymous."""

import pytest
from django.test import override_settings

from congso.accounts.tests.factories import make_citizen

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("home")]


@pytest.fixture(autouse=True)
def _page_cache_on():
    with override_settings(PAGE_CACHE_ENABLED=True):
        yield


def test_an_anonymous_reader_gets_the_cached_page_with_the_login_link(client):
    client.get("/")
    response = client.get("/")
    assert response["X-Page-Cache"] == "hit"
    assert ">Đăng nhập</a>" in response.content.decode()


def test_a_logged_in_citizen_never_gets_the_cached_anonymous_page(client):
    client.get("/")
    client.force_login(make_citizen().user)
    response = client.get("/")
    assert "X-Page-Cache" not in response
    assert ">Tài khoản</a>" in response.content.decode()


def test_the_page_a_citizen_saw_is_not_served_to_the_next_reader(client):
    citizen_client = client.__class__()
    citizen_client.force_login(make_citizen().user)
    citizen_client.get("/")
    response = client.get("/")
    assert ">Tài khoản</a>" not in response.content.decode()
    assert ">Đăng nhập</a>" in response.content.decode()


def test_the_login_page_is_never_stored_in_the_page_cache(client):
    client.get("/tai-khoan/login/")
    anonymous = client.__class__()
    response = anonymous.get("/tai-khoan/login/")
    assert response.get("X-Page-Cache") != "hit"


@pytest.mark.parametrize("path", ["/tai-khoan/password/reset/", "/tai-khoan/login/"])
def test_a_page_with_a_csrf_token_is_never_cached_even_without_a_new_cookie(client, path):
    client.get(path)  # the reader now holds a CSRF cookie: the next answer sets none
    response = client.get(path)
    assert "no-cache" in response["Cache-Control"]
    assert client.__class__().get(path).get("X-Page-Cache") != "hit"
