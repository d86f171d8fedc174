"""GET /api/v1/statistics/index-766 and /ranking: the Decision 766 index of an agency (or the
whole installation) for a period, frozen once the period is closed (services.py).

Parameters arrive as text and are checked here, so a nonsense period is a 400 and an unknown
agency a 404, each with a Vietnamese `detail`, never ninja's 422 or a 500.
"""

from ninja import Field, Query, Router, Schema, Status

from congso.index766 import services
from congso.organisation.models import Agency

router = Router(tags=["Chỉ số 766"])


class Message(Schema):
    detail: str


class IndexParams(Schema):
    agency: str = Field(
        "", description="Mã định danh điện tử của cơ quan; bỏ trống: toàn bộ cơ quan"
    )
    period: str = Field("", description="Kỳ: YYYY, YYYY-Qn hoặc YYYY-MM; mặc định năm hiện tại")


class RankingParams(Schema):
    period: str = Field("", description="Kỳ: YYYY, YYYY-Qn hoặc YYYY-MM; mặc định năm hiện tại")


class IndicatorOut(Schema):
    code: str = Field(description="Mã chỉ số trong bộ chỉ số, ví dụ 2.1")
    name: str
    numerator: int | float = Field(description="Tử số (số nguyên khi đếm hồ sơ, thủ tục)")
    denominator: int | float = Field(description="Mẫu số")
    ratio: float | None = Field(description="Tử số ÷ mẫu số (0–1); null khi mẫu số bằng 0")
    points: float = Field(description="Điểm đạt, làm tròn 2 chữ số thập phân")
    max_points: float = Field(description="Điểm tối đa; tổng các chỉ số bằng 100")
    source: str = Field(description="computed (tính từ hồ sơ) | entered (nhập có minh chứng)")


class IndexOut(Schema):
    agency: str | None = Field(description="Mã định danh của cơ quan; null: toàn bộ cơ quan")
    period: str = Field(description="Mã kỳ: 2026, 2026-Q3 hoặc 2026-09")
    total: float = Field(description="Tổng điểm: tổng các điểm đã làm tròn")
    indicators: list[IndicatorOut]


class RankOut(Schema):
    rank: int
    agency: str = Field(description="Mã định danh của cơ quan")
    name: str
    total: float


class RankingOut(Schema):
    period: str
    closed: bool = Field(description="Kỳ đã khóa: số liệu đã chốt, không thay đổi")
    results: list[RankOut]


def _agency(identifier: str) -> Agency | None:
    identifier = identifier.strip()
    if not identifier:
        return None
    # PostgreSQL can neither store nor compare a NUL: no agency has one.
    agency = None if "\x00" in identifier else Agency.objects.filter(identifier=identifier).first()
    if agency is None:
        raise services.IndexError766(f"Không tìm thấy cơ quan có mã định danh “{identifier}”.")
    return agency


@router.get(
    "",
    response={200: IndexOut, 400: Message, 404: Message},
    summary="Chỉ số 766 của một cơ quan hoặc toàn bộ cơ quan trong một kỳ",
)
def index_766(request, params: Query[IndexParams]):
    try:
        period = services.period_of(params.period)
        try:
            agency = _agency(params.agency)
        except services.IndexError766 as error:
            return Status(404, {"detail": str(error)})
        return services.report(period, agency)
    except services.IndexError766 as error:
        return Status(error.status, {"detail": str(error)})


@router.get(
    "/ranking",
    response={200: RankingOut, 400: Message, 404: Message},
    summary="Xếp hạng các cơ quan theo chỉ số 766 trong một kỳ",
)
def ranking(request, params: Query[RankingParams]):
    try:
        period = services.period_of(params.period)
        rows = services.ranking(period)
    except services.IndexError766 as error:
        return Status(error.status, {"detail": str(error)})
    return {
        "period": period.code,
        "closed": services.is_closed(period.code),
        "results": [
            {
                "rank": row["rank"],
                "agency": row["agency"].identifier,
                "name": row["agency"].name,
                "total": float(row["total"]),
            }
            for row in rows
        ],
    }
