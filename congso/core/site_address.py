"""The address readers use, kept on Wagtail's default Site record.

Every absolute URL the portal writes (sitemap, RSS, canonical, Open Graph, API `url` fields,
command output) comes from a Site record's hostname and port (`Site.root_url`), never from the
Host header of the request. `make demo` and `manage.py set_site_address` write the address into
the default Site; settings.BASE_URL is its default (see docs/install.md, "The portal's address").
"""

from urllib.parse import urlsplit

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from wagtail.models import Site

DEFAULT_PORTS = {"http": 80, "https": 443}
# The default Site that Wagtail's migrations create; the first import moves it to BASE_URL.
WAGTAIL_PLACEHOLDER_ADDRESS = ("localhost", 80)


def parse_address(address: str) -> tuple[str, int]:
    """`http://host[:port]` or `https://host` → (hostname, port) as a Site record stores them.

    Wagtail's Site.root_url knows https only on port 443 and http on any other port, so the
    addresses it cannot write back are refused rather than silently changed."""
    parts = urlsplit((address or "").strip())
    scheme = parts.scheme.lower()
    if scheme not in DEFAULT_PORTS or not parts.hostname:
        raise ValidationError(
            f"“{address}” không phải một địa chỉ http:// hoặc https:// (ví dụ https://cong.example.gov.vn)."
        )
    if parts.path not in ("", "/") or parts.query or parts.fragment or parts.username:
        raise ValidationError(
            f"“{address}”: chỉ ghi giao thức, tên miền và cổng; cổng thông tin chạy ở gốc tên miền."
        )
    hostname = parts.hostname.lower()
    if ":" in hostname:
        raise ValidationError(f"“{address}”: địa chỉ IPv6 chưa được hỗ trợ; dùng tên miền.")
    try:
        port = parts.port or DEFAULT_PORTS[scheme]
    except ValueError:
        raise ValidationError(f"“{address}”: cổng không hợp lệ.") from None
    if scheme == "https" and port != 443:
        raise ValidationError(f"“{address}”: https chỉ được hỗ trợ trên cổng 443.")
    if scheme == "http" and port == 443:
        raise ValidationError(f"“{address}”: cổng 443 là của https; ghi https://{hostname}.")
    return hostname, port


def configured_address() -> tuple[str, int]:
    """settings.BASE_URL as (hostname, port): the address of a Site created from scratch."""
    return parse_address(settings.BASE_URL)


@transaction.atomic
def set_default_site_address(address: str) -> tuple[Site, str, bool]:
    """Point the default Site at `address`. Returns (site, previous root_url, changed).

    Idempotent: the same address twice changes nothing the second time."""
    hostname, port = parse_address(address)
    site = Site.objects.select_for_update().filter(is_default_site=True).first()
    if site is None:
        raise ValidationError(
            "Chưa có trang (Site) mặc định; chạy `manage.py import_seeds` hoặc tạo trong quản trị."
        )
    previous = site.root_url
    if (site.hostname, site.port) == (hostname, port):
        return site, previous, False
    clash = Site.objects.filter(hostname=hostname, port=port).exclude(pk=site.pk).first()
    if clash is not None:
        raise ValidationError(
            f"Trang “{clash}” đã dùng {hostname}:{port}; đổi hoặc xóa trang đó trước."
        )
    site.hostname, site.port = hostname, port
    site.save(update_fields=["hostname", "port"])
    return site, previous, True


def site_url(path: str, request=None) -> str:
    """`path` on the site that serves `request` (else the default site, else BASE_URL)."""
    site = Site.find_for_request(request) if request is not None else None
    if site is None:
        site = Site.objects.filter(is_default_site=True).first()
    base = site.root_url if site is not None else settings.BASE_URL
    return base.rstrip("/") + path
