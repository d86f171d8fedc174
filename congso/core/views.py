from django.http import HttpResponse
from django.shortcuts import render
from django.views.decorators.cache import cache_control
from django.views.decorators.http import require_GET

from congso.core.site_address import site_url


@require_GET
@cache_control(max_age=3600, public=True)
def robots_txt(request):
    # On the address of the Site record that serves this host, not the Host header as given.
    sitemap_url = site_url("/sitemap.xml", request)
    lines = [
        "User-agent: *",
        "Disallow: /admin/",
        "Disallow: /django-admin/",
        "Disallow: /binh-luan/",
        "Disallow: /thong-ke/",
        "Disallow: /tim-kiem/",
        f"Sitemap: {sitemap_url}",
        "",
    ]
    return HttpResponse("\n".join(lines), content_type="text/plain; charset=utf-8")


def page_not_found(request, exception=None):
    return render(request, "404.html", status=404)


def server_error(request):
    return render(request, "500.html", status=500)
