"""The admin listing "Nhắc việc và cảnh báo": officers see only their agencies' rows, filters by
kind, agency and "mine" narrow it, nonsense in the filters is ignored, outsiders are refused."""

import pytest
from django.urls import reverse

from congso.core.tests.factories import SuperuserFactory
from congso.dossiers.status import Role
from congso.dossiers.tests.admin_setup import officer
from congso.dossiers.tests.factories import make_procedure, submitted_dossier
from congso.reminders.models import Kind, Reminder
from congso.reminders.tests.conftest import vn

pytestmark = pytest.mark.django_db
URL = "/admin/nhac-viec/"


@pytest.fixture
def rows(office, received, run, remind):
    """A due-soon and an overdue reminder in the office's agency, an overdue one in the other."""
    received()
    remind(vn(2026, 5, 7, 15))
    remind(vn(2026, 5, 8, 15))
    procedure = make_procedure(office["other"], time_limit=5)
    other = submitted_dossier(procedure, office["citizen"])
    other_one_stop = officer(office["other"], Role.ONE_STOP, "motcua-xa")
    other_specialist = officer(office["other"], Role.SPECIALIST, "chuyenvien-xa")
    office.update(other_one_stop=other_one_stop, other_specialist=other_specialist)
    run(other, [(vn(2026, 5, 5, 9), "other_one_stop", "receive")])
    remind(vn(2026, 5, 8, 15))
    assert Reminder.objects.count() == 3
    return office


def codes(response) -> set[str]:
    return {r.dossier.code for r in response.context["page_obj"].object_list}


def kinds(response) -> list[str]:
    return sorted(r.kind for r in response.context["page_obj"].object_list)


def test_the_url_is_the_one_in_the_menu():
    assert reverse("reminders_admin:list") == URL


def test_an_officer_sees_only_the_rows_of_their_agency(client, rows):
    client.force_login(rows["specialist"])
    response = client.get(URL)
    assert response.status_code == 200
    assert {r.agency for r in response.context["page_obj"].object_list} == {rows["agency"]}


def test_another_agencys_officer_does_not_see_them(client, rows):
    client.force_login(rows["other_one_stop"])
    response = client.get(URL)
    assert {r.agency for r in response.context["page_obj"].object_list} == {rows["other"]}


def test_asking_for_another_agency_shows_nothing_of_it(client, rows):
    client.force_login(rows["specialist"])
    response = client.get(URL, {"co-quan": rows["other"].identifier})
    assert rows["other"] not in {r.agency for r in response.context["page_obj"].object_list}


def test_the_kind_filter_keeps_one_kind(client, rows):
    client.force_login(rows["leader"])
    response = client.get(URL, {"loai": Kind.OVERDUE})
    assert kinds(response) == [Kind.OVERDUE]


def test_mine_keeps_the_rows_sent_to_me(client, rows):
    client.force_login(rows["leader"])
    response = client.get(URL, {"cua-toi": "1"})
    assert kinds(response) == [Kind.OVERDUE]


def test_nonsense_in_the_filters_is_ignored(client, rows):
    client.force_login(rows["leader"])
    response = client.get(URL, {"loai": "<script>", "co-quan": "\x00", "page": "-3"})
    assert response.status_code == 200
    assert kinds(response) == [Kind.DUE_SOON, Kind.OVERDUE]
    assert b"<script>" not in response.content


def test_a_superuser_sees_every_agency(client, rows):
    client.force_login(SuperuserFactory())
    response = client.get(URL)
    assert {r.agency for r in response.context["page_obj"].object_list} == {
        rows["agency"],
        rows["other"],
    }


def test_a_staff_user_who_is_no_officer_is_refused(client, rows):
    from django.contrib.auth.models import Permission

    from congso.core.tests.factories import UserFactory

    user = UserFactory()
    user.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client.force_login(user)
    assert client.get(URL).status_code in (302, 403)


def test_an_anonymous_visitor_is_sent_to_the_login(client):
    response = client.get(URL)
    assert response.status_code == 302 and "login" in response.url


def test_the_admin_home_shows_my_reminders(client, rows):
    client.force_login(rows["leader"])
    response = client.get("/admin/")
    assert b'id="reminders-panel"' in response.content
    assert rows["agency"].dossiers.first().code.encode() in response.content


def test_an_officer_cannot_change_the_supplement_deadlines(client, office):
    url = reverse("wagtailsnippets_reminders_supplementdeadline:list")
    client.force_login(office["leader"])
    response = client.get(url)
    assert response.status_code in (302, 403)
    assert response.status_code == 403 or response.url != url


def test_the_installation_administrator_sets_a_procedures_supplement_deadline(client, office):
    from congso.reminders.models import SupplementDeadline

    client.force_login(SuperuserFactory())
    url = reverse("wagtailsnippets_reminders_supplementdeadline:add")
    response = client.post(
        url,
        {"procedure": office["procedure"].pk, "working_days": "10", "legal_basis": "Mẫu"},
    )
    assert response.status_code == 302
    assert SupplementDeadline.objects.get().working_days == 10
