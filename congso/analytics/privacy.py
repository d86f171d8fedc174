"""Who is asking, without keeping who they are.

Both comments and statistics need a stable token per source. We keep only keyed hashes:
the raw address never reaches the database or the cache.
"""

import hashlib
import hmac

from django.conf import settings


def client_ip(request) -> str:
    """REMOTE_ADDR, or the address our own trusted proxies saw.

    X-Forwarded-For is client-controlled except for the entries our proxies appended, so with
    N trusted proxies only the N-th entry from the right is believed; anything to its left
    may be forged.
    """
    remote = request.META.get("REMOTE_ADDR", "") or ""
    count = getattr(settings, "TRUSTED_PROXY_COUNT", 0)
    if count <= 0:
        return remote
    forwarded = [part.strip() for part in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")]
    forwarded = [part for part in forwarded if part]
    if not forwarded:
        return remote
    return forwarded[-count] if len(forwarded) >= count else forwarded[0]


def keyed_hash(*parts: str, purpose: str) -> str:
    """HMAC-SHA256 under SECRET_KEY; `purpose` keeps hashes of one app useless to another."""
    key = f"congso:{purpose}:{settings.SECRET_KEY}".encode()
    message = "\x1f".join(parts).encode("utf-8", "surrogatepass")
    return hmac.new(key, message, hashlib.sha256).hexdigest()
