"""GET /api/v1/calendar/due-date: the due time of a time limit, for officers and citizens.

Parameters arrive as text and are checked here, so every bad value gets a 400 with a
Vietnamese `detail` (a contract: never django-ninja's 422). At least 120 requests a minute from
one address are always answered (a contract too); the per-address limit, 600 a minute unless
settings.DUE_DATE_RATE_LIMIT says otherwise, only stops floods (a 429 with Retry-After).
"""

import datetime as dt
import re

from django.conf import settings
from django.http import HttpResponse
from ninja import Field, Query, Router, Schema, Status

from congso.analytics.privacy import client_ip, keyed_hash
from congso.core import ratelimit
from congso.dossiers.calendar import CalendarError, Unit, due_at
from congso.organisation.models import Agency

router = Router(tags=["Lịch làm việc"])
MAX_AMOUNT = 1000
DEFAULT_RATE_LIMIT = "600/60"  # requests / seconds per address; never below 120/60
# "+07:00" sent unencoded in a query string arrives as " 07:00": read it as the offset it was.
_LOST_PLUS = re.compile(r" (\d{2}(:?\d{2})?)$")


class DueDateOut(Schema):
    due_at: str = Field(
        description="Hạn xử lý, ISO 8601 giờ Việt Nam, ví dụ 2026-05-04T16:45:00+07:00"
    )


class Message(Schema):
    detail: str


class DueDateParams(Schema):
    agency: str = Field("", description="Mã định danh điện tử của cơ quan, ví dụ 000.00.12.H56")
    received_at: str = Field(
        "", description="Thời điểm tiếp nhận, ISO 8601; không có múi giờ thì hiểu là giờ Việt Nam"
    )
    amount: str = Field("", description=f"Thời hạn, số nguyên từ 1 đến {MAX_AMOUNT}")
    unit: str = Field("", description="working_day | working_hour | day")


def parse_received_at(text: str) -> dt.datetime | None:
    text = text.strip()
    try:
        moment = dt.datetime.fromisoformat(text)
    except ValueError:
        try:
            moment = dt.datetime.fromisoformat(_LOST_PLUS.sub(r"+\1", text))
        except ValueError:
            return None
    if not 2000 <= moment.year <= 2100:
        return None
    return moment


def _refuse(detail: str) -> Status:
    return Status(400, {"detail": detail})


@router.get(
    "/due-date",
    response={200: DueDateOut, 400: Message, 429: Message},
    summary="Tính hạn xử lý theo lịch làm việc của cơ quan",
    url_name="due_date",
)
def due_date(request, params: Query[DueDateParams], response: HttpResponse):
    rate = ratelimit.Rate.parse(getattr(settings, "DUE_DATE_RATE_LIMIT", DEFAULT_RATE_LIMIT))
    try:
        ratelimit.hit(f"due-date:{keyed_hash(client_ip(request), purpose='due-date')}", rate)
    except ratelimit.RateLimited as limited:
        response["Retry-After"] = str(limited.retry_after)
        return Status(429, {"detail": "Quá nhiều yêu cầu từ địa chỉ này; vui lòng thử lại sau."})
    identifier = params.agency.strip()
    # PostgreSQL cannot compare a NUL: such an identifier is unknown, not a 500.
    agency = None if "\x00" in identifier else Agency.objects.filter(identifier=identifier).first()
    if agency is None:
        return _refuse("Không tìm thấy cơ quan có mã định danh này (tham số agency).")
    received_at = parse_received_at(params.received_at)
    if received_at is None:
        return _refuse(
            "Tham số received_at phải là thời điểm ISO 8601 (năm 2000–2100), "
            "ví dụ 2026-04-24T16:45:00+07:00."
        )
    amount = params.amount.strip()
    # isdecimal, not isdigit: "²" is a digit that int() refuses (a 500, not a 400).
    if not amount.isdecimal() or not 1 <= int(amount) <= MAX_AMOUNT:
        return _refuse(f"Tham số amount phải là số nguyên từ 1 đến {MAX_AMOUNT}.")
    if params.unit not in {u.value for u in Unit}:
        return _refuse("Tham số unit phải là working_day, working_hour hoặc day.")
    try:
        due = due_at(agency, received_at, int(amount), params.unit)
    except CalendarError as error:
        return _refuse(str(error))
    return {"due_at": due.isoformat()}
