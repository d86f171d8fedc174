"""Full-page cache for anonymous readers.

Every publish, unpublish, move, delete, approved comment or site-wide change bumps a
generation number, so all cached pages go stale at once: listings, the ticker and "Đọc thêm"
change with any publish, and per-URL purging would miss them. Pages never carry per-user data
(the comment form's CSRF token is fetched by comments.js, statistics are counted by a beacon),
so one copy serves every anonymous reader.

What is never served from or stored in the cache: requests with a session or messages cookie
(logged-in editors, previews, anything stateful), methods other than GET/HEAD, the admin, API,
forms and search paths, query strings other than ?page= (tracking parameters are ignored),
responses that set a cookie, are not 200, are private/no-store, stream, or vary on anything
but Cookie and Accept-Language.

The generation lives in the shared cache (Redis in production). With the local-memory cache
each worker process has its own cache, so the generation is kept in a small file instead:
a publish handled by one gunicorn worker must also purge the other workers' copies.
"""

import fcntl
import hashlib
import os
import time
from pathlib import Path

from django.conf import settings
from django.contrib.messages.storage.cookie import CookieStorage
from django.core.cache import cache, caches
from django.core.cache.backends.locmem import LocMemCache
from django.http import HttpResponse
from django.utils.cache import cc_delim_re, get_conditional_response, patch_vary_headers
from django.utils.http import urlencode

GENERATION_KEY = "pagecache:generation"
EXCLUDED_PREFIXES = (
    "/admin/",
    "/django-admin/",
    "/api/",
    "/documents/",
    "/binh-luan/",
    "/thong-ke/",
    "/tim-kiem/",
    "/i18n/",
    "/static/",
    "/media/",
)
CACHEABLE_TYPES = ("text/html", "application/rss+xml", "application/xml", "text/xml", "text/plain")
# Query parameters that change what a cached page shows; any other parameter bypasses the cache
# so that random query strings cannot fill it.
# The documents list's filters (congso.documents.querysets.DocumentFilter.PARAM_NAMES) take a
# small set of values each; the free-text "q" is left out so it cannot fill the cache.
CACHED_QUERY_PARAMS = frozenset(
    {"page", "loai", "co-quan", "linh-vuc", "nam", "nguoi-ky", "tinh-trang", "sap-xep"}
)
# Added by Facebook, Zalo, Google and newsletters to shared links; pages never read them.
IGNORED_QUERY_PARAMS = frozenset(
    {"fbclid", "gclid", "zarsrc", "_hsenc", "_hsmi", "mc_cid", "mc_eid"}
)
ALLOWED_VARY = frozenset({"cookie", "accept-language"})
MAX_CACHED_BYTES = 5 * 1024 * 1024
STORED_HEADERS_SKIP = frozenset({"set-cookie", "x-page-cache"})


def _uses_file_generation() -> bool:
    return isinstance(caches["default"], LocMemCache)


def _generation_file() -> Path:
    return Path(
        getattr(
            settings, "PAGE_CACHE_GENERATION_FILE", Path(settings.VAR_DIR) / "pagecache.generation"
        )
    )


def _initial_generation() -> int:
    # Time-based, so a generation lost with its cache (eviction, restart) never comes back as a
    # number that old entries were stored under.
    return time.time_ns() // 1_000_000


def generation() -> int:
    if _uses_file_generation():
        try:
            return int(_generation_file().read_bytes())
        except (FileNotFoundError, ValueError):
            return _bump_file_generation(create_only=True)
    value = cache.get(GENERATION_KEY)
    if value is None:
        cache.add(GENERATION_KEY, _initial_generation(), timeout=None)
        value = cache.get(GENERATION_KEY, 0)
    return value


def purge_all() -> None:
    """Make every cached page stale, in every worker. Call after the change is committed."""
    if _uses_file_generation():
        _bump_file_generation()
        return
    try:
        cache.incr(GENERATION_KEY)
    except ValueError:
        cache.set(GENERATION_KEY, _initial_generation(), timeout=None)


_MISSING = object()


def remember(key: str, compute, timeout: int | None = None):
    """`compute()`, cached until the next purge: for reads that change only when something is
    published (ticker, menus, home page blocks, filter choices), so pages the full-page cache
    does not hold (logged-in editors, a cold cache) are cheap too.

    Only for data the same for every reader; `compute` must return plain values or lists,
    never a lazy QuerySet.
    """
    full_key = f"pagecache:fragment:{generation()}:{key}"
    value = cache.get(full_key, _MISSING)
    if value is _MISSING:
        value = compute()
        cache.set(full_key, value, settings.PAGE_CACHE_SECONDS if timeout is None else timeout)
    return value


def _bump_file_generation(create_only: bool = False) -> int:
    path = _generation_file()
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path.with_suffix(".lock"), "a") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        try:
            current = int(path.read_bytes())
        except (FileNotFoundError, ValueError):
            current = None
        if current is not None and create_only:
            return current
        new = max(_initial_generation(), (current or 0) + 1)
        # Readers never lock: the new value appears whole through an atomic rename.
        tmp = path.with_suffix(f".{os.getpid()}.tmp")
        tmp.write_bytes(str(new).encode())
        os.replace(tmp, path)
        return new


def _bypass_cookies() -> tuple[str, ...]:
    return (settings.SESSION_COOKIE_NAME, CookieStorage.cookie_name)


def _query_for_key(request) -> str | None:
    """The query string that identifies the page, or None when the request must bypass."""
    if not request.META.get("QUERY_STRING"):
        return ""
    kept = []
    for name, values in request.GET.lists():
        if name in IGNORED_QUERY_PARAMS or name.startswith("utm_"):
            continue
        if name not in CACHED_QUERY_PARAMS or len(values) != 1:
            return None
        kept.append((name, values[0]))
    return urlencode(sorted(kept))


def _cache_key(request, query: str) -> str:
    # Read before the view runs: a render that started before a purge stores under the old
    # generation, so it can never bring stale content into the new one.
    # No language in the key: a page's language is its own, not the browser's (no
    # LocaleMiddleware), so one copy serves every reader.
    url = f"{request.get_host()}|{request.path}?{query}"
    digest = hashlib.md5(url.encode(), usedforsecurity=False).hexdigest()
    return f"pagecache:{generation()}:{digest}"


def _request_is_cacheable(request) -> bool:
    return (
        settings.PAGE_CACHE_ENABLED
        and request.method in ("GET", "HEAD")
        and not any(name in request.COOKIES for name in _bypass_cookies())
        and not request.path.startswith(EXCLUDED_PREFIXES)
    )


def _response_is_cacheable(response) -> bool:
    if response.status_code != 200 or response.streaming or response.cookies:
        return False
    if response.has_header("Set-Cookie") or response.has_header("Content-Encoding"):
        return False
    cache_control = response.get("Cache-Control", "").lower()
    if any(token in cache_control for token in ("private", "no-cache", "no-store")):
        return False
    vary = {v.strip().lower() for v in cc_delim_re.split(response.get("Vary", "")) if v.strip()}
    if not vary <= ALLOWED_VARY:
        return False
    if len(response.content) > MAX_CACHED_BYTES:
        return False
    return response.get("Content-Type", "").split(";")[0].strip() in CACHEABLE_TYPES


def _freeze(response) -> tuple:
    headers = [(k, v) for k, v in response.items() if k.lower() not in STORED_HEADERS_SKIP]
    return (response.content, headers)


def _thaw(stored) -> HttpResponse:
    content, headers = stored
    response = HttpResponse(content)
    for name, value in headers:
        response[name] = value
    return response


class PageCacheMiddleware:
    """Sits above sessions, CSRF and auth: a hit costs two cache reads and no database query."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not _request_is_cacheable(request):
            return self.get_response(request)
        query = _query_for_key(request)
        if query is None:
            return self.get_response(request)
        key = _cache_key(request, query)
        stored = cache.get(key)
        if stored is not None:
            response = _thaw(stored)
            response["X-Page-Cache"] = "hit"
            return get_conditional_response(request, etag=response.get("ETag"), response=response)
        response = self.get_response(request)
        if _response_is_cacheable(response):
            patch_vary_headers(response, ["Cookie"])
            if not response.has_header("ETag"):
                digest = hashlib.md5(response.content, usedforsecurity=False).hexdigest()
                response["ETag"] = f'"{digest}"'
            response["X-Page-Cache"] = "miss"
            cache.set(key, _freeze(response), settings.PAGE_CACHE_SECONDS)
        return response
