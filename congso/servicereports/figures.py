"""The figures every file of this app prints, in one order with one set of labels, taken from
congso.servicestats (the same sums as the results page): the Excel report, the DOCX and the
PDF cannot disagree with each other or with the page.

Added here: the dossiers carried over from the previous period (kỳ trước chuyển sang) — the
stock in progress at the end of the day before the period starts — and the total to handle.
"""

import datetime as dt
from dataclasses import dataclass

from congso.core.text import format_number
from congso.servicestats.periods import Period
from congso.servicestats.querysets import figures, stock_at


@dataclass(frozen=True)
class Row:
    key: str
    label: str
    kind: str = "count"  # count | percent | days | score
    level: int = 0  # 1: a part of the row above ("— Trực tuyến")


ROWS = (
    Row("carried_over", "Số hồ sơ kỳ trước chuyển sang"),
    Row("received", "Số hồ sơ mới tiếp nhận trong kỳ"),
    Row("received_online", "Trực tuyến", level=1),
    Row("received_in_person", "Trực tiếp", level=1),
    Row("received_postal", "Qua dịch vụ bưu chính công ích", level=1),
    Row("to_handle", "Tổng số hồ sơ phải giải quyết"),
    Row("finished", "Số hồ sơ đã giải quyết xong"),
    Row("finished_early", "Trước hạn", level=1),
    Row("finished_on_time", "Đúng hạn", level=1),
    Row("finished_late", "Quá hạn", level=1),
    Row("in_progress", "Số hồ sơ đang giải quyết cuối kỳ"),
    Row("in_progress_on_time", "Trong hạn", level=1),
    Row("in_progress_overdue", "Quá hạn", level=1),
    Row("supplement_requested", "Số hồ sơ yêu cầu bổ sung, hoàn thiện"),
    Row("refused", "Số hồ sơ từ chối tiếp nhận"),
    Row("withdrawn", "Số hồ sơ người nộp rút"),
    Row("stopped", "Số hồ sơ dừng xử lý"),
    Row("received_fully_online", "Số hồ sơ trực tuyến toàn trình"),
    Row("finished_in_time_ratio", "Tỷ lệ giải quyết trước hạn và đúng hạn (%)", "percent"),
    Row("received_online_ratio", "Tỷ lệ hồ sơ nộp trực tuyến (%)", "percent"),
    Row("fully_online_ratio", "Tỷ lệ hồ sơ trực tuyến toàn trình (%)", "percent"),
    Row("average_processing_days", "Thời gian giải quyết trung bình (ngày làm việc)", "days"),
    Row("satisfaction_ratio", "Tỷ lệ hài lòng (%)", "percent"),
)
COUNT_KEYS = tuple(row.key for row in ROWS if row.kind == "count")


def previous_day_period(period: Period) -> Period:
    """The period that ends the day before `period` starts (for the stock carried over)."""
    end = period.start - dt.timedelta(days=1)
    return Period(f"..{end.isoformat()}", end, end)


def report_figures(agency_ids, period: Period, now: dt.datetime | None = None) -> dict:
    """figures() plus carried_over and to_handle; agency_ids None: the whole installation."""
    out = figures(agency_ids, period, now)
    out["carried_over"] = stock_at(agency_ids, previous_day_period(period), now)["in_progress"]
    out["to_handle"] = out["carried_over"] + out["received"]
    return out


def display(row: Row, value) -> str:
    """A value as a Vietnamese reader writes it: 1.234, 95,50 (empty when not measurable)."""
    if value is None:
        return "—"
    if row.kind == "count":
        return format_number(value)
    return format_number(value, 2)
