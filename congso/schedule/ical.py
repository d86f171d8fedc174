"""iCalendar (RFC 5545) for the schedule, written by hand: no iCalendar library is installed
and the subset needed (VCALENDAR with VEVENTs) is small.

What RFC 5545 asks and this does: CRLF line ends (3.1); lines folded at 75 octets without
splitting a UTF-8 character, continuation lines starting with a space (3.1); TEXT values
escaped (backslash, semicolon, comma, newline; 3.3.11); UTC times with a "Z" (3.3.5), so no
VTIMEZONE is needed; DTSTAMP and a UID in every VEVENT (3.6.1), the UID stable across edits and
unique across sites because it carries the site's hostname (3.8.4.7); SEQUENCE bumped on every
significant change so subscribed clients replace their copy (3.8.7.4).
"""

from datetime import UTC, datetime

from django.utils import timezone

PRODID = "-//congso//Lich cong tac//VI"


def escape_text(value: str) -> str:
    value = (value or "").replace("\r\n", "\n").replace("\r", "\n")
    return value.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,").replace("\n", "\\n")


def fold(line: str) -> str:
    """Split a content line into lines of at most 75 octets (RFC 5545 3.1)."""
    encoded = line.encode("utf-8")
    if len(encoded) <= 75:
        return line
    parts, current, size, limit = [], [], 0, 75
    for char in line:
        width = len(char.encode("utf-8"))
        if size + width > limit:
            parts.append("".join(current))
            # Continuation lines begin with a space, which counts towards their 75 octets.
            current, size, limit = [], 0, 74
        current.append(char)
        size += width
    parts.append("".join(current))
    return "\r\n ".join(parts)


def utc_stamp(moment: datetime) -> str:
    return moment.astimezone(UTC).strftime("%Y%m%dT%H%M%SZ")


def local_to_utc(day, time) -> str:
    """A wall-clock time of the portal's time zone (settings.TIME_ZONE) as a UTC timestamp."""
    moment = timezone.make_aware(datetime.combine(day, time), timezone.get_default_timezone())
    return utc_stamp(moment)


def entry_uid(entry, hostname: str) -> str:
    return f"lich-cong-tac-{entry.pk}@{hostname}"


def event_lines(entry, hostname: str, url: str) -> list[str]:
    summary = f"{entry.leader}: {entry.content}"
    description = [entry.content]
    if entry.participants:
        description.append(f"Thành phần: {entry.participants}")
    if entry.preparing_unit:
        description.append(f"Đơn vị chuẩn bị: {entry.preparing_unit}")
    if entry.notes:
        description.append(f"Ghi chú: {entry.notes}")
    if entry.changed_at:
        description.append(f"Điều chỉnh lúc {timezone.localtime(entry.changed_at):%H:%M %d/%m/%Y}")
    lines = [
        "BEGIN:VEVENT",
        f"UID:{entry_uid(entry, hostname)}",
        f"DTSTAMP:{utc_stamp(entry.updated_at)}",
        f"CREATED:{utc_stamp(entry.created_at)}",
        f"LAST-MODIFIED:{utc_stamp(entry.updated_at)}",
        f"SEQUENCE:{entry.sequence}",
        f"DTSTART:{local_to_utc(entry.day, entry.start_time)}",
    ]
    # Without an end, RFC 5545 3.6.1 makes the event end when it starts: nothing is invented.
    if entry.end_time:
        lines.append(f"DTEND:{local_to_utc(entry.day, entry.end_time)}")
    lines += [
        f"SUMMARY:{escape_text(summary)}",
        f"LOCATION:{escape_text(entry.place)}",
        f"DESCRIPTION:{escape_text(chr(10).join(description))}",
        f"URL:{url}",
        f"STATUS:{'CANCELLED' if entry.cancelled else 'CONFIRMED'}",
        "TRANSP:OPAQUE",
        "END:VEVENT",
    ]
    return lines


def calendar(entries, *, name: str, hostname: str, url: str, refresh_hours: int = 0) -> str:
    lines = [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        f"PRODID:{PRODID}",
        "CALSCALE:GREGORIAN",
        f"NAME:{escape_text(name)}",
        f"X-WR-CALNAME:{escape_text(name)}",
    ]
    if refresh_hours:
        # RFC 7986 and the older de-facto property: how often subscribers should fetch again.
        lines += [
            f"REFRESH-INTERVAL;VALUE=DURATION:PT{refresh_hours}H",
            f"X-PUBLISHED-TTL:PT{refresh_hours}H",
        ]
    for entry in entries:
        lines += event_lines(entry, hostname, url)
    lines.append("END:VCALENDAR")
    return "".join(fold(line) + "\r\n" for line in lines)
