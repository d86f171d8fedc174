"""Reading search parameters from a query string, for the results page and the API alike.

Bad values never raise: each one is dropped with a Vietnamese message for the reader (the
results page shows it; the API answers 400 with it). An empty value means "not given".
"""

from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta

from django.utils import timezone

from .adapters import TYPE_LABELS
from .analysis import MAX_QUERY_CHARS, clean
from .backends.base import Filters

MAX_PAGE_SIZE = 50
DEFAULT_PAGE_SIZE = 10


@dataclass
class SearchParams:
    q: str = ""
    type: str = ""
    category: str = ""
    date_from: date | None = None
    date_to: date | None = None
    page: int = 1
    page_size: int = DEFAULT_PAGE_SIZE
    errors: list[str] = field(default_factory=list)

    @property
    def reversed_dates(self) -> bool:
        return bool(self.date_from and self.date_to and self.date_from > self.date_to)

    def filters(self, tree_path: str = "") -> Filters:
        tz = timezone.get_current_timezone()
        if self.reversed_dates:
            # A range that ends before it starts is an error for the reader to mend, not a
            # filter: kept on the form so the reader sees it, left out of the search.
            return Filters(type=self.type, category=self.category, tree_path=tree_path)
        # Bounds outside 1900–2199 filter nothing out, and near year 1 or 9999 converting to UTC
        # would overflow: treat them as no bound.
        low = self.date_from if self.date_from and self.date_from.year >= 1900 else None
        high = self.date_to if self.date_to and self.date_to.year < 2200 else None
        return Filters(
            type=self.type,
            category=self.category,
            date_from=datetime.combine(low, time.min, tz) if low else None,
            date_to=datetime.combine(high + timedelta(days=1), time.min, tz) if high else None,
            tree_path=tree_path,
        )


def parse_date(value: str) -> date | None:
    """'2024-10-17' (date inputs) or '17/10/2024' (as Vietnamese readers write it)."""
    for fmt in ("%Y-%m-%d", "%d/%m/%Y", "%d-%m-%Y"):
        try:
            parsed = datetime.strptime(value, fmt).date()
        except ValueError:
            continue
        return parsed
    return None


def _int(value, default: int, low: int, high: int) -> int:
    try:
        number = int(str(value).strip())
    except (TypeError, ValueError):
        return default
    return min(max(number, low), high)


def parse_params(data) -> SearchParams:
    def get(name: str) -> str:
        return clean(str(data.get(name) or ""))[: MAX_QUERY_CHARS * 50].strip()

    params = SearchParams(q=get("q"))
    if len(" ".join(params.q.split())) > MAX_QUERY_CHARS:
        params.errors.append(f"Từ khóa quá dài; chỉ {MAX_QUERY_CHARS} ký tự đầu được dùng để tìm.")
    kind = get("type")
    if kind in TYPE_LABELS:
        params.type = kind
    elif kind:
        params.errors.append("Loại nội dung không hợp lệ; đang tìm trong mọi loại.")
    params.category = get("category")[:255]
    for name, label in (("from", "Từ ngày"), ("to", "Đến ngày")):
        raw = get(name)
        if not raw:
            continue
        parsed = parse_date(raw[:20])
        if parsed is None:
            params.errors.append(
                f"{label} không hợp lệ; nhập theo dạng ngày/tháng/năm, ví dụ 17/10/2024."
            )
        elif name == "from":
            params.date_from = parsed
        else:
            params.date_to = parsed
    if params.reversed_dates:
        # Rejected, never swapped: the API answers 400 with this message and the results page
        # shows it and leaves the dates out of the filter (docs/search.md, "Dates").
        params.errors.append(
            f"Từ ngày ({params.date_from:%d/%m/%Y}) đứng sau đến ngày "
            f"({params.date_to:%d/%m/%Y}); kết quả chưa lọc theo ngày, hãy sửa lại khoảng ngày."
        )
    params.page = _int(data.get("page"), 1, 1, 100)
    params.page_size = _int(data.get("page_size"), DEFAULT_PAGE_SIZE, 1, MAX_PAGE_SIZE)
    return params
