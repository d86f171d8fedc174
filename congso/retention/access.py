"""The record of staff opening a dossier's personal data (Decree 13/2023/NĐ-CP: who processed
which personal data, when): one row per opened page, downloaded file or slip, API read, or
export. The dossiers app calls `log_staff_access` at each of those doors, once the door has
decided the user may pass; the applicant reading their own dossier is not logged."""

import ipaddress

from congso.analytics.privacy import client_ip
from congso.dossiers.services import records
from congso.retention.models import PersonalDataAccess

What = PersonalDataAccess.What


def _ip(request) -> str | None:
    try:
        return str(ipaddress.ip_address(client_ip(request).strip()))
    except ValueError:  # a misconfigured proxy's header is no reason to refuse the page
        return None


def user_name(user) -> str:
    return (user.get_full_name() or user.get_username())[:255]


def log_staff_access(request, dossier, what: str, detail="") -> PersonalDataAccess | None:
    """One row for `request.user` reaching `dossier`'s personal data (one INSERT, no reads)."""
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated or dossier.owner_id == user.pk:
        return None
    return PersonalDataAccess.objects.create(
        at=records.now(),
        user=user,
        user_name=user_name(user),
        dossier=dossier,
        dossier_code=dossier.code or "",
        what=what,
        detail=str(detail)[:255],
        ip=_ip(request),
    )


def log_export(request, subject, export) -> PersonalDataAccess:
    """An export of a citizen's data made for them at the desk by an administrator."""
    return PersonalDataAccess.objects.create(
        at=records.now(),
        user=request.user,
        user_name=user_name(request.user),
        subject=subject,
        what=What.EXPORT,
        detail=f"{subject.get_username()} #{export.pk}"[:255],
        ip=_ip(request),
    )
