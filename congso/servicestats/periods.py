"""Reporting periods: `YYYY`, `YYYY-Qn`, `YYYY-MM` (SERVICES.md; issue 10), in Vietnam dates."""

import datetime as dt
import re
from dataclasses import dataclass

from django.utils import timezone

PERIOD_RE = re.compile(r"^(?P<year>\d{4})(?:-(?:Q(?P<quarter>[1-4])|(?P<month>0[1-9]|1[0-2])))?$")
FIRST_YEAR, LAST_YEAR = 2000, 2100


class PeriodError(ValueError):
    """A period or date the statistics cannot use; the message is for the user (Vietnamese)."""


@dataclass(frozen=True)
class Period:
    code: str
    start: dt.date
    end: dt.date  # included
    kind: str = "range"  # year | quarter | month | range (explicit from/to)

    @property
    def label(self) -> str:
        if self.kind == "month":
            return f"Tháng {self.start.month:02d}/{self.start.year}"
        if self.kind == "quarter":
            return f"Quý {(self.start.month - 1) // 3 + 1}/{self.start.year}"
        if self.kind == "range":
            return f"Từ {self.start:%d/%m/%Y} đến {self.end:%d/%m/%Y}"
        return f"Năm {self.start.year}"

    def is_closed(self, today: dt.date | None = None) -> bool:
        return self.end < (today or timezone.localdate())

    def months(self) -> list["Period"]:
        out, day = [], self.start
        while day <= self.end:
            out.append(parse_period(f"{day.year}-{day.month:02d}"))
            day = (day.replace(day=28) + dt.timedelta(days=4)).replace(day=1)
        return out


def _month_end(year: int, month: int) -> dt.date:
    nxt = dt.date(year + (month == 12), month % 12 + 1, 1)
    return nxt - dt.timedelta(days=1)


def parse_period(value: str | None, today: dt.date | None = None) -> Period:
    """`None` or "" is the current year."""
    today = today or timezone.localdate()
    if not value:
        value = str(today.year)
    match = PERIOD_RE.match(str(value).strip())
    if not match:
        raise PeriodError(
            "Kỳ báo cáo không hợp lệ: dùng dạng YYYY (năm), YYYY-Qn (quý) hoặc YYYY-MM (tháng), "
            "ví dụ 2026, 2026-Q2, 2026-05."
        )
    year = int(match["year"])
    if not FIRST_YEAR <= year <= LAST_YEAR:
        raise PeriodError(f"Năm của kỳ báo cáo phải từ {FIRST_YEAR} đến {LAST_YEAR}.")
    if match["quarter"]:
        q = int(match["quarter"])
        return Period(
            f"{year}-Q{q}", dt.date(year, 3 * q - 2, 1), _month_end(year, 3 * q), "quarter"
        )
    if match["month"]:
        m = int(match["month"])
        return Period(f"{year}-{m:02d}", dt.date(year, m, 1), _month_end(year, m), "month")
    return Period(str(year), dt.date(year, 1, 1), dt.date(year, 12, 31), "year")


def parse_date(value: str | None, name: str) -> dt.date | None:
    """An ISO date (YYYY-MM-DD) or dd/mm/yyyy; `name` is the field's Vietnamese name."""
    if value in (None, ""):
        return None
    text = str(value).strip()
    for fmt in ("%Y-%m-%d", "%d/%m/%Y"):
        try:
            day = dt.datetime.strptime(text, fmt).date()
        except ValueError:
            continue
        if not FIRST_YEAR <= day.year <= LAST_YEAR:
            break
        return day
    raise PeriodError(f"{name} không hợp lệ: dùng dạng YYYY-MM-DD hoặc dd/mm/yyyy.")


def resolve(period: str | None, date_from: str | None = None, date_to: str | None = None) -> Period:
    """A period, narrowed or replaced by explicit from/to dates when given."""
    base = parse_period(period)
    start = parse_date(date_from, "Ngày bắt đầu") or base.start
    end = parse_date(date_to, "Ngày kết thúc") or base.end
    if start > end:
        raise PeriodError("Ngày bắt đầu phải trước hoặc bằng ngày kết thúc.")
    if (start, end) == (base.start, base.end):
        return base
    return Period(f"{start.isoformat()}/{end.isoformat()}", start, end)
