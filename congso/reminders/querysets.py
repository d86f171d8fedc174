"""Reading reminders for the admin: an officer sees the rows of their agencies only (every row
for a superuser), filtered by kind, agency and "mine"."""

from congso.dossiers.models import AgencyStaff
from congso.reminders.models import Kind, Reminder


def visible_to(user):
    if not user.is_authenticated:
        return Reminder.objects.none()
    if user.is_superuser:
        return Reminder.objects.all()
    agencies = AgencyStaff.objects.filter(user=user).values("agency_id")
    return Reminder.objects.filter(agency_id__in=agencies)


def listing(user, *, kind: str = "", agency=None, mine: bool = False):
    rows = visible_to(user)
    if kind in Kind.values:
        rows = rows.filter(kind=kind)
    if agency is not None:
        rows = rows.filter(agency=agency)
    if mine:
        rows = rows.filter(recipients=user)
    return rows.select_related("dossier__procedure", "agency").order_by("-created_at", "-pk")


def mine(user, limit: int = 10):
    """The latest reminders addressed to `user` whose work still stands: the homepage panel."""
    return (
        visible_to(user)
        .filter(recipients=user)
        .select_related("dossier__procedure", "agency")
        .order_by("-created_at", "-pk")[:limit]
    )
