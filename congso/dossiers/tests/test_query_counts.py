"""What one request costs in queries: the one-stop queue page, a dossier's admin page, the admin
dashboard of an officer, and the public tracking API. The bounds are today's counts (SQLite,
local-memory cache); a change that adds a query per row, per tab or per menu item fails here
before it reaches 100,000 dossiers (docs/benchmarks.md, "Dossiers")."""

import pytest
from django.db import connection
from django.test import override_settings
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from congso.core import ratelimit
from congso.core.tests.factories import SuperuserFactory
from congso.dossiers import queues
from congso.dossiers.services import records
from congso.dossiers.services.processing import perform
from congso.dossiers.status import Action
from congso.dossiers.tests.admin_setup import make_office
from congso.dossiers.tests.factories import submitted_dossier, vn

pytestmark = pytest.mark.django_db
QUEUE_URL = "/admin/mot-cua/"
QUEUE_PAGE_QUERIES = 20  # session, user, permissions, Wagtail's menu: 13; the queue page: 7
DASHBOARD_QUERIES = 19  # +1: the "Nhắc việc của tôi" panel (congso.reminders)
DETAIL_QUERIES = 26  # a specialist's, with the forward and assign choices; +1 the access log row


@pytest.fixture
def office(monkeypatch):
    monkeypatch.setattr(records, "now", lambda: vn(2026, 5, 5, 9, 0))
    return make_office()


def add_dossiers(office, count):
    """`count` online dossiers, half of them received (in the specialist's queue)."""
    made = [submitted_dossier(office["procedure"], office["citizen"]) for _ in range(count)]
    for dossier in made[: count // 2]:
        perform(dossier.pk, office["one_stop"], Action.RECEIVE, {})
    return made


def queries_of(client, url, params=None):
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url, params or {})
    assert response.status_code == 200, url
    return [q["sql"] for q in captured.captured_queries]


# The queue page -------------------------------------------------------------------------------


@pytest.mark.parametrize("slug", [q.slug for q in queues.QUEUES])
def test_each_queue_page_takes_at_most_twenty_queries(
    client, office, slug, django_assert_max_num_queries
):
    add_dossiers(office, 4)
    client.force_login(office["one_stop"])
    client.get(QUEUE_URL)  # the session's first request may write it
    with django_assert_max_num_queries(QUEUE_PAGE_QUERIES):
        assert client.get(QUEUE_URL, {"hang": slug}).status_code == 200


def test_the_queue_page_takes_as_many_queries_for_twenty_dossiers_as_for_two(client, office):
    client.force_login(office["specialist"])
    add_dossiers(office, 2)
    client.get(QUEUE_URL)
    few = len(queries_of(client, QUEUE_URL, {"hang": "viec-cua-toi"}))
    add_dossiers(office, 18)
    assert len(queries_of(client, QUEUE_URL, {"hang": "viec-cua-toi"})) == few


def test_the_six_tab_counts_are_one_query(client, office):
    add_dossiers(office, 4)
    client.force_login(office["one_stop"])
    client.get(QUEUE_URL)
    counting = [sql for sql in queries_of(client, QUEUE_URL) if "COUNT(" in sql.upper()]
    assert len(counting) == 1


def test_the_counts_in_one_query_are_each_queues_own_count(office, monkeypatch):
    made = add_dossiers(office, 6)
    perform(made[0].pk, office["specialist"], Action.REQUEST_SUPPLEMENT, {"reason": "Thiếu"})
    # Days later: some received dossiers are overdue, one is due within the working day.
    later = vn(2026, 5, 13, 16, 0)
    monkeypatch.setattr(records, "now", lambda: later)
    for user in (office["one_stop"], office["specialist"], office["leader"]):
        reader = queues.Reader(user, office["agency"], later)
        expected = {q.slug: reader.dossiers(q.slug).count() for q in queues.QUEUES}
        assert reader.counts() == expected
        assert sum(expected.values()) > 0


def test_a_searched_queue_is_paginated_on_its_own_count(client, office):
    add_dossiers(office, 4)
    client.force_login(office["one_stop"])
    whole = client.get(QUEUE_URL, {"hang": "moi-nop"}).context
    assert whole["page_obj"].paginator.count == 2 == len(whole["rows"])
    searched = client.get(QUEUE_URL, {"hang": "moi-nop", "q": "không-có-hồ-sơ-này"}).context
    assert searched["page_obj"].paginator.count == 0 and searched["rows"] == []


# The admin dashboard and a dossier's page ----------------------------------------------------


def test_the_menu_asks_whether_the_user_is_an_officer_once_per_page(client, office):
    client.force_login(office["one_stop"])
    client.get(reverse("wagtailadmin_home"))
    asked = [
        sql
        for sql in queries_of(client, reverse("wagtailadmin_home"))
        # The roles question itself; the reminders panel's list only joins the table.
        if 'FROM "dossiers_agencystaff" WHERE' in sql
    ]
    assert len(asked) == 1


def test_an_officers_admin_dashboard_takes_at_most_nineteen_queries(
    client, office, django_assert_max_num_queries
):
    client.force_login(office["one_stop"])
    client.get(reverse("wagtailadmin_home"))
    with django_assert_max_num_queries(DASHBOARD_QUERIES):
        assert client.get(reverse("wagtailadmin_home")).status_code == 200


def test_a_superuser_still_sees_in_person_entry_in_the_menu(client, office):
    client.force_login(SuperuserFactory())
    html = client.get(reverse("wagtailadmin_home")).content.decode()
    assert "hang-viec-cua-toi" in html and "nhap-truc-tiep" in html


def test_a_specialist_sees_the_queues_but_not_in_person_entry(client, office):
    client.force_login(office["specialist"])
    html = client.get(reverse("wagtailadmin_home")).content.decode()
    assert "hang-viec-cua-toi" in html and "nhap-truc-tiep" not in html


def test_a_dossiers_admin_page_takes_at_most_twenty_six_queries(
    client, office, django_assert_max_num_queries
):
    dossier = add_dossiers(office, 2)[0]
    client.force_login(office["specialist"])
    url = reverse("dossiers_admin:detail", args=[dossier.pk])
    client.get(url)
    with django_assert_max_num_queries(DETAIL_QUERIES):
        assert client.get(url).status_code == 200


# The tracking API ----------------------------------------------------------------------------


@pytest.fixture
def shared_counter(monkeypatch):
    """Rate-limit counters in the cache, as with Redis in production (no database write)."""
    monkeypatch.setattr(ratelimit, "cache_is_shared", lambda: True)


def tracking_url(dossier):
    return f"/api/v1/dossiers/{dossier.code}/tracking"


def test_a_tracking_lookup_is_one_query(client, office, shared_counter, django_assert_num_queries):
    dossier = add_dossiers(office, 2)[0]
    dossier.refresh_from_db()
    with django_assert_num_queries(1):
        assert client.get(tracking_url(dossier)).status_code == 200


def test_a_tracking_lookup_with_the_secret_adds_one_query_for_the_history(
    client, office, shared_counter, django_assert_num_queries
):
    dossier = add_dossiers(office, 2)[0]
    dossier.refresh_from_db()
    secret = records.tracking_secret(dossier)
    with django_assert_num_queries(2):
        body = client.get(tracking_url(dossier), {"secret": secret}).json()
    assert body["history"]


def test_an_unknown_code_is_the_lookup_and_wagtails_redirect_check(
    client, office, shared_counter, django_assert_num_queries
):
    # Wagtail's redirect middleware looks every 404 up (the site, then its redirects).
    with django_assert_num_queries(3):
        assert client.get("/api/v1/dossiers/KHONG-CO/tracking").status_code == 404


def test_without_redis_the_rate_limit_adds_one_database_write(
    client, office, django_assert_max_num_queries
):
    dossier = add_dossiers(office, 2)[0]
    dossier.refresh_from_db()
    client.get(tracking_url(dossier))  # the window's first lookup also clears old windows
    with django_assert_max_num_queries(2):
        assert client.get(tracking_url(dossier)).status_code == 200


# The cached calendar -------------------------------------------------------------------------


@pytest.fixture
def calendar_cache(settings):
    # The autouse _clear_caches fixture empties this worker's keys; never cache.clear() here:
    # on Redis that is FLUSHDB and wipes the other parallel worker's keys mid-test.
    settings.DOSSIER_CALENDAR_CACHE = True
    yield


def calendar_queries(sqls):
    return [s for s in sqls if "dossiers_workingsession" in s or "dossiers_calendarday" in s]


def test_the_queue_page_reads_the_calendar_from_the_cache(client, office, calendar_cache):
    client.force_login(office["one_stop"])
    assert calendar_queries(queries_of(client, QUEUE_URL))
    assert calendar_queries(queries_of(client, QUEUE_URL)) == []


def test_without_a_shared_cache_the_calendar_is_read_from_the_database(office, monkeypatch):
    from congso.core import ratelimit
    from congso.dossiers.querysets import calendar_cache_enabled

    # As on the local-memory cache (the embedded default), whatever this run's cache is.
    monkeypatch.setattr(ratelimit, "cache_is_shared", lambda: False)
    with override_settings(DOSSIER_CALENDAR_CACHE=None):
        assert not calendar_cache_enabled()


def test_an_admins_edit_of_a_calendar_day_is_seen_at_once(client, office, calendar_cache):
    import datetime as dt

    from congso.dossiers.models import CalendarDay
    from congso.dossiers.querysets import cached_calendar_for

    agency = office["agency"]
    saturday = dt.date(2026, 5, 9)
    assert cached_calendar_for(agency).days.get(saturday) is None
    client.force_login(SuperuserFactory())
    response = client.post(
        reverse("wagtailsnippets_dossiers_calendarday:add"),
        {"agency": agency.pk, "date": "2026-05-09", "kind": "working", "name": "Làm bù"},
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    assert cached_calendar_for(agency).days[saturday] == "working"
    CalendarDay.objects.get(agency=agency, date=saturday).delete()
    assert cached_calendar_for(agency).days.get(saturday) is None


def test_an_edited_working_session_is_seen_at_once(office, calendar_cache):
    import datetime as dt

    from congso.dossiers.models import WorkingSession
    from congso.dossiers.querysets import cached_calendar_for

    agency = office["agency"]
    before = cached_calendar_for(agency).sessions
    WorkingSession.objects.create(
        agency=agency, weekday=5, start=dt.time(7, 30), end=dt.time(11, 30)
    )
    after = cached_calendar_for(agency).sessions
    assert after != before and after[5] == ((dt.time(7, 30), dt.time(11, 30)),)
