"""What a statistics request asks for: an agency (or the whole installation) and a period.

Shared by the results page, its CSV and every `/api/v1/statistics…` endpoint, so a bad value
gets the same Vietnamese message everywhere (issue 10, part 9: never a 500).
"""

from dataclasses import dataclass

from django.utils import timezone

from congso.organisation.models import Agency
from congso.servicestats.periods import Period, PeriodError, resolve

UNKNOWN_AGENCY = "Không tìm thấy cơ quan có mã định danh này (tham số agency)."
MAX_PARAM_LENGTH = 50


class FilterError(ValueError):
    """A request the statistics cannot answer; `status` is the HTTP status to answer with."""

    def __init__(self, message: str, status: int = 400):
        super().__init__(message)
        self.status = status


@dataclass(frozen=True)
class Choice:
    agency: Agency | None
    period: Period

    @property
    def agency_ids(self) -> list[int] | None:
        return None if self.agency is None else [self.agency.pk]


def _clean(value: str | None, name: str) -> str:
    text = (value or "").strip()
    # PostgreSQL cannot compare a NUL, and nothing valid is that long: refused, not a 500.
    if "\x00" in text or len(text) > MAX_PARAM_LENGTH:
        raise FilterError(f"Tham số {name} không hợp lệ.")
    return text


def find_agency(identifier: str | None) -> Agency | None:
    """None for no identifier (the whole installation); FilterError for an unknown one."""
    identifier = _clean(identifier, "agency")
    if not identifier:
        return None
    agency = Agency.objects.filter(identifier=identifier).first()
    if agency is None:
        # 404 as /statistics/index-766 answers: every statistics endpoint alike.
        raise FilterError(UNKNOWN_AGENCY, status=404)
    return agency


def choose(
    agency: str | None, period: str | None, date_from: str | None = None, date_to: str | None = None
) -> Choice:
    """The agency and period of a request, or FilterError with a message for the user."""
    try:
        resolved = resolve(
            _clean(period, "period"), _clean(date_from, "from"), _clean(date_to, "to")
        )
    except PeriodError as error:
        raise FilterError(str(error)) from None
    return Choice(find_agency(agency), resolved)


def period_code(params) -> str:
    """The period the pickers of the results and 766 pages ask for: a month wins over a quarter, a quarter over the year."""
    if params.get("ky"):
        return params["ky"]
    year = (params.get("nam") or "").strip() or str(timezone.localdate().year)
    month = (params.get("thang") or "").strip()
    quarter = (params.get("quy") or "").strip()
    if month:
        return f"{year}-{month.zfill(2)}"
    if quarter:
        return f"{year}-Q{quarter}"
    return year
