"""GET /api/v1/statistics: the published results of an agency (or the whole installation) for
a period — the same figures as the results page and its CSV (report.py).

Parameters arrive as text and are checked by filters.choose, so every bad value is a 400 with a
Vietnamese `detail` (an unknown agency a 404, as /statistics/index-766 answers), never
ninja's 422 or a 500. The router's only path is "": the 766 index
mounts its own router at "/statistics/index-766", which django-ninja keeps apart.
"""

from django.conf import settings
from django.http import HttpResponse
from ninja import Field, Query, Router, Schema, Status

from congso.analytics.privacy import client_ip, keyed_hash
from congso.core import ratelimit
from congso.servicestats import report
from congso.servicestats.filters import FilterError, choose

router = Router(tags=["Kết quả giải quyết hồ sơ"])
DEFAULT_RATE_LIMIT = "600/60"  # requests / seconds per address; stops floods only
RATE_LIMITED = "Quá nhiều yêu cầu từ địa chỉ này; vui lòng thử lại sau."


class Message(Schema):
    detail: str


class StatisticsParams(Schema):
    agency: str = Field(
        "", description="Mã định danh điện tử của cơ quan; bỏ trống: toàn bộ cơ quan"
    )
    period: str = Field(
        "", description="Kỳ báo cáo: YYYY, YYYY-Qn hoặc YYYY-MM; mặc định năm hiện tại"
    )
    date_from: str = Field(
        "", alias="from", description="Từ ngày (YYYY-MM-DD), thay đầu kỳ; không bắt buộc"
    )
    date_to: str = Field(
        "", alias="to", description="Đến ngày (YYYY-MM-DD), thay cuối kỳ; không bắt buộc"
    )


_COUNT_DOC = {name: f"{label} (số hồ sơ)" for name, label in report.LABELS.items()}


class StatisticsOut(Schema):
    agency: str | None = Field(description="Mã định danh của cơ quan; null: toàn bộ cơ quan")
    period: str = Field(description="Mã kỳ: 2026, 2026-Q2, 2026-05 hoặc <từ>/<đến>")
    from_: str = Field(alias="from", description="Ngày đầu kỳ, YYYY-MM-DD")
    to: str = Field(description="Ngày cuối kỳ (tính cả ngày này), YYYY-MM-DD")
    received: int = Field(description="Tiếp nhận trong kỳ (theo ngày tiếp nhận)")
    received_online: int = Field(description=_COUNT_DOC["received_online"])
    received_in_person: int = Field(description=_COUNT_DOC["received_in_person"])
    received_postal: int = Field(description=_COUNT_DOC["received_postal"])
    received_fully_online: int = Field(description=_COUNT_DOC["received_fully_online"])
    finished: int = Field(description="Đã giải quyết trong kỳ (theo ngày có kết quả)")
    finished_early: int = Field(description=_COUNT_DOC["finished_early"])
    finished_on_time: int = Field(description=_COUNT_DOC["finished_on_time"])
    finished_late: int = Field(description=_COUNT_DOC["finished_late"])
    in_progress: int = Field(description="Đang giải quyết cuối kỳ (hoặc lúc này, kỳ hiện tại)")
    in_progress_on_time: int = Field(description=_COUNT_DOC["in_progress_on_time"])
    in_progress_overdue: int = Field(description=_COUNT_DOC["in_progress_overdue"])
    supplement_requested: int = Field(description=_COUNT_DOC["supplement_requested"])
    refused: int = Field(description=_COUNT_DOC["refused"])
    withdrawn: int = Field(description=_COUNT_DOC["withdrawn"])
    stopped: int = Field(description=_COUNT_DOC["stopped"])
    settled: int = Field(description="Đã kết thúc: đã giải quyết + không tiếp nhận + rút + dừng")
    rating_count: int = Field(description=_COUNT_DOC["rating_count"])
    received_online_ratio: float | None = Field(description="% tiếp nhận trực tuyến")
    fully_online_ratio: float | None = Field(description="% tiếp nhận trực tuyến toàn trình")
    finished_in_time_ratio: float | None = Field(description="% trước hạn và đúng hạn")
    average_processing_days: float | None = Field(description="Ngày làm việc, trung bình")
    satisfaction_ratio: float | None = Field(description="% đánh giá 4–5 trên 5")
    average_rating: float | None = Field(description="Điểm trung bình, 1–5")
    includes_sample: bool = Field(description="Số liệu gồm hồ sơ mẫu (dữ liệu mẫu)")


def check_rate(request) -> int | None:
    """None, or the seconds to wait when this address asked too often."""
    rate = ratelimit.Rate.parse(getattr(settings, "STATISTICS_RATE_LIMIT", DEFAULT_RATE_LIMIT))
    try:
        ratelimit.hit(f"statistics:{keyed_hash(client_ip(request), purpose='statistics')}", rate)
    except ratelimit.RateLimited as limited:
        return limited.retry_after
    return None


@router.get(
    "",
    response={200: StatisticsOut, 400: Message, 404: Message, 429: Message},
    by_alias=True,
    summary="Kết quả giải quyết hồ sơ của cơ quan trong kỳ",
    url_name="statistics",
)
def statistics(request, params: Query[StatisticsParams], response: HttpResponse):
    retry_after = check_rate(request)
    if retry_after is not None:
        response["Retry-After"] = str(retry_after)
        return Status(429, {"detail": RATE_LIMITED})
    try:
        choice = choose(params.agency, params.period, params.date_from, params.date_to)
    except FilterError as error:
        return Status(error.status, {"detail": str(error)})
    response["Cache-Control"] = "no-cache"
    return report.answer(choice)
