"""Demo accounts of the one-stop shop and sample dossiers, all labelled as sample data.

The officers work in the sample Department of Information and Communications that
`load_sample_procedures` creates; the two citizens own no sample dossiers (they file their own).
"""

from django.contrib.auth.models import Group

from congso.dossiers.status import Role

SAMPLE_AGENCY = "000.00.12.H56"
# (login, label printed by ensure_demo_admin, staff account?)
SERVICE_ACCOUNTS = [
    ("motcua", "Cán bộ một cửa", True),
    ("chuyenvien", "Chuyên viên", True),
    ("lanhdao", "Lãnh đạo", True),
    ("congdan1@demo.congso.invalid", "Công dân 1", False),
    ("congdan2@demo.congso.invalid", "Công dân 2", False),
]
_ROLES = {"Cán bộ một cửa": Role.ONE_STOP, "Chuyên viên": Role.SPECIALIST, "Lãnh đạo": Role.LEADER}


def attach_service_account(user, label: str) -> str:
    """Give a demo account what its role needs; returns a note to print, or ''."""
    role = _ROLES.get(label)
    if role is None:
        return _make_citizen(user, label)
    from congso.dossiers.models import AgencyStaff
    from congso.organisation.models import Agency

    group = Group.objects.filter(name=label).first()
    if group is not None:
        user.groups.add(group)
    agency = Agency.objects.filter(identifier=SAMPLE_AGENCY).first()
    if agency is None:
        return "chưa có cơ quan mẫu: chạy load_sample_procedures rồi chạy lại lệnh này"
    AgencyStaff.objects.get_or_create(user=user, agency=agency, role=role)
    return ""


def _make_citizen(user, label: str) -> str:
    from allauth.account.models import EmailAddress

    from congso.accounts.services import profile_for

    EmailAddress.objects.get_or_create(
        user=user, email=user.email, defaults={"verified": True, "primary": True}
    )
    profile = profile_for(user)
    if not profile.full_name:
        profile.full_name = f"{label} (tài khoản mẫu)"
        profile.save()
    return ""
