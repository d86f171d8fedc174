import datetime as dt

import pytest

from congso.servicestats.periods import PeriodError, parse_period, resolve


@pytest.mark.parametrize(
    ("code", "start", "end"),
    [
        ("2026", dt.date(2026, 1, 1), dt.date(2026, 12, 31)),
        ("2026-Q2", dt.date(2026, 4, 1), dt.date(2026, 6, 30)),
        ("2024-02", dt.date(2024, 2, 1), dt.date(2024, 2, 29)),
    ],
)
def test_a_period_code_names_its_first_and_last_day(code, start, end):
    period = parse_period(code)
    assert (period.start, period.end) == (start, end)


@pytest.mark.parametrize("code", ["2026-13", "2026-Q5", "26", "2026-1", "năm nay", "1899"])
def test_a_nonsense_period_is_refused_in_vietnamese(code):
    with pytest.raises(PeriodError, match="Kỳ báo cáo|Năm"):
        parse_period(code)


def test_no_period_is_the_current_year():
    assert parse_period(None, today=dt.date(2026, 12, 1)).code == "2026"


def test_dates_narrow_the_period():
    period = resolve("2026", "2026-03-01", "31/03/2026")
    assert (period.start, period.end, period.kind) == (
        dt.date(2026, 3, 1),
        dt.date(2026, 3, 31),
        "range",
    )


def test_a_start_after_the_end_is_refused():
    with pytest.raises(PeriodError, match="trước hoặc bằng"):
        resolve("2026", "2026-04-01", "2026-03-01")
