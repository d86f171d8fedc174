import datetime as dt

from congso.dossiers.calendar import VN, WorkingCalendar
from congso.organisation.models import Agency, AgencyLevel

# The holidays of SERVICES.md's worked examples.
APRIL_MAY_2026 = {
    dt.date(2026, 4, 27): "off",
    dt.date(2026, 4, 30): "off",
    dt.date(2026, 5, 1): "off",
}


def vn(year, month, day, hour=0, minute=0, second=0) -> dt.datetime:
    return dt.datetime(year, month, day, hour, minute, second, tzinfo=VN)


def standard_calendar(days=None) -> WorkingCalendar:
    return WorkingCalendar.standard(APRIL_MAY_2026 if days is None else days)


def make_agency(identifier="000.00.12.H56", name="Sở Khoa học và Công nghệ", **kwargs) -> Agency:
    kwargs.setdefault("level", AgencyLevel.PROVINCE)
    return Agency.objects.create(identifier=identifier, name=name, **kwargs)
