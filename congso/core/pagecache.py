"""Full-page cache for anonymous readers.

Every publish, unpublish, move, delete or approved comment bumps a generation number, so all
cached pages go stale at once: listings, the ticker and "Đọc thêm" change with any publish,
and per-URL purging would miss them. Pages never carry per-user data (the CSRF token of the
comment form and the statistics are filled in by the browser), so one copy serves everyone.
"""

from django.conf import settings
from django.core.cache import cache
from django.utils.cache import patch_vary_headers

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


def generation() -> int:
    value = cache.get(GENERATION_KEY)
    if value is None:
        cache.add(GENERATION_KEY, 1, timeout=None)
        value = cache.get(GENERATION_KEY, 1)
    return value


def purge_all() -> None:
    try:
        cache.incr(GENERATION_KEY)
    except ValueError:
        cache.set(GENERATION_KEY, 2, timeout=None)


def _is_anonymous(request) -> bool:
    return settings.SESSION_COOKIE_NAME not in request.COOKIES


def _cache_key(request) -> str:
    return f"pagecache:{generation()}:{request.get_host()}:{request.get_full_path()}"


class PageCacheMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not self._request_is_cacheable(request):
            return self.get_response(request)
        key = _cache_key(request)
        cached = cache.get(key)
        if cached is not None:
            response = cached
            response["X-Page-Cache"] = "hit"
            return response
        response = self.get_response(request)
        if self._response_is_cacheable(response):
            response["X-Page-Cache"] = "miss"
            cache.set(key, response, settings.PAGE_CACHE_SECONDS)
        return response

    @staticmethod
    def _request_is_cacheable(request) -> bool:
        return (
            settings.PAGE_CACHE_ENABLED
            and request.method in ("GET", "HEAD")
            and _is_anonymous(request)
            and not request.path.startswith(EXCLUDED_PREFIXES)
        )

    @staticmethod
    def _response_is_cacheable(response) -> bool:
        if response.status_code != 200 or response.streaming or response.cookies:
            return False
        if response.has_header("Cache-Control") and any(
            token in response["Cache-Control"] for token in ("private", "no-cache", "no-store")
        ):
            return False
        if hasattr(response, "render") and not getattr(response, "is_rendered", True):
            return False
        patch_vary_headers(response, ["Cookie"])
        return response.get("Content-Type", "").split(";")[0].strip() in CACHEABLE_TYPES
