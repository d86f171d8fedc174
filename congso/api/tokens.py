"""Bearer tokens for the JSON API: Wagtail's own APIToken (wagtail.models.APIToken), not a
second token table. Wagtail keeps only an HMAC digest of each token (valid across
SECRET_KEY_FALLBACKS) and lists and revokes tokens with `manage.py api_tokens list|revoke`;
congso adds `manage.py create_api_token USERNAME` (the issue's contract) and the Vietnamese
refusals.

`BearerAuth` is Wagtail's django-ninja HttpBearer, so OpenAPI shows the bearer scheme. A
missing, unknown or revoked token raises `Unauthenticated`, which `unauthenticated` turns into
a 401 with `WWW-Authenticate: Bearer` (ninja's own answer would be an English "Unauthorized").
A GET from a browser whose session is logged in is accepted too, so the citizens' pages can
read the API without a token; anything that changes data needs the token.
"""

from wagtail.api.v3.auth import BearerTokenAuth
from wagtail.log_actions import log
from wagtail.models import APIToken

SAFE_METHODS = frozenset({"GET", "HEAD"})


class Unauthenticated(Exception):
    def __init__(self, detail: str):
        super().__init__(detail)
        self.detail = detail


def issue(user, name: str = "") -> tuple[APIToken, str]:
    """A new token for `user`: the row, and the token itself (shown once, never stored)."""
    row, token = APIToken.create_token(user=user, name=(name or "API")[:255])
    log(row, "wagtail.apitoken.create", data={"source": "create_api_token"})
    return row, token


class BearerAuth(BearerTokenAuth):
    def __call__(self, request):
        header = request.headers.get(self.header, "")
        if not header:
            session_user = getattr(request, "user", None)
            if request.method in SAFE_METHODS and session_user and session_user.is_authenticated:
                return session_user
            raise Unauthenticated(
                "Vui lòng đăng nhập hoặc gửi mã truy cập (Authorization: Bearer <mã>)."
            )
        scheme, _, token = header.partition(" ")
        if scheme.lower() != self.openapi_scheme or not token.strip():
            raise Unauthenticated("Tiêu đề Authorization phải có dạng “Bearer <mã truy cập>”.")
        if self.authenticate(request, token.strip()) is None:
            raise Unauthenticated("Mã truy cập không hợp lệ hoặc đã bị thu hồi.")
        # Endpoints read request.user: Wagtail's authenticate set it to the token's owner.
        return request.user


def unauthenticated(request, exc: Unauthenticated):
    """The API's answer to Unauthenticated (registered in congso/api/api.py)."""
    from congso.api.api import api

    response = api.create_response(request, {"detail": exc.detail}, status=401)
    response["WWW-Authenticate"] = 'Bearer realm="congso"'
    return response
