"""GET /api/v1/schedule: leaders' work schedule entries of published schedule pages.

Without parameters: this week and next (Monday of this week to Sunday of next week, in the
portal's time zone), which is what a reader or a partner site usually wants."""

from datetime import date, datetime, time, timedelta

from django.db.models import Q
from ninja import Field, Query, Router, Schema
from wagtail.models import Site

from congso.core import api_params as p
from congso.core.api_params import BadParameter, Message
from congso.schedule import querysets

router = Router(tags=["Lịch công tác"])
DEFAULT_DAYS = 14
MAX_RANGE_DAYS = 92


class EntryOut(Schema):
    id: int
    site: str = Field(description="Tên miền của trang (site) có lịch này")
    schedule_url: str = Field(description="Địa chỉ trang lịch công tác")
    date: date
    weekday: str = Field(description="Thứ Hai … Chủ Nhật")
    start_time: time
    end_time: time | None
    content: str
    leader: str = Field(description="Chức danh lãnh đạo, ví dụ Giám đốc Sở")
    official: str | None = Field(description="Họ tên cán bộ trong danh bạ, nếu có liên kết")
    place: str
    participants: str
    preparing_unit: str
    notes: str
    cancelled: bool = Field(description="Hoãn/hủy")
    changed_at: datetime | None = Field(description="Thời điểm điều chỉnh gần nhất, nếu có")
    updated_at: datetime


class EntryPage(Schema):
    count: int
    page: int
    page_size: int
    results: list[EntryOut]


class ScheduleParams(Schema):
    # Text, checked below: a bad value gets a 400 with a Vietnamese message, not ninja's 422.
    from_: str | None = Field(None, alias="from", description="Từ ngày (YYYY-MM-DD)")
    to: str | None = Field(None, description=f"Đến ngày (YYYY-MM-DD), tối đa {MAX_RANGE_DAYS} ngày")
    site: str | None = Field(None, description="Tên miền (hostname) hoặc mã số của trang")
    leader: str | None = Field(
        None, description="Chức danh hoặc họ tên lãnh đạo (không phân biệt dấu, hoa thường)"
    )
    page: str = Field("1", description="Trang, từ 1")
    page_size: str = Field(
        str(p.DEFAULT_PAGE_SIZE), description=f"Số mục mỗi trang, 1–{p.MAX_PAGE_SIZE}"
    )


def _date(text: str | None) -> date | None:
    try:
        value = date.fromisoformat(text.strip())
    except (AttributeError, ValueError):
        return None
    return value if querysets.MIN_YEAR <= value.year <= querysets.MAX_YEAR else None


def _date_range(params: ScheduleParams):
    """(first, last) or a Vietnamese reason why not."""
    first = last = None
    if params.from_ is not None:
        first = _date(params.from_)
        if first is None:
            return "Tham số from phải là một ngày dạng YYYY-MM-DD (năm 2000–2100)."
    if params.to is not None:
        last = _date(params.to)
        if last is None:
            return "Tham số to phải là một ngày dạng YYYY-MM-DD (năm 2000–2100)."
    if first is None and last is None:
        first = querysets.monday_of(querysets.today())
    if last is None:
        last = first + timedelta(days=DEFAULT_DAYS - 1)
    if first is None:
        first = last - timedelta(days=DEFAULT_DAYS - 1)
    if last < first:
        return "Ngày to phải bằng hoặc sau ngày from."
    if (last - first).days + 1 > MAX_RANGE_DAYS:
        return f"Khoảng ngày tối đa là {MAX_RANGE_DAYS} ngày; hãy thu hẹp from/to."
    return first, last


def _site(text: str) -> Site | None:
    text = text.strip().lower()
    lookup = Q(hostname=text)
    if text.isascii() and text.isdigit() and len(text) < 10:
        lookup |= Q(pk=int(text))
    return Site.objects.filter(lookup).select_related("root_page").first()


@router.get(
    "",
    response={200: EntryPage, 400: Message},
    summary="Lịch công tác của lãnh đạo (mặc định: tuần này và tuần sau)",
    url_name="schedule",
)
def list_schedule(request, params: Query[ScheduleParams]):
    try:
        page, page_size = p.pagination(params.page, params.page_size)
    except BadParameter as error:
        return p.refuse(error)
    bounds = _date_range(params)
    if isinstance(bounds, str):
        return p.refuse(bounds)
    first, last = bounds
    entries = querysets.live_entries().filter(day__range=(first, last))
    if params.site:
        site = _site(params.site)
        if site is None:
            return p.refuse(f"Không có trang (site) nào có tên miền hoặc mã “{params.site[:100]}”.")
        entries = querysets.entries_for_site(site.root_page, entries)
    if params.leader and len(params.leader) > 200:
        return p.refuse("Tham số leader dài tối đa 200 ký tự.")
    entries = list(entries.order_by("day", "start_time", "pk"))
    if params.leader and params.leader.strip():
        # At most 92 days of schedules: filtering in Python is cheap, and folds accents, which
        # SQLite's LIKE cannot.
        entries = [e for e in entries if querysets.matches_leader(e, params.leader.strip())]
    sites: dict[int, Site | None] = {}
    results = []
    for entry in p.page_slice(entries, page, page_size):
        if entry.page_id not in sites:
            sites[entry.page_id] = entry.page.get_site()
        site = sites[entry.page_id]
        results.append(
            {
                "id": entry.pk,
                "site": site.hostname if site else "",
                "schedule_url": entry.page.get_full_url(request) or "",
                "date": entry.day,
                "weekday": querysets.WEEKDAYS[entry.day.weekday()],
                "start_time": entry.start_time,
                "end_time": entry.end_time,
                "content": entry.content,
                "leader": entry.leader,
                "official": entry.official.name if entry.official_id else None,
                "place": entry.place,
                "participants": entry.participants,
                "preparing_unit": entry.preparing_unit,
                "notes": entry.notes,
                "cancelled": entry.cancelled,
                "changed_at": entry.changed_at,
                "updated_at": entry.updated_at,
            }
        )
    return {"count": len(entries), "page": page, "page_size": page_size, "results": results}
