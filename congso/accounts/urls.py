"""Citizen accounts under /tai-khoan/: the profile page, then allauth's pages."""

from allauth import urls as allauth_urls
from django.urls import URLResolver, path
from django.views.decorators.cache import never_cache

from . import views

app_name = "accounts"

urlpatterns = [
    path("ho-so/", views.profile, name="profile"),
]


def _never_cached(patterns):
    """Mark every allauth view never-cache.

    Several of allauth's pages (password reset, e-mail confirmation, the OIDC "continue"
    page) carry a CSRF token and are not marked never_cache by allauth; for a reader who
    already has a CSRF cookie they set no cookie, so the full-page cache and nginx's
    micro-cache would store one reader's token and serve it to the next."""
    for pattern in patterns:
        if isinstance(pattern, URLResolver):
            _never_cached(pattern.url_patterns)
        elif not getattr(pattern.callback, "_congso_never_cache", False):
            pattern.callback = never_cache(pattern.callback)
            pattern.callback._congso_never_cache = True
    return patterns


allauth_urlpatterns = _never_cached(list(allauth_urls.urlpatterns))
