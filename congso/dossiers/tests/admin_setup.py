"""Shared setup of the one-stop admin tests: an agency with its officers (each in the Wagtail
group of their role, as `setup_roles` makes them), a procedure, a citizen, and a second agency
whose dossiers the first one's officers must never reach."""

from django.contrib.auth.models import Group

from congso.dossiers.status import Role
from congso.dossiers.tests.factories import (
    APRIL_MAY_2026,
    make_agency,
    make_procedure,
    make_staff,
    make_user,
)

PASSWORD = "x"  # factories.make_user's


def officer(agency, role, username):
    from congso.users.roles import DOSSIER_GROUP_OF_ROLE, setup_roles

    if not Group.objects.filter(name=DOSSIER_GROUP_OF_ROLE[role]).exists():
        setup_roles()
    user = make_staff(agency, role, username)
    user.groups.add(Group.objects.get(name=DOSSIER_GROUP_OF_ROLE[role]))
    return user


def holidays_2026():
    from congso.dossiers.models import CalendarDay

    CalendarDay.objects.filter(date__year=2026).delete()
    for day in APRIL_MAY_2026:
        CalendarDay.objects.create(date=day, kind="off", name="nghỉ")


def make_office(prefix=""):
    holidays_2026()
    agency = make_agency()
    other = make_agency(identifier="000.00.99.H56", name="UBND xã Mẫu")
    return {
        "agency": agency,
        "other": other,
        "one_stop": officer(agency, Role.ONE_STOP, f"{prefix}motcua"),
        "specialist": officer(agency, Role.SPECIALIST, f"{prefix}chuyenvien"),
        "leader": officer(agency, Role.LEADER, f"{prefix}lanhdao"),
        "other_one_stop": officer(other, Role.ONE_STOP, f"{prefix}motcua-xa"),
        "citizen": make_user(f"{prefix}congdan"),
        "procedure": make_procedure(agency, time_limit=5, name="Cấp giấy phép mẫu"),
        "other_procedure": make_procedure(other, time_limit=5, name="Thủ tục của xã"),
    }
