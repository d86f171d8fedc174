"""iCalendar output (RFC 5545), read back with a small unfolding parser: no iCalendar library
is installed (docs/decisions/0018)."""

from datetime import date, time

import pytest

from congso.schedule import ical, querysets
from congso.schedule.tests.factories import EntryFactory, make_schedule_page

TODAY = date(2026, 12, 2)


def parse(body: str) -> list[dict]:
    """VEVENTs as {NAME: value} after unfolding and unescaping TEXT."""
    assert body.endswith("\r\n")
    raw = body.split("\r\n")[:-1]
    lines = []
    for line in raw:
        assert "\n" not in line and "\r" not in line
        assert len(line.encode()) <= 75, line
        if line.startswith(" "):
            lines[-1] += line[1:]
        else:
            lines.append(line)
    assert lines[0] == "BEGIN:VCALENDAR" and lines[-1] == "END:VCALENDAR"
    events, current = [], None
    for line in lines:
        if line == "BEGIN:VEVENT":
            current = {}
        elif line == "END:VEVENT":
            events.append(current)
            current = None
        elif current is not None:
            name, value = line.split(":", 1)
            value = (
                value.replace("\\n", "\n")
                .replace("\\,", ",")
                .replace("\\;", ";")
                .replace("\\\\", "\\")
            )
            current[name.split(";")[0]] = value
    return events


@pytest.fixture
def page(home, monkeypatch):
    monkeypatch.setattr(querysets, "today", lambda: TODAY)
    return make_schedule_page(home)


def test_escape_text_escapes_the_four_special_characters():
    assert ical.escape_text("a\\b;c,d\ne") == "a\\\\b\\;c\\,d\\ne"


def test_fold_never_splits_a_vietnamese_character():
    line = "SUMMARY:" + "Đoàn công tác kiểm tra chuyển đổi số ở xã " * 4
    folded = ical.fold(line)
    for part in folded.split("\r\n"):
        assert len(part.encode()) <= 75
        part.encode().decode()  # whole characters only
    assert folded.replace("\r\n ", "") == line


def test_week_ics_has_each_entry_in_utc_with_a_stable_uid(client, page):
    entry = EntryFactory(
        page=page,
        day=TODAY,
        start_time=time(8, 0),
        end_time=time(9, 30),
        content="Họp; bàn, về\n“chuyển đổi số”",
        place="Phòng họp số 1",
    )
    response = client.get(page.url + "ical/2026-W49/")
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    (event,) = parse(response.content.decode())
    assert event["UID"] == f"lich-cong-tac-{entry.pk}@testserver"
    # 08:00 in Asia/Ho_Chi_Minh (UTC+7) is 01:00 UTC.
    assert event["DTSTART"] == "20261202T010000Z" and event["DTEND"] == "20261202T023000Z"
    assert event["SUMMARY"] == "Giám đốc Sở: Họp; bàn, về\n“chuyển đổi số”"
    assert event["LOCATION"] == "Phòng họp số 1"
    assert event["STATUS"] == "CONFIRMED" and event["SEQUENCE"] == "0"
    assert "DTSTAMP" in event


def test_week_ics_leaves_out_other_weeks(client, page):
    EntryFactory(page=page, day=date(2026, 12, 9))
    assert parse(client.get(page.url + "ical/2026-W49/").content.decode()) == []


def test_entry_without_end_time_has_no_dtend(client, page):
    EntryFactory(page=page, day=TODAY, end_time=None)
    (event,) = parse(client.get(page.url + "ical/2026-W49/").content.decode())
    assert "DTEND" not in event


def test_rescheduled_entry_keeps_its_uid_and_raises_its_sequence(client, page):
    from congso.schedule import services

    entry = EntryFactory(page=page, day=TODAY)
    entry.start_time, entry.end_time = time(14, 0), None
    services.save_entry(entry)
    (event,) = parse(client.get(page.url + "ical/2026-W49/").content.decode())
    assert event["UID"] == f"lich-cong-tac-{entry.pk}@testserver"
    assert event["SEQUENCE"] == "1" and event["DTSTART"] == "20261202T070000Z"


def test_cancelled_entry_is_a_cancelled_event(client, page):
    EntryFactory(page=page, day=TODAY, cancelled=True)
    (event,) = parse(client.get(page.url + "ical/2026-W49/").content.decode())
    assert event["STATUS"] == "CANCELLED"


def test_feed_covers_recent_and_coming_weeks_and_asks_to_refresh(client, page):
    EntryFactory(page=page, day=date(2026, 11, 2), content="Bốn tuần trước")
    EntryFactory(page=page, day=date(2026, 10, 26), content="Năm tuần trước")
    EntryFactory(page=page, day=date(2027, 1, 31), content="Tám tuần tới")
    body = client.get(page.url + "ical/").content.decode()
    summaries = {event["SUMMARY"] for event in parse(body)}
    assert summaries == {"Giám đốc Sở: Bốn tuần trước", "Giám đốc Sở: Tám tuần tới"}
    assert "REFRESH-INTERVAL;VALUE=DURATION:PT1H" in body


def test_unknown_week_ics_is_not_found(client, page):
    assert client.get(page.url + "ical/2025-W53/").status_code == 404
