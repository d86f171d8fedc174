"""Reading the public content API's query parameters (issue 11, part 6), shared by its routers.

Parameters arrive as text and are checked here, so that a bad value is a 400 with a Vietnamese
`detail` (as /api/v1/agencies and /api/v1/search answer), never django-ninja's English 422 nor
a 500. Every helper returns either the value or raises `BadParameter`, which the routers turn
into that 400 with `refuse()`.

Absolute addresses come from Site records only (congso/core/site_address.py): `site_base()`
gives the root URL of the site a page belongs to, never the Host header's.
"""

import re
import unicodedata
from datetime import date, datetime, time, timedelta

from django.db.models import Q
from django.utils import timezone
from ninja import Schema, Status
from wagtail.models import Site

from congso.core.text import format_number
from congso.search.params import parse_date

DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE = 20, 100
MAX_PAGE = 100_000
# Beyond a signed 64-bit integer a primary key lookup is a database error, not "not found".
MAX_ID = 2**63 - 1
MAX_TEXT = 200
_CONTROL = re.compile(r"[\x00-\x1f\x7f]")
_HOST_PORT = re.compile(r"^(?P<host>[^:\s]+):(?P<port>\d{1,5})$")


class Message(Schema):
    detail: str


class InvalidParameters(Schema):
    """django-ninja refused a parameter before our code ran (e.g. a path id that is not a
    number): a Vietnamese `detail` and ninja's details per parameter (congso/api/api.py)."""

    detail: str
    errors: list[dict]


class BadParameter(Exception):
    """A query parameter the API cannot use; its message is the Vietnamese `detail`."""


def refuse(error: BadParameter | str) -> Status:
    return Status(400, {"detail": str(error)})


def not_found(detail: str) -> Status:
    return Status(404, {"detail": detail})


def text(value: str | None) -> str:
    """A parameter as text: NFC, control characters dropped (PostgreSQL refuses NUL bytes in a
    query), trimmed and cut to a length no real value reaches."""
    value = unicodedata.normalize("NFC", value or "")
    return _CONTROL.sub("", value).strip()[:MAX_TEXT]


def positive(value: str, upper: int, name: str, default: int) -> int:
    value = text(value)
    if not value:
        return default
    # isdigit() accepts "²", which int() refuses: only ASCII digits are a number here.
    if not (value.isascii() and value.isdigit()) or not 1 <= int(value) <= upper:
        raise BadParameter(f"Tham số {name} phải là số nguyên từ 1 đến {format_number(upper)}.")
    return int(value)


def pagination(page: str, page_size: str) -> tuple[int, int]:
    return (
        positive(page, MAX_PAGE, "page", 1),
        positive(page_size, MAX_PAGE_SIZE, "page_size", DEFAULT_PAGE_SIZE),
    )


def page_slice(rows, page: int, page_size: int):
    """The rows of page `page` (from 1) of `rows` cut into pages of `page_size`."""
    return rows[(page - 1) * page_size : page * page_size]


def by_id(queryset, pk: int):
    """The row of `queryset` with id `pk`, or None, also for an id no row can have (zero,
    negative, beyond a 64-bit integer: a database error rather than "not found")."""
    return queryset.filter(pk=pk).first() if 0 < pk <= MAX_ID else None


def identifier(value: str) -> int | None:
    """A positive database id written in ASCII digits, else None."""
    value = text(value)
    if value.isascii() and value.isdigit() and 0 < int(value) <= MAX_ID:
        return int(value)
    return None


def sites_for(value: str) -> list[Site]:
    """The `site` filter: a host name ("hatinh.gov.vn", every port), "host:port", or a Site id
    (as /api/v1/sites lists them). Empty: every site. Unknown: BadParameter, because a typo
    would otherwise silently answer an empty list."""
    value = text(value).lower()
    sites = Site.objects.select_related("root_page").order_by("-is_default_site", "pk")
    if not value:
        return list(sites)
    site_id = identifier(value)
    match = _HOST_PORT.match(value)
    if site_id is not None:
        found = list(sites.filter(pk=site_id))
    elif match:
        found = list(sites.filter(hostname=match["host"], port=int(match["port"])))
    else:
        found = list(sites.filter(hostname=value))
    if not found:
        raise BadParameter(
            f"Không có trang thông tin nào là “{value}”; tham số site nhận tên miền, "
            "tên miền:cổng hoặc mã số trong /api/v1/sites."
        )
    return found


def under_sites(sites: list[Site]) -> Q:
    """Pages in the tree of any of `sites` (their root page included); an installation's pages
    outside every site have no address and are never listed."""
    condition = Q(pk__in=[])
    for site in sites:
        condition |= Q(path__startswith=site.root_page.path)
    return condition


def not_expired() -> Q:
    """Wagtail unpublishes a page past its expiry date only when `publish_scheduled` runs; until
    it does, the API already treats the page as gone."""
    return Q(expire_at__isnull=True) | Q(expire_at__gt=timezone.now())


def date_range(date_from: str, date_to: str) -> tuple[datetime | None, datetime | None]:
    """`from`/`to` as calendar days in the portal's time zone (Asia/Ho_Chi_Minh), `to`
    included: (start, end) datetimes, end exclusive. YYYY-MM-DD, or DD/MM/YYYY as Vietnamese
    readers write it; empty means no bound; a range that ends before it starts is refused,
    never swapped (as /api/v1/search does)."""
    parsed: dict[str, date | None] = {}
    for name, label, value in (("from", "Từ ngày", date_from), ("to", "Đến ngày", date_to)):
        value = text(value)
        parsed[name] = parse_date(value[:20]) if value else None
        if value and parsed[name] is None:
            raise BadParameter(
                f"{label} (tham số {name}) không hợp lệ; nhập theo dạng YYYY-MM-DD "
                "hoặc ngày/tháng/năm, ví dụ 2024-10-17 hoặc 17/10/2024."
            )
    low, high = parsed["from"], parsed["to"]
    if low and high and low > high:
        raise BadParameter(
            f"Từ ngày ({low:%d/%m/%Y}) đứng sau đến ngày ({high:%d/%m/%Y}); "
            "hãy sửa lại khoảng ngày."
        )
    tz = timezone.get_current_timezone()
    # Converting dates near year 1 or 9999 to UTC would overflow; such bounds exclude nothing.
    start = datetime.combine(low, time.min, tz) if low and low.year >= 1900 else None
    end = (
        datetime.combine(high + timedelta(days=1), time.min, tz)
        if high and high.year < 2200
        else None
    )
    return start, end


def absolute(base: str, url: str | None) -> str | None:
    """`url` on the site whose root URL is `base`; absolute URLs (a CDN's) stay as they are."""
    if not url:
        return url
    if url.startswith("/") and not url.startswith("//"):
        return base.rstrip("/") + url
    return url


_RELATIVE_ATTRIBUTE = re.compile(r"""\b(href|src)=(["'])(/(?!/)[^"']*)\2""")


def absolute_html(base: str, html: str) -> str:
    """Every root-relative link and image in `html` made absolute on `base`. The HTML comes
    from our own block templates and Wagtail's rich text, which quote attributes, so a
    pattern over href/src is enough and keeps the markup byte for byte otherwise."""
    root = base.rstrip("/")
    return _RELATIVE_ATTRIBUTE.sub(lambda m: f"{m[1]}={m[2]}{root}{m[3]}{m[2]}", html)


def default_base() -> str:
    """The default Site's root URL: addresses of installation-wide data (the organisation)."""
    from django.conf import settings

    site = Site.objects.filter(is_default_site=True).first()
    return site.root_url if site is not None else settings.BASE_URL
