"""A tiny OpenID Connect provider for tests, run in a thread on 127.0.0.1.

It plays the part VNeID or a provincial SSO plays in production: discovery, authorize (which
logs the test person in at once and redirects back with a code), token (an RS256 id_token
signed with joserfc), JWKS and userinfo. It checks what a real provider checks: the client id
and secret, the redirect URI, the code (used once) and the PKCE verifier.
"""

import base64
import hashlib
import json
import secrets
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlencode, urlparse

from joserfc import jwt
from joserfc.jwk import RSAKey

TEST_SECRET = "bi-mat-thu-nghiem"  # noqa: S105 (a test provider's client secret)


class OidcProvider:
    def __init__(self, claims: dict, client_id="congso-test", secret=TEST_SECRET):
        self.claims = claims
        self.client_id = client_id
        self.secret = secret
        self.key = RSAKey.generate_key(2048, parameters={"kid": "khoa-thu-nghiem", "use": "sig"})
        self.codes: dict[str, dict] = {}
        self.tokens: set[str] = set()
        self.requests: list[str] = []
        self.server = ThreadingHTTPServer(("127.0.0.1", 0), self._handler())
        self.url = f"http://127.0.0.1:{self.server.server_port}"
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    def __enter__(self):
        self.thread.start()
        return self

    def __exit__(self, *exc):
        self.server.shutdown()
        self.server.server_close()

    def app_settings(self, provider_id="vneid", name="VNeID") -> dict:
        """SOCIALACCOUNT_PROVIDERS for this provider, as congso.accounts.oidc_config builds it."""
        from congso.accounts.oidc_config import socialaccount_providers

        return socialaccount_providers(
            {
                f"OIDC_{provider_id.upper()}_SERVER_URL": self.url,
                f"OIDC_{provider_id.upper()}_CLIENT_ID": self.client_id,
                f"OIDC_{provider_id.upper()}_SECRET": self.secret,
                f"OIDC_{provider_id.upper()}_LABEL": name,
            }
        )

    # --- endpoints -------------------------------------------------------------------------

    def discovery(self):
        return 200, {
            "issuer": self.url,
            "authorization_endpoint": f"{self.url}/authorize",
            "token_endpoint": f"{self.url}/token",
            "userinfo_endpoint": f"{self.url}/userinfo",
            "jwks_uri": f"{self.url}/jwks",
            "response_types_supported": ["code"],
            "subject_types_supported": ["public"],
            "id_token_signing_alg_values_supported": ["RS256"],
            "token_endpoint_auth_methods_supported": ["client_secret_post"],
            "code_challenge_methods_supported": ["S256"],
        }

    def authorize(self, query: dict):
        if query.get("client_id") != self.client_id or query.get("response_type") != "code":
            return 400, {"error": "invalid_request"}
        code = secrets.token_urlsafe(16)
        self.codes[code] = {
            "redirect_uri": query["redirect_uri"],
            "nonce": query.get("nonce"),
            "challenge": query.get("code_challenge"),
        }
        target = query["redirect_uri"] + "?" + urlencode({"code": code, "state": query["state"]})
        return 302, target

    def token(self, form: dict):
        grant = self.codes.pop(form.get("code", ""), None)
        if (
            grant is None
            or form.get("client_id") != self.client_id
            or form.get("client_secret") != self.secret
            or form.get("redirect_uri") != grant["redirect_uri"]
        ):
            return 400, {"error": "invalid_grant"}
        if grant["challenge"]:
            digest = hashlib.sha256(form.get("code_verifier", "").encode()).digest()
            if base64.urlsafe_b64encode(digest).rstrip(b"=").decode() != grant["challenge"]:
                return 400, {"error": "invalid_grant", "error_description": "PKCE"}
        now = int(time.time())
        id_claims = {
            "iss": self.url,
            "aud": self.client_id,
            "iat": now,
            "exp": now + 300,
            "sub": self.claims["sub"],
            "jti": secrets.token_hex(8),
        }
        if grant["nonce"]:
            id_claims["nonce"] = grant["nonce"]
        id_token = jwt.encode({"alg": "RS256", "kid": "khoa-thu-nghiem"}, id_claims, self.key)
        access = secrets.token_urlsafe(16)
        self.tokens.add(access)
        return 200, {
            "access_token": access,
            "token_type": "Bearer",
            "expires_in": 300,
            "id_token": id_token,
        }

    def userinfo(self, headers):
        token = (headers.get("Authorization") or "").removeprefix("Bearer ")
        if token not in self.tokens:
            return 401, {"error": "invalid_token"}
        return 200, self.claims

    def jwks(self):
        return 200, {"keys": [self.key.as_dict(private=False)]}

    def _handler(self):
        provider = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args):  # keep test output quiet
                pass

            def _answer(self, status, body):
                if status == 302:
                    self.send_response(302)
                    self.send_header("Location", body)
                    self.end_headers()
                    return
                data = json.dumps(body).encode()
                self.send_response(status)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)

            def do_GET(self):
                url = urlparse(self.path)
                provider.requests.append(url.path)
                query = {k: v[0] for k, v in parse_qs(url.query).items()}
                if url.path == "/.well-known/openid-configuration":
                    self._answer(*provider.discovery())
                elif url.path == "/authorize":
                    self._answer(*provider.authorize(query))
                elif url.path == "/jwks":
                    self._answer(*provider.jwks())
                elif url.path == "/userinfo":
                    self._answer(*provider.userinfo(self.headers))
                else:
                    self._answer(404, {"error": "not_found"})

            def do_POST(self):
                url = urlparse(self.path)
                provider.requests.append(url.path)
                length = int(self.headers.get("Content-Length") or 0)
                form = {k: v[0] for k, v in parse_qs(self.rfile.read(length).decode()).items()}
                if url.path == "/token":
                    self._answer(*provider.token(form))
                else:
                    self._answer(404, {"error": "not_found"})

        return Handler
