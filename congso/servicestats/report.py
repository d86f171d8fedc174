"""The published results (issue 10, part 1): one set of names and figures for the page, the CSV
and `GET /api/v1/statistics`, so the three cannot disagree."""

import datetime as dt

from congso.organisation.models import Agency
from congso.servicestats import querysets
from congso.servicestats.filters import Choice
from congso.servicestats.querysets import FLOW_COUNTERS, derive

# Counts of the API and the CSV, in this order; names are a contract (issue 10).
COUNTS = (
    "received",
    "received_online",
    "received_in_person",
    "received_postal",
    "received_fully_online",
    "finished",
    "finished_early",
    "finished_on_time",
    "finished_late",
    "in_progress",
    "in_progress_on_time",
    "in_progress_overdue",
    "supplement_requested",
    "refused",
    "withdrawn",
    "stopped",
    "settled",
    "rating_count",
)
# Percentages (0–100, two decimals, half up), a mean in working days and a mean score;
# None when there is nothing to divide.
RATIOS = (
    "received_online_ratio",
    "fully_online_ratio",
    "finished_in_time_ratio",
    "average_processing_days",
    "satisfaction_ratio",
    "average_rating",
)

LABELS = {
    "received": "Tiếp nhận",
    "received_online": "Tiếp nhận trực tuyến",
    "received_in_person": "Tiếp nhận trực tiếp",
    "received_postal": "Tiếp nhận qua bưu chính",
    "received_fully_online": "Tiếp nhận trực tuyến toàn trình",
    "finished": "Đã giải quyết",
    "finished_early": "Giải quyết trước hạn",
    "finished_on_time": "Giải quyết đúng hạn",
    "finished_late": "Giải quyết quá hạn",
    "in_progress": "Đang giải quyết",
    "in_progress_on_time": "Đang giải quyết trong hạn",
    "in_progress_overdue": "Đang giải quyết quá hạn",
    "supplement_requested": "Yêu cầu bổ sung",
    "refused": "Không được tiếp nhận",
    "withdrawn": "Rút hồ sơ",
    "stopped": "Dừng xử lý",
    "settled": "Tổng số đã kết thúc",
    "rating_count": "Lượt đánh giá",
    "received_online_ratio": "Tỷ lệ tiếp nhận trực tuyến (%)",
    "fully_online_ratio": "Tỷ lệ trực tuyến toàn trình (%)",
    "finished_in_time_ratio": "Tỷ lệ giải quyết trước hạn và đúng hạn (%)",
    "average_processing_days": "Thời gian giải quyết trung bình (ngày làm việc)",
    "satisfaction_ratio": "Tỷ lệ hài lòng (%)",
    "average_rating": "Điểm đánh giá trung bình (1–5)",
}
# The agency table of the page: the figures a citizen compares across agencies.
TABLE_COLUMNS = (
    "received",
    "finished_early",
    "finished_on_time",
    "finished_late",
    "in_progress_on_time",
    "in_progress_overdue",
    "finished_in_time_ratio",
    "fully_online_ratio",
)


def public(figures: dict) -> dict:
    """The published subset of figures(), in contract order."""
    return {name: figures[name] for name in COUNTS + RATIOS}


def answer(choice: Choice, now: dt.datetime | None = None) -> dict:
    """The body of GET /api/v1/statistics."""
    figures = querysets.figures(choice.agency_ids, choice.period, now)
    return {
        "agency": choice.agency.identifier if choice.agency else None,
        "period": choice.period.code,
        "from": choice.period.start.isoformat(),
        "to": choice.period.end.isoformat(),
        **public(figures),
        "includes_sample": querysets.includes_sample(choice.agency_ids, choice.period),
    }


def agencies() -> list[Agency]:
    return list(Agency.objects.order_by("name", "identifier"))


def agency_rows(
    choice: Choice, agency_list: list[Agency] | None = None, now: dt.datetime | None = None
) -> list[tuple[Agency, dict]]:
    """Every agency with its figures (zeros when it has none): two grouped queries, plus one
    for the agencies unless the caller has them already."""
    table = querysets.table_by_agency(None, choice.period, now)
    empty = None
    rows = []
    for agency in agencies() if agency_list is None else agency_list:
        figures = table.get(agency.pk)
        if figures is None:
            if empty is None:
                counts = {name: 0 for name in FLOW_COUNTERS}
                counts.update(in_progress=0, in_progress_on_time=0, in_progress_overdue=0)
                empty = derive(counts)
            figures = empty
        rows.append((agency, public(figures)))
    return rows


def month_rows(choice: Choice) -> list[tuple[str, dict]]:
    """Flow figures of each month (stocks are not summed per month; the CSV's month rows leave
    them to the period total)."""
    out = []
    for month, counts in querysets.figures_by_month(choice.agency_ids, choice.period):
        counts = dict(counts)
        counts.update(in_progress=None, in_progress_on_time=None, in_progress_overdue=None)
        out.append((month, derive_flows(counts)))
    return out


def derive_flows(counts: dict) -> dict:
    """derive() for rows without stocks (month rows): stock columns stay empty."""
    stocks = {k: counts[k] for k in ("in_progress", "in_progress_on_time", "in_progress_overdue")}
    derived = derive({**counts, **{k: 0 for k in stocks}})
    derived.update(stocks)
    return public(derived)
