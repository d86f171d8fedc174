"""Pre-filling the default calendar from the `holidays` library (Vietnam, Tết by the lunar
calendar), with the corrections recorded in docs/decisions/0005-agencies-and-calendar.md.

Idempotent: a date the administrator has edited (source "admin") is never touched; rows that
came from the library are updated when the library changes its mind.
"""

import datetime as dt

import holidays as holidays_lib

OFF, WORKING, LIBRARY = "off", "working", "library"

# Corrections to the library, checked against Labour Code 2019 art. 112 and the government's
# yearly schedules: {date: (kind, name)}; None removes a library date. Empty: the library's
# 2024–2028 dates agree with the checks in the decision record.
CORRECTIONS: dict[dt.date, tuple[str, str] | None] = {}


def library_days(years) -> dict[dt.date, tuple[str, str]]:
    """{date: (kind, Vietnamese name)} for the given years: days off and make-up working days."""
    years = list(years)
    vn = holidays_lib.country_holidays("VN", years=years, language="vi")
    days = {day: (OFF, name) for day, name in vn.items()}
    for day in getattr(vn, "weekend_workdays", ()):
        if day.year in years:
            days[day] = (WORKING, "Ngày làm bù")
    for day, correction in CORRECTIONS.items():
        if day.year not in years:
            continue
        if correction is None:
            days.pop(day, None)
        else:
            days[day] = correction
    return days


def load(calendar_day_model, years) -> tuple[int, int]:
    """Write the library's days into the default calendar; returns (created, updated).

    `calendar_day_model` is passed in so a data migration can use its historical model."""
    existing = {row.date: row for row in calendar_day_model.objects.filter(agency__isnull=True)}
    created = updated = 0
    for day, (kind, name) in sorted(library_days(years).items()):
        name = name[:255]
        row = existing.get(day)
        if row is None:
            calendar_day_model.objects.create(date=day, kind=kind, name=name, source=LIBRARY)
            created += 1
        elif row.source == LIBRARY and (row.kind, row.name) != (kind, name):
            row.kind, row.name = kind, name
            row.save(update_fields=["kind", "name"])
            updated += 1
    return created, updated


def parse_years(text: str) -> range:
    """ "2024-2028" or "2026"."""
    first, _, last = text.partition("-")
    start, stop = int(first), int(last or first)
    if not 1990 <= start <= stop <= 2100:
        raise ValueError(text)
    return range(start, stop + 1)
