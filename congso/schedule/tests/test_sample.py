"""load_sample_schedule: every home-rooted site gets a schedule page and two sample weeks."""

from datetime import date

import pytest
from django.contrib.auth.models import Group
from django.core.management import call_command
from wagtail.models import Page, Site

from congso.schedule import querysets
from congso.schedule.models import ScheduleEntry, SchedulePage
from congso.schedule.tests.factories import make_second_site


@pytest.fixture
def two_sites(home):
    return home, make_second_site("xa.localhost")


def test_sample_creates_a_page_and_two_weeks_per_site(two_sites, monkeypatch):
    monkeypatch.setattr(querysets, "today", lambda: date(2026, 12, 2))
    call_command("load_sample_schedule", stdout=open("/dev/null", "w"))
    assert SchedulePage.objects.live().count() == 2
    days = ScheduleEntry.objects.values_list("day", flat=True)
    assert min(days) == date(2026, 11, 30) and max(days) == date(2026, 12, 11)
    assert all("(dữ liệu mẫu)" in e.content for e in ScheduleEntry.objects.all())
    commune = SchedulePage.objects.child_of(two_sites[1]).get()
    assert set(commune.entries.values_list("leader", flat=True)) <= {
        "Chủ tịch UBND xã",
        "Phó Chủ tịch UBND xã",
    }


def test_second_run_the_same_day_creates_nothing(two_sites, monkeypatch):
    monkeypatch.setattr(querysets, "today", lambda: date(2026, 12, 2))
    call_command("load_sample_schedule", stdout=open("/dev/null", "w"))
    count = ScheduleEntry.objects.count()
    call_command("load_sample_schedule", stdout=open("/dev/null", "w"))
    assert ScheduleEntry.objects.count() == count
    assert SchedulePage.objects.count() == 2


def test_a_run_a_week_later_adds_only_the_missing_week(two_sites, monkeypatch):
    monkeypatch.setattr(querysets, "today", lambda: date(2026, 12, 2))
    call_command("load_sample_schedule", stdout=open("/dev/null", "w"))
    per_week = ScheduleEntry.objects.filter(day__lt=date(2026, 12, 7)).count()
    monkeypatch.setattr(querysets, "today", lambda: date(2026, 12, 9))
    call_command("load_sample_schedule", stdout=open("/dev/null", "w"))
    assert (
        ScheduleEntry.objects.filter(day__range=(date(2026, 12, 7), date(2026, 12, 13))).count()
        == per_week
    )
    assert ScheduleEntry.objects.filter(day__gte=date(2026, 12, 14)).count() == per_week


def test_sites_not_rooted_at_a_home_page_are_left_alone(home, monkeypatch):
    other = Page.get_first_root_node().add_child(title="Khác", slug="khac")
    Site.objects.create(hostname="khac.localhost", port=80, root_page=other)
    call_command("load_sample_schedule", stdout=open("/dev/null", "w"))
    assert SchedulePage.objects.count() == 1


def test_the_office_group_may_change_the_default_sites_schedule(home):
    call_command("load_sample_schedule", stdout=open("/dev/null", "w"))
    group = Group.objects.get(name="Văn phòng")
    page = SchedulePage.objects.get()
    assert group.page_permissions.filter(page=page, permission__codename="change_page").exists()
    assert group.permissions.filter(codename="change_scheduleentry").exists()
