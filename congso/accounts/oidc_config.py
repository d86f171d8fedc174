"""OpenID Connect providers read from the environment (imported by settings: no Django here).

Two ways to declare them (docs/accounts-oidc.md):

- `OIDC_PROVIDERS`: a JSON list of objects with `id`, `name`, `server_url`, `client_id`,
  `secret` and optionally `scope` (list), `token_auth_method`, `pkce` (bool);
- or one set of variables per provider, NAME in capitals:
  `OIDC_<NAME>_SERVER_URL`, `OIDC_<NAME>_CLIENT_ID`, `OIDC_<NAME>_SECRET`, optionally
  `OIDC_<NAME>_LABEL` (shown on the button, default NAME), `OIDC_<NAME>_SCOPE` (space-separated).

The result goes into allauth's SOCIALACCOUNT_PROVIDERS as `APPS`, so no database row is
needed and a secret never sits in the database.
"""

import json
import re

_VAR = re.compile(r"^OIDC_([A-Z0-9]+)_SERVER_URL$")
DEFAULT_SCOPE = ["openid", "profile", "email", "phone"]


class OidcConfigError(ValueError):
    pass


def _app(provider_id, name, server_url, client_id, secret, scope=None, **extra) -> dict:
    if not (provider_id and server_url and client_id):
        raise OidcConfigError(
            f"OIDC provider {provider_id or '?'!r} needs id, server_url and client_id"
        )
    settings = {
        "server_url": server_url,
        "scope": list(scope or DEFAULT_SCOPE),
        "oauth_pkce_enabled": bool(extra.get("pkce", True)),
        "fetch_userinfo": True,
    }
    if extra.get("token_auth_method"):
        settings["token_auth_method"] = extra["token_auth_method"]
    return {
        "provider_id": provider_id,
        "name": name or provider_id,
        "client_id": client_id,
        "secret": secret or "",
        "settings": settings,
    }


def apps_from_env(environ) -> list[dict]:
    apps = []
    raw = (environ.get("OIDC_PROVIDERS") or "").strip()
    if raw:
        try:
            entries = json.loads(raw)
        except json.JSONDecodeError as error:
            raise OidcConfigError(f"OIDC_PROVIDERS is not valid JSON: {error}") from error
        if isinstance(entries, dict):
            entries = [entries]
        for entry in entries:
            entry = dict(entry)
            apps.append(
                _app(
                    entry.pop("id", None),
                    entry.pop("name", None),
                    entry.pop("server_url", None),
                    entry.pop("client_id", None),
                    entry.pop("secret", None),
                    entry.pop("scope", None),
                    **entry,
                )
            )
    for key in sorted(environ):
        match = _VAR.match(key)
        if not match:
            continue
        name = match.group(1)
        scope = (environ.get(f"OIDC_{name}_SCOPE") or "").split() or None
        apps.append(
            _app(
                name.lower(),
                environ.get(f"OIDC_{name}_LABEL") or name,
                environ[key],
                environ.get(f"OIDC_{name}_CLIENT_ID"),
                environ.get(f"OIDC_{name}_SECRET"),
                scope,
            )
        )
    return apps


def socialaccount_providers(environ) -> dict:
    return {"openid_connect": {"APPS": apps_from_env(environ), "OAUTH_PKCE_ENABLED": True}}
