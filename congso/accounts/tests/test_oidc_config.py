import pytest

from congso.accounts.oidc_config import OidcConfigError, apps_from_env


def test_no_variables_means_no_provider():
    assert apps_from_env({}) == []


def test_one_provider_from_named_variables():
    (app,) = apps_from_env(
        {
            "OIDC_VNEID_SERVER_URL": "https://sso.example.vn",
            "OIDC_VNEID_CLIENT_ID": "cong-so",
            "OIDC_VNEID_SECRET": "bi-mat",
            "OIDC_VNEID_LABEL": "VNeID",
        }
    )
    assert (app["provider_id"], app["name"], app["client_id"], app["secret"]) == (
        "vneid",
        "VNeID",
        "cong-so",
        "bi-mat",
    )
    assert app["settings"]["server_url"] == "https://sso.example.vn"
    assert app["settings"]["oauth_pkce_enabled"] is True


def test_the_scope_can_be_set_per_provider():
    (app,) = apps_from_env(
        {
            "OIDC_TINH_SERVER_URL": "https://sso.tinh.example.vn",
            "OIDC_TINH_CLIENT_ID": "cong-so",
            "OIDC_TINH_SCOPE": "openid profile",
        }
    )
    assert app["settings"]["scope"] == ["openid", "profile"]


def test_providers_from_json():
    apps = apps_from_env(
        {
            "OIDC_PROVIDERS": '[{"id": "vneid", "name": "VNeID", "server_url": "https://a",'
            ' "client_id": "x", "secret": "y", "token_auth_method": "client_secret_basic"}]'
        }
    )
    assert apps[0]["settings"]["token_auth_method"] == "client_secret_basic"


def test_bad_json_stops_the_start_with_a_clear_message():
    with pytest.raises(OidcConfigError, match="not valid JSON"):
        apps_from_env({"OIDC_PROVIDERS": "[{"})


def test_a_provider_without_client_id_stops_the_start():
    with pytest.raises(OidcConfigError, match="client_id"):
        apps_from_env({"OIDC_X_SERVER_URL": "https://a"})
