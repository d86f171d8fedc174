"""Who may see and act on which dossier. Officers see only their agencies' dossiers (AgencyStaff);
a citizen only their own. A superuser is the installation's administrator and sees all."""

from django.db.models import Q

from congso.dossiers.models import AgencyStaff, Dossier
from congso.dossiers.services.errors import Forbidden, NotFound
from congso.dossiers.status import Role, Status


def roles_in(user, agency) -> set[str]:
    if user is None or not user.is_authenticated:
        return set()
    if user.is_superuser:
        return {role.value for role in Role}
    return set(AgencyStaff.objects.filter(user=user, agency=agency).values_list("role", flat=True))


def is_staff_of(user, agency) -> bool:
    return bool(roles_in(user, agency))


def visible_to(user):
    """The dossiers `user` may open: their own, and those of the agencies they work in."""
    if user is None or not user.is_authenticated:
        return Dossier.objects.none()
    if user.is_superuser:
        return Dossier.objects.all()
    return Dossier.objects.filter(owner=user) | staff_dossiers(user)


def staff_dossiers(user):
    """The dossiers of the agencies `user` works in (the one-stop queues)."""
    if user is None or not user.is_authenticated:
        return Dossier.objects.none()
    # A citizen's draft is theirs alone until submitted; a draft typed at the desk (no owner)
    # is the agency's.
    drafts = Q(status=Status.DRAFT, owner__isnull=False)
    if user.is_superuser:
        return Dossier.objects.exclude(drafts)
    return Dossier.objects.filter(
        agency_id__in=AgencyStaff.objects.filter(user=user).values("agency_id")
    ).exclude(drafts)


def get_visible(user, dossier_id) -> Dossier:
    """The dossier, or NotFound — also when it exists but is not this user's to see, so that
    enumerating ids tells nothing."""
    try:
        dossier_id = int(dossier_id)
    except (TypeError, ValueError):
        raise NotFound("Không tìm thấy hồ sơ.")
    dossier = visible_to(user).filter(pk=dossier_id).first()
    if dossier is None:
        raise NotFound("Không tìm thấy hồ sơ.")
    return dossier


def require_role(user, agency, *roles: str) -> None:
    if not roles_in(user, agency) & set(roles):
        names = ", ".join(str(Role(r).label) for r in roles)
        raise Forbidden(f"Bạn không có vai trò thực hiện thao tác này ({names}).")


def require_owner(user, dossier) -> None:
    if not user.is_authenticated or dossier.owner_id != user.pk:
        raise Forbidden("Chỉ người nộp hồ sơ được thực hiện thao tác này.")
