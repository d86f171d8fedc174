"""Admin screens for agencies, sessions and calendar days: only for those allowed."""

import datetime as dt

import pytest
from django.contrib.auth.models import Permission
from django.urls import reverse

from congso.core.tests.factories import SuperuserFactory, UserFactory
from congso.dossiers.models import CalendarDay

pytestmark = pytest.mark.django_db
LISTS = [
    "wagtailsnippets_organisation_agency:list",
    "wagtailsnippets_dossiers_workingsession:list",
    "wagtailsnippets_dossiers_calendarday:list",
]


@pytest.fixture
def admin_user_without_calendar_rights(client):
    user = UserFactory()
    user.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client.force_login(user)
    return user


@pytest.mark.parametrize("name", LISTS)
def test_an_admin_user_without_permission_cannot_open_the_list(
    client, admin_user_without_calendar_rights, name
):
    response = client.get(reverse(name))
    assert response.status_code in (302, 403)
    assert response.status_code == 403 or response.url != reverse(name)


@pytest.mark.parametrize("name", LISTS)
def test_an_anonymous_visitor_is_sent_to_the_login(client, name):
    response = client.get(reverse(name))
    assert response.status_code == 302
    assert "login" in response.url


@pytest.mark.parametrize("name", LISTS)
def test_a_superuser_sees_the_list_in_vietnamese(client, name):
    client.force_login(SuperuserFactory())
    response = client.get(reverse(name))
    assert response.status_code == 200


def test_a_user_given_the_change_permission_can_open_the_calendar_days(
    client, admin_user_without_calendar_rights
):
    user = admin_user_without_calendar_rights
    user.user_permissions.add(Permission.objects.get(codename="change_calendarday"))
    assert client.get(reverse("wagtailsnippets_dossiers_calendarday:list")).status_code == 200


def test_a_day_edited_in_the_admin_is_marked_as_the_administrators(client):
    client.force_login(SuperuserFactory())
    day = CalendarDay.objects.get(agency__isnull=True, date=dt.date(2026, 5, 1))
    assert day.source == CalendarDay.Source.LIBRARY
    url = reverse("wagtailsnippets_dossiers_calendarday:edit", args=[day.pk])
    response = client.post(
        url, {"agency": "", "date": "2026-05-01", "kind": "working", "name": "Trực lễ"}
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    day.refresh_from_db()
    assert (day.kind, day.source) == ("working", CalendarDay.Source.ADMIN)


def test_a_second_default_row_for_the_same_date_is_refused_with_a_message(client):
    client.force_login(SuperuserFactory())
    response = client.post(
        reverse("wagtailsnippets_dossiers_calendarday:add"),
        {"agency": "", "date": "2026-05-01", "kind": "off", "name": "Trùng"},
    )
    assert response.status_code == 200
    assert "Ngày này đã có" in response.content.decode()


def test_a_superuser_adds_an_agency_in_the_admin(client):
    from congso.organisation.models import Agency

    client.force_login(SuperuserFactory())
    response = client.post(
        reverse("wagtailsnippets_organisation_agency:add"),
        {"identifier": "000.21.30.H56", "level": "commune", "name": "UBND xã Cam Lâm"},
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    assert Agency.objects.get(identifier="000.21.30.H56").level == "commune"


def test_an_agency_identifier_in_lowercase_is_refused_in_the_admin(client):
    client.force_login(SuperuserFactory())
    response = client.post(
        reverse("wagtailsnippets_organisation_agency:add"),
        {"identifier": "000.21.30.h56", "level": "commune", "name": "UBND xã"},
    )
    assert response.status_code == 200
    assert "Mã định danh gồm chữ in hoa" in response.content.decode()
