"""A NUL character in an address is a 400 everywhere, never a 500 (PostgreSQL refuses it)."""

import pytest

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    "url",
    [
        "/thu-tuc-hanh-chinh/a%00b/",
        "/thu-tuc-hanh-chinh/?q=a%00b",
        "/thu-tuc-hanh-chinh/?co-quan=a%00b",
        "/tim-kiem/?q=a%00b",
        "/tra-cuu-ho-so/?ma=a%00b",
    ],
)
def test_a_nul_in_a_page_address_is_a_400_in_vietnamese(client, url):
    response = client.get(url)
    assert response.status_code == 400
    assert "không hợp lệ" in response.content.decode()


@pytest.mark.parametrize(
    "url",
    ["/api/v1/procedures/a%00b", "/api/v1/procedures?agency=a%00b", "/api/v1/search?q=%00"],
)
def test_a_nul_in_an_api_address_is_a_json_400(client, url):
    response = client.get(url)
    assert response.status_code == 400
    assert response.json() == {"detail": "Địa chỉ chứa ký tự không hợp lệ."}


def test_an_ordinary_query_string_passes(client):
    assert client.get("/thu-tuc-hanh-chinh/?q=cap+phep").status_code == 200
