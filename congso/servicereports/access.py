"""Who may read and sign which agency's registers and reports.

Any officer of an agency (one-stop, specialist, leader, agency admin) reads its register and
reports: the register carries applicants' personal data and is an internal document of that
agency, so another agency's officer never gets it. Signing and publishing is the leader's (or
the agency admin's); configuring the certificate is the agency admin's. A superuser is the
installation's administrator and may do all of it for every agency.
"""

from congso.dossiers.models import AgencyStaff
from congso.dossiers.queues import officer_agencies
from congso.dossiers.services.access import roles_in
from congso.dossiers.services.errors import Forbidden
from congso.dossiers.status import Role

SIGNING_ROLES = {Role.LEADER, Role.ADMIN}


def report_agencies(user) -> list:
    if user is None or not user.is_authenticated:
        return []
    return list(officer_agencies(user))


def may_read(user, agency) -> bool:
    return bool(roles_in(user, agency))


def may_sign(user, agency) -> bool:
    return bool(roles_in(user, agency) & SIGNING_ROLES)


def may_sign_somewhere(user) -> bool:
    if not user.is_authenticated:
        return False
    return (
        user.is_superuser or AgencyStaff.objects.filter(user=user, role__in=SIGNING_ROLES).exists()
    )


def require_read(user, agencies) -> None:
    for agency in agencies:
        if not may_read(user, agency):
            raise Forbidden("Bạn không phải cán bộ của cơ quan này nên không xem được báo cáo, sổ.")


def require_sign(user, agency) -> None:
    if not may_sign(user, agency):
        raise Forbidden("Chỉ lãnh đạo hoặc quản trị của cơ quan được ký và đăng báo cáo.")


def may_configure(user, agency) -> bool:
    """The certificate is configured by the installation's or the agency's administrator."""
    if not user.is_authenticated:
        return False
    return user.is_superuser or Role.ADMIN in roles_in(user, agency)
