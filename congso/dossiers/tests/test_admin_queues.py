"""The one-stop queues: which dossiers each queue holds, their counts, search, and that an
officer only ever sees their own agency's dossiers."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from congso.dossiers import queues
from congso.dossiers.services.processing import perform
from congso.dossiers.status import Action, Role
from congso.dossiers.tests.admin_setup import make_office, officer
from congso.dossiers.tests.factories import APPLICANT, make_agency, submitted_dossier, vn

pytestmark = pytest.mark.django_db
URL = "/admin/mot-cua/"


@pytest.fixture
def office(clock):
    return make_office()


def received(office, **applicant):
    dossier = submitted_dossier(
        office["procedure"], office["citizen"], applicant={**APPLICANT, **applicant}
    )
    return perform(dossier.pk, office["one_stop"], Action.RECEIVE, {})


def slugs_holding(user, agency, dossier):
    return {
        queue.slug
        for queue in queues.QUEUES
        if queues.queue_dossiers(user, agency, queue.slug).filter(pk=dossier.pk).exists()
    }


def test_a_new_online_dossier_waits_in_the_new_and_to_receive_queues(office):
    dossier = submitted_dossier(office["procedure"], office["citizen"])
    held = slugs_holding(office["one_stop"], office["agency"], dossier)
    assert held == {"moi-nop", "cho-tiep-nhan", "viec-cua-toi"}


def test_a_received_dossier_is_the_specialists_task_and_no_longer_the_one_stops(office):
    dossier = received(office)
    assert "viec-cua-toi" in slugs_holding(office["specialist"], office["agency"], dossier)
    assert "viec-cua-toi" not in slugs_holding(office["one_stop"], office["agency"], dossier)


def test_a_dossier_assigned_to_another_specialist_is_not_my_task(office):
    other = officer(office["agency"], Role.SPECIALIST, "chuyenvien2")
    dossier = received(office)
    perform(dossier.pk, office["leader"], Action.ASSIGN, {"user": other.username})
    assert "viec-cua-toi" not in slugs_holding(office["specialist"], office["agency"], dossier)
    assert "viec-cua-toi" in slugs_holding(other, office["agency"], dossier)


def test_a_dossier_due_within_one_working_day_is_due_soon(office, clock):
    dossier = received(office)  # due 12/05 09:00
    clock.set(vn(2026, 5, 11, 10, 0))
    assert "sap-den-han" in slugs_holding(office["one_stop"], office["agency"], dossier)
    clock.set(vn(2026, 5, 8, 10, 0))
    assert "sap-den-han" not in slugs_holding(office["one_stop"], office["agency"], dossier)


def test_a_dossier_past_its_due_time_is_overdue_until_processed(office, clock):
    dossier = received(office)
    clock.set(vn(2026, 5, 12, 9, 1))
    assert "qua-han" in slugs_holding(office["one_stop"], office["agency"], dossier)
    perform(dossier.pk, office["specialist"], Action.FORWARD, {})
    perform(dossier.pk, office["leader"], Action.APPROVE, {})
    assert "qua-han" not in slugs_holding(office["one_stop"], office["agency"], dossier)


def test_a_dossier_waiting_for_a_supplement_is_in_that_queue_only(office):
    dossier = received(office)
    perform(dossier.pk, office["specialist"], Action.REQUEST_SUPPLEMENT, {"reason": "Thiếu"})
    assert slugs_holding(office["specialist"], office["agency"], dossier) == {"cho-bo-sung"}


def test_another_agencys_officer_sees_none_of_these_dossiers(office):
    dossier = submitted_dossier(office["procedure"], office["citizen"])
    assert slugs_holding(office["other_one_stop"], office["agency"], dossier) == set()
    assert slugs_holding(office["other_one_stop"], office["other"], dossier) == set()


def test_an_officer_cannot_pick_an_agency_that_is_not_theirs(office):
    chosen = queues.pick_agency(office["other_one_stop"], office["agency"].identifier)
    assert chosen == office["other"]


def test_search_finds_a_dossier_by_part_of_its_code_or_the_applicants_name(office):
    first = received(office, name="Trần Thị Bích (mẫu)")
    received(office, name="Lê Văn C (mẫu)")
    everything = queues.in_agency(office["one_stop"], office["agency"])
    assert list(queues.search(everything, "Bích")) == [first]
    assert list(queues.search(everything, first.code[-6:])) == [first]


def test_the_queue_page_shows_counts_and_rows_in_vietnamese(client, office):
    submitted_dossier(office["procedure"], office["citizen"])
    client.force_login(office["one_stop"])
    response = client.get(URL, {"hang": "moi-nop"})
    html = response.content.decode()
    assert response.status_code == 200
    assert "Mới nộp trực tuyến" in html and "Cấp giấy phép mẫu" in html
    assert "Nguyễn Văn A (mẫu)" in html
    assert "Mới đăng ký" in html


def test_the_received_time_is_shown_as_hour_minute_day_month_year(client, office):
    received(office)
    client.force_login(office["specialist"])
    html = client.get(URL, {"hang": "viec-cua-toi"}).content.decode()
    assert "09:00 05/05/2026" in html and "09:00 12/05/2026" in html


def test_counts_are_written_with_vietnamese_thousands_dots(client, office, monkeypatch):
    monkeypatch.setattr(
        queues.Reader, "counts", lambda self: {q.slug: 27664 for q in queues.QUEUES}
    )
    client.force_login(office["one_stop"])
    assert "27.664" in client.get(URL).content.decode()


def test_the_queue_page_runs_the_same_number_of_queries_for_one_or_many_rows(client, office):
    client.force_login(office["specialist"])
    received(office)
    # A first visit fills what is cached across requests (the calendar, with Redis).
    client.get(URL, {"hang": "viec-cua-toi"})
    with CaptureQueriesContext(connection) as one:
        client.get(URL, {"hang": "viec-cua-toi"})
    for _ in range(5):
        received(office)
    with CaptureQueriesContext(connection) as six:
        client.get(URL, {"hang": "viec-cua-toi"})
    assert len(six) == len(one)


def test_a_user_who_works_in_no_agency_is_refused_the_queues(client, office):
    from django.contrib.auth.models import Permission

    from congso.core.tests.factories import UserFactory

    user = UserFactory()
    user.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client.force_login(user)
    assert client.get(URL).status_code in (302, 403)


def test_a_superuser_sees_every_agencys_dossiers(client, office):
    from congso.core.tests.factories import SuperuserFactory

    submitted_dossier(office["other_procedure"], office["citizen"])
    client.force_login(SuperuserFactory())
    assert "Thủ tục của xã" in client.get(URL, {"hang": "moi-nop"}).content.decode()


def test_the_menu_shows_the_one_stop_queues_to_an_officer(client, office):
    client.force_login(office["one_stop"])
    html = client.get(reverse("wagtailadmin_home")).content.decode()
    assert "hang-viec-cua-toi" in html and "nhap-truc-tiep" in html


def test_an_officer_of_two_agencies_switches_between_them(client, office):
    second = make_agency(identifier="000.00.77.H56", name="Sở thứ hai")
    from congso.dossiers.models import AgencyStaff

    AgencyStaff.objects.create(user=office["one_stop"], agency=second, role=Role.ONE_STOP)
    client.force_login(office["one_stop"])
    html = client.get(URL, {"co-quan": second.identifier}).content.decode()
    assert 'value="000.00.77.H56" selected' in html


@pytest.mark.parametrize("slug", [queue.slug for queue in queues.QUEUES])
def test_no_queue_scans_the_dossier_table(office, slug):
    if connection.vendor != "sqlite":
        pytest.skip("EXPLAIN QUERY PLAN is SQLite's; PostgreSQL is measured in benchmarks/")
    dossiers = queues.for_list(queues.queue_dossiers(office["specialist"], office["agency"], slug))
    sql, params = dossiers.query.sql_with_params()
    with connection.cursor() as cursor:
        cursor.execute("EXPLAIN QUERY PLAN " + sql, params)
        plan = [row[-1] for row in cursor.fetchall()]
    assert not [step for step in plan if step.startswith("SCAN dossiers_dossier")], plan


def test_the_next_page_link_keeps_the_queue_and_search(client, office, monkeypatch):
    from congso.dossiers.admin_views import queues as queue_views

    monkeypatch.setattr(queue_views, "PER_PAGE", 1)
    submitted_dossier(office["procedure"], office["citizen"])
    submitted_dossier(office["procedure"], office["citizen"])
    client.force_login(office["one_stop"])
    html = client.get(URL, {"hang": "moi-nop", "q": "Nguyễn"}).content.decode()
    assert "Trang 1 / 2" in html
    link = html.split("Trang sau")[0].rsplit('href="', 1)[1].split('"')[0]
    assert "hang=moi-nop" in link and "page=2" in link and "q=" in link
    assert "Trang 2 / 2" in client.get(URL + link.replace("&amp;", "&")).content.decode()
